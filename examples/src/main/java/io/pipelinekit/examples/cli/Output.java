package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.FileOutcome;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.TransferResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every transfer command shares: waiting, the deadline and the output format. */
final class Output {
  @Option(
      names = "--wait",
      description = "Wait until the transfer finishes (and register what arrived in ftrack).")
  boolean await;

  @Option(
      names = "--timeout",
      defaultValue = "12h",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "With --wait: give up after this long, e.g. 4h, 30m, 90s or ISO-8601 PT4H"
              + " (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--poll",
      defaultValue = "2s",
      hidden = true,
      converter = DurationConverter.class,
      description = "First poll interval while waiting.")
  Duration poll;

  @Option(
      names = "--json",
      description = "Print a machine-readable summary on stdout (progress goes to stderr).")
  boolean json;

  /** Progress: to stderr with --json (stdout stays parseable), else to stdout. */
  FlowProgress progress() {
    PrintStream p = json ? System.err : System.out;
    return ConsoleProgress.on(p, !json && ConsoleProgress.stdoutIsTerminal());
  }

  static Map<String, Object> toMap(TransferResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flow", r.flow());
    m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("job_id", r.jobId());
    m.put("job_name", r.jobName());
    m.put("appended", r.appended());
    m.put("from", r.from());
    m.put("to", r.to());
    m.put("files_arrived", r.filesArrived());
    m.put("registered", r.registered());
    List<Map<String, Object>> files =
        r.files().stream()
            .map(
                (FileOutcome f) -> {
                  Map<String, Object> x = new LinkedHashMap<>();
                  x.put("label", f.label());
                  x.put("component_id", f.componentId());
                  x.put("source", f.source());
                  x.put("destination", f.destination());
                  x.put("files", f.files());
                  x.put("arrived", f.arrived());
                  x.put("registered_as", f.registeredAs());
                  return x;
                })
            .toList();
    m.put("files", files);
    m.put("warnings", r.warnings());
    return m;
  }

  void print(TransferResult r) {
    if (json) {
      Map<String, Object> m = toMap(r);
      if (r.succeeded()) {
        emit(m, ExitCodes.OK, null);
      } else {
        emit(
            m,
            ExitCodes.TRANSFER_FAILED,
            r.filesArrived()
                + " of "
                + r.files().stream().mapToLong(f -> f.files()).sum()
                + " files arrived (status "
                + r.status().name().toLowerCase(java.util.Locale.ROOT)
                + ")");
      }
      return;
    }
    System.out.println();
    System.out.println(
        r.flow()
            + " "
            + r.from()
            + " > "
            + r.to()
            + ": "
            + r.status()
            + " (accsyn job "
            + r.jobId()
            + ")");
    for (FileOutcome f : r.files()) {
      System.out.println(
          "  "
              + (r.status() == TransferResult.Status.SUBMITTED
                  ? "queued "
                  : f.arrived() ? "arrived" : "MISSING")
              + "  "
              + f.source()
              + (f.files() > 1 ? " (" + f.files() + " files)" : "")
              + f.registeredAs().map(id -> "  registered as " + id).orElse(""));
    }
  }

  /**
   * Prints the one JSON object of a command on stdout: {@code ok} and {@code exitCode} first, an
   * {@code error} when the code is not 0, then the command's own fields.
   *
   * @param fields what the command reports
   * @param exitCode the code the command exits with
   * @param problem what went wrong when the code is not 0
   */
  static void emit(Map<String, Object> fields, int exitCode, String problem) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", exitCode == ExitCodes.OK);
    m.put("exitCode", exitCode);
    if (exitCode != ExitCodes.OK) {
      CliErrors.Described d =
          new CliErrors.Described(
              exitCode,
              ExitCodes.kind(exitCode),
              problem == null ? ExitCodes.kind(exitCode) : problem,
              exitCode == ExitCodes.TRANSFER_FAILED
                  ? "see which files did not arrive, and the accsyn job for why"
                  : "see --help");
      m.put("error", d.toMap());
      System.err.println("error: " + d.message());
      System.err.println("hint: " + d.hint());
    }
    fields.forEach(
        (k, v) -> {
          if (!m.containsKey(k)) {
            m.put(k, v);
          }
        });
    System.out.println(JsonText.write(m));
  }

  /**
   * The JSON object of a failed command: no result, just the error.
   *
   * @param d the error
   * @return the object
   */
  static String errorJson(CliErrors.Described d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", false);
    m.put("exitCode", d.exitCode());
    m.put("error", d.toMap());
    return JsonText.write(m);
  }

  static int exitCode(TransferResult r) {
    return r.succeeded() ? ExitCodes.OK : ExitCodes.TRANSFER_FAILED;
  }
}
