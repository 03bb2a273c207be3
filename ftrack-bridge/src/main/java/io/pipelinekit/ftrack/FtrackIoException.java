package io.pipelinekit.ftrack;

import java.io.IOException;

/**
 * The request did not get an answer: connection refused, timeout, reset. Whether the server applied
 * a write that was in flight is unknown; check before repeating a create.
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
