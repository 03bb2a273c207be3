package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a Jenkins job runs them, against the fakes, each with the key of the person the
 * tutorials assign it to: setup as the admin, send as the pipeline account, publish-back as the
 * vendor.
 */
class CliAgainstFakesTest {
  @TempDir Path keys;
  TutorialStudio fakes;
  PrintStream stdout;
  PrintStream stderr;
  ByteArrayOutputStream captured;
  ByteArrayOutputStream errors;

  @BeforeEach
  void start() {
    fakes = TutorialStudio.start(0);
    stdout = System.out;
    captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    stderr = System.err;
    errors = new ByteArrayOutputStream();
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(stdout);
    System.setErr(stderr);
    fakes.close();
  }

  List<String> as(String person, String... args) throws IOException {
    Credentials c = fakes.accsyn().credentials(person);
    Path accsynKey = Files.writeString(keys.resolve(person + ".accsyn"), c.apiKey());
    Map<String, String> ftrack = fakes.ftrackEnvironment(person);
    Path ftrackKey =
        Files.writeString(keys.resolve(person + ".ftrack"), ftrack.get("FTRACK_API_KEY"));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--accsyn-endpoint", c.baseUrl().toString(),
            "--accsyn-workspace", c.workspace(),
            "--accsyn-user", person,
            "--accsyn-api-key-file", accsynKey.toString(),
            "--ftrack-server", ftrack.get("FTRACK_SERVER"),
            "--ftrack-user", person,
            "--ftrack-api-key-file", ftrackKey.toString()));
    return all;
  }

  int run(List<String> args) {
    captured.reset();
    errors.reset();
    return Main.run(args.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> json() throws IOException {
    return (Map<String, Object>)
        new Moshi.Builder()
            .build()
            .adapter(Object.class)
            .fromJson(captured.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void setupThenSendWithEachRolesKey() throws Exception {
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
                    "--vendor",
                    TutorialStudio.VENDOR,
                    "--json")))
        .isZero();
    assertThat(json().get("steps").toString())
        .contains("pipeline@studio.com reads and writes volume projects");
    TutorialStudio.Production p = fakes.seedProduction();

    int code =
        run(
            as(
                TutorialStudio.PIPELINE,
                "send",
                "--asset-version",
                p.versionIds().get(0),
                "--from",
                "hq",
                "--to",
                "la",
                "--wait",
                "--json"));

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
