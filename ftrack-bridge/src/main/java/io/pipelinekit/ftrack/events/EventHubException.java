package io.pipelinekit.ftrack.events;

import io.pipelinekit.ftrack.FtrackException;

/**
 * The event hub could not do what was asked: the server rejected an event, a reply did not come in
 * time, the outgoing queue is full, or the hub is closed. Subclasses say which.
 */
public class EventHubException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public EventHubException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public EventHubException(String message, Throwable cause) {
    super(message, cause);
  }
}
