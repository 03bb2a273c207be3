package io.pipelinekit.examples.cli;

import io.pipelinekit.examples.demo.Demo;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: every flow on the embedded fakes, checked byte for byte. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every flow offline on embedded fakes and checks the files that arrived.",
      "",
      "Runs setup, send (to a site, an employee and a vendor), review distribution and"
          + " publish-back end to end on embedded accsyn and ftrack fakes, then checks that every"
          + " expected file arrived byte-identical. No network, no credentials. Exit code 0 only"
          + " if everything arrived."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print a JSON summary on stdout instead of the story.")
  boolean json;

  @Option(
      names = "--timeout",
      defaultValue = "60s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Deadline of each transfer, for example 90s or PT90S (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    PrintStream out = json ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
    Demo.Report report =
        Demo.run(
            out,
            json
                ? io.pipelinekit.flows.FlowProgress.NONE
                : ConsoleProgress.on(System.out, ConsoleProgress.stdoutIsTerminal()),
            timeout);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      List<Map<String, Object>> rows =
          report.rows().stream()
              .map(
                  r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("flow", r.flow());
                    row.put("from", r.from());
                    row.put("to", r.to());
                    row.put("files", r.files());
                    row.put("identical", r.identical());
                    row.put("bytes", r.bytes());
                    row.put("registered", r.registered());
                    return row;
                  })
              .toList();
      m.put("rows", rows);
      m.put("problems", report.problems());
      Output.emit(
          m,
          report.ok() ? ExitCodes.OK : ExitCodes.TRANSFER_FAILED,
          String.join("; ", report.problems()));
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.TRANSFER_FAILED;
  }
}
