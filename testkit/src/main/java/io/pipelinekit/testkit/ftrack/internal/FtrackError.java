package io.pipelinekit.testkit.ftrack.internal;

/** An error the fake answers with the {@code {"exception", "content", "error_code"}} envelope. */
public final class FtrackError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String exception;
  private final int strictStatus;

  /**
   * Creates the error.
   *
   * @param exception the server's exception name, e.g. {@code ValidationError}
   * @param content the human message
   * @param strictStatus the HTTP status used in strict API mode
   */
  public FtrackError(String exception, String content, int strictStatus) {
    super(content);
    this.exception = exception;
    this.strictStatus = strictStatus;
  }

  /** A {@code ServerError} (500 in strict mode), used for malformed queries and bad operations. */
  public static FtrackError server(String content) {
    return new FtrackError("ServerError", content, 500);
  }

  /** A {@code ValidationError} (400 in strict mode). */
  public static FtrackError validation(String content) {
    return new FtrackError("ValidationError", content, 400);
  }

  /** A {@code PermissionError} (403 in strict mode). */
  public static FtrackError permission(String content) {
    return new FtrackError("PermissionError", content, 403);
  }

  /** The exception name. */
  public String exception() {
    return exception;
  }

  /** The status used in strict mode. */
  public int strictStatus() {
    return strictStatus;
  }
}
