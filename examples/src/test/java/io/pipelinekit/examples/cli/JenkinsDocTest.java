package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/jenkins.md's exit-code table is the one the code uses. */
class JenkinsDocTest {
  static final Pattern ROW = Pattern.compile("\\| (\\d+) \\| `([a-z_]+)` \\| .+ \\|");

  @Test
  void theExitCodeTableMatchesExitCodes() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(root.resolve("docs"))) {
      root = root.getParent();
    }
    List<String> lines =
        Files.readAllLines(root.resolve("docs/jenkins.md"), StandardCharsets.UTF_8);
    int start = lines.indexOf("## Exit codes");
    Map<Integer, String> documented = new LinkedHashMap<>();
    for (String line : lines.subList(start, lines.size())) {
      if (line.startsWith("## ") && !line.equals("## Exit codes")) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        documented.put(Integer.parseInt(m.group(1)), m.group(2));
      }
    }
    assertThat(documented).containsExactlyEntriesOf(ExitCodes.kinds());
    assertThat(ExitCodes.kinds())
        .containsEntry(ExitCodes.UNAVAILABLE, "unavailable")
        .containsEntry(ExitCodes.TIMEOUT, "timeout");
  }
}
