package io.pipelinekit.paths.sequence;

/**
 * What {@link SequenceCollapser} assumes when no name of a group has a leading zero, so the names
 * do not say whether they were padded.
 *
 * <p>{@code a.1000.exr a.1001.exr} could come from {@code a.%04d.exr} or from {@code a.%d.exr}.
 * When the frames have different digit counts ({@code a.999.exr a.1000.exr}) only {@code %d} can
 * have produced both, whatever the policy.
 *
 * <pre>{@code
 * CollapseOptions options =
 *     CollapseOptions.builder().ambiguousPadding(AmbiguousPadding.ASSUME_UNPADDED).build();
 * }</pre>
 */
public enum AmbiguousPadding {
  /**
   * When every frame of the group has the same number of digits, that number is the padding ({@code
   * a.1000.exr a.1001.exr} gives {@code a.%04d.exr}), as fileseq does and as clique does with
   * {@code assume_padded_when_ambiguous}. The default.
   */
  ASSUME_PADDED,
  /** Names without a leading zero are unpadded: {@code a.1000.exr a.1001.exr} gives {@code %d}. */
  ASSUME_UNPADDED
}
