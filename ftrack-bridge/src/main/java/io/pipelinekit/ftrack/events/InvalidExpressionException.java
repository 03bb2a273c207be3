package io.pipelinekit.ftrack.events;

import io.pipelinekit.ftrack.FtrackException;

/**
 * A subscription or target expression could not be parsed. The message gives the position and what
 * was expected; quote values that contain spaces or other characters, e.g. {@code
 * source.user.username="jane doe"}.
 */
public class InvalidExpressionException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public InvalidExpressionException(String message) {
    super(message);
  }
}
