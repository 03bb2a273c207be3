package io.pipelinekit.ftrack.files;

import io.pipelinekit.paths.SharePath;
import io.pipelinekit.paths.sequence.FileSequence;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A component's path in accsyn share notation.
 *
 * <pre>{@code
 * ShareFile f = paths.toShare(componentInLocation, mapper);
 * f.sharePath().toString();                         // share=projects/demo/sh010/plate.%04d.exr
 * f.sequence().map(FileSequence::toBracketString);  // share=projects/…/plate.%04d.exr [1001-1010]
 * }</pre>
 */
@Value.Immutable
public interface ShareFile {
  /**
   * The share path (for a sequence, of its pattern).
   *
   * @return the path
   */
  SharePath sharePath();

  /**
   * The sequence over the share path, for sequence components.
   *
   * @return the sequence
   */
  Optional<FileSequence> sequence();

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ShareFile}; not thread-safe. */
  final class Builder extends ImmutableShareFile.Builder {}
}
