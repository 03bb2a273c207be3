package io.pipelinekit.ftrack.files;

import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.sequence.FileSequence;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A component's file-system path in one location.
 *
 * <pre>{@code
 * ResolvedPath p = paths.resolve(componentInLocation);
 * p.path();                                       // /mnt/projects/demo/sh010/plate.%04d.exr
 * p.sequence().map(FileSequence::toBracketString) // … [1001-1002, 1004]
 * }</pre>
 */
@Value.Immutable
public interface ResolvedPath {
  /**
   * The location name.
   *
   * @return the name
   */
  String locationName();

  /**
   * The path: a file, or a sequence's {@code %0Nd} pattern.
   *
   * @return the path
   */
  String path();

  /**
   * The platform whose root was used; empty when the identifier was absolute (it keeps the
   * publishing machine's spelling, which path-mapping detects).
   *
   * @return the platform
   */
  Optional<Platform> platform();

  /**
   * The sequence with its frames, for sequence components.
   *
   * @return the sequence
   */
  Optional<FileSequence> sequence();

  /**
   * The paths of a container's or sequence's members.
   *
   * @return the paths; empty for files
   */
  List<String> memberPaths();

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ResolvedPath}; not thread-safe. */
  final class Builder extends ImmutableResolvedPath.Builder {}
}
