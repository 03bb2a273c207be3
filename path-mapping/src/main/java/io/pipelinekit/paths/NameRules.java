package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.WindowsNames;
import java.util.ArrayList;
import java.util.List;
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
    if (path.flavour() != PathFlavour.WINDOWS) {
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
