package io.pipelinekit.ftrack;

import java.io.IOException;

/**
 * The server's answer started but was cut short: the connection broke while the body was read, or
 * the JSON ends before its value does (a proxy or load balancer limit, a server restart). The
 * address is right; the answer is incomplete. A batch with writes may or may not have been applied;
 * reads are retried before this is thrown.
 */
public class FtrackTruncatedResponseException extends FtrackIoException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final long bytesReceived;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param statusCode the HTTP status of the answer
   * @param bytesReceived how many bytes of body arrived
   * @param cause the I/O failure, or {@code null} when the body ended cleanly but early
   */
  public FtrackTruncatedResponseException(
      String message, int statusCode, long bytesReceived, IOException cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.bytesReceived = bytesReceived;
  }

  /**
   * The HTTP status of the answer.
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * How many bytes of body arrived.
   *
   * @return the count
   */
  public long bytesReceived() {
    return bytesReceived;
  }
}
