package io.pipelinekit.paths;

/**
 * What a mapper does with a relative path such as {@code shots/a.exr}.
 *
 * <pre>{@code
 * MappingOptions.builder().relativePaths(RelativePolicy.DEFAULT_VOLUME).build();
 * }</pre>
 */
public enum RelativePolicy {
  /**
   * OS-to-OS mapping returns it unchanged (in the target's separators); mapping to a share path
   * fails with {@link FailureKind#RELATIVE}. The default: relative paths never match absolute roots
   * by accident.
   */
  KEEP,
  /** Every mapping of a relative path fails with {@link FailureKind#RELATIVE}. */
  REJECT,
  /**
   * Read it under the default volume, as accsyn does: {@code shots/a.exr} is {@code
   * share=storage/shots/a.exr}.
   */
  DEFAULT_VOLUME
}
