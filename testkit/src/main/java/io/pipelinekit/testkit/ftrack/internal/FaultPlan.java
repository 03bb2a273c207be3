package io.pipelinekit.testkit.ftrack.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Armed faults and latency, consumed by the dispatcher. Thread-safe. */
public final class FaultPlan {
  /** One armed fault for the next request. */
  public record Fault(int status, String body, boolean drop) {}

  private final Deque<Fault> next = new ArrayDeque<>();
  private volatile long latencyMs;

  /** Arms a fault for one upcoming request (first armed, first used). */
  public synchronized void add(Fault f) {
    next.add(f);
  }

  /** The fault for this request, if one is armed. */
  public synchronized Fault poll() {
    return next.poll();
  }

  /** Disarms everything. */
  public synchronized void clear() {
    next.clear();
    latencyMs = 0;
  }

  /** Delays every answer. */
  public void latencyMs(long ms) {
    latencyMs = ms;
  }

  /** The delay of every answer. */
  public long latencyMs() {
    return latencyMs;
  }
}
