package io.pipelinekit.paths.sequence;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A file-name pattern with one frame token: a head, the token, and a tail, as in {@code
 * /shots/sh010/comp.} + {@code %04d} + {@code .exr}.
 *
 * <p>The head keeps everything before the token, directories included, untouched: POSIX paths,
 * {@code C:\} drives and {@code \\server\share} UNC roots come out exactly as they went in. Only
 * the file name, after the last {@code /} or {@code \}, is searched for the token, so a directory
 * named {@code #1} or {@code 100%} is never mistaken for one. The tokens read are listed in {@link
 * TokenStyle}; what {@code #} means comes from an explicit {@link SequenceSyntax} (default {@link
 * HashWidth#ONE}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * SequencePattern p = SequencePattern.parse("C:\\shots\\comp.####.exr");
 * p.width();                                  // 4
 * p.render(1001);                             // "C:\shots\comp.1001.exr"
 * p.frameOf("C:\\shots\\comp.0042.exr");      // OptionalInt[42]
 * p.format(TokenStyle.PRINTF, HashWidth.ONE); // "C:\shots\comp.%04d.exr"
 * }</pre>
 */
public final class SequencePattern {
  /** The smallest UDIM tile. */
  static final int UDIM_MIN = 1001;

  /** The largest UDIM tile accepted: ten columns by 99 rows. */
  static final int UDIM_MAX = 1999;

  private final String head;
  private final String tail;
  private final String token;
  private final TokenStyle style;
  private final int width;
  private final SignPadding signPadding;

  private SequencePattern(
      String head,
      String token,
      String tail,
      TokenStyle style,
      int width,
      SignPadding signPadding) {
    this.head = head;
    this.token = token;
    this.tail = tail;
    this.style = style;
    this.width = width;
    this.signPadding = signPadding;
  }

  /**
   * Parses a pattern with {@link SequenceSyntax#defaults()} ({@code #} is one digit).
   *
   * @param text the pattern, for example {@code /shots/comp.%04d.exr}
   * @return the pattern
   * @throws SequenceSyntaxException if the file name has no frame token, or more than one
   */
  public static SequencePattern parse(String text) {
    return parse(text, SequenceSyntax.defaults());
  }

