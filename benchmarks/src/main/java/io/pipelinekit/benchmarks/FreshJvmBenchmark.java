package io.pipelinekit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fresh JVM feels: each run starts a new {@code java} process for one scenario of {@link
 * FreshJvmScenarios}, the way a Jenkins job or a DCC hook starts one per call, and reports the
 * medians over the runs of what the child measured (JVM start to {@code main}, the first call, the
 * bulk rate right after it) beside the whole process as the parent saw it (wall time, and the
 * child's peak resident memory read from {@code /proc/self/status} just before it exits).
 *
 * <pre>
 * java -Dpipelinekit.bench.names=bench-data -cp benchmarks/target/benchmarks.jar \
 *      io.pipelinekit.benchmarks.FreshJvmBenchmark runs=5 pathmap collapse-shots collapse-long
 * </pre>
 *
 * <p>The children run with the JVM's default flags (default heap, tiered compilation); extra JVM
 * flags for the children go after {@code jvm=}, e.g. {@code jvm=-Xmx64m}.
 */
public final class FreshJvmBenchmark {
  private FreshJvmBenchmark() {}

  /**
   * Runs the scenarios.
   *
   * @param args {@code runs=<n>} (default 5), {@code jvm=<flag>} (repeatable), then scenario names
   *     of {@link FreshJvmScenarios}; all of them when none is given
   * @throws Exception if a child fails
   */
  public static void main(String[] args) throws Exception {
    int runs = 5;
    List<String> jvmFlags = new ArrayList<>();
    List<String> scenarios = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("runs=")) {
        runs = Integer.parseInt(a.substring(5));
      } else if (a.startsWith("jvm=")) {
        jvmFlags.add(a.substring(4));
      } else {
        scenarios.add(a);
      }
    }
    if (scenarios.isEmpty()) {
      scenarios.addAll(FreshJvmScenarios.NAMES);
    }
    System.out.printf(
        Locale.ROOT,
        "cores %d, load average %.2f, %d fresh JVMs per scenario, child flags %s%n",
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        runs,
        jvmFlags.isEmpty() ? "(defaults)" : jvmFlags);
    for (String scenario : scenarios) {
      List<Map<String, Double>> samples = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        samples.add(runChild(scenario, jvmFlags));
      }
      System.out.println(scenario + ": " + medians(samples));
    }
  }

  private static Map<String, Double> runChild(String scenario, List<String> jvmFlags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    String names = System.getProperty(BenchmarkData.DIRECTORY_PROPERTY);
    if (names != null) {
      command.add("-D" + BenchmarkData.DIRECTORY_PROPERTY + "=" + names);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FreshJvmScenarios.class.getName());
    command.add(scenario);
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Double> figures = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int eq = line.indexOf('=');
        if (line.startsWith(FreshJvmScenarios.FIGURE) && eq > 0) {
          figures.put(
              line.substring(FreshJvmScenarios.FIGURE.length(), eq),
              Double.parseDouble(line.substring(eq + 1)));
        } else {
          other.add(line);
        }
      }
    }
    int exit = p.waitFor();
    figures.put("process wall ms", (System.nanoTime() - start) / 1e6);
    if (exit != 0) {
      throw new IllegalStateException(
          scenario + " exited " + exit + ":\n" + String.join("\n", other));
    }
    return figures;
  }

  private static String medians(List<Map<String, Double>> samples) {
    StringBuilder sb = new StringBuilder();
    for (String key : samples.get(0).keySet()) {
      List<Double> values = new ArrayList<>();
      for (Map<String, Double> s : samples) {
        values.add(s.getOrDefault(key, Double.NaN));
      }
      values.sort(Double::compare);
      double median = values.get(values.size() / 2);
      sb.append(
          String.format(
              Locale.ROOT,
              "%n  %-28s median %10.1f  (min %.1f, max %.1f)",
              key,
              median,
              values.get(0),
              values.get(values.size() - 1)));
    }
    return sb.toString();
  }
}
