package io.pipelinekit.accsyn;

/**
 * accsyn answered, and the answer was a failure. Subtypes say which kind; all carry the operation
 * and the HTTP status (which accsyn's own client ignores, but which helps to tell kinds apart).
 */
public abstract class AccsynServiceException extends AccsynException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param operation the accsyn operation (event uri, {@code login} or {@code lookup})
   * @param statusCode the HTTP status
   */
  protected AccsynServiceException(String message, String operation, int statusCode) {
    super(message);
    this.operation = operation;
    this.statusCode = statusCode;
  }

  /**
   * The operation that failed.
   *
   * @return the event uri such as {@code transfer/find}, or {@code login} or {@code lookup}
   */
  public String operation() {
    return operation;
  }

  /**
   * The HTTP status of the answer.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }
}
