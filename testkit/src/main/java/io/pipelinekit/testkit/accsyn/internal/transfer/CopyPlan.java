package io.pipelinekit.testkit.accsyn.internal.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one task copies: a file, a directory tree, or the frames of a sequence, from a source path
 * to a destination that is either the target itself or a folder to put the source inside.
 *
 * @param source the source path (for sequences, the pattern path)
 * @param destination the destination path
 * @param into whether the destination is a folder to put the source inside
 */
public record CopyPlan(Path source, Path destination, boolean into) {

  /** One file to copy. */
  public record FileCopy(Path from, Path to) {}

  /** The files to copy, found now; missing files of an explicit sequence are listed too. */
  public List<FileCopy> files() {
    List<FileCopy> out = new ArrayList<>();
    String name = source.getFileName() == null ? "" : source.getFileName().toString();
    Optional<Sequences.Sequence> seq =
        Files.exists(source) ? Optional.empty() : Sequences.parse(name);
    if (seq.isPresent()) {
      Path dir = source.getParent();
      Sequences.Sequence s = seq.get();
      Path destDir =
          destination.getFileName() != null
                  && Sequences.parse(destination.getFileName().toString()).isPresent()
              ? destination.getParent()
              : destination;
      if (!s.frames().isEmpty()) {
        for (long f : s.frames()) {
          out.add(new FileCopy(dir.resolve(s.name(f)), destDir.resolve(s.name(f))));
        }
      } else if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
          for (Path p : ds) {
            if (s.matcher().matcher(p.getFileName().toString()).matches()) {
              out.add(new FileCopy(p, destDir.resolve(p.getFileName().toString())));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> a.from().compareTo(b.from()));
      }
      return out;
    }
    Path target = into ? destination.resolve(name) : destination;
    if (Files.isDirectory(source)) {
      try (Stream<Path> walk = Files.walk(source)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !isPart(p))
            .sorted()
            .forEach(
                p -> out.add(new FileCopy(p, target.resolve(source.relativize(p).toString()))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out;
    }
    out.add(new FileCopy(source, target));
    return out;
  }

  /** Whether the source (file, directory, or at least one sequence frame) exists. */
  public boolean sourceExists() {
    if (Files.exists(source)) {
      return true;
    }
    return files().stream().anyMatch(f -> Files.exists(f.from()));
  }

  /** Bytes of the source files that exist now. */
  public long size() {
    long total = 0;
    for (FileCopy f : files()) {
      try {
        if (Files.isRegularFile(f.from())) {
          total += Files.size(f.from());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }

  private static boolean isPart(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith(".") && n.endsWith(".part");
  }
}
