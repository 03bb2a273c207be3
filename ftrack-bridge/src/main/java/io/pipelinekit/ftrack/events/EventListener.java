package io.pipelinekit.ftrack.events;

/**
 * Receives the events of a subscription. Called on the hub's dispatch thread (one at a time, in
 * arrival order, unless the hub was given another executor), never on the network thread, so a slow
 * listener delays other listeners but never the heartbeats. An exception thrown here is handed to
 * the hub's error handler (logged by default) and the hub carries on.
 *
 * <pre>{@code
 * hub.subscribe("topic=ftrack.update", event -> log.info("changed: {}", event.data()));
 * }</pre>
 */
@FunctionalInterface
public interface EventListener {
  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(Event event);
}
