package io.pipelinekit.ftrack.events;

/**
 * The hub has been disconnected long enough for its bounded outgoing queue to fill up; the event
 * was not queued. Publish again after the hub reconnects, or raise {@code
 * EventHub.Builder#outgoingQueueCapacity}.
 */
public class EventHubQueueFullException extends EventHubException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the capacity and what to do
   */
  public EventHubQueueFullException(String message) {
    super(message);
  }
}
