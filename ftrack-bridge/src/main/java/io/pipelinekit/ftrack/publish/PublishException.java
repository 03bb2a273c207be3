package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.FtrackException;

/**
 * A publish or registration that cannot be done as asked: an unknown asset type, context or
 * component, or a resource identifier that does not fit the component; or a registration that the
 * server refused part-way (the message says how much was written and that running it again
 * completes it).
 */
public class PublishException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong and how to fix it
   */
  public PublishException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and how to complete it
   * @param cause the server's answer
   */
  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
