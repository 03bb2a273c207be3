package io.pipelinekit.paths.sequence;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings for {@link SequenceCollapser}. Every policy the tools disagree on is explicit here, with
 * a documented default:
 *
 * <ul>
 *   <li>{@link Builder#signPadding sign padding}: {@link SignPadding#PRINTF};
 *   <li>{@link Builder#ambiguousPadding ambiguous padding}: {@link AmbiguousPadding#ASSUME_PADDED};
 *   <li>{@link Builder#caseSensitive case-sensitive grouping}: true;
 *   <li>{@link Builder#framePattern frame position}: the built-in rule (the digits just before the
 *       extension);
 *   <li>{@link Builder#versionsAsFrames version numbers as frames}: false;
 *   <li>{@link Builder#minItems minimum names per sequence}: 2;
 *   <li>{@link Builder#outputStyle output token}: {@link TokenStyle#PRINTF}, with {@link
 *       Builder#hashWidth hash width} {@link HashWidth#ONE} when the output style is {@link
 *       TokenStyle#HASH}.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; builders are not.
 *
 * <pre>{@code
 * CollapseOptions options = CollapseOptions.builder()
 *     .signPadding(SignPadding.DIGITS_ONLY)
 *     .caseSensitive(false)
 *     .minItems(1)
 *     .build();
 * }</pre>
 */
public final class CollapseOptions {
  private static final CollapseOptions DEFAULTS = builder().build();

  private final SignPadding signPadding;
  private final AmbiguousPadding ambiguousPadding;
  private final boolean caseSensitive;
  private final Pattern framePattern;
  private final boolean versionsAsFrames;
  private final int minItems;
  private final TokenStyle outputStyle;
  private final HashWidth hashWidth;

  private CollapseOptions(Builder builder) {
    this.signPadding = builder.signPadding;
    this.ambiguousPadding = builder.ambiguousPadding;
    this.caseSensitive = builder.caseSensitive;
    this.framePattern = builder.framePattern;
    this.versionsAsFrames = builder.versionsAsFrames;
    this.minItems = builder.minItems;
    this.outputStyle = builder.outputStyle;
    this.hashWidth = builder.hashWidth;
  }

  /**
   * Returns the documented defaults.
   *
   * @return the default options
   */
  public static CollapseOptions defaults() {
    return DEFAULTS;
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
   * Returns a builder holding these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.signPadding = signPadding;
    builder.ambiguousPadding = ambiguousPadding;
    builder.caseSensitive = caseSensitive;
    builder.framePattern = framePattern;
    builder.versionsAsFrames = versionsAsFrames;
    builder.minItems = minItems;
    builder.outputStyle = outputStyle;
    builder.hashWidth = hashWidth;
    return builder;
  }

  /**
   * Returns whether a minus sign counts toward the padding width.
   *
   * @return the sign padding
   */
  public SignPadding signPadding() {
    return signPadding;
  }

  /**
   * Returns the padding assumed when no name of a group has a leading zero.
   *
   * @return the ambiguous-padding policy
   */
  public AmbiguousPadding ambiguousPadding() {
    return ambiguousPadding;
  }

  /**
   * Returns whether names that differ only in case form different sequences.
   *
   * @return true if grouping is case-sensitive
   */
  public boolean caseSensitive() {
    return caseSensitive;
  }

  /**
   * Returns the pattern that locates the frame, if the built-in rule is replaced.
   *
   * @return the frame pattern, or empty for the built-in rule
   */
  public Optional<Pattern> framePattern() {
    return Optional.ofNullable(framePattern);
  }

  /**
   * Returns whether digits right after {@code v} or {@code V} may be frames.
   *
   * @return true if version numbers may be frames
   */
  public boolean versionsAsFrames() {
    return versionsAsFrames;
  }

  /**
   * Returns the fewest distinct frames a sequence needs; smaller groups become leftovers.
   *
   * @return at least 1
   */
  public int minItems() {
    return minItems;
  }

  /**
   * Returns the token style of the collapsed patterns.
   *
   * @return the output style
   */
  public TokenStyle outputStyle() {
    return outputStyle;
  }

  /**
   * Returns what one {@code #} stands for when the output style is {@link TokenStyle#HASH}.
   *
   * @return the hash width
   */
  public HashWidth hashWidth() {
    return hashWidth;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CollapseOptions)) {
      return false;
    }
    CollapseOptions other = (CollapseOptions) o;
    return signPadding == other.signPadding
        && ambiguousPadding == other.ambiguousPadding
        && caseSensitive == other.caseSensitive
        && patternText(framePattern).equals(patternText(other.framePattern))
        && versionsAsFrames == other.versionsAsFrames
        && minItems == other.minItems
        && outputStyle == other.outputStyle
        && hashWidth == other.hashWidth;
  }

  private static String patternText(Pattern pattern) {
    return pattern == null ? "" : pattern.pattern() + "/" + pattern.flags();
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        signPadding,
        ambiguousPadding,
        caseSensitive,
        patternText(framePattern),
        versionsAsFrames,
        minItems,
        outputStyle,
        hashWidth);
  }

  @Override
  public String toString() {
    return "CollapseOptions{signPadding="
        + signPadding
        + ", ambiguousPadding="
        + ambiguousPadding
        + ", caseSensitive="
        + caseSensitive
        + ", framePattern="
        + (framePattern == null ? "built-in" : framePattern.pattern())
        + ", versionsAsFrames="
        + versionsAsFrames
        + ", minItems="
        + minItems
        + ", outputStyle="
        + outputStyle
        + ", hashWidth="
        + hashWidth
        + "}";
  }

  /**
   * Builds {@link CollapseOptions}; unset values keep their defaults. Not thread-safe.
   *
   * <pre>{@code
   * CollapseOptions nukeStyle = CollapseOptions.builder()
   *     .outputStyle(TokenStyle.HASH)
   *     .hashWidth(HashWidth.ONE)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private SignPadding signPadding = SignPadding.PRINTF;
    private AmbiguousPadding ambiguousPadding = AmbiguousPadding.ASSUME_PADDED;
    private boolean caseSensitive = true;
    private Pattern framePattern;
    private boolean versionsAsFrames;
    private int minItems = 2;
    private TokenStyle outputStyle = TokenStyle.PRINTF;
    private HashWidth hashWidth = HashWidth.ONE;

    private Builder() {}

    /**
     * Sets whether a minus sign counts toward the padding width. With {@link
     * SignPadding#DIGITS_ONLY}, {@code f.-0005.exr} and {@code f.0000.exr} are one sequence; with
     * {@link SignPadding#PRINTF} (the default) they are two, of widths 5 and 4.
     *
     * @param signPadding the sign padding
     * @return this builder
     */
    public Builder signPadding(SignPadding signPadding) {
      this.signPadding = Objects.requireNonNull(signPadding, "signPadding == null");
      return this;
    }

    /**
     * Sets the padding assumed when no name of a group has a leading zero. Default {@link
     * AmbiguousPadding#ASSUME_PADDED}.
     *
     * @param ambiguousPadding the policy
     * @return this builder
     */
    public Builder ambiguousPadding(AmbiguousPadding ambiguousPadding) {
      this.ambiguousPadding = Objects.requireNonNull(ambiguousPadding, "ambiguousPadding == null");
      return this;
    }

    /**
     * Sets whether names that differ only in case form different sequences. Default true.
     *
     * <p>When false, head and tail are compared with locale-independent, per-code-point case
     * folding, and the collapsed pattern is written in that folded (lower-case) spelling, as clique
     * does: {@code F.0001.exr} and {@code f.0002.exr} give {@code f.%04d.exr [1-2]} whatever the
     * input order. Leftovers keep their original spelling.
     *
     * @param caseSensitive false to group case-insensitively
     * @return this builder
     */
    public Builder caseSensitive(boolean caseSensitive) {
      this.caseSensitive = caseSensitive;
      return this;
    }

    /**
     * Replaces the built-in frame rule with a regular expression that has a named group {@code
     * frame}, matched against the file name (the part after the last {@code /} or {@code \}). The
     * last match wins; the group must capture ASCII digits with an optional leading {@code -} (a
     * sign), or the name is a leftover. Everything before the group is the head, everything after
     * it the tail. The version rule does not apply: the expression decides. For example {@code
     * _(?<frame>\d+)\.} takes the number after the last underscore.
     *
     * <p>A regular expression runs for every name, so this is slower than the built-in rule.
     *
     * @param framePattern the expression
     * @return this builder
     * @throws SequenceException if the expression has no group named {@code frame}
     */
    public Builder framePattern(Pattern framePattern) {
      Objects.requireNonNull(framePattern, "framePattern == null");
      if (!framePattern.pattern().contains("(?<frame>")) {
        throw new SequenceException(
            "frame pattern '"
                + framePattern.pattern()
                + "' has no group named 'frame': write it as (?<frame>-?\\d+)");
      }
      this.framePattern = framePattern;
      return this;
    }

    /**
     * Goes back to the built-in frame rule: the ASCII digits just before the last dot of the file
     * name (or at its end when it has no dot), whatever character precedes them, so {@code
     * comp.1001.exr}, {@code comp_1001.exr} and {@code comp1001.exr} all qualify.
     *
     * @return this builder
     */
    public Builder builtInFramePattern() {
      this.framePattern = null;
      return this;
    }

    /**
     * Sets whether digits right after {@code v} or {@code V} may be frames. Default false, so
     * {@code x_v001.exr} and {@code x_v002.exr} stay single files rather than becoming {@code
     * x_v%03d.exr}.
     *
     * @param versionsAsFrames true to treat version numbers as frames
     * @return this builder
     */
    public Builder versionsAsFrames(boolean versionsAsFrames) {
      this.versionsAsFrames = versionsAsFrames;
      return this;
    }

    /**
     * Sets the fewest distinct frames a sequence needs. Default 2; 1 turns every numbered name into
     * a sequence.
     *
     * @param minItems at least 1
     * @return this builder
     * @throws SequenceException if minItems is less than 1
     */
    public Builder minItems(int minItems) {
      if (minItems < 1) {
        throw new SequenceException("minItems " + minItems + " is less than 1: use 1 or more");
      }
      this.minItems = minItems;
      return this;
    }

    /**
     * Sets the token style of the collapsed patterns. Default {@link TokenStyle#PRINTF}.
     *
     * @param outputStyle PRINTF, HASH, AT or HOUDINI
     * @return this builder
     * @throws SequenceException for UDIM and UVTILE, which collapsed frame numbers are not
     */
    public Builder outputStyle(TokenStyle outputStyle) {
      Objects.requireNonNull(outputStyle, "outputStyle == null");
      if (outputStyle == TokenStyle.UDIM || outputStyle == TokenStyle.UVTILE) {
        throw new SequenceException(
            "output style "
                + outputStyle
                + " is for UDIM tiles: collapse with PRINTF, HASH, AT or HOUDINI");
      }
      this.outputStyle = outputStyle;
      return this;
    }

    /**
     * Sets what one {@code #} stands for in HASH output. Default {@link HashWidth#ONE}.
     *
     * @param hashWidth the hash width
     * @return this builder
     */
    public Builder hashWidth(HashWidth hashWidth) {
      this.hashWidth = Objects.requireNonNull(hashWidth, "hashWidth == null");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     */
    public CollapseOptions build() {
      return new CollapseOptions(this);
    }
  }
}
