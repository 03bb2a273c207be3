package io.pipelinekit.paths.internal;

import java.util.ArrayList;
import java.util.List;

/** Lexical handling of {@code .} and {@code ..} components. */
public final class DotSegments {
  private DotSegments() {}

  /**
   * The result of normalising: the components, and whether a {@code ..} climbed above the start.
   *
   * @param components the normalised components
   * @param escaped true if some {@code ..} had nothing left to remove
   * @param lowestDepth the smallest number of components that remained at any point
   */
  public record Normalized(List<String> components, boolean escaped, int lowestDepth) {}

  /** Whether any component is {@code .} or {@code ..}. */
  public static boolean hasDotSegments(List<String> components) {
    for (String c : components) {
      if (c.equals(".") || c.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** Removes {@code .} and resolves {@code ..} against the previous component. */
  public static Normalized normalize(List<String> components) {
    if (!hasDotSegments(components)) {
      return new Normalized(components, false, components.size());
    }
    List<String> out = new ArrayList<>(components.size());
    boolean escaped = false;
    int lowest = Integer.MAX_VALUE;
    for (String c : components) {
      if (c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (out.isEmpty()) {
          escaped = true;
        } else {
          out.remove(out.size() - 1);
        }
        lowest = Math.min(lowest, out.size());
      } else {
        out.add(c);
      }
    }
    return new Normalized(out, escaped, Math.min(lowest, out.size()));
  }

  /** The components before the first {@code ..}, without {@code .}: the path's textual prefix. */
  public static List<String> textualPrefix(List<String> components) {
    List<String> out = new ArrayList<>();
    for (String c : components) {
      if (c.equals("..")) {
        break;
      }
      if (!c.equals(".")) {
        out.add(c);
      }
    }
    return out;
  }
}
