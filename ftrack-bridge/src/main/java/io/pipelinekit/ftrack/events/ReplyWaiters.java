package io.pipelinekit.ftrack.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Who waits for replies to which published event. */
final class ReplyWaiters {
  /** A consumer of replies; a {@code once} waiter is removed by the first reply. */
  record Waiter(Consumer<Event> consumer, boolean once) {}

  private final Map<String, Waiter> waiters = new ConcurrentHashMap<>();

  Waiter add(String eventId, Consumer<Event> consumer, boolean once) {
    Waiter w = new Waiter(consumer, once);
    waiters.put(eventId, w);
    return w;
  }

  void remove(String eventId, Waiter w) {
    waiters.remove(eventId, w);
  }

  /**
   * Hands a reply to the waiter of the event it answers, if any.
   *
   * @param reply a reply event
   */
  void deliver(Event reply) {
    String to = reply.inReplyToEvent().orElse(null);
    if (to == null) {
      return;
    }
    Waiter w = waiters.get(to);
    if (w != null) {
      if (w.once()) {
        waiters.remove(to, w);
      }
      w.consumer().accept(reply);
    }
  }

  void clear() {
    waiters.clear();
  }
}
