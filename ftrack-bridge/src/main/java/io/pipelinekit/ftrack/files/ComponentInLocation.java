package io.pipelinekit.ftrack.files;

import io.pipelinekit.paths.sequence.FileSequence;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A component as registered in one location.
 *
 * <p>For a file, {@link #resourceIdentifier()} is its identifier. For a sequence, it is the
 * container's identifier (a {@code %0Nd} pattern, never a range), and {@link #sequence()} is the
 * pattern with the frames of the members registered in this location, so holes show. For a
 * container, {@link #memberIdentifiers()} lists its files.
 *
 * <pre>{@code
 * cil.sequence().map(FileSequence::toBracketString);   // "/mnt/p/plate.%04d.exr [1001-1002, 1004]"
 * }</pre>
 */
@Value.Immutable
public interface ComponentInLocation {
  /**
   * The location id.
   *
   * @return the id
   */
  String locationId();

  /**
   * The location name.
   *
   * @return the name
   */
  String locationName();

  /**
   * The identifier; its meaning depends on the location (an absolute path in {@code
   * ftrack.unmanaged}, a relative path under a prefix, a component id in {@code ftrack.server}).
   *
   * @return the identifier
   */
  String resourceIdentifier();

  /**
   * The frames of a sequence found in this location.
   *
   * @return the sequence, for sequence components
   */
  Optional<FileSequence> sequence();

  /**
   * The identifiers of a container's (or sequence's) members in this location, in member order.
   *
   * @return the identifiers; empty for files
   */
  List<String> memberIdentifiers();

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ComponentInLocation}; not thread-safe. */
  final class Builder extends ImmutableComponentInLocation.Builder {}
}
