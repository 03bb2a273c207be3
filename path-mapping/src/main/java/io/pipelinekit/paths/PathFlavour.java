package io.pipelinekit.paths;

/**
 * The syntax family of an operating-system path.
 *
 * <p>The flavour decides which characters separate components and what a root looks like. It is
 * never taken from the JVM the code runs on: a Windows path read on a Linux render node is still
 * parsed as {@link #WINDOWS}.
 *
 * <pre>{@code
 * OsPath p = OsPath.parse("S:\\shots\\a.exr", PathFlavour.WINDOWS);
 * }</pre>
 */
public enum PathFlavour {
  /** Linux and macOS: {@code /} separates components; {@code \} is an ordinary character. */
  POSIX('/'),
  /** Windows: drive letters, UNC shares, and both {@code \} and {@code /} as separators. */
  WINDOWS('\\');

  private final char separator;

  PathFlavour(char separator) {
    this.separator = separator;
  }

  /**
   * The separator this flavour writes when formatting a path.
   *
   * @return {@code '/'} for POSIX, {@code '\\'} for Windows
   */
  public char separator() {
    return separator;
  }

  /**
   * Whether {@code c} separates components when reading a path of this flavour.
   *
   * @param c a character of the path
   * @return true for {@code /} in both flavours and {@code \} on Windows
   */
  public boolean isSeparator(char c) {
    return c == '/' || (this == WINDOWS && c == '\\');
  }
}
