package io.pipelinekit.ftrack.internal;

import java.time.Duration;

/**
 * The session's way to tell time and to wait between attempts. Production code uses {@link
 * #system()}; tests inject a virtual one whose {@code sleep} only moves its clock, so retry waits
 * and deadlines are tested without real waits.
 */
public interface Pause {
  /**
   * The monotonic time, as {@link System#nanoTime()}.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();

  /**
   * Waits.
   *
   * @param delay how long, not negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration delay) throws InterruptedException;

  /**
   * Real time.
   *
   * @return the system pause
   */
  static Pause system() {
    return new Pause() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration delay) throws InterruptedException {
        long ms = delay.toMillis();
        if (ms > 0) {
          Thread.sleep(ms);
        }
      }
    };
  }
}
