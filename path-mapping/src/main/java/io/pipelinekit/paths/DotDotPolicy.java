package io.pipelinekit.paths;

/**
 * How {@code ..} components are treated. In every policy a path that climbs out of the root it
 * started in is rejected with {@link FailureKind#ESCAPES_ROOT}, and share notation can never climb
 * above its share.
 *
 * <pre>{@code
 * MappingOptions.builder().dotDot(DotDotPolicy.STRICT).build();
 * }</pre>
 */
public enum DotDotPolicy {
  /**
   * Resolve {@code .} and {@code ..} lexically first, then choose the root from the result: {@code
   * /mnt/proj/../projects/a.exr} maps under {@code projects}. The default.
   */
  NORMALIZE,
  /**
   * Like {@link #NORMALIZE}, but reject any {@code ..} that leaves the root the text started in.
   */
  STRICT,
  /**
   * Keep {@code ..} in the mapped path, for symlink-heavy sites where lexical resolution would be
   * wrong; the path must still stay inside its root.
   */
  KEEP
}
