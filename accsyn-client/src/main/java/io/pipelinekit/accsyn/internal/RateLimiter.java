package io.pipelinekit.accsyn.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket that hands out reservations: {@code burst} requests go at once, then one every
 * {@code 1 / rate} seconds. A caller that must wait gets the delay back and waits without holding a
 * thread (through the client's {@code Sleeper}); reservations may drive the bucket negative, so
 * concurrent callers queue up fairly instead of all waking at the same instant.
 */
public final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private double tokens;
  private long lastNanos;

  /**
   * Creates a full bucket.
   *
   * @param perSecond sustained rate
   * @param burst bucket size
   * @param clock time source
   */
  public RateLimiter(double perSecond, int burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastNanos = nanos();
  }

  private long nanos() {
    java.time.Instant i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  /**
   * Takes one token.
   *
   * @return how long the caller must wait before sending (zero if a token was free)
   */
  public synchronized Duration reserve() {
    long now = nanos();
    if (now > lastNanos) {
      tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
      lastNanos = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
  }
}
