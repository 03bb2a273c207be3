package io.pipelinekit.testkit.accsyn.internal.server;

import io.pipelinekit.testkit.accsyn.RecordedCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every call the fake served, plus round-trip counters per operation. The list keeps the most
 * recent {@code capacity} calls (a standalone fake may run for days); counters never drop.
 */
public final class CallLog {
  private final int capacity;
  private final Deque<RecordedCall> calls = new ArrayDeque<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong total = new AtomicLong();

  /** Creates a log keeping at most {@code capacity} calls. */
  public CallLog(int capacity) {
    this.capacity = capacity;
  }

  /** The next sequence number. */
  public long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Records a call. */
  public synchronized void add(RecordedCall call) {
    calls.addLast(call);
    while (calls.size() > capacity) {
      calls.removeFirst();
    }
    counts.computeIfAbsent(call.operation(), k -> new AtomicLong()).incrementAndGet();
    total.incrementAndGet();
  }

  /** A snapshot of the kept calls, oldest first. */
  public synchronized List<RecordedCall> calls() {
    return List.copyOf(new ArrayList<>(calls));
  }

  /** Round trips for one operation. */
  public long count(String operation) {
    AtomicLong c = counts.get(operation);
    return c == null ? 0 : c.get();
  }

  /** All round trips. */
  public long total() {
    return total.get();
  }

  /** Forgets calls and counters. */
  public synchronized void clear() {
    calls.clear();
    counts.clear();
    total.set(0);
  }
}
