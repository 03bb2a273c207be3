package io.pipelinekit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of read retries, the same for both clients: at most {@link #maxAttempts()} attempts,
 * the first included; before attempt {@code n + 1} a wait of {@code min(initialBackoff × 2^(n−1),
 * maxBackoff)} times a random factor between 0.75 and 1 (never longer than the rules say), or the
 * server's {@code Retry-After} when that is longer; and no retry that would start later than {@link
 * #maxElapsed()} after the first attempt.
 *
 * <p>accsyn-client's {@code RetryPolicy} implements this interface, so one policy object configures
 * both clients:
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).build();   // accsyn-client
 * AccsynClient.builder().retryPolicy(policy);
 * FtrackSession.builder().retryPolicy(policy);
 * // without accsyn-client:
 * FtrackSession.builder().retryPolicy(RetryRules.builder().maxAttempts(5).build());
 * }</pre>
 *
 * <p>Implementations are immutable.
 */
public interface RetryRules {
  /**
   * Attempts per call, the first included.
   *
   * @return at least 1
   */
  int maxAttempts();

  /**
   * The wait before the first retry, before the random factor.
   *
   * @return a positive duration
   */
  Duration initialBackoff();

  /**
   * The longest wait between two attempts, before the random factor.
   *
   * @return a positive duration
   */
  Duration maxBackoff();

  /**
   * No retry starts later than this after the first attempt.
   *
   * @return a positive duration
   */
  Duration maxElapsed();

  /**
   * The backoff formula of these rules: the initial wait doubling per attempt up to the longest
   * wait, times a random factor between 0.75 and 1 (an initial wait above the cap is capped).
   *
   * @return the formula
   */
  default Backoff backoff() {
    Duration initial =
        initialBackoff().compareTo(maxBackoff()) > 0 ? maxBackoff() : initialBackoff();
    return Backoff.of(initial, maxBackoff(), 2.0, 0.75, 1.0);
  }

  /**
   * The wait after a failed attempt.
   *
   * @param attempt the attempt that just failed, from 1
   * @param random a value in {@code [0, 1]} picking the random factor
   * @return the wait
   */
  default Duration delay(int attempt, double random) {
    return backoff().delay(attempt, random);
  }

  /**
   * The defaults both clients use: 3 attempts, 500 ms initial backoff, 8 s at most between
   * attempts, 60 s in all.
   *
   * @return the default rules
   */
  static RetryRules defaults() {
    return builder().build();
  }

  /**
   * No retries: one attempt per call.
   *
   * @return the rules
   */
  static RetryRules none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RetryRules}; not thread-safe. */
  final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxElapsed = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Attempts per call, the first included.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The wait before the first retry.
     *
     * @param initialBackoff positive
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * The longest wait between attempts.
     *
     * @param maxBackoff positive
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * No retry starts later than this after the first attempt.
     *
     * @param maxElapsed positive
     * @return this builder
     */
    public Builder maxElapsed(Duration maxElapsed) {
      this.maxElapsed = positive(maxElapsed, "maxElapsed");
      return this;
    }

    /**
     * The rules.
     *
     * @return immutable rules
     */
    public RetryRules build() {
      return new Fixed(maxAttempts, initialBackoff, maxBackoff, maxElapsed);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }

  /** The rules a {@link Builder} makes. */
  final class Fixed implements RetryRules {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxElapsed;

    private Fixed(int maxAttempts, Duration initial, Duration max, Duration elapsed) {
      this.maxAttempts = maxAttempts;
      this.initialBackoff = initial;
      this.maxBackoff = max;
      this.maxElapsed = elapsed;
    }

    @Override
    public int maxAttempts() {
      return maxAttempts;
    }

    @Override
    public Duration initialBackoff() {
      return initialBackoff;
    }

    @Override
    public Duration maxBackoff() {
      return maxBackoff;
    }

    @Override
    public Duration maxElapsed() {
      return maxElapsed;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fixed
          && ((Fixed) o).maxAttempts == maxAttempts
          && ((Fixed) o).initialBackoff.equals(initialBackoff)
          && ((Fixed) o).maxBackoff.equals(maxBackoff)
          && ((Fixed) o).maxElapsed.equals(maxElapsed);
    }

    @Override
    public int hashCode() {
      return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxElapsed);
    }

    @Override
    public String toString() {
      return "RetryRules{maxAttempts="
          + maxAttempts
          + ", initialBackoff="
          + initialBackoff
          + ", maxBackoff="
          + maxBackoff
          + ", maxElapsed="
          + maxElapsed
          + "}";
    }
  }
}
