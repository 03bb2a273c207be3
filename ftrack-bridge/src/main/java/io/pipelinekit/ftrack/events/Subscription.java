package io.pipelinekit.ftrack.events;

import java.util.Map;

/**
 * A registered subscriber: kept by the hub across reconnections until {@link #unsubscribe()} or the
 * hub closes. Thread-safe.
 *
 * <pre>{@code
 * try (Subscription s = hub.subscribe("topic=my.topic", listener)) {
 *   ...
 * }   // unsubscribed
 * }</pre>
 */
public interface Subscription extends AutoCloseable {
  /**
   * The subscriber id sent with {@code ftrack.meta.subscribe}; targets such as {@code id=<this>}
   * reach it.
   *
   * @return the id
   */
  String subscriberId();

  /**
   * The subscription expression.
   *
   * @return the parsed expression
   */
  EventExpression expression();

  /**
   * The subscriber metadata sent to the server and matched against targets.
   *
   * @return the metadata, including {@code id}
   */
  Map<String, Object> metadata();

  /** Removes the subscriber locally and on the server (when connected). Idempotent. */
  void unsubscribe();

  /** Same as {@link #unsubscribe()}. */
  @Override
  default void close() {
    unsubscribe();
  }
}
