package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.FtrackException;

/**
 * A publish or registration that cannot be done as asked: an unknown asset type, context or
 * component, or a resource identifier that does not fit the component. Nothing was written.
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
}
