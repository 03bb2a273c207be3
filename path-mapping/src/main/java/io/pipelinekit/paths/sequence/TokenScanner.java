package io.pipelinekit.paths.sequence;

/**
 * Finds the frame token in the file-name part of a pattern. Written by hand rather than as one
 * regular expression so that each rejected spelling ({@code %4d}, a second token, a disabled {@code
 * <UVTILE>}) gets its own message.
 */
final class TokenScanner {
  /** Widest padding accepted; frames have at most ten digits, {@code ####} with FOUR is sixteen. */
  static final int MAX_WIDTH = 32;

  private TokenScanner() {}

  /** Index just after the last {@code /} or {@code \} before {@code to}, or {@code from}. */
  static int fileNameStart(String text, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      if (c == '/' || c == '\\') {
        return i + 1;
      }
    }
    return from;
  }

  /** The only token in {@code text[from, to)}, or null if there is none. */
  static Token find(String text, int from, int to, SequenceSyntax syntax) {
    Token found = null;
    int i = from;
    while (i < to) {
      Token token = tokenAt(text, i, to, syntax);
      if (token == null) {
        i++;
        continue;
      }
      if (found != null) {
        throw new SequenceSyntaxException(
            "more than one frame token in the file name ('"
                + text.substring(found.start(), found.end())
                + "' and '"
                + text.substring(token.start(), token.end())
                + "'): a pattern has exactly one",
            text,
            token.start());
      }
      found = token;
      i = token.end();
    }
    return found;
  }

  private static Token tokenAt(String text, int i, int to, SequenceSyntax syntax) {
    switch (text.charAt(i)) {
      case '%':
        return printf(text, i, to);
      case '#':
      case '@':
        return hashes(text, i, to, syntax.hashWidth());
      case '$':
        return houdini(text, i, to);
      case '<':
        return angle(text, i, to, syntax);
      default:
        return null;
    }
  }

  private static Token printf(String text, int i, int to) {
    if (text.startsWith("%(UDIM)d", i) && i + 8 <= to) {
      return new Token(i, i + 8, TokenStyle.UDIM, 4);
    }
    int j = i + 1;
    int digitsEnd = j;
    while (digitsEnd < to && isDigit(text.charAt(digitsEnd))) {
      digitsEnd++;
    }
    if (digitsEnd >= to || text.charAt(digitsEnd) != 'd') {
      return null; // "100%", "%20": not a token
    }
    if (digitsEnd == j) {
      return new Token(i, digitsEnd + 1, TokenStyle.PRINTF, 1);
    }
    if (text.charAt(j) != '0') {
      throw new SequenceSyntaxException(
          "'"
              + text.substring(i, digitsEnd + 1)
              + "' pads with spaces, which no file name uses: write %0"
              + text.substring(j, digitsEnd)
              + "d for zero padding or %d for none",
          text,
          i);
    }
    int width = width(text, j, digitsEnd, i);
    return new Token(i, digitsEnd + 1, TokenStyle.PRINTF, Math.max(width, 1));
  }

  private static Token hashes(String text, int i, int to, HashWidth hashWidth) {
    int width = 0;
    boolean anyHash = false;
    int j = i;
    for (; j < to && (text.charAt(j) == '#' || text.charAt(j) == '@'); j++) {
      boolean hash = text.charAt(j) == '#';
      anyHash |= hash;
      width += hash ? hashWidth.digits() : 1;
    }
    if (width > MAX_WIDTH) {
      throw new SequenceSyntaxException(
          "padding of " + width + " digits is too wide (at most " + MAX_WIDTH + ")", text, i);
    }
    return new Token(i, j, anyHash ? TokenStyle.HASH : TokenStyle.AT, width);
  }

  private static Token houdini(String text, int i, int to) {
    if (text.startsWith("${F", i)) {
      int j = i + 3;
      int digitsEnd = j;
      while (digitsEnd < to && isDigit(text.charAt(digitsEnd))) {
        digitsEnd++;
      }
      if (digitsEnd < to && text.charAt(digitsEnd) == '}') {
        int width = digitsEnd == j ? 1 : width(text, j, digitsEnd, i);
        return new Token(i, digitsEnd + 1, TokenStyle.HOUDINI, positive(width, text, i));
      }
      return null; // ${FOO} and other variables
    }
    if (!text.startsWith("$F", i) || i + 2 > to) {
      return null;
    }
    int j = i + 2;
    int digitsEnd = j;
    while (digitsEnd < to && isDigit(text.charAt(digitsEnd))) {
      digitsEnd++;
    }
    if (digitsEnd == j && j < to && isWordChar(text.charAt(j))) {
      return null; // $FF, $FPS, $FSTART: other Houdini variables
    }
    int width = digitsEnd == j ? 1 : width(text, j, digitsEnd, i);
    return new Token(i, digitsEnd, TokenStyle.HOUDINI, positive(width, text, i));
  }

  private static Token angle(String text, int i, int to, SequenceSyntax syntax) {
    if (text.startsWith("<UDIM>", i) && i + 6 <= to) {
      return new Token(i, i + 6, TokenStyle.UDIM, 4);
    }
    if (text.startsWith("<UVTILE>", i) && i + 8 <= to) {
      if (!syntax.uvTileEnabled()) {
        throw new SequenceSyntaxException(
            "<UVTILE> is not enabled: no common tool agrees on it; enable it with"
                + " SequenceSyntax.builder().uvTileEnabled(true) or use <UDIM>",
            text,
            i);
      }
      return new Token(i, i + 8, TokenStyle.UVTILE, 4);
    }
    return null;
  }

  private static int width(String text, int from, int to, int tokenStart) {
    if (to - from > 2) {
      throw new SequenceSyntaxException(
          "padding '" + text.substring(from, to) + "' is too wide (at most " + MAX_WIDTH + ")",
          text,
          tokenStart);
    }
    int width = Integer.parseInt(text.substring(from, to));
    if (width > MAX_WIDTH) {
      throw new SequenceSyntaxException(
          "padding of " + width + " digits is too wide (at most " + MAX_WIDTH + ")",
          text,
          tokenStart);
    }
    return width;
  }

  private static int positive(int width, String text, int tokenStart) {
    if (width < 1) {
      throw new SequenceSyntaxException(
          "padding of 0 digits: write $F for unpadded frames or $F4 for four digits",
          text,
          tokenStart);
    }
    return width;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
