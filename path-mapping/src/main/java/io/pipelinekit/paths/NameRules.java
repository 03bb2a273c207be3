package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.WindowsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules names must follow on the way in and out of a mapping: Windows input names that Win32
 * would silently change, and output names the target platform cannot hold.
 */
final class NameRules {
  private NameRules() {}

  /** Win32 strips trailing dots and spaces when opening; never map such a name silently. */
  static MappingResult<List<String>> win32Clean(
      OsPath path, boolean win32Semantics, String input, List<String> warnings) {
    if (path.flavour() != PathFlavour.WINDOWS || path.isLiteral()) {
      // A \\?\ path's names are what the file system holds: nothing to strip.
      return MappingResult.success(path.components(), List.of());
    }
    List<String> out = null;
    List<String> components = path.components();
    for (int i = 0; i < components.size(); i++) {
      String c = components.get(i);
      char last = c.charAt(c.length() - 1);
      if ((last != '.' && last != ' ') || c.equals(".") || c.equals("..")) {
        continue;
      }
      String stripped = WindowsNames.win32Strip(c);
      if (!win32Semantics) {
        return MappingResult.failure(
            FailureKind.INVALID_WINDOWS_NAME,
            input,
            "the name '"
                + c
                + "' in '"
                + input
                + "' ends with a dot or space, which Windows strips when it opens the file ('"
                + stripped
                + "'); rename it, or map with win32Semantics to follow Windows");
      }
      if (out == null) {
        out = new ArrayList<>(components);
      }
      out.set(i, stripped);
      warnings.add(
          "'" + c + "' was read as '" + stripped + "', as Windows strips trailing dots and spaces");
    }
    if (out == null) {
      return MappingResult.success(components, List.of());
    }
    out.removeIf(String::isEmpty);
    return MappingResult.success(out, List.of());
  }

  /** Windows' limit on a whole path, in UTF-16 units, with or without the long-path prefix. */
  static final int WINDOWS_MAX_PATH_UNITS = 32_767;

  /**
   * Checks that text bound for a POSIX file system or for share notation can carry every name: both
   * store UTF-8, so a NUL or an unpaired surrogate (which has no UTF-8 form) would become another
   * name or none.
   *
   * @param where what the names are for, e.g. "a POSIX path", for the message
   */
  static Optional<MappingFailure> checkUtf8Names(List<String> names, String where, String input) {
    for (int k = 0; k < names.size(); k++) {
      Optional<MappingFailure> f = checkUtf8(names.get(k), "the name", where, input);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  /** Like {@link #checkUtf8Names} for one piece of text. */
  static Optional<MappingFailure> checkUtf8(String text, String what, String where, String input) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < Character.MIN_SURROGATE) {
        if (c == 0) {
          return Optional.of(
              new MappingFailure(
                  FailureKind.INVALID_CHAR,
                  input,
                  what
                      + " '"
                      + text.replace("\0", "\\0")
                      + "' in '"
                      + input.replace("\0", "\\0")
                      + "' contains a NUL character (shown as \\0), which "
                      + where
                      + " cannot hold; remove it"));
        }
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(
            new MappingFailure(
                FailureKind.INVALID_CHAR,
                input,
                what
                    + " '"
                    + text
                    + "' in '"
                    + input
                    + "' contains an unpaired surrogate (U+"
                    + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                    + "), which has no UTF-8 form, so "
                    + where
                    + " cannot hold it; the name was decoded wrongly upstream: fix its encoding"));
      }
    }
    return Optional.empty();
  }

  /** Checks that Windows can hold a whole path of this length. */
  static Optional<MappingFailure> checkWindowsLength(String output, String input) {
    if (output.length() <= WINDOWS_MAX_PATH_UNITS) {
      return Optional.empty();
    }
    return Optional.of(
        new MappingFailure(
            FailureKind.TOO_LONG,
            input,
            "'"
                + input
                + "' maps to a Windows path of "
                + output.length()
                + " UTF-16 units, longer than the 32,767 Windows can open even with the \\\\?\\"
                + " prefix; shorten the names or the folder depth"));
  }

  /** Checks that the target can hold every name; returns the first problem. */
  static Optional<MappingFailure> checkTargetNames(
      List<String> names,
      Platform platform,
      boolean patternMode,
      String input,
      List<String> warnings) {
    if (platform.flavour() == PathFlavour.WINDOWS) {
      for (String name : names) {
        Optional<WindowsNames.Problem> problem = WindowsNames.check(name, patternMode);
        if (problem.isPresent()) {
          return Optional.of(
              new MappingFailure(
                  problem.get().kind(), input, problem.get().message() + " (in '" + input + "')"));
        }
      }
    } else if (platform.base() == Platform.MAC) {
      for (String name : names) {
        if (name.indexOf(':') >= 0) {
          warnings.add("the name '" + name + "' contains ':', which the macOS Finder shows as '/'");
        }
      }
    }
    return Optional.empty();
  }
}
