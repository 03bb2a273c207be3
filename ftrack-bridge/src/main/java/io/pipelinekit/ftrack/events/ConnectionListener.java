package io.pipelinekit.ftrack.events;

/**
 * Told when the hub connects (after every subscription has been re-sent) and when a connection
 * drops (a reconnection is then already scheduled). Called on the dispatch thread.
 *
 * <pre>{@code
 * hub.addConnectionListener(new ConnectionListener() {
 *   public void onDisconnected(String reason) { metrics.increment("ftrack.hub.drops"); }
 * });
 * }</pre>
 */
public interface ConnectionListener {
  /** The hub is connected and subscribed. */
  default void onConnected() {}

  /**
   * The connection dropped or could not be made.
   *
   * @param reason why, without secrets
   */
  default void onDisconnected(String reason) {}
}
