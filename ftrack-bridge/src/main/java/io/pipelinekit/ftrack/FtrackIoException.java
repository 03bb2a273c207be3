package io.pipelinekit.ftrack;

import java.io.IOException;

/**
 * The request did not get a complete answer: connection refused, timeout, reset. Whether the server
 * applied a write that was in flight is unknown unless the message says otherwise; check before
 * repeating a create. Subclasses narrow it down: {@link FtrackCertificateException} (the server was
 * reached, nothing was sent), {@link FtrackTruncatedResponseException} (the answer was cut short)
 * and {@link FtrackDeadlineExceededException} (the call's total deadline passed).
 */
public class FtrackIoException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was being done
   * @param cause the I/O failure
   */
  public FtrackIoException(String message, IOException cause) {
    super(message, cause);
  }
}
