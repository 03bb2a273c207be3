package io.pipelinekit.accsyn;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits without blocking: the client's only way to let time pass (retry backoff, rate limiting).
 * Tests inject one that completes at once and records the delays, so nothing sleeps for real.
 *
 * <pre>{@code
 * List<Duration> waits = new CopyOnWriteArrayList<>();
 * Sleeper recording = d -> { waits.add(d); return CompletableFuture.completedFuture(null); };
 * AccsynClient.builder()...sleeper(recording).build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * A future completed after the delay; must not block the calling thread.
   *
   * @param delay how long to wait, not negative
   * @return the future
   */
  CompletableFuture<Void> sleep(Duration delay);

  /**
   * The real-time sleeper, backed by {@link CompletableFuture#delayedExecutor}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return delay -> {
      if (delay.isZero() || delay.isNegative()) {
        return CompletableFuture.completedFuture(null);
      }
      return CompletableFuture.runAsync(
          () -> {}, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
    };
  }
}
