package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.core.internal.ConnectionFailures;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Whether and when a failed attempt is sent again. */
final class RetryDecision {
  private final RetryPolicy policy;
  private final DoubleSupplier jitter;

  RetryDecision(RetryPolicy policy, DoubleSupplier jitter) {
    this.policy = policy;
    this.jitter = jitter;
  }

  /** Failures worth another attempt: no answer at all, 408, 429 and 5xx. */
  static boolean isTransient(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /**
   * The wait before another attempt, or empty when the policy's attempts or time are used up.
   *
   * @param attempt the attempt that failed, from 1
   * @param retryAfter the server's wish, or null
   * @param elapsed the time since the first attempt started
   * @return the delay
   */
  Optional<Duration> delay(int attempt, Duration retryAfter, Duration elapsed) {
    return wait(attempt, retryAfter).filter(d -> withinPolicyTime(d, elapsed));
  }

  /**
   * The wait before another attempt, ignoring time: empty only when the attempts are used up.
   *
   * @param attempt the attempt that failed, from 1
   * @param retryAfter the server's wish, or null
   * @return the backoff, or the server's wish when longer
   */
  Optional<Duration> wait(int attempt, Duration retryAfter) {
    if (attempt >= policy.maxAttempts()) {
      return Optional.empty();
    }
    Duration d = policy.delay(attempt, jitter.getAsDouble());
    if (retryAfter != null && retryAfter.compareTo(d) > 0) {
      d = retryAfter;
    }
    return Optional.of(d);
  }

  /**
   * Whether a retry after {@code wait} still starts within the policy's {@code maxElapsed}.
   *
   * @param wait the wait
   * @param elapsed the time since the first attempt started
   * @return true when the retry may start
   */
  boolean withinPolicyTime(Duration wait, Duration elapsed) {
    return elapsed.plus(wait).compareTo(policy.maxElapsed()) <= 0;
  }

  /**
   * Whether an I/O failure happened after the request may have left: only a refused or unroutable
   * connection, an unknown host or a failed TLS check (certificate or host name) prove it did not.
   *
   * @param e the failure
   * @return false when the server certainly did not get the request
   */
  static boolean mayHaveReachedServer(IOException e) {
    // TLS checks, host name verification included, finish before a byte of the request is sent.
    return !ConnectionFailures.certainlyNotSent(e);
  }
}
