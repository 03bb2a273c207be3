package io.pipelinekit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The one exponential backoff formula of the clients: the wait before attempt {@code n + 1} is
 * {@code min(initial × multiplier^(n−1), max)} times a random factor drawn evenly from {@code
 * [minFactor, maxFactor]}. accsyn's read retries use factors 0.75 to 1 (never longer than the
 * policy says); the ftrack event hub's reconnections use 1 to 1.5 (never sooner). Immutable.
 *
 * <pre>{@code
 * Backoff b = Backoff.of(Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.75, 1.0);
 * b.delay(3, 0.0);   // 1.5 s: 2 s times the smallest factor
 * }</pre>
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final double multiplier;
  private final double minFactor;
  private final double maxFactor;

  private Backoff(
      Duration initial, Duration max, double multiplier, double minFactor, double maxFactor) {
    this.initial = initial;
    this.max = max;
    this.multiplier = multiplier;
    this.minFactor = minFactor;
    this.maxFactor = maxFactor;
  }

  /**
   * A backoff.
   *
   * @param initial the wait after the first failure, before the random factor; not negative
   * @param max the cap before the random factor; not shorter than {@code initial}
   * @param multiplier the growth per attempt, at least 1
   * @param minFactor the smallest random factor, not negative
   * @param maxFactor the largest random factor, at least {@code minFactor}
   * @return the backoff
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Backoff of(
      Duration initial, Duration max, double multiplier, double minFactor, double maxFactor) {
    Objects.requireNonNull(initial, "initial == null");
    Objects.requireNonNull(max, "max == null");
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initial <= max, got initial " + initial + " and max " + max);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
    }
    if (!(minFactor >= 0 && maxFactor >= minFactor && !Double.isInfinite(maxFactor))) {
      throw new IllegalArgumentException(
          "need 0 <= minFactor <= maxFactor, got " + minFactor + " and " + maxFactor);
    }
    return new Backoff(initial, max, multiplier, minFactor, maxFactor);
  }

  /**
   * The wait before the next attempt, without the random factor.
   *
   * @param attempt the attempt that just failed, from 1 (smaller values count as 1)
   * @return {@code min(initial × multiplier^(attempt−1), max)}
   */
  public Duration base(int attempt) {
    int n = Math.max(1, attempt);
    double d = initial.toNanos() * Math.pow(multiplier, Math.min(n - 1, 1000));
    return Duration.ofNanos((long) Math.min(d, (double) max.toNanos()));
  }

  /**
   * The wait before the next attempt.
   *
   * @param attempt the attempt that just failed, from 1
   * @param random a value in {@code [0, 1]} picking the factor (clamped into that range)
   * @return the base delay times {@code minFactor + (maxFactor − minFactor) × random}
   */
  public Duration delay(int attempt, double random) {
    double r = Math.min(1.0, Math.max(0.0, random));
    double factor = minFactor + (maxFactor - minFactor) * r;
    return Duration.ofNanos((long) (base(attempt).toNanos() * factor));
  }

  @Override
  public String toString() {
    return "Backoff{initial="
        + initial
        + ", max="
        + max
        + ", multiplier="
        + multiplier
        + ", factors="
        + minFactor
        + ".."
        + maxFactor
        + "}";
  }
}
