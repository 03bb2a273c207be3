package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.FailureKind;
import java.util.Optional;

/**
 * Checks that a name can exist on Windows exactly as written. Windows silently strips trailing dots
 * and spaces, refuses reserved device names and some characters; mapping a path onto such a name
 * would reach a different file, so it is a typed failure instead.
 */
public final class WindowsNames {
  /** ASCII characters Windows refuses in names: control characters and {@code <>:"|?*\\/}. */
  private static final boolean[] INVALID_ASCII = new boolean[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      INVALID_ASCII[c] = true;
    }
    for (char c : "<>:\"|?*\\/".toCharArray()) {
      INVALID_ASCII[c] = true;
    }
  }

  /** The longest name NTFS and the Win32 API accept, in UTF-16 units. */
  public static final int MAX_NAME_UNITS = 255;

  private WindowsNames() {}

  /** A problem with one name: the kind and a message. */
  public record Problem(FailureKind kind, String message) {}

  /**
   * Validates one component.
   *
   * @param name the component
   * @param patternMode accept sequence tokens such as {@code <UDIM>} that are not literal names
   * @return the problem, or empty if Windows can store the name
   */
  public static Optional<Problem> check(String name, boolean patternMode) {
    if (name.equals(".") || name.equals("..")) {
      return Optional.empty();
    }
    if (name.length() > MAX_NAME_UNITS) {
      return Optional.of(
          new Problem(
              FailureKind.TOO_LONG,
              "the name '"
                  + name
                  + "' is "
                  + name.length()
                  + " UTF-16 units long, more than the 255 a Windows file name may have;"
                  + " shorten it"));
    }
    String literal = patternMode ? SequenceTokens.blank(name) : name;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c < 128 && INVALID_ASCII[c]) {
        return Optional.of(
            new Problem(
                FailureKind.INVALID_CHAR,
                "the name '"
                    + name
                    + "' contains "
                    + describe(c)
                    + ", which Windows does not allow in file names; rename it"));
      }
    }
    char last = name.charAt(name.length() - 1);
    if (last == '.' || last == ' ') {
      return Optional.of(
          new Problem(
              FailureKind.INVALID_WINDOWS_NAME,
              "the name '"
                  + name
                  + "' ends with a "
                  + (last == '.' ? "dot" : "space")
                  + ", which Windows strips silently, so it would name another file; rename it"));
    }
    if (isReserved(name)) {
      return Optional.of(
          new Problem(
              FailureKind.RESERVED_NAME,
              "the name '"
                  + name
                  + "' is a reserved device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9,"
                  + " with or without an extension); rename it"));
    }
    return Optional.empty();
  }

  /** Trailing dots and spaces stripped, as Win32 does when it opens a file. */
  public static String win32Strip(String name) {
    int end = name.length();
    while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    return name.substring(0, end);
  }

  /** Whether {@code c} is an ASCII character Windows refuses in names. */
  public static boolean isInvalidAscii(char c) {
    return c < 128 && INVALID_ASCII[c];
  }

  static boolean isReserved(String name) {
    return isReserved(name, 0, name.length());
  }

  /**
   * Whether {@code text[start, end)} is a device name: its stem (before the first dot, without
   * trailing spaces) is CON, PRN, AUX, NUL, COM1-9 or LPT1-9, in any case.
   */
  public static boolean isReserved(String text, int start, int end) {
    if (end - start < 3) {
      return false;
    }
    // Every device name starts with C, P, A, N or L: most names are ruled out by one character.
    char first = (char) (text.charAt(start) | 0x20);
    if (first != 'c' && first != 'p' && first != 'a' && first != 'n' && first != 'l') {
      return false;
    }
    int stemEnd = start;
    while (stemEnd < end && text.charAt(stemEnd) != '.') {
      stemEnd++;
    }
    while (stemEnd > start && text.charAt(stemEnd - 1) == ' ') {
      stemEnd--;
    }
    int len = stemEnd - start;
    if (len == 3) {
      return startsWithFolded(text, start, "CON")
          || startsWithFolded(text, start, "PRN")
          || startsWithFolded(text, start, "AUX")
          || startsWithFolded(text, start, "NUL");
    }
    if (len == 4
        && (startsWithFolded(text, start, "COM") || startsWithFolded(text, start, "LPT"))) {
      char d = text.charAt(start + 3);
      // COM1-9, LPT1-9 and the superscript digits ¹²³ that Windows also reserves.
      return (d >= '1' && d <= '9') || d == '\u00b9' || d == '\u00b2' || d == '\u00b3';
    }
    return false;
  }

  /** ASCII-only prefix test; device names are ASCII, so no other letter can fold onto them. */
  private static boolean startsWithFolded(String text, int start, String upperAscii) {
    for (int i = 0; i < upperAscii.length(); i++) {
      char c = text.charAt(start + i);
      if (c >= 'a' && c <= 'z') {
        c = (char) (c - ('a' - 'A'));
      }
      if (c != upperAscii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(char c) {
    if (c < 0x20) {
      return String.format("the control character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }
}
