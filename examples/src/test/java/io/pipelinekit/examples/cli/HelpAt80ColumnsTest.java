package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of every command of both jars ({@code pipelinekit-examples.jar} and {@code
 * testkit.jar}), as {@code --help} prints it: at most 80 columns, no word broken across lines, and
 * the root's command list showing each command's whole one-sentence summary.
 */
class HelpAt80ColumnsTest {
  @Test
  void examplesJar() {
    List<String> all =
        Main.COMMANDS.stream().map(c -> c.getAnnotation(CommandLine.Command.class).name()).toList();
    checkEveryCommand(Main.commandLine(Map.of(), all), args -> Main.run(args));
  }

  @Test
  void testkitJar() {
    checkEveryCommand(
        new CommandLine(new io.pipelinekit.testkit.Main()),
        args -> io.pipelinekit.testkit.Main.run(args));
  }

  @Test
  void testkitHelpListsTheFakesAndTheirOptions() {
    String root = help(args -> io.pipelinekit.testkit.Main.run(args));
    assertThat(root).contains("accsyn", "ftrack");
    String accsyn = help(args -> io.pipelinekit.testkit.Main.run(args), "accsyn");
    assertThat(accsyn)
        .contains("--seed", "--root", "--port", "--latency", "--throttle", "--server-error")
        .contains("--fail-tasks");
    String ftrack = help(args -> io.pipelinekit.testkit.Main.run(args), "ftrack");
    assertThat(ftrack).contains("--seed", "--port", "--api-user", "--api-key", "--latency");
  }

  void checkEveryCommand(CommandLine root, Function<String[], Integer> run) {
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(1);
    for (List<String> path : paths) {
      String text = help(run, path.toArray(String[]::new));
      CommandSpec spec = find(root, path).getCommandSpec();
      String where = "help of '" + String.join(" ", path) + "':\n" + text;
      assertThat(text.lines()).as(where).allMatch(l -> l.length() <= 80);
      Set<String> rendered = new LinkedHashSet<>(Arrays.asList(text.split("\\s+")));
      for (String word : sourceWords(spec)) {
        assertThat(rendered).as(where + "\nthe word '" + word + "' is split").contains(word);
      }
      String flat = String.join(" ", text.split("\\s+"));
      for (CommandLine sub : find(root, path).getSubcommands().values()) {
        if (sub.getCommandSpec().name().equals("help")) {
          continue;
        }
        String summary = sub.getCommandSpec().usageMessage().description()[0];
        assertThat(summary)
            .as("one-sentence summary of " + sub.getCommandName())
            .endsWith(".")
            .doesNotContain(". ");
        assertThat(flat).as(where).contains(String.join(" ", summary.split("\\s+")));
      }
    }
  }

  static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(path);
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help") && !out.contains(append(path, name))) {
                collect(sub, append(path, name), out);
              }
            });
  }

  static List<String> append(List<String> path, String name) {
    List<String> p = new ArrayList<>(path);
    p.add(name);
    return p;
  }

  static CommandLine find(CommandLine root, List<String> path) {
    CommandLine cl = root;
    for (String name : path) {
      cl = cl.getSubcommands().get(name);
    }
    return cl;
  }

  /** Every word the help is made of, as written in the source (format escapes undone). */
  static List<String> sourceWords(CommandSpec spec) {
    List<String> texts = new ArrayList<>();
    texts.addAll(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        texts.addAll(Arrays.asList(o.description()));
      }
    }
    return texts.stream()
        .flatMap(t -> Stream.of(t.split("\\s+")))
        .filter(w -> !w.isEmpty() && !w.contains("${"))
        .map(w -> w.replace("%%", "%"))
        .toList();
  }

  static String help(Function<String[], Integer> run, String... path) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      List<String> args = new ArrayList<>(List.of(path));
      args.add("--help");
      code = run.apply(args.toArray(String[]::new));
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).as("exit code of --help").isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
