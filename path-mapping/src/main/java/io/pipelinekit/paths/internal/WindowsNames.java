package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.FailureKind;
import java.util.Optional;

/**
 * Checks that a name can exist on Windows exactly as written. Windows silently strips trailing dots
 * and spaces, refuses reserved device names and some characters; mapping a path onto such a name
 * would reach a different file, so it is a typed failure instead.
 */
public final class WindowsNames {
  private static final String INVALID = "<>:\"|?*\\/";

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
    String literal = patternMode ? SequenceTokens.blank(name) : name;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c < 0x20 || INVALID.indexOf(c) >= 0) {
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

  static boolean isReserved(String name) {
    int dot = name.indexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    int end = stem.length();
    while (end > 0 && stem.charAt(end - 1) == ' ') {
      end--;
    }
    stem = Text.fold(stem.substring(0, end));
    switch (stem) {
      case "CON":
      case "PRN":
      case "AUX":
      case "NUL":
        return true;
      default:
        break;
    }
    if (stem.length() == 4 && (stem.startsWith("COM") || stem.startsWith("LPT"))) {
      char d = stem.charAt(3);
      // COM1-9, LPT1-9 and the superscript digits ¹²³ that Windows also reserves.
      return (d >= '1' && d <= '9') || d == '\u00b9' || d == '\u00b2' || d == '\u00b3';
    }
    return false;
  }

  private static String describe(char c) {
    if (c < 0x20) {
      return String.format("the control character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }
}
