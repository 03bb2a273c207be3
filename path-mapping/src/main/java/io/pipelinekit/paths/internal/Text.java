package io.pipelinekit.paths.internal;

import java.text.Normalizer;

/**
 * Locale-independent text helpers for comparing path components.
 *
 * <p>Case folding mimics NTFS: each code point is upper-cased on its own with {@link
 * Character#toUpperCase(int)} (the simple mapping), so lengths never change, {@code ß} stays {@code
 * ß}, and {@code i} is never equal to {@code İ}. {@code String.equalsIgnoreCase} and {@code
 * toLowerCase()} are deliberately not used: the first also compares lower-case forms (making {@code
 * izmir} equal {@code İzmir}), the second depends on the default locale.
 */
public final class Text {
  private Text() {}

  /** Simple per-code-point upper case; returns {@code s} itself when nothing changes. */
  public static String fold(String s) {
    int n = s.length();
    int i = 0;
    // ASCII fast path: find the first char that would change.
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c >= 'a' && c <= 'z')) {
        break;
      }
    }
    if (i == n) {
      return s;
    }
    StringBuilder sb = new StringBuilder(n);
    sb.append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(Character.toUpperCase(cp));
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** NFC form; cheap for text that is obviously NFC already (no char at or above U+0300). */
  public static String nfc(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x300) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC)
            ? s
            : Normalizer.normalize(s, Normalizer.Form.NFC);
      }
    }
    return s;
  }

  /** ASCII-only lower case, for host names and codes that are ASCII by definition. */
  public static String asciiLower(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < n; j++) {
          char d = chars[j];
          if (d >= 'A' && d <= 'Z') {
            chars[j] = (char) (d + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }

  /**
   * The value of an ASCII hex digit ({@code 0-9a-fA-F}), or -1. {@link Character#digit(char, int)}
   * alone also accepts fullwidth and other scripts' digits, which no URL or JSON escape may use.
   */
  public static int hexDigit(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }

  /**
   * ASCII-only case-insensitive region match, for protocol keywords ({@code file:}, {@code share=},
   * {@code UNC\}). Unlike {@code regionMatches(true, ...)} it never equates a keyword with
   * look-alikes such as {@code ſ} (long s) or {@code İ}.
   */
  public static boolean regionMatchesAscii(String text, int offset, String asciiKeyword) {
    int n = asciiKeyword.length();
    if (offset < 0 || offset + n > text.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(offset + i);
      char k = asciiKeyword.charAt(i);
      if (c != k && asciiLowerChar(c) != asciiLowerChar(k)) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLowerChar(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** The index of the first unpaired surrogate, which has no UTF-8 form, or -1 if there is none. */
  public static int unpairedSurrogate(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else {
        return i;
      }
    }
    return -1;
  }

  /** Case-insensitive equality of share codes and site names, with the NTFS-style fold. */
  public static boolean equalsFolded(String a, String b) {
    return a.length() == b.length() && fold(a).equals(fold(b));
  }
}
