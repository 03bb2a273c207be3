package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.FtrackException;

/**
 * A submitted form value is not of the type asked for (e.g. {@code number("count")} on {@code
 * "many"}). The message names the field and the value.
 */
public class FormValueException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the field, the value and the expected type
   */
  public FormValueException(String message) {
    super(message);
  }
}
