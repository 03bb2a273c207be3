package io.pipelinekit.paths.sequence;

/**
 * The spelling of the frame token in a sequence pattern.
 *
 * <pre>{@code
 * SequencePattern p = SequencePattern.parse("comp.%04d.exr");
 * p.format(TokenStyle.HOUDINI, HashWidth.ONE);   // "comp.$F4.exr"
 * p.format(TokenStyle.HASH, HashWidth.FOUR);     // "comp.#.exr"
 * }</pre>
 */
public enum TokenStyle {
  /** printf: {@code %04d}, or {@code %d} when unpadded (Nuke, ffmpeg, clique, ftrack). */
  PRINTF,
  /** Hashes: {@code ####}; each {@code #} is one or four digits, see {@link HashWidth}. */
  HASH,
  /** At signs: {@code @@@@}, one digit each (fileseq, RV). */
  AT,
  /** Houdini: {@code $F4}, {@code $F} when unpadded; {@code ${F4}} is read too. */
  HOUDINI,
  /** A UDIM tile: {@code <UDIM>} or {@code %(UDIM)d}; always four digits, tiles 1001 to 1999. */
  UDIM,
  /**
   * A u/v tile: {@code <UVTILE>}, rendered {@code u1_v1} for tile 1001 (Mudbox style). Only read
   * when enabled with {@link SequenceSyntax.Builder#uvTileEnabled(boolean)}.
   */
  UVTILE
}
