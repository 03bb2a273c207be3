package io.pipelinekit.benchmarks;

import io.pipelinekit.paths.sequence.CollapseResult;
import io.pipelinekit.paths.sequence.SequenceCollapser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Collapses the name lists written by {@link GenerateNames} into sequences: the {@code shots}
 * layout (many 98-frame sequences) and the {@code long} layout (one sequence of up to a million
 * frames), each with 1% other files.
 *
 * <p>The target is at most 1.5 s for a million names with a 512 MB heap, which the fork enforces.
 * Each operation takes milliseconds to a few hundred, so average time over 2-second iterations is
 * stable; one full run of the four parameter sets takes about two and a half minutes.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.pipelinekit.benchmarks.GenerateNames \
 *     bench-data 100000 1000000
 * java -jar benchmarks/target/benchmarks.jar SequenceCollapse
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class SequenceCollapseBenchmark {

  /** Which generated layout to collapse: {@code shots} or {@code long}. */
  @Param({"shots", "long"})
  public String layout;

  /** How many names: the generator's file suffix. */
  @Param({"100000", "1000000"})
  public int count;

  private List<String> names;
  private SequenceCollapser collapser;

  /** Reads the names once per fork and checks that they collapse to something. */
  @Setup(Level.Trial)
  public void load() {
    names = BenchmarkData.readLines("names-" + layout + "-" + count + ".txt");
    if (names.size() != count) {
      throw new IllegalStateException(
          "expected " + count + " names in the " + layout + " file, found " + names.size());
    }
    collapser = SequenceCollapser.defaults();
    CollapseResult check = collapser.collapse(names);
    if (check.sequences().isEmpty() || check.leftovers().size() != count / 100) {
      throw new IllegalStateException("unexpected collapse of the " + layout + " names: " + check);
    }
  }

  /**
   * Collapses the whole list.
   *
   * @return the result, so the JIT cannot drop the work
   */
  @Benchmark
  public CollapseResult collapse() {
    return collapser.collapse(names);
  }
}
