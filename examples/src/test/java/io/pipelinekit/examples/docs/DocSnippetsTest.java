package io.pipelinekit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java code in the newcomer's docs is the code of this package, so it compiles and its tests
 * pass in the build. Each fenced {@code java} block of docs/getting-started.md, the guides and
 * docs/testing.md is marked with the source it comes from: a whole test file (shown without its
 * package line) or a region between {@code // snippet: NAME} and {@code // end snippet}, shown with
 * the imports it needs (each one must be an import of that file).
 */
class DocSnippetsTest {
  static final Path ROOT = repositoryRoot();
  static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->");

  /** Sections whose code others own and check. */
  static final List<String> SKIPPED_SECTIONS =
      List.of("## Checked against the official ftrack Python client");

  @Test
  void everyJavaBlockIsTheCodeOfItsSource() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("docs/getting-started.md"));
    docs.add(ROOT.resolve("docs/testing.md"));
    try (Stream<Path> guides = Files.list(ROOT.resolve("docs"))) {
      guides.filter(p -> p.getFileName().toString().startsWith("guide-")).forEach(docs::add);
    }
    int checked = 0;
    for (Path doc : docs) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      boolean skipped = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("## ")) {
          skipped = SKIPPED_SECTIONS.contains(line);
        }
        if (skipped || !line.equals("```java")) {
          continue;
        }
        String where = ROOT.relativize(doc) + ":" + (i + 1);
        Matcher m = i > 0 ? MARKER.matcher(lines.get(i - 1)) : MARKER.matcher("");
        assertThat(m.matches()).as(where + " has no <!-- snippet: ... --> marker").isTrue();
        int end = lines.subList(i + 1, lines.size()).indexOf("```") + i + 1;
        List<String> block = lines.subList(i + 1, end);
        Path source = ROOT.resolve(m.group(1));
        List<String> file = Files.readAllLines(source, StandardCharsets.UTF_8);
        if (m.group(2) == null) {
          assertThat(String.join("\n", block))
              .as(where + " is " + m.group(1) + " without its package line")
              .isEqualTo(String.join("\n", withoutPackage(file)));
        } else {
          int body = 0;
          while (body < block.size()
              && (block.get(body).startsWith("import ") || block.get(body).isEmpty())) {
            assertThat(block.get(body).isEmpty() || file.contains(block.get(body)))
                .as(where + ": " + block.get(body) + " is not an import of " + m.group(1))
                .isTrue();
            body++;
          }
          assertThat(String.join("\n", block.subList(body, block.size())))
              .as(where + " is region '" + m.group(2) + "' of " + m.group(1))
              .isEqualTo(String.join("\n", region(file, m.group(2), where)));
        }
        checked++;
        i = end;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  static List<String> withoutPackage(List<String> file) {
    int start = file.get(0).startsWith("package ") ? 1 : 0;
    while (start < file.size() && file.get(start).isEmpty()) {
      start++;
    }
    return file.subList(start, file.size());
  }

  static List<String> region(List<String> file, String name, String where) {
    int start = -1;
    for (int i = 0; i < file.size(); i++) {
      if (file.get(i).strip().equals("// snippet: " + name)) {
        start = i + 1;
        break;
      }
    }
    assertThat(start).as(where + ": no region '" + name + "'").isPositive();
    int end = start;
    while (!file.get(end).strip().equals("// end snippet")) {
      end++;
    }
    List<String> lines = file.subList(start, end);
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("docs"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no docs directory above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
