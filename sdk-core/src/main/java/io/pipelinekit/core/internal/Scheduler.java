package io.pipelinekit.core.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time for the clients' timers: a monotonic clock and delayed tasks. Production code uses {@link
 * #daemon(String)}; tests inject a {@link ManualScheduler} and move time forward by hand, so
 * backoffs, heartbeats and timeouts are tested without real waits.
 */
public interface Scheduler {
  /**
   * The monotonic time, as {@link System#nanoTime()}.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();

  /**
   * Runs a task once after a delay. After {@link #shutdown()} the task is dropped.
   *
   * @param task the task
   * @param delay the delay, zero or negative for as soon as possible
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(Runnable task, Duration delay);

  /**
   * Runs a task as soon as possible on the scheduler's thread.
   *
   * @param task the task
   */
  default void execute(Runnable task) {
    schedule(task, Duration.ZERO);
  }

  /**
   * Runs a task every {@code period}, first after one period, until cancelled.
   *
   * @param task the task
   * @param period the period, positive
   * @return a handle that stops the repetition
   */
  default Cancellable every(Runnable task, Duration period) {
    Repeating r = new Repeating(this, task, period);
    r.next();
    return r;
  }

  /** Drops every pending task and stops the scheduler's threads, if it has any. */
  void shutdown();

  /** A scheduled task's handle. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not run yet; a no-op otherwise. */
    void cancel();
  }

  /**
   * A real-time scheduler on one daemon thread.
   *
   * @param threadName the thread's name
   * @return the scheduler
   */
  static Scheduler daemon(String threadName) {
    AtomicInteger n = new AtomicInteger();
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return new Scheduler() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Cancellable schedule(Runnable task, Duration delay) {
        try {
          ScheduledFuture<?> f =
              executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
          return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
          return () -> {};
        }
      }

      @Override
      public void shutdown() {
        executor.shutdownNow();
      }
    };
  }

  /** Re-schedules itself after each run, so the period also holds on a manual scheduler. */
  final class Repeating implements Cancellable {
    private final Scheduler scheduler;
    private final Runnable task;
    private final Duration period;
    private volatile boolean cancelled;
    private volatile Cancellable pending;

    Repeating(Scheduler scheduler, Runnable task, Duration period) {
      this.scheduler = scheduler;
      this.task = task;
      this.period = period;
    }

    void next() {
      pending =
          scheduler.schedule(
              () -> {
                if (cancelled) {
                  return;
                }
                try {
                  task.run();
                } finally {
                  if (!cancelled) {
                    next();
                  }
                }
              },
              period);
      if (cancelled) {
        pending.cancel();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      Cancellable p = pending;
      if (p != null) {
        p.cancel();
      }
    }
  }
}
