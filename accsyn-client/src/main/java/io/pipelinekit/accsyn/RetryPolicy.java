package io.pipelinekit.accsyn;

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

  // The knobs, their checks and the formula live once, in sdk-core; this type keeps accsyn's
  // public name and its own equality.
  private final RetryRules rules;

  private RetryPolicy(RetryRules rules) {
    this.rules = rules;
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
  @Override
  public int maxAttempts() {
    return rules.maxAttempts();
  }

  /**
   * The wait before the first retry (before jitter).
   *
   * @return the backoff
   */
  @Override
  public Duration initialBackoff() {
    return rules.initialBackoff();
  }

  /**
   * The longest wait between two attempts.
   *
   * @return the cap
   */
  @Override
  public Duration maxBackoff() {
    return rules.maxBackoff();
  }

  /**
   * No retry starts later than this after the first attempt.
   *
   * @return the bound
   */
  @Override
  public Duration maxElapsed() {
    return rules.maxElapsed();
  }

  /**
   * The backoff before attempt {@code attempt + 1}, without jitter.
   *
   * @param attempt the attempt that just failed, from 1
   * @return the delay
   */
  public Duration backoff(int attempt) {
    return backoff().base(attempt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy other
        && other.maxAttempts() == maxAttempts()
        && other.initialBackoff().equals(initialBackoff())
        && other.maxBackoff().equals(maxBackoff())
        && other.maxElapsed().equals(maxElapsed());
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts(), initialBackoff(), maxBackoff(), maxElapsed());
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts()
        + ", initialBackoff="
        + initialBackoff()
        + ", maxBackoff="
        + maxBackoff()
        + ", maxElapsed="
        + maxElapsed()
        + "}";
  }

  /** Builds a {@link RetryPolicy}; not thread-safe. */
  public static final class Builder {
    private final RetryRules.Builder rules = RetryRules.builder();

    private Builder() {}

    /**
     * Attempts per read, the first included.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      rules.maxAttempts(maxAttempts);
      return this;
    }

    /**
     * The wait before the first retry.
     *
     * @param initialBackoff positive
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      rules.initialBackoff(initialBackoff);
      return this;
    }

    /**
     * The longest wait between attempts.
     *
     * @param maxBackoff positive
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      rules.maxBackoff(maxBackoff);
      return this;
    }

    /**
     * No retry starts later than this after the first attempt.
     *
     * @param maxElapsed positive
     * @return this builder
     */
    public Builder maxElapsed(Duration maxElapsed) {
      rules.maxElapsed(maxElapsed);
      return this;
    }

    /**
     * The policy.
     *
     * @return an immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(rules.build());
    }
  }
}
