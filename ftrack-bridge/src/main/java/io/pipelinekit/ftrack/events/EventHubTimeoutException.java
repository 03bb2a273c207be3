package io.pipelinekit.ftrack.events;

/**
 * Nothing came in time: no reply to a published event, or no connection. The message says what was
 * awaited and, for a connection, the last failure.
 */
public class EventHubTimeoutException extends EventHubException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was awaited and for how long
   */
  public EventHubTimeoutException(String message) {
    super(message);
  }
}
