package io.pipelinekit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Locates the input files of the benchmarks. They are generated, not committed: the directory comes
 * from the system property {@value #DIRECTORY_PROPERTY} and defaults to {@code bench-data},
 * relative to the working directory (git-ignored at the project root).
 *
 * <pre>{@code
 * List<String> names = BenchmarkData.readLines("names-shots-100000.txt");
 * }</pre>
 */
public final class BenchmarkData {
  /** System property naming the directory that holds the generated inputs. */
  public static final String DIRECTORY_PROPERTY = "pipelinekit.bench.names";

  private BenchmarkData() {}

  /**
   * Returns the directory holding the generated inputs.
   *
   * @return the directory named by {@value #DIRECTORY_PROPERTY}, or {@code bench-data}
   */
  public static Path directory() {
    return Path.of(System.getProperty(DIRECTORY_PROPERTY, "bench-data"));
  }

  /**
   * Reads one generated file, one entry per line.
   *
   * @param fileName the file name inside {@link #directory()}
   * @return the lines, without line terminators
   * @throws IllegalStateException if the file is missing, with the command that creates it
   */
  public static List<String> readLines(String fileName) {
    Path file = directory().resolve(fileName);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "benchmark input "
              + file.toAbsolutePath()
              + " is missing: generate it from the project root with"
              + " 'python3 ../shared/bench/gen_names.py bench-data 100000 1000000'"
              + " or point -D"
              + DIRECTORY_PROPERTY
              + "=<dir> at a directory that has it");
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark input " + file, e);
    }
  }
}
