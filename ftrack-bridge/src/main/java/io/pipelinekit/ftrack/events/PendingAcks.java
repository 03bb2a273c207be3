package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.internal.Scheduler;
import io.pipelinekit.ftrack.events.internal.Frame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Published events waiting for the server's ack, by packet id. A server that never acks must not
 * make the map grow for ever, so each entry expires after the ack timeout.
 */
final class PendingAcks {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  private final Map<Long, CompletableFuture<Void>> acks = new ConcurrentHashMap<>();
  private final AtomicLong packetIds = new AtomicLong();
  private final Scheduler scheduler;
  private final Duration timeout;

  PendingAcks(Scheduler scheduler, Duration timeout) {
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  /**
   * Registers a future under a new packet id.
   *
   * @param ack completed by the server's ack
   * @return the packet id to send the event with
   */
  long track(CompletableFuture<Void> ack) {
    long packet = packetIds.incrementAndGet();
    acks.put(packet, ack);
    return packet;
  }

  /** Forgets a packet that was not sent after all. */
  void untrack(long packet) {
    acks.remove(packet);
  }

  /** Starts the ack timeout of a packet that was sent. */
  void expire(long packet) {
    scheduler.schedule(
        () -> {
          CompletableFuture<Void> f = acks.remove(packet);
          if (f != null) {
            f.completeExceptionally(
                new EventHubTimeoutException(
                    "the event hub did not acknowledge the event within "
                        + timeout
                        + "; it may or may not have been delivered"));
          }
        },
        timeout);
  }

  /** Completes the future of an ack frame: with a failure when the server rejected the event. */
  void acked(Frame frame) {
    CompletableFuture<Void> f;
    List<?> args;
    try {
      f = acks.remove(frame.ackId());
      args = frame.ackArguments();
    } catch (RuntimeException e) {
      LOG.debug("ignored an ack that could not be decoded: {}", e.getMessage());
      return;
    }
    if (f == null) {
      return;
    }
    if (!args.isEmpty()
        && args.get(0) instanceof Map<?, ?> m
        && Boolean.FALSE.equals(m.get("success"))) {
      f.completeExceptionally(
          new EventHubException("the event hub rejected the event: " + m.get("message")));
    } else {
      f.complete(null);
    }
  }

  /** Fails every pending future, e.g. when the connection drops. */
  void failAll(EventHubException error) {
    for (Long k : List.copyOf(acks.keySet())) {
      CompletableFuture<Void> f = acks.remove(k);
      if (f != null) {
        f.completeExceptionally(error);
      }
    }
  }
}
