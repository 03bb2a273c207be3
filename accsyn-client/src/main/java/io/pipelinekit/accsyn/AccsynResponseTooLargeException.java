package io.pipelinekit.accsyn;

/**
 * An answer was larger than the client reads ({@link AccsynClient.Builder#maxResponseBytes}, 64 MiB
 * by default); the rest of it was not read, so it cannot fill the heap. Not retried: the same
 * request gets the same answer. Narrow the request (a {@code WHERE} clause, {@code limit}, or
 * {@link AccsynClient#stream} for pages) or raise the limit.
 */
public class AccsynResponseTooLargeException extends AccsynServiceException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param operation the accsyn operation
   * @param statusCode the HTTP status of the answer
   * @param limit the limit in bytes
   */
  public AccsynResponseTooLargeException(
      String message, String operation, int statusCode, long limit) {
    super(message, operation, statusCode);
    this.limit = limit;
  }

  /**
   * The limit that was passed.
   *
   * @return bytes
   */
  public long limit() {
    return limit;
  }
}
