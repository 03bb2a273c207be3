package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Jenkins job gets from {@code --json}: one JSON object on stdout whatever the exit code,
 * with an error that speaks command line (flags and environment variables, never Java calls).
 */
class CliJsonAndExitCodesTest {
  /** A Java call in a hint, such as {@code workspace("<code>")} or {@code serverDetail()}. */
  static final Pattern JAVA_CALL = CliErrors.JAVA_CALL;

  @TempDir Path keys;
  TutorialStudio fakes;
  PrintStream stdout;
  PrintStream stderr;
  ByteArrayOutputStream captured = new ByteArrayOutputStream();
  ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    fakes = TutorialStudio.start(0);
    stdout = System.out;
    stderr = System.err;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(stdout);
    System.setErr(stderr);
    fakes.close();
  }

  List<String> withKey(String person, String accsynKey, String... args) throws IOException {
    Credentials c = fakes.accsyn().credentials(person);
    Path accsynKeyFile = Files.writeString(keys.resolve(person + ".accsyn"), accsynKey);
    Map<String, String> ftrack = fakes.ftrackEnvironment(person);
    Path ftrackKey =
        Files.writeString(keys.resolve(person + ".ftrack"), ftrack.get("FTRACK_API_KEY"));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--accsyn-endpoint", c.baseUrl().toString(),
            "--accsyn-workspace", c.workspace(),
            "--accsyn-user", person,
            "--accsyn-api-key-file", accsynKeyFile.toString(),
            "--ftrack-server", ftrack.get("FTRACK_SERVER"),
            "--ftrack-user", person,
            "--ftrack-api-key-file", ftrackKey.toString()));
    return all;
  }

  @Test
  @Timeout(60) // before the key check, listen served (and retried the refused key) for good
  void listenWithAWrongFtrackKeyEndsWithTheAuthenticationCodeAndOneLine() throws IOException {
    List<String> args = as(TutorialStudio.PIPELINE, "listen");
    Path wrong = Files.writeString(keys.resolve("wrong.ftrack"), "not-the-key");
    args.set(args.indexOf("--ftrack-api-key-file") + 1, wrong.toString());

    assertThat(run(args)).isEqualTo(ExitCodes.AUTHENTICATION);
    String err = errors.toString(StandardCharsets.UTF_8);
    assertThat(err.lines().filter(l -> l.startsWith("error:"))).hasSize(1);
    assertThat(err).doesNotContain("listening on").doesNotContain("not-the-key");
  }

  List<String> as(String person, String... args) throws IOException {
    return withKey(person, fakes.accsyn().credentials(person).apiKey(), args);
  }

  int run(List<String> args) {
    captured.reset();
    errors.reset();
    return Main.run(Map.of(), args.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> json() throws IOException {
    String out = captured.toString(StandardCharsets.UTF_8).strip();
    assertThat(out.lines()).as("one JSON object, on one line").hasSize(1);
    return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(out);
  }

  /** The JSON of a failure: its shape, its code, and an error in command-line words. */
  @SuppressWarnings("unchecked")
  Map<String, Object> failure(int code, String kind) throws IOException {
    Map<String, Object> m = json();
    assertThat(m).containsEntry("ok", false).containsEntry("exitCode", (double) code);
    Map<String, Object> error = (Map<String, Object>) m.get("error");
    assertThat(error).containsEntry("kind", kind).containsKeys("message", "hint");
    assertThat((String) error.get("message")).isNotBlank().doesNotContain("!.", "..\"");
    assertThat((String) error.get("hint")).isNotBlank();
    assertThat(error.get("message") + " " + error.get("hint")).doesNotContainPattern(JAVA_CALL);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains("error: " + error.get("message"), "hint: " + error.get("hint"));
    return m;
  }

  void setupAndSeed() throws IOException {
    assertThat(
            run(
                as(
                    TutorialStudio.ADMIN,
                    "setup",
                    "--project",
                    "demo",
                    "--site",
                    "hq",
                    "--site",
                    "la",
                    "--pipeline-user",
                    TutorialStudio.PIPELINE,
                    "--json")))
        .isZero();
    assertThat(json()).containsEntry("ok", true).containsEntry("exitCode", 0.0);
  }

  List<String> send(String versionId, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("send", "--asset-version", versionId, "--from", "hq", "--to", "la", "--json"));
    args.addAll(List.of(more));
    return as(TutorialStudio.PIPELINE, args.toArray(String[]::new));
  }

  @Test
  void successIsOkWithExitCodeZero() throws Exception {
    setupAndSeed();
    TutorialStudio.Production p = fakes.seedProduction();
    assertThat(run(send(p.versionIds().get(0), "--wait"))).isZero();
    assertThat(json())
        .containsEntry("ok", true)
        .containsEntry("exitCode", 0.0)
        .containsEntry("status", "done")
        .doesNotContainKey("error");
  }

  @Test
  void usageErrorsAreJsonWithExitCode2() throws Exception {
    assertThat(Main.run(Map.of(), "send", "--json", "--colour")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString()).contains("--colour");

    captured.reset();
    errors.reset();
    assertThat(Main.run(Map.of(), "send", "--json", "--timeout", "soon"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString())
        .contains("'soon' is not a duration; give e.g. 4h, 30m, 90s");
  }

  @Test
  void missingOptionsAreListedTogetherInCliWords() throws Exception {
    assertThat(run(List.of("send", "--json"))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString())
        .contains(
            "missing --asset-version ID (or --select TYPE:ID), --from LOCATION, --to LOCATION")
        .doesNotContain("--version ");
  }

  @Test
  void aBlankLocationIsExplainedWithoutJava() throws Exception {
    assertThat(run(List.of("send", "--asset-version", "x", "--from", " ", "--to", "la", "--json")))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString())
        .contains("a send needs a source and a destination location");
  }

  @Test
  void everyMissingSettingIsReportedInOneRun() throws Exception {
    int code = run(List.of("send", "--asset-version", "x", "--from", "hq", "--to", "la", "--json"));

    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString())
        .contains(
            "6 settings are missing",
            "--accsyn-workspace CODE or ACCSYN_WORKSPACE",
            "--accsyn-user EMAIL or ACCSYN_API_USER",
            "--accsyn-api-key-file FILE or ACCSYN_API_KEY",
            "--ftrack-server URL or FTRACK_SERVER",
            "--ftrack-user NAME or FTRACK_API_USER",
            "--ftrack-api-key-file FILE or FTRACK_API_KEY");
  }

  @Test
  void settingsFromTheEnvironmentCountAndOnlyTheRestIsReported() throws Exception {
    int code =
        Main.run(
            Map.of("ACCSYN_WORKSPACE", "studio", "FTRACK_SERVER", "https://x.ftrackapp.com"),
            "setup",
            "--project",
            "demo",
            "--json");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString())
        .contains("4 settings are missing")
        .doesNotContain("ACCSYN_WORKSPACE", "FTRACK_SERVER");
  }

  @Test
  void aWrongKeyIsExitCode3() throws Exception {
    assertThat(
            run(
                withKey(
                    TutorialStudio.PIPELINE, "not-the-key", "setup", "--project", "p", "--json")))
        .isEqualTo(ExitCodes.AUTHENTICATION);
    assertThat(failure(3, "authentication").get("error").toString())
        .contains("--accsyn-api-key-file")
        .doesNotContain("not-the-key");
  }

  @Test
  void anUnknownVersionIsExitCode4() throws Exception {
    setupAndSeed();
    fakes.seedProduction();
    assertThat(run(send("0000-no-such-version"))).isEqualTo(ExitCodes.NOT_FOUND);
    failure(4, "not_found");
  }

  @Test
  void anUnknownLocationIsExplainedWithoutJava() throws Exception {
    setupAndSeed();
    TutorialStudio.Production p = fakes.seedProduction();
    List<String> args =
        as(
            TutorialStudio.PIPELINE,
            "send",
            "--asset-version",
            p.versionIds().get(0),
            "--from",
            "hq",
            "--to",
            "paris",
            "--json");
    assertThat(run(args)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(failure(2, "bad_input").get("error").toString())
        .contains("paris")
        .doesNotContain("LocationDirectory");
  }

  @Test
  void filesThatDidNotArriveAreExitCode5WithTheResult() throws Exception {
    setupAndSeed();
    TutorialStudio.Production p = fakes.seedProduction();
    fakes.accsyn().faults().failTasks("*.mov");

    int code = run(send(p.versionIds().get(0), "--wait"));
    assertThat(code)
        .as(captured.toString(StandardCharsets.UTF_8) + errors.toString(StandardCharsets.UTF_8))
        .isEqualTo(ExitCodes.TRANSFER_FAILED);
    Map<String, Object> m = failure(5, "transfer_failed");
    assertThat(m).containsEntry("status", "partial").containsKey("files");
    assertThat(m.get("error").toString()).contains("5 of 6 files arrived");
  }

  @Test
  void aTransferStillRunningAtTheDeadlineIsExitCode6() throws Exception {
    fakes.close();
    fakes = TutorialStudio.start(1024);
    setupAndSeed();
    TutorialStudio.Production p = fakes.seedProduction();
    assertThat(run(send(p.versionIds().get(0), "--wait", "--timeout", "300ms", "--poll", "50ms")))
        .isEqualTo(ExitCodes.TIMEOUT);
    assertThat(failure(6, "timeout").get("error").toString()).contains("--timeout");
  }

  @Test
  void aRefusedConnectionIsExitCode7() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> args = as(TutorialStudio.ADMIN, "setup", "--project", "demo", "--json");
    args.set(args.indexOf("--accsyn-endpoint") + 1, "http://127.0.0.1:" + port);
    assertThat(run(args)).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(failure(7, "unavailable").get("error").toString()).contains("run again later");
  }

  @Test
  void anUnknownHostIsExitCode7() throws Exception {
    List<String> args = as(TutorialStudio.ADMIN, "setup", "--project", "demo", "--json");
    args.set(args.indexOf("--accsyn-endpoint") + 1, "http://no-such-host.invalid");
    assertThat(run(args)).isEqualTo(ExitCodes.UNAVAILABLE);
    failure(7, "unavailable");
  }

  @Test
  void serverErrorsAfterRetriesAreExitCode7() throws Exception {
    fakes.accsyn().faults().serverError("*", 1000);
    assertThat(run(as(TutorialStudio.ADMIN, "setup", "--project", "demo", "--json")))
        .isEqualTo(ExitCodes.UNAVAILABLE);
    failure(7, "unavailable");
  }

  @Test
  void anUnexpectedServerAnswerIsExitCode1() throws Exception {
    fakes.ftrack().faults().nextException("ServerError", "something broke");
    assertThat(
            run(as(TutorialStudio.ADMIN, "setup", "--project", "demo", "--site", "hq", "--json")))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(failure(1, "internal").get("error").toString()).contains("something broke");
  }

  @Test
  void anUnexpectedErrorIsExitCode1WithTheSameShape() {
    CliErrors.Described d = CliErrors.describe(new IllegalStateException("bug"));
    assertThat(d.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(Output.errorJson(d))
        .isEqualTo(
            "{\"ok\":false,\"exitCode\":1,\"error\":{\"kind\":\"internal\",\"message\":\"bug\","
                + "\"hint\":\"this looks like a bug: run again with --verbose and report the"
                + " output\"}}");
  }

  @Test
  void libraryHintsInJavaAreRewrittenForTheCommandLine() {
    assertThat(
            CliErrors.speakCli(
                "no ftrack server: set FTRACK_SERVER or call"
                    + " serverUrl(\"https://<studio>.ftrackapp.com\")"))
        .isEqualTo("no ftrack server: set FTRACK_SERVER or pass --ftrack-server URL");
    assertThat(
            CliErrors.speakCli(
                "missing workspace: workspace(\"<code>\") or set ACCSYN_WORKSPACE (the <code> of"
                    + " <code>.accsyn.com)"))
        .doesNotContainPattern(JAVA_CALL)
        .contains("--accsyn-workspace CODE");
    assertThat(
            CliErrors.speakCli(
                "contact the admin of workspace studio with the server detail (serverDetail())."))
        .isEqualTo("contact the admin of workspace studio with the server detail.");
    assertThat(
            CliErrors.speakCli(
                "a send needs a source and a destination location (from(\"hq\").to(\"la\"))"))
        .isEqualTo("a send needs a source and a destination location");
    assertThat(
            CliErrors.speakCli(
                "x sees folder shares on several volumes [a, b]; build the layout with"
                    + " StudioLayout.builder().volume(<code>)"))
        .isEqualTo("x sees folder shares on several volumes [a, b]");
    assertThat(CliErrors.speakCli("give your location: remoteLocation(\"vic@vendor.com\")"))
        .isEqualTo("give your location");
    assertThat(CliErrors.speakCli("check your user name and API key!."))
        .isEqualTo("check your user name and API key!");
    assertThat(CliErrors.speakCli("bad header..")).isEqualTo("bad header.");
    assertThat(CliErrors.speakCli("send 5f1c... to la")).isEqualTo("send 5f1c... to la");
  }

  // The commands as a Jenkins job runs them, each with the key of the person the tutorials
  // assign it to: setup as the admin, send as the pipeline account.

  @Test
  void setupThenSendWithEachRolesKey() throws Exception {
    setupAndSeed();
    assertThat(json().get("steps").toString())
        .contains("pipeline@studio.com reads and writes volume projects");
    TutorialStudio.Production p = fakes.seedProduction();

    int code = run(send(p.versionIds().get(0), "--wait"));

    assertThat(code).isZero();
    Map<String, Object> result = json();
    assertThat(result).containsEntry("status", "done").containsEntry("to", "la");
    assertThat(((Number) result.get("files_arrived")).intValue()).isEqualTo(6);
    assertThat(fakes.volumeDir("la").resolve("demo/sq010/sh010/comp/v001/main.1001.exr"))
        .hasSameBinaryContentAs(
            fakes.volumeDir("hq").resolve("demo/sq010/sh010/comp/v001/main.1001.exr"));
  }

  @Test
  void theVendorCannotRunSetupAndIsToldWhy() throws Exception {
    assertThat(run(as(TutorialStudio.VENDOR, "setup", "--project", "demo")))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains("vic@vendor.com (standard) lacks the accsyn admin role")
        .doesNotContain(fakes.accsyn().credentials(TutorialStudio.VENDOR).apiKey());
    assertThat(fakes.accsyn().state().entities("folder"))
        .noneMatch(f -> "demo".equals(f.get("code")));
  }
}
