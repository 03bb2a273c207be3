package io.pipelinekit.benchmarks;

import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.Source;
import io.pipelinekit.paths.Target;
import io.pipelinekit.paths.sequence.CollapseResult;
import io.pipelinekit.paths.sequence.SequenceCollapser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The child side of {@link FreshJvmBenchmark}: one scenario in a JVM of its own, each figure
 * printed on a line of its own as {@code figure:<name>=<value>}.
 *
 * <ul>
 *   <li>{@code pathmap}: build the 300-root table of {@link PathMappingBenchmark} and map one path
 *       of the mixed notations (the first call), then map the next 100,000 mixed paths (the bulk
 *       rate of a JVM that has not warmed up yet);
 *   <li>{@code collapse-shots}, {@code collapse-long}: what a user's process does to collapse a
 *       listing of a million frame names: read the file, collapse it, print the summary.
 * </ul>
 */
public final class FreshJvmScenarios {
  /** The prefix of a figure line. */
  static final String FIGURE = "figure:";

  /** The scenarios, in the order they run when none is named. */
  static final List<String> NAMES = List.of("pathmap", "collapse-shots", "collapse-long");

  private static final Target TO_LINUX = Target.of(Platform.LINUX);

  private FreshJvmScenarios() {}

  /**
   * Runs one scenario.
   *
   * @param args the scenario name
   * @throws IOException if an input cannot be read
   */
  public static void main(String[] args) throws IOException {
    figure("jvm start to main ms", ManagementFactory.getRuntimeMXBean().getUptime());
    switch (args[0]) {
      case "pathmap" -> pathMap();
      case "collapse-shots" -> collapse("shots");
      case "collapse-long" -> collapse("long");
      default -> throw new IllegalArgumentException("unknown scenario " + args[0] + "; " + NAMES);
    }
    figure("peak RSS MB", peakRssKb() / 1024.0);
  }

  private static void pathMap() {
    // The inputs are made before the clock starts: they are the caller's, not the mapping's.
    PathMapper generator = PathMapper.of(PathMappingBenchmark.table());
    int n = 100_001;
    String[] linux = new String[n];
    String[] windows = new String[n];
    SplittableRandom random = new SplittableRandom(20261123L);
    for (int i = 0; i < n; i++) {
      linux[i] = PathMappingBenchmark.studioPath(random);
      windows[i] =
          generator
              .toOs(linux[i], Source.of(Platform.LINUX), Target.of(Platform.WINDOWS))
              .orElseThrow()
              .toString();
    }
    String[] mixed =
        PathMappingBenchmark.mixed(generator, linux, windows, new SplittableRandom(20261206L));

    long t0 = System.nanoTime();
    PathMapper mapper = PathMapper.of(PathMappingBenchmark.table());
    long t1 = System.nanoTime();
    String first = mapper.toOs(mixed[0], TO_LINUX).orElseThrow().toString();
    long t2 = System.nanoTime();
    long chars = first.length();
    for (int i = 1; i < n; i++) {
      chars += mapper.toOs(mixed[i], TO_LINUX).orElseThrow().toString().length();
    }
    long t3 = System.nanoTime();
    figure("table build ms", (t1 - t0) / 1e6);
    figure("first call us", (t2 - t1) / 1e3);
    figure("next 100k mixed ns/path", (t3 - t2) / (double) (n - 1));
    figure("output chars", chars);
  }

  private static void collapse(String layout) throws IOException {
    Path file = BenchmarkData.directory().resolve("names-" + layout + "-1000000.txt");
    long t0 = System.nanoTime();
    List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8);
    long t1 = System.nanoTime();
    CollapseResult result = SequenceCollapser.defaults().collapse(names);
    long t2 = System.nanoTime();
    System.out.println(
        result.sequences().size() + " sequences, " + result.leftovers().size() + " other files");
    figure("read ms", (t1 - t0) / 1e6);
    figure("collapse ms", (t2 - t1) / 1e6);
    figure("sequences", result.sequences().size());
  }

  private static void figure(String name, double value) {
    System.out.println(FIGURE + name + "=" + String.format(Locale.ROOT, "%.3f", value));
  }

  /** The peak resident set of this process, where Linux reports it; 0 elsewhere. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
