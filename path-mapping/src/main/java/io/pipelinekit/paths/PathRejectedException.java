package io.pipelinekit.paths;

import java.util.Objects;

/**
 * Thrown by the "or else throw" conveniences when a path is rejected. The typed {@link #failure()}
 * says why.
 *
 * <pre>{@code
 * try {
 *   OsPath p = OsPath.parse("S:shots\\a.exr", PathFlavour.WINDOWS);
 * } catch (PathRejectedException e) {
 *   e.failure().kind();   // DRIVE_RELATIVE
 * }
 * }</pre>
 */
public final class PathRejectedException extends PathMappingException {
  private static final long serialVersionUID = 1L;

  private final MappingFailure failure;

  /**
   * Wraps a failure.
   *
   * @param failure the typed reason
   */
  public PathRejectedException(MappingFailure failure) {
    super(Objects.requireNonNull(failure, "failure == null").message());
    this.failure = failure;
  }

  /**
   * The typed reason.
   *
   * @return the failure
   */
  public MappingFailure failure() {
    return failure;
  }

  /**
   * Shortcut for {@code failure().kind()}.
   *
   * @return the failure kind
   */
  public FailureKind kind() {
    return failure.kind();
  }
}
