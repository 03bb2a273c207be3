package io.pipelinekit.paths.sequence;

import java.util.Objects;

/**
 * The reading rules for sequence patterns and sequence strings: what {@code #} means, how negative
 * frames are rendered, and whether {@code <UVTILE>} is a token.
 *
 * <p>{@link #defaults()} is {@link HashWidth#ONE} (Nuke: {@code ####} is four digits), {@link
 * SignPadding#PRINTF} and {@code <UVTILE>} disabled. Read fileseq or Katana names with {@code
 * SequenceSyntax.of(HashWidth.FOUR)}. Instances are immutable and thread-safe; builders are not.
 *
 * <pre>{@code
 * SequenceSyntax fileseq = SequenceSyntax.builder()
 *     .hashWidth(HashWidth.FOUR)
 *     .signPadding(SignPadding.PRINTF)
 *     .build();
 * FileSequence seq = FileSequence.parse("comp.1-100#.exr", fileseq);
 * }</pre>
 */
public final class SequenceSyntax {
  private static final SequenceSyntax DEFAULTS = builder().build();

  private final HashWidth hashWidth;
  private final SignPadding signPadding;
  private final boolean uvTileEnabled;

  private SequenceSyntax(Builder builder) {
    this.hashWidth = builder.hashWidth;
    this.signPadding = builder.signPadding;
    this.uvTileEnabled = builder.uvTileEnabled;
  }

  /**
   * Returns the documented defaults: {@code #} is one digit, printf sign padding, no {@code
   * <UVTILE>}.
   *
   * @return the default syntax
   */
  public static SequenceSyntax defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the defaults with the given meaning of {@code #}.
   *
   * @param hashWidth what one {@code #} stands for
   * @return a syntax with that hash width
   */
  public static SequenceSyntax of(HashWidth hashWidth) {
    return builder().hashWidth(hashWidth).build();
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns what one {@code #} stands for.
   *
   * @return the hash width
   */
  public HashWidth hashWidth() {
    return hashWidth;
  }

  /**
   * Returns the sign padding given to parsed patterns, used when they render negative frames.
   *
   * @return the sign padding
   */
  public SignPadding signPadding() {
    return signPadding;
  }

  /**
   * Returns whether {@code <UVTILE>} is read as a token; when false it is rejected.
   *
   * @return true if u/v tiles are enabled
   */
  public boolean uvTileEnabled() {
    return uvTileEnabled;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SequenceSyntax
        && ((SequenceSyntax) o).hashWidth == hashWidth
        && ((SequenceSyntax) o).signPadding == signPadding
        && ((SequenceSyntax) o).uvTileEnabled == uvTileEnabled;
  }

  @Override
  public int hashCode() {
    return Objects.hash(hashWidth, signPadding, uvTileEnabled);
  }

  @Override
  public String toString() {
    return "SequenceSyntax{hashWidth="
        + hashWidth
        + ", signPadding="
        + signPadding
        + ", uvTileEnabled="
        + uvTileEnabled
        + "}";
  }

  /**
   * Builds a {@link SequenceSyntax}; unset values keep their defaults. Not thread-safe.
   *
   * <pre>{@code
   * SequenceSyntax katana = SequenceSyntax.builder().hashWidth(HashWidth.FOUR).build();
   * }</pre>
   */
  public static final class Builder {
    private HashWidth hashWidth = HashWidth.ONE;
    private SignPadding signPadding = SignPadding.PRINTF;
    private boolean uvTileEnabled;

    private Builder() {}

    /**
     * Sets what one {@code #} stands for. Default {@link HashWidth#ONE}.
     *
     * @param hashWidth the hash width
     * @return this builder
     */
    public Builder hashWidth(HashWidth hashWidth) {
      this.hashWidth = Objects.requireNonNull(hashWidth, "hashWidth == null");
      return this;
    }

    /**
     * Sets the sign padding of parsed patterns. Default {@link SignPadding#PRINTF}.
     *
     * @param signPadding the sign padding
     * @return this builder
     */
    public Builder signPadding(SignPadding signPadding) {
      this.signPadding = Objects.requireNonNull(signPadding, "signPadding == null");
      return this;
    }

    /**
     * Sets whether {@code <UVTILE>} is a token. Default false: no common tool agrees on it, so a
     * name containing it is rejected rather than guessed at.
     *
     * @param uvTileEnabled true to read {@code <UVTILE>}
     * @return this builder
     */
    public Builder uvTileEnabled(boolean uvTileEnabled) {
      this.uvTileEnabled = uvTileEnabled;
      return this;
    }

    /**
     * Builds the syntax.
     *
     * @return an immutable syntax
     */
    public SequenceSyntax build() {
      return new SequenceSyntax(this);
    }
  }
}
