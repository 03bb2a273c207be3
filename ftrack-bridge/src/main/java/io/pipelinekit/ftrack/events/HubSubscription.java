package io.pipelinekit.ftrack.events;

import java.util.Map;
import java.util.function.Consumer;

/** A subscription of an {@link EventHub}: expression, subscriber metadata and listener. */
final class HubSubscription implements Subscription {
  private final EventExpression expression;
  private final Map<String, Object> metadata;
  private final EventListener listener;
  private final Consumer<HubSubscription> unsubscriber;

  HubSubscription(
      EventExpression expression,
      Map<String, Object> metadata,
      EventListener listener,
      Consumer<HubSubscription> unsubscriber) {
    this.expression = expression;
    this.metadata = metadata;
    this.listener = listener;
    this.unsubscriber = unsubscriber;
  }

  EventListener listener() {
    return listener;
  }

  @Override
  public String subscriberId() {
    return String.valueOf(metadata.get("id"));
  }

  @Override
  public EventExpression expression() {
    return expression;
  }

  @Override
  public Map<String, Object> metadata() {
    return metadata;
  }

  @Override
  public void unsubscribe() {
    unsubscriber.accept(this);
  }

  @Override
  public String toString() {
    return "Subscription{" + subscriberId() + ": " + expression + "}";
  }
}
