package io.pipelinekit.benchmarks;

import io.pipelinekit.paths.MappingOptions;
import io.pipelinekit.paths.OsPath;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.Share;
import io.pipelinekit.paths.Source;
import io.pipelinekit.paths.Target;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Maps 2^20 (about 1M) distinct studio paths against a table of 300 roots: 80 volumes with a Linux,
 * a Windows (UNC) and a macOS root each (240), and 60 shared folders with a Windows drive root of
 * their own (60); the folders' Linux and macOS roots derive from their volumes.
 *
 * <p>Paths look like a show's render tree, {@code
 * /mnt/studio/vol17/[projects/show8/]sq012/sh040/comp/v002/sh040_comp_v002.1042.exr}; about a third
 * sit under a shared folder. They are generated from a fixed seed, so every run maps the same
 * input. Two views of the same work:
 *
 * <ul>
 *   <li>{@code SampleTime} on one path per call: the per-path distribution (median and tail);
 *   <li>{@code AverageTime} over the whole list per call: the bulk rate, per path.
 * </ul>
 *
 * <p>The fork runs with the JVM's default heap, as a user's process would; a fixed heap is one
 * option away:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PathMappingBenchmark
 * java -jar benchmarks/target/benchmarks.jar PathMappingBenchmark -jvmArgsAppend "-Xms1g -Xmx1g"
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PathMappingBenchmark {
  static final int VOLUMES = 80;
  static final int FOLDERS = 60;
  static final int PATHS = 1 << 20;

  private PathMapper mapper;
  private String[] linuxPaths;
  private String[] windowsPaths;
  private String[] mixedPaths;
  private int next;

  private static final Source FROM_LINUX = Source.of(Platform.LINUX);
  private static final Target TO_WINDOWS = Target.of(Platform.WINDOWS);
  private static final Target TO_LINUX = Target.of(Platform.LINUX);

  @Setup
  public void setUp() {
    mapper = PathMapper.of(table());
    SplittableRandom random = new SplittableRandom(20261123L);
    linuxPaths = new String[PATHS];
    windowsPaths = new String[PATHS];
    for (int i = 0; i < PATHS; i++) {
      linuxPaths[i] = studioPath(random);
      windowsPaths[i] = mapper.toOs(linuxPaths[i], FROM_LINUX, TO_WINDOWS).orElseThrow().toString();
    }
    mixedPaths = mixed(mapper, linuxPaths, windowsPaths, new SplittableRandom(20261206L));
  }

  /**
   * The paths in every notation a pipeline hands over, shuffled: a third share notation (half of it
   * with a party: {@code site=hq:share=...} or {@code anna@studio.com:share=...}), a sixth volume
   * notation, the rest OS paths (half Linux, half Windows).
   */
  static String[] mixed(
      PathMapper mapper, String[] linux, String[] windows, SplittableRandom random) {
    PathMapper volumes = mapper.withOptions(MappingOptions.builder().preferVolume(true).build());
    String[] out = new String[linux.length];
    for (int i = 0; i < linux.length; i++) {
      switch (random.nextInt(12)) {
        case 0, 1 -> out[i] = mapper.toShare(linux[i], FROM_LINUX).orElseThrow().toString();
        case 2 -> out[i] = "site=hq:" + mapper.toShare(linux[i], FROM_LINUX).orElseThrow();
        case 3 -> out[i] = "anna@studio.com:" + mapper.toShare(linux[i], FROM_LINUX).orElseThrow();
        case 4, 5 -> out[i] = volumes.toShare(linux[i], FROM_LINUX).orElseThrow().toString();
        case 6, 7, 8 -> out[i] = linux[i];
        default -> out[i] = windows[i];
      }
      // A copy of its own, allocated in list order like the single-notation lists, so the
      // comparison is between notations rather than between memory layouts.
      out[i] = new String(out[i].toCharArray());
    }
    return out;
  }

  /** The 300-root table described in the class comment. */
  static RootTable table() {
    RootTable.Builder b = RootTable.builder().mainSite("hq");
    for (int v = 0; v < VOLUMES; v++) {
      b.add(
          Share.volume("vol" + v)
              .linux("/mnt/studio/vol" + v)
              .windows("\\\\fs" + (v % 8) + "\\vol" + v)
              .mac("/Volumes/vol" + v)
              .build());
    }
    for (int f = 0; f < FOLDERS; f++) {
      char drive = (char) ('D' + f % 20);
      b.add(
          Share.folder("show" + f, "vol" + f, "projects/show" + f)
              .windows(drive + ":\\show" + f)
              .build());
    }
    return b.build();
  }

  static String studioPath(SplittableRandom random) {
    int v = random.nextInt(VOLUMES);
    StringBuilder sb = new StringBuilder(96).append("/mnt/studio/vol").append(v);
    if (v < FOLDERS && random.nextInt(3) > 0) {
      sb.append("/projects/show").append(v);
    }
    int sq = 1 + random.nextInt(40);
    int sh = 10 * (1 + random.nextInt(50));
    int ver = 1 + random.nextInt(5);
    sb.append(
        String.format(
            "/sq%03d/sh%03d/comp/v%03d/sh%03d_comp_v%03d.%04d.exr",
            sq, sh, ver, sh, ver, 1001 + random.nextInt(100)));
    return sb.toString();
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (PATHS - 1);
    return i;
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String linuxToWindows() {
    return mapper.toOs(linuxPaths[nextIndex()], FROM_LINUX, TO_WINDOWS).orElseThrow().toString();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String windowsToLinuxDetected() {
    return mapper.toOs(windowsPaths[nextIndex()], TO_LINUX).orElseThrow().toString();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String linuxToShare() {
    // Formatted, like the other benchmarks: share notation is what gets sent to accsyn.
    return mapper.toShare(linuxPaths[nextIndex()], FROM_LINUX).orElseThrow().toString();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String mixedToLinux() {
    return mapper.toOs(mixedPaths[nextIndex()], TO_LINUX).orElseThrow().toString();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public String mixedToWindows() {
    return mapper.toOs(mixedPaths[nextIndex()], TO_WINDOWS).orElseThrow().toString();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(PATHS)
  public void mixedToLinuxAllPaths(Blackhole bh) {
    for (String p : mixedPaths) {
      bh.consume(mapper.toOs(p, TO_LINUX).orElseThrow().toString());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(PATHS)
  public void linuxToWindowsAllPaths(Blackhole bh) {
    for (String p : linuxPaths) {
      OsPath out = mapper.toOs(p, FROM_LINUX, TO_WINDOWS).orElseThrow();
      bh.consume(out.toString());
    }
  }
}
