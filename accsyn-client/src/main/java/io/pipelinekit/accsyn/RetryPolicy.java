package io.pipelinekit.accsyn;

import io.pipelinekit.core.Backoff;
import io.pipelinekit.core.RetryRules;
import java.time.Duration;
import java.util.Objects;

/**
 * How reads are retried. A GET is sent again after a connection failure, a timeout, HTTP 408, 429
 * or 5xx, with exponential backoff {@code min(initialBackoff * 2^(n-1), maxBackoff)} times a random
 * factor between 0.75 and 1.0, or the server's {@code Retry-After} when it is longer; never more
 * than {@link #maxAttempts()} attempts and never past {@link #maxElapsed()} since the first. Writes
 * are never retried blindly (see {@link AccsynClient#create}). The same policy object configures
 * ftrack-bridge's read retries ({@code FtrackSession.Builder.retryPolicy}): it is a {@link
 * RetryRules}.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.builder().maxAttempts(5).maxElapsed(Duration.ofMinutes(2)).build();
 * }</pre>
 */
public final class RetryPolicy implements RetryRules {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxElapsed;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxElapsed = b.maxElapsed;
  }

  /**
   * The defaults: 3 attempts, 500 ms initial backoff, 8 s at most between attempts, 60 s in all.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * No retries: one attempt per call.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Attempts per read, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the first retry (before jitter).
   *
   * @return the backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest wait between two attempts.
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * No retry starts later than this after the first attempt.
   *
   * @return the bound
   */
  public Duration maxElapsed() {
    return maxElapsed;
  }

  /**
   * The backoff before attempt {@code attempt + 1}, without jitter.
   *
   * @param attempt the attempt that just failed, from 1
   * @return the delay
   */
  public Duration backoff(int attempt) {
    return formula().base(attempt);
  }

  /**
   * The wait before attempt {@code attempt + 1}, jitter included: {@link #backoff(int)} times a
   * factor between 0.75 and 1, so a retry never waits longer than the policy says.
   *
   * @param attempt the attempt that just failed, from 1
   * @param random a value in {@code [0, 1]} picking the factor
   * @return the delay
   */
  public Duration delay(int attempt, double random) {
    return formula().delay(attempt, random);
  }

  private Backoff formula() {
    // A cap below the initial wait would refuse to build; the cap wins, as it always did.
    Duration initial = initialBackoff.compareTo(maxBackoff) > 0 ? maxBackoff : initialBackoff;
    return Backoff.of(initial, maxBackoff, 2.0, 0.75, 1.0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy
        && ((RetryPolicy) o).maxAttempts == maxAttempts
        && ((RetryPolicy) o).initialBackoff.equals(initialBackoff)
        && ((RetryPolicy) o).maxBackoff.equals(maxBackoff)
        && ((RetryPolicy) o).maxElapsed.equals(maxElapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxElapsed);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxElapsed="
        + maxElapsed
        + "}";
  }

  /** Builds a {@link RetryPolicy}; not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxElapsed = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Attempts per read, the first included.
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
     * The policy.
     *
     * @return an immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
