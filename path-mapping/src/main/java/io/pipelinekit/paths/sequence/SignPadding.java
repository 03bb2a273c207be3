package io.pipelinekit.paths.sequence;

/**
 * Whether the minus sign of a negative frame counts toward the padding width.
 *
 * <p>printf, fileseq and clique count it ({@code -5} at width 4 is {@code -005}); OpenTimelineIO
 * and pyseq pad the digits and put the sign in front ({@code -0005}). With {@link #DIGITS_ONLY},
 * {@code f.-0005.exr} and {@code f.0000.exr} belong to one 4-digit sequence.
 *
 * <pre>{@code
 * SequencePattern p = SequencePattern.of("f.", 4, ".exr");
 * p.render(-5);                                            // "f.-005.exr"
 * p.withSignPadding(SignPadding.DIGITS_ONLY).render(-5);   // "f.-0005.exr"
 * }</pre>
 */
public enum SignPadding {
  /** The sign counts toward the width, as printf {@code %04d} does: {@code -005}. The default. */
  PRINTF,
  /** Only the digits are padded; the sign goes in front: {@code -0005}. */
  DIGITS_ONLY
}
