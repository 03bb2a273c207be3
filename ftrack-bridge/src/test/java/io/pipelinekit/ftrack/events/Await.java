package io.pipelinekit.ftrack.events;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until a deadline (no fixed sleeps in tests). */
public final class Await {
  private Await() {}

  /**
   * Waits for a condition.
   *
   * @param what a description for the failure
   * @param timeout the deadline
   * @param condition the condition
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(() -> what, timeout, condition);
  }

  /**
   * Waits for a condition.
   *
   * @param what a description for the failure
   * @param timeout the deadline
   * @param condition the condition
   */
  public static void until(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
