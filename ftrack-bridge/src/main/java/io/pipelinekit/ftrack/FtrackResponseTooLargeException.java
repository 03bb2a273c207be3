package io.pipelinekit.ftrack;

/**
 * The server's answer was longer than the session accepts ({@code
 * FtrackSession.Builder.maxResponseBytes}); the rest of it was not read. Page the query with a
 * smaller page size, select fewer attributes, or raise the limit. A batch with writes was applied
 * if the server got as far as answering.
 */
public class FtrackResponseTooLargeException extends FtrackException {
  private static final long serialVersionUID = 1L;

  private final long limit;
  private final long declaredLength;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param limit the limit in bytes
   * @param declaredLength the length the server declared, or -1 when it did not say
   */
  public FtrackResponseTooLargeException(String message, long limit, long declaredLength) {
    super(message);
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  /**
   * The limit that was passed.
   *
   * @return bytes
   */
  public long limit() {
    return limit;
  }

  /**
   * The length the server declared in {@code Content-Length}.
   *
   * @return bytes, or -1 when the answer was streamed without a length
   */
  public long declaredLength() {
    return declaredLength;
  }
}
