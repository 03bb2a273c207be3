package io.pipelinekit.paths.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathMapCliTest {
  private static final String ROOTS =
      "{\"mainSite\":\"hq\",\"shares\":[{\"code\":\"storage\",\"default\":true,"
          + "\"roots\":{\"linux\":\"/storage\",\"windows\":\"S:\\\\\"},"
          + "\"sites\":{\"london\":{\"linux\":\"/mnt/lon/storage\"}}}]}";

  @TempDir Path dir;
  private Path roots;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void writeRoots() throws IOException {
    roots = Files.writeString(dir.resolve("roots.json"), ROOTS);
  }

  private int run(String stdin, String... args) {
    return PathMapCli.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void mapsArgumentsToATargetPlatformInOrder() {
    int rc =
        run("", "--roots", roots.toString(), "--to", "windows", "/storage/a.exr", "/storage/b/");
    assertThat(rc).isZero();
    assertThat(out())
        .isEqualTo("S:\\a.exr" + System.lineSeparator() + "S:\\b\\" + System.lineSeparator());
    assertThat(err()).isEmpty();
  }

  @Test
  void readsStandardInputWhenNoPathIsGivenAndKeepsLinesAligned() {
    int rc =
        run(
            "/storage/a.exr\n/elsewhere/x\nS:\\c.exr\n",
            "--roots",
            roots.toString(),
            "--to",
            "share");
    assertThat(rc).isEqualTo(1);
    assertThat(out().split(System.lineSeparator(), -1))
        .containsExactly("share=storage/a.exr", "", "share=storage/c.exr", "");
    assertThat(err()).contains("error: NO_MATCH").contains("/elsewhere/x");
  }

  @Test
  void tsvShowsInputOutputAndStatus() {
    run(
        "",
        "--roots",
        roots.toString(),
        "--to",
        "linux@london",
        "--tsv",
        "share=storage/a",
        "share=nope/a");
    assertThat(out())
        .contains("share=storage/a\t/mnt/lon/storage/a\tOK")
        .contains("share=nope/a\t\tUNKNOWN_SHARE");
  }

  @Test
  void optionsReachTheMapper() {
    int rc =
        run(
            "",
            "--roots",
            roots.toString(),
            "--to",
            "windows",
            "--literal",
            "/storage/t.<UDIM>.tx");
    assertThat(rc).isEqualTo(1);
    assertThat(err()).contains("INVALID_CHAR");
    out.reset();
    err.reset();
    assertThat(run("", "--roots", roots.toString(), "--to", "windows", "/storage/t.<UDIM>.tx"))
        .isZero();
    assertThat(out()).startsWith("S:\\t.<UDIM>.tx");
  }

  @Test
  void usageErrorsExitWithTwoAndSayWhatIsWrong() {
    assertThat(run("", "--to", "windows", "/a")).isEqualTo(2);
    assertThat(err()).contains("--roots FILE is required");
    err.reset();
    assertThat(run("", "--roots", roots.toString(), "--to", "solaris")).isEqualTo(2);
    assertThat(err()).contains("unknown platform");
    err.reset();
    assertThat(run("", "--roots", roots.toString(), "--to", "linux", "--bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown option --bogus");
  }

  @Test
  void aBrokenRootTableExitsWithTwoAndNamesTheProblem() throws IOException {
    Path bad =
        Files.writeString(dir.resolve("bad.json"), "{\"shares\":[{\"code\":\"x\",\"rots\":{}}]}");
    assertThat(run("", "--roots", bad.toString(), "--to", "linux", "/a")).isEqualTo(2);
    assertThat(err()).contains("unknown key \"rots\"").contains("bad.json");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run("", "--help")).isZero();
    assertThat(out()).contains("usage: path-mapping --roots FILE --to TARGET");
  }
}
