package io.pipelinekit.paths;

/**
 * Root of every exception thrown by the path-mapping module.
 *
 * <p>Mapping calls themselves never throw for bad input: they return a {@code MappingResult} whose
 * failure says what was wrong. Exceptions are reserved for programming errors and for the "or else
 * throw" conveniences, so a pipeline can choose between checking results and failing fast:
 *
 * <pre>{@code
 * try {
 *   String windows = mapper.toOs("/storage/a.exr", Target.of(Platform.WINDOWS)).orElseThrow();
 * } catch (PathMappingException e) {
 *   log.error("cannot map: {}", e.getMessage());
 * }
 * }</pre>
 */
public class PathMappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and how to fix it.
   *
   * @param message the human-readable explanation
   */
  public PathMappingException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message the human-readable explanation
   * @param cause the underlying cause
   */
  public PathMappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