  /**
   * Parses a pattern with the given syntax.
   *
   * @param text the pattern, for example {@code comp.#.exr}
   * @param syntax what {@code #} means and how negative frames render
   * @return the pattern
   * @throws SequenceSyntaxException if the file name has no frame token, or more than one
   */
  public static SequencePattern parse(String text, SequenceSyntax syntax) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(syntax, "syntax == null");
    int nameStart = TokenScanner.fileNameStart(text, 0, text.length());
    Token found = TokenScanner.find(text, nameStart, text.length(), syntax);
    if (found == null) {
      throw new SequenceSyntaxException(
          "no frame token in the file name: add one of %04d, %d, ####, @@@@, $F4 or <UDIM>",
          text, -1);
    }
    return fromToken(text, found, syntax.signPadding());
  }

  static SequencePattern fromToken(String text, Token token, SignPadding signPadding) {
    return new SequencePattern(
        text.substring(0, token.start()),
        text.substring(token.start(), token.end()),
        text.substring(token.end()),
        token.style(),
        token.width(),
        signPadding);
  }

  /**
   * Returns a printf pattern: {@code of("a.", 4, ".exr")} is {@code a.%04d.exr}, {@code of("a.", 1,
   * ".exr")} is {@code a.%d.exr}. Negative frames render with {@link SignPadding#PRINTF}.
   *
   * @param head everything before the frame, directories included
   * @param width the padding width, 1 for none
   * @param tail everything after the frame
   * @return the pattern
   * @throws SequenceException if the width is not between 1 and 32
   */
  public static SequencePattern of(String head, int width, String tail) {
    Objects.requireNonNull(head, "head == null");
    Objects.requireNonNull(tail, "tail == null");
    checkWidth(width);
    return new SequencePattern(
        head,
        tokenFor(TokenStyle.PRINTF, width, HashWidth.ONE),
        tail,
        TokenStyle.PRINTF,
        width,
        SignPadding.PRINTF);
  }

  private static void checkWidth(int width) {
    if (width < 1 || width > TokenScanner.MAX_WIDTH) {
      throw new SequenceException(
          "padding width "
              + width
              + " is out of range: use 1 (unpadded) to "
              + TokenScanner.MAX_WIDTH);
    }
  }

  /**
   * Returns everything before the token, directories included.
   *
   * @return the head, possibly empty
   */
  public String head() {
    return head;
  }

  /**
   * Returns everything after the token.
   *
   * @return the tail, possibly empty
   */
  public String tail() {
    return tail;
  }

  /**
   * Returns the token as written, for example {@code %04d}, {@code ####} or {@code ${F4}}.
   *
   * @return the token text
   */
  public String token() {
    return token;
  }

  /**
   * Returns the kind of token.
   *
   * @return the token style
   */
  public TokenStyle style() {
    return style;
  }

  /**
   * Returns the number of digits frames are padded to: 1 for unpadded tokens ({@code %d}, {@code
   * $F}, one {@code @}), 4 for UDIM and UVTILE tokens.
   *
   * @return the padding width, at least 1
   */
  public int width() {
    return width;
  }

  /**
   * Returns how negative frames are padded.
   *
   * @return the sign padding
   */
  public SignPadding signPadding() {
    return signPadding;
  }

  /**
   * Returns this pattern with another sign padding.
   *
   * @param signPadding how negative frames are padded
   * @return a pattern that differs only in sign padding
   */
  public SequencePattern withSignPadding(SignPadding signPadding) {
    Objects.requireNonNull(signPadding, "signPadding == null");
    return new SequencePattern(head, token, tail, style, width, signPadding);
  }

  /** Same pattern with another head; the inline parser strips the frame range off the head. */
  SequencePattern withHead(String newHead) {
    return new SequencePattern(newHead, token, tail, style, width, signPadding);
  }

  /**
   * Returns this pattern with its token spelled in another style; see {@link #format}.
   *
   * @param style the token style
   * @param hashWidth what one {@code #} stands for, used by {@link TokenStyle#HASH}
   * @return a pattern that renders the same file names with a different token
   * @throws SequenceException if the style cannot express this pattern (UDIM needs width 4; UVTILE
   *     needs a UDIM or UVTILE pattern)
   */
  public SequencePattern withStyle(TokenStyle style, HashWidth hashWidth) {
    Objects.requireNonNull(style, "style == null");
    Objects.requireNonNull(hashWidth, "hashWidth == null");
    String newToken = tokenInStyle(style, width, hashWidth);
    // With FOUR, widths below 4 have no '#': the token is all '@', which reads back as AT.
    TokenStyle newStyle =
        style == TokenStyle.HASH && newToken.indexOf('#') < 0 ? TokenStyle.AT : style;
    return new SequencePattern(head, newToken, tail, newStyle, width, signPadding);
  }

  /**
   * Returns the pattern text with the token spelled in {@code style}: {@code comp.%04d.exr} is
   * {@code comp.####.exr} as HASH with {@link HashWidth#ONE}, {@code comp.#.exr} with {@link
   * HashWidth#FOUR}, {@code comp.@@@@.exr} as AT and {@code comp.$F4.exr} as HOUDINI. With FOUR, a
   * width that is not a multiple of 4 is completed with {@code @}: width 5 is {@code #@}.
   *
   * @param style the token style
   * @param hashWidth what one {@code #} stands for, used by {@link TokenStyle#HASH}
   * @return the pattern text
   * @throws SequenceException if the style cannot express this pattern
   */
  public String format(TokenStyle style, HashWidth hashWidth) {
    return withStyle(style, hashWidth).toString();
  }

  private String tokenInStyle(TokenStyle target, int digits, HashWidth hashWidth) {
    boolean tile = style == TokenStyle.UDIM || style == TokenStyle.UVTILE;
    if (target == TokenStyle.UVTILE && !tile) {
      throw new SequenceException(
          "cannot write frames of '" + this + "' as <UVTILE>: only UDIM tiles have u/v positions");
    }
    if (target == TokenStyle.UDIM && digits != 4) {
      throw new SequenceException(
          "cannot write '"
              + this
              + "' with <UDIM>: UDIM tiles have 4 digits, this pads to "
              + digits);
    }
    return tokenFor(target, digits, hashWidth);
  }

  private static String tokenFor(TokenStyle style, int width, HashWidth hashWidth) {
    switch (style) {
      case PRINTF:
        return width == 1 ? "%d" : "%0" + width + "d";
      case HASH:
        return hashWidth == HashWidth.ONE
            ? "#".repeat(width)
            : "#".repeat(width / 4) + "@".repeat(width % 4);
      case AT:
        return "@".repeat(width);
      case HOUDINI:
        return width == 1 ? "$F" : "$F" + width;
      case UDIM:
        return "<UDIM>";
      case UVTILE:
        return "<UVTILE>";
      default:
        throw new AssertionError(style);
    }
  }

  /**
   * Returns the file name of one frame.
   *
   * @param frame the frame, or the UDIM tile for UDIM and UVTILE patterns
   * @return head + padded frame + tail
   * @throws SequenceException if this is a UDIM or UVTILE pattern and the tile is not between 1001
   *     and 1999
   */
  public String render(int frame) {
    StringBuilder out = new StringBuilder(head.length() + tail.length() + 12).append(head);
    if (style == TokenStyle.UDIM || style == TokenStyle.UVTILE) {
      checkTile(frame);
    }
    if (style == TokenStyle.UVTILE) {
      int offset = frame - UDIM_MIN;
      out.append('u').append(offset % 10 + 1).append("_v").append(offset / 10 + 1);
    } else {
      FrameNumbers.append(out, frame, width, signPadding);
    }
    return out.append(tail).toString();
  }

  void checkTile(int tile) {
    if (tile < UDIM_MIN || tile > UDIM_MAX) {
      throw new SequenceException(
          "UDIM tile "
              + tile
              + " is out of range for '"
              + this
              + "': tiles run from "
              + UDIM_MIN
              + " to "
              + UDIM_MAX);
    }
  }

  /**
   * Returns the frame a file name stands for, if it is exactly a name this pattern renders: for
   * {@code a.%04d.exr}, {@code a.0042.exr} is 42 and {@code a.42.exr} matches nothing.
   *
   * @param fileName a file name with the same head and tail
   * @return the frame, or empty if the name does not belong to this pattern
   */
  public OptionalInt frameOf(String fileName) {
    Objects.requireNonNull(fileName, "fileName == null");
    int from = head.length();
    int to = fileName.length() - tail.length();
    if (to < from || !fileName.startsWith(head) || !fileName.endsWith(tail)) {
      return OptionalInt.empty();
    }
    long frame =
        style == TokenStyle.UVTILE
            ? uvTile(fileName, from, to)
            : FrameNumbers.parse(fileName, from, to, width, signPadding);
    boolean tile = style == TokenStyle.UDIM || style == TokenStyle.UVTILE;
    if (frame == Long.MIN_VALUE || (tile && (frame < UDIM_MIN || frame > UDIM_MAX))) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) frame);
  }

  /** Reads {@code u<U>_v<V>} back to a tile number, or returns Long.MIN_VALUE. */
  private static long uvTile(String text, int from, int to) {
    int separator = text.indexOf("_v", from);
    if (separator < 0 || separator >= to || text.charAt(from) != 'u') {
      return Long.MIN_VALUE;
    }
    long u = FrameNumbers.parse(text, from + 1, separator, 1, SignPadding.PRINTF);
    long v = FrameNumbers.parse(text, separator + 2, to, 1, SignPadding.PRINTF);
    if (u < 1 || u > 10 || v < 1 || v > 100) {
      return Long.MIN_VALUE;
    }
    return UDIM_MIN + (u - 1) + (v - 1) * 10;
  }

  /**
   * Returns whether {@code o} is a pattern with the same head, token, tail and sign padding.
   *
   * @param o the object to compare with
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SequencePattern)) {
      return false;
    }
    SequencePattern other = (SequencePattern) o;
    return width == other.width
        && style == other.style
        && signPadding == other.signPadding
        && head.equals(other.head)
        && token.equals(other.token)
        && tail.equals(other.tail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(head, token, tail, style, width, signPadding);
  }

  /**
   * Returns the pattern as written: head + token + tail.
   *
   * @return the pattern text
   */
  @Override
  public String toString() {
    return head + token + tail;
  }
}
