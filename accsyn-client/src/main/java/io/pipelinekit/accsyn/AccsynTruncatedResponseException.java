package io.pipelinekit.accsyn;

/**
 * accsyn's answer was JSON that ends before its value does: the connection broke or a proxy in
 * between cut it. The host and port are right; the answer is incomplete. A write may or may not
 * have been applied.
 */
public class AccsynTruncatedResponseException extends AccsynUnexpectedResponseException {
  private static final long serialVersionUID = 1L;

  private final long bytesReceived;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param bytesReceived the bytes of body that arrived
   */
  public AccsynTruncatedResponseException(
      String message, String operation, int statusCode, long bytesReceived) {
    super(message, operation, statusCode);
    this.bytesReceived = bytesReceived;
  }

  /**
   * The bytes of body that arrived.
   *
   * @return the count
   */
  public long bytesReceived() {
    return bytesReceived;
  }
}
