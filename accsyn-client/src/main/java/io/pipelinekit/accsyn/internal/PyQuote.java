package io.pipelinekit.accsyn.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding with the rules of Python's {@code urllib.parse.quote(s)} (default {@code
 * safe='/'}), which the official client uses for the event in a GET or DELETE query string (see
 * docs/protocol/accsyn-v3.md, "Encoding").
 *
 * <p>Why not {@code URLEncoder}: it writes {@code +} for a space and leaves {@code *} raw; Python
 * writes {@code %20} and {@code %2A}. Every UTF-8 byte outside {@code A-Z a-z 0-9 _ . - ~ /} is
 * written as {@code %XX} with uppercase hex.
 */
public final class PyQuote {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PyQuote() {}

  /**
   * Quotes text.
   *
   * @param text any text
   * @return the percent-encoded text
   */
  public static String quote(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isSafe(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} escapes (for tests and logs); {@code +} stays a plus, as in Python's {@code
   * unquote}.
   *
   * @param text percent-encoded text
   * @return the decoded text
   */
  public static String unquote(String text) {
    byte[] out = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        out[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
        i += 2;
      } else {
        out[n++] = (byte) c;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static boolean isSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-'
        || c == '~'
        || c == '/';
  }
}
