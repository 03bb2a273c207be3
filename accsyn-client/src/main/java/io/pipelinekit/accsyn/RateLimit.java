package io.pipelinekit.accsyn;

import java.util.Objects;

/**
 * The client-side limiter that keeps a client inside accsyn's published limits: 30 requests per
 * second sustained, bursts of 60, at most 100 connections per IP address (platform v3.6-5). Calls
 * beyond the rate wait (without blocking a thread) instead of being refused by the server.
 *
 * <p>The limit is per client instance; processes sharing one address should split it.
 *
 * <pre>{@code
 * AccsynClient.builder()...rateLimit(RateLimit.of(10, 20, 20)).build();
 * }</pre>
 */
public final class RateLimit {
  private static final RateLimit DEFAULTS = new RateLimit(30, 60, 100);

  private final double requestsPerSecond;
  private final int burst;
  private final int maxConnections;

  private RateLimit(double requestsPerSecond, int burst, int maxConnections) {
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
    this.maxConnections = maxConnections;
  }

  /**
   * accsyn's published limits: 30 requests/s, burst 60, 100 connections.
   *
   * @return the defaults
   */
  public static RateLimit defaults() {
    return DEFAULTS;
  }

  /**
   * A limit.
   *
   * @param requestsPerSecond sustained rate, positive
   * @param burst requests allowed at once after a quiet period, at least 1
   * @param maxConnections concurrent requests, at least 1
   * @return the limit
   */
  public static RateLimit of(double requestsPerSecond, int burst, int maxConnections) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be positive and finite, was " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be at least 1, was " + maxConnections);
    }
    return new RateLimit(requestsPerSecond, burst, maxConnections);
  }

  /**
   * Sustained requests per second.
   *
   * @return the rate
   */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  /**
   * Requests allowed at once after a quiet period.
   *
   * @return the burst
   */
  public int burst() {
    return burst;
  }

  /**
   * Concurrent requests (and so connections) at most.
   *
   * @return the bound
   */
  public int maxConnections() {
    return maxConnections;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimit
        && ((RateLimit) o).requestsPerSecond == requestsPerSecond
        && ((RateLimit) o).burst == burst
        && ((RateLimit) o).maxConnections == maxConnections;
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestsPerSecond, burst, maxConnections);
  }

  @Override
  public String toString() {
    return "RateLimit{requestsPerSecond="
        + requestsPerSecond
        + ", burst="
        + burst
        + ", maxConnections="
        + maxConnections
        + "}";
  }
}
