package io.pipelinekit.paths.internal;

/**
 * Recognises frame-sequence tokens inside a name so that name validation can exempt them in pattern
 * mode. Only tokens with characters Windows would otherwise refuse need care: {@code <UDIM>} and
 * {@code <UVTILE>}; printf, {@code #}, {@code @} and {@code $F} tokens are legal Windows text
 * anyway and pass through mapping untouched.
 */
final class SequenceTokens {
  private static final String[] ANGLE_TOKENS = {"<UDIM>", "<UVTILE>"};

  private SequenceTokens() {}

  /** The name with each recognised angle-bracket token replaced by an innocuous letter. */
  static String blank(String name) {
    if (name.indexOf('<') < 0) {
      return name;
    }
    String out = name;
    for (String token : ANGLE_TOKENS) {
      out = replaceIgnoreCase(out, token);
    }
    return out;
  }

  private static String replaceIgnoreCase(String s, String token) {
    StringBuilder sb = null;
    int i = 0;
    int n = s.length();
    int last = 0;
    while (i <= n - token.length()) {
      if (s.regionMatches(true, i, token, 0, token.length())) {
        if (sb == null) {
          sb = new StringBuilder(n);
        }
        sb.append(s, last, i).append('T');
        i += token.length();
        last = i;
      } else {
        i++;
      }
    }
    if (sb == null) {
      return s;
    }
    return sb.append(s, last, n).toString();
  }
}
