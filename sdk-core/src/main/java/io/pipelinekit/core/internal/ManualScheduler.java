package io.pipelinekit.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time for tests: nothing runs until {@link #advance(Duration)} or
 * {@link #runDue()} is called, and then due tasks run on the calling thread in time order. Thread
 * safe: other threads may schedule while a test advances time.
 */
public final class ManualScheduler implements Scheduler {
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;
  private boolean shutdown;

  /** Creates a scheduler whose clock starts at an arbitrary origin. */
  public ManualScheduler() {
    this.now = 1_000_000_000L;
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    if (shutdown) {
      return () -> {};
    }
    Task t = new Task(now + Math.max(0, delay.toNanos()), seq++, task);
    tasks.add(t);
    return () -> {
      synchronized (ManualScheduler.this) {
        tasks.remove(t);
      }
    };
  }

  /**
   * Moves the clock forward, running every task that falls due on the way at its due time.
   *
   * @param d how far, not negative
   */
  public void advance(Duration d) {
    long end;
    synchronized (this) {
      end = now + d.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due > end) {
          now = end;
          return;
        }
        tasks.poll();
        now = Math.max(now, next.due);
      }
      next.task.run();
    }
  }

  /** Runs the tasks that are due now (those scheduled with no delay included). */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /**
   * The delays of the pending tasks from now, soonest first.
   *
   * @return the delays
   */
  public synchronized List<Duration> pending() {
    List<Task> sorted = new ArrayList<>(tasks);
    sorted.sort((a, b) -> Long.compare(a.due, b.due));
    List<Duration> out = new ArrayList<>();
    for (Task t : sorted) {
      out.add(Duration.ofNanos(t.due - now));
    }
    return out;
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
    tasks.clear();
  }

  private record Task(long due, long seq, Runnable task) {}
}
