package io.pipelinekit.ftrack.events.internal;

import io.pipelinekit.ftrack.events.Event;
import java.util.Map;

/** Decodes events received from the hub. */
public final class EventWire {
  private EventWire() {}

  /**
   * Builds an event from its wire map; unknown keys are ignored, {@code in_reply_to_event} is
   * accepted for {@code inReplyToEvent} (the .NET client's spelling).
   *
   * @param m the map inside {@code args[0]}
   * @return the event
   * @throws IllegalArgumentException if the topic is missing
   */
  @SuppressWarnings("unchecked")
  public static Event decode(Map<?, ?> m) {
    Event.Builder b = Event.builder();
    if (!(m.get("topic") instanceof String topic)) {
      throw new IllegalArgumentException("an event without a topic");
    }
    b.topic(topic);
    Trees.text(m.get("id")).ifPresent(b::id);
    if (m.get("data") instanceof Map<?, ?> data) {
      b.data((Map<String, ?>) data);
    }
    if (m.get("source") instanceof Map<?, ?> source) {
      b.source((Map<String, ?>) source);
    }
    if (m.get("target") instanceof String target) {
      b.target(target);
    }
    Object reply =
        m.containsKey("inReplyToEvent") ? m.get("inReplyToEvent") : m.get("in_reply_to_event");
    Trees.text(reply).ifPresent(b::inReplyToEvent);
    Trees.text(m.get("sent")).ifPresent(b::sent);
    return b.build();
  }
}
