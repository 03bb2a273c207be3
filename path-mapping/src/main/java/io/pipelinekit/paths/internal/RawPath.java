package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.PathFlavour;
import io.pipelinekit.paths.PathRoot;
import java.util.List;

/**
 * What the parser produces: parts that are already valid (non-empty components without separators,
 * in an unmodifiable list), so {@link io.pipelinekit.paths.OsPath} can wrap them without copying or
 * checking them again.
 *
 * @param flavour the flavour
 * @param root the root
 * @param components the components, unmodifiable
 * @param trailingSeparator whether the text ended with a separator
 * @param literal whether the names must be taken exactly as written, as Windows takes those of a
 *     {@code \\?\} path: set only when that differs from the plain reading (a name ends with a dot
 *     or a space)
 */
public record RawPath(
    PathFlavour flavour,
    PathRoot root,
    List<String> components,
    boolean trailingSeparator,
    boolean literal) {
  /** A path read the ordinary way. */
  public RawPath(
      PathFlavour flavour, PathRoot root, List<String> components, boolean trailingSeparator) {
    this(flavour, root, components, trailingSeparator, false);
  }
}
