package io.pipelinekit.accsyn;

import java.time.Duration;
import java.util.Optional;

/**
 * accsyn throttled the call (HTTP 429; accsyn allows 30 requests per second, bursts of 60 and 100
 * connections per IP address). Reads are retried automatically before this is thrown; writes are
 * not. Slow down, or lower {@link RateLimit} if several processes share one address.
 */
public class AccsynRateLimitedException extends AccsynServiceException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param retryAfter the server's Retry-After, or {@code null}
   */
  public AccsynRateLimitedException(
      String message, String operation, int statusCode, Duration retryAfter) {
    super(message, operation, statusCode);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait, if it said.
   *
   * @return the delay
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
