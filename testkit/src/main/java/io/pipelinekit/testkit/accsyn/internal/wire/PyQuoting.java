package io.pipelinekit.testkit.accsyn.internal.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Python {@code urllib.parse.quote}/{@code unquote} as the accsyn client uses them for GET and
 * DELETE query strings: {@code %XX} escapes of UTF-8 bytes, a {@code +} is a plus (not a space),
 * and a malformed escape is kept as it is (Python's behaviour).
 */
public final class PyQuoting {

  private static final String SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PyQuoting() {}

  /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays {@code +}. */
  public static String unquote(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      }
      out.write(bytes, 0, bytes.length);
      i++;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Encodes like Python's {@code quote(s)} with the default {@code safe='/'}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 3);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && SAFE.indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return sb.toString();
  }
}
