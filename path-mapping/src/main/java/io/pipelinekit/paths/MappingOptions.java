package io.pipelinekit.paths;

import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link PathMapper} treats the edge cases. Immutable; the defaults suit most pipelines.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>relativePaths</td><td>KEEP</td><td>see {@link RelativePolicy}</td></tr>
 *   <tr><td>dotDot</td><td>NORMALIZE</td><td>see {@link DotDotPolicy}</td></tr>
 *   <tr><td>preferVolume</td><td>false</td><td>emit {@code volume=v/folder/...} instead of the
 *       most specific share</td></tr>
 *   <tr><td>patternMode</td><td>true</td><td>sequence tokens such as {@code <UDIM>} are not
 *       checked as Windows names</td></tr>
 *   <tr><td>win32Semantics</td><td>false</td><td>strip trailing dots and spaces of Windows input
 *       names with a warning, as Win32 does, instead of rejecting them</td></tr>
 *   <tr><td>longPathPrefix</td><td>false</td><td>emit {@code \\?\} for Windows paths of 260
 *       characters or more</td></tr>
 *   <tr><td>normalizeRemainderNfc</td><td>false</td><td>rewrite the names below the root to
 *       Unicode NFC (macOS writes NFD)</td></tr>
 *   <tr><td>shareHint</td><td>none</td><td>the share to choose when several own a root</td></tr>
 * </table>
 *
 * <pre>{@code
 * MappingOptions strict = MappingOptions.builder()
 *     .dotDot(DotDotPolicy.STRICT)
 *     .patternMode(false)
 *     .build();
 * PathMapper mapper = PathMapper.of(table, strict);
 * }</pre>
 */
public final class MappingOptions {
  private static final MappingOptions DEFAULTS = new Builder().build();

  private final RelativePolicy relativePaths;
  private final DotDotPolicy dotDot;
  private final boolean preferVolume;
  private final boolean patternMode;
  private final boolean win32Semantics;
  private final boolean longPathPrefix;
  private final boolean normalizeRemainderNfc;
  private final String shareHint;

  private MappingOptions(Builder b) {
    this.relativePaths = b.relativePaths;
    this.dotDot = b.dotDot;
    this.preferVolume = b.preferVolume;
    this.patternMode = b.patternMode;
    this.win32Semantics = b.win32Semantics;
    this.longPathPrefix = b.longPathPrefix;
    this.normalizeRemainderNfc = b.normalizeRemainderNfc;
    this.shareHint = b.shareHint;
  }

  /**
   * The defaults.
   *
   * @return the default options
   */
  public static MappingOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts from these options.
   *
   * @return a builder holding these values
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.relativePaths = relativePaths;
    b.dotDot = dotDot;
    b.preferVolume = preferVolume;
    b.patternMode = patternMode;
    b.win32Semantics = win32Semantics;
    b.longPathPrefix = longPathPrefix;
    b.normalizeRemainderNfc = normalizeRemainderNfc;
    b.shareHint = shareHint;
    return b;
  }

  /**
   * The relative-path policy.
   *
   * @return the policy
   */
  public RelativePolicy relativePaths() {
    return relativePaths;
  }

  /**
   * The {@code ..} policy.
   *
   * @return the policy
   */
  public DotDotPolicy dotDot() {
    return dotDot;
  }

  /**
   * Whether share output names the volume rather than the most specific shared folder.
   *
   * @return true for {@code volume=} output
   */
  public boolean preferVolume() {
    return preferVolume;
  }

  /**
   * Whether sequence tokens are exempt from Windows name checks.
   *
   * @return true in pattern mode
   */
  public boolean patternMode() {
    return patternMode;
  }

  /**
   * Whether Windows input names ending in dots or spaces are stripped with a warning.
   *
   * @return true to follow Win32
   */
  public boolean win32Semantics() {
    return win32Semantics;
  }

  /**
   * Whether long Windows output gets the {@code \\?\} prefix.
   *
   * @return true to emit it
   */
  public boolean longPathPrefix() {
    return longPathPrefix;
  }

  /**
   * Whether the names below the root are rewritten to NFC.
   *
   * @return true to normalise
   */
  public boolean normalizeRemainderNfc() {
    return normalizeRemainderNfc;
  }

  /**
   * The share to choose when several own the matched root.
   *
   * @return the share code, or empty
   */
  public Optional<String> shareHint() {
    return Optional.ofNullable(shareHint);
  }

  @Override
  public String toString() {
    return "MappingOptions{relativePaths="
        + relativePaths
        + ", dotDot="
        + dotDot
        + ", preferVolume="
        + preferVolume
        + ", patternMode="
        + patternMode
        + ", win32Semantics="
        + win32Semantics
        + ", longPathPrefix="
        + longPathPrefix
        + ", normalizeRemainderNfc="
        + normalizeRemainderNfc
        + ", shareHint="
        + shareHint
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MappingOptions m && toString().equals(m.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** Builds {@link MappingOptions}. Not thread-safe. */
  public static final class Builder {
    private RelativePolicy relativePaths = RelativePolicy.KEEP;
    private DotDotPolicy dotDot = DotDotPolicy.NORMALIZE;
    private boolean preferVolume;
    private boolean patternMode = true;
    private boolean win32Semantics;
    private boolean longPathPrefix;
    private boolean normalizeRemainderNfc;
    private String shareHint;

    private Builder() {}

    /**
     * Sets the relative-path policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder relativePaths(RelativePolicy policy) {
      this.relativePaths = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Sets the {@code ..} policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder dotDot(DotDotPolicy policy) {
      this.dotDot = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Emit {@code volume=} notation instead of the most specific share.
     *
     * @param value true to prefer volumes
     * @return this builder
     */
    public Builder preferVolume(boolean value) {
      this.preferVolume = value;
      return this;
    }

    /**
     * Exempt sequence tokens from Windows name checks.
     *
     * @param value true for pattern mode
     * @return this builder
     */
    public Builder patternMode(boolean value) {
      this.patternMode = value;
      return this;
    }

    /**
     * Strip trailing dots and spaces of Windows input names with a warning.
     *
     * @param value true to follow Win32
     * @return this builder
     */
    public Builder win32Semantics(boolean value) {
      this.win32Semantics = value;
      return this;
    }

    /**
     * Emit {@code \\?\} for long Windows output.
     *
     * @param value true to emit it
     * @return this builder
     */
    public Builder longPathPrefix(boolean value) {
      this.longPathPrefix = value;
      return this;
    }

    /**
     * Rewrite the names below the root to NFC.
     *
     * @param value true to normalise
     * @return this builder
     */
    public Builder normalizeRemainderNfc(boolean value) {
      this.normalizeRemainderNfc = value;
      return this;
    }

    /**
     * Names the share to choose when several own a root.
     *
     * @param code the share code
     * @return this builder
     */
    public Builder shareHint(String code) {
      this.shareHint = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /**
     * Removes the share hint.
     *
     * @return this builder
     */
    public Builder noShareHint() {
      this.shareHint = null;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public MappingOptions build() {
      return new MappingOptions(this);
    }
  }
}
