package io.pipelinekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone command line. */
class MainTest {
  @TempDir Path tmp;

  @Test
  void startsFromASeedFileOnTheGivenPortAndRoot() throws Exception {
    Path seed = tmp.resolve("studio.json");
    Files.writeString(
        seed,
        "{\"workspace\": \"acme\", \"sites\": [{\"code\": \"hq\"}, {\"code\": \"la\"}],"
            + " \"users\": [{\"email\": \"ops@acme.com\", \"role\": \"admin\", \"api_key\": \"K\"}]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path root = tmp.resolve("root");
    FakeAccsyn fake =
        Main.start(
            new String[] {
              "accsyn", "--port", "0", "--seed", seed.toString(), "--root", root.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(fake.workspace()).isEqualTo("acme");
      assertThat(fake.siteDir("la")).isDirectory().startsWith(root);
      assertThat(fake.adminCredentials().apiKey()).isEqualTo("K");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("fake accsyn listening on http://127.0.0.1:" + fake.port())
          .contains("ops@acme.com / API key K");
    } finally {
      fake.close();
    }
    assertThat(root).exists();
  }

  @Test
  void rejectsBadArguments() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Main.start(new String[] {}, out))
        .hasMessage("missing the fake to run");
    assertThatThrownBy(() -> Main.start(new String[] {"ftrack"}, out))
        .hasMessage("unknown fake 'ftrack'");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--port"}, out))
        .hasMessage("missing value for --port");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--port", "x"}, out))
        .hasMessage("invalid port 'x'");
    assertThatThrownBy(() -> Main.start(new String[] {"accsyn", "--colour", "red"}, out))
        .hasMessage("unknown option --colour");
    assertThat(Main.USAGE).contains("--seed");
  }

  @Test
  void badSeedsAreExplained() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FakeAccsyn.builder().seedJson("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Seed is not a JSON object");
    assertThatThrownBy(() -> FakeAccsyn.builder().seedJson("{\"sites\": 3}"))
        .hasMessageContaining("'sites' must be a list of objects");
    assertThat(out).isNotNull();
  }
}
