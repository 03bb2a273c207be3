package io.pipelinekit.ftrack;

import io.pipelinekit.ftrack.internal.Pause;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Virtual time for a session: sleeping only moves the clock and records the wait. */
final class VirtualPause implements Pause {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(Duration delay) {
    waits.add(delay);
    now.addAndGet(delay.toNanos());
  }

  static FtrackSession.Builder virtual(FtrackSession.Builder b, VirtualPause pause) {
    return b.pause(pause).jitter(() -> 1.0);
  }
}
