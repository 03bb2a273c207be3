package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long the hub waits before reconnection attempt {@code n}: {@code min(initial ×
 * multiplier^(n−1), max)}, then plus a random {@code 0…jitter} fraction of that, so that many
 * listeners restarted with the server do not reconnect in lockstep. Attempts never stop. Immutable.
 *
 * <pre>{@code
 * ReconnectBackoff b = ReconnectBackoff.builder()
 *     .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(30)).jitter(0.5).build();
 * b.delay(3);   // 4 s to 6 s
 * }</pre>
 */
public final class ReconnectBackoff {
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final DoubleSupplier random;
  private final Backoff formula;

  private ReconnectBackoff(Builder b) {
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.random = b.random;
    this.formula = Backoff.of(initialDelay, maxDelay, multiplier, 1.0, 1.0 + jitter);
  }

  /**
   * The default: 1 s doubling up to 30 s, plus up to 50 % jitter.
   *
   * @return the default backoff
   */
  public static ReconnectBackoff defaults() {
    return builder().build();
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
   * The wait before an attempt.
   *
   * @param attempt 1 for the first reconnection after a drop
   * @return the delay
   */
  public Duration delay(int attempt) {
    return formula.delay(attempt, random.getAsDouble());
  }

  @Override
  public String toString() {
    return "ReconnectBackoff{initial="
        + initialDelay
        + ", max="
        + maxDelay
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + "}";
  }

  /** Builds a {@link ReconnectBackoff}; not thread-safe. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * The first delay. Default 1 s.
     *
     * @param delay a non-negative duration
     * @return this builder
     */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = nonNegative(delay, "initialDelay");
      return this;
    }

    /**
     * The cap before jitter. Default 30 s.
     *
     * @param delay a non-negative duration
     * @return this builder
     */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = nonNegative(delay, "maxDelay");
      return this;
    }

    /**
     * The growth per attempt. Default 2.
     *
     * @param multiplier at least 1
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1)) {
        throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The largest extra fraction added at random. Default 0.5.
     *
     * @param jitter 0 (none) to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The random source of the jitter, returning values in {@code [0, 1)}; inject a fixed one in
     * tests.
     *
     * @param random the source
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Builds the backoff.
     *
     * @return the backoff
     */
    public ReconnectBackoff build() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException(
            "maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
      }
      return new ReconnectBackoff(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
