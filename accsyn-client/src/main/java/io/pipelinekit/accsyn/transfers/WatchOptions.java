package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How {@code transfers().watch(...)} polls: first after {@link #pollInterval()}, then backing off
 * by {@link #backoffFactor()} up to {@link #maxPollInterval()}, whether or not the job moved, so a
 * long transfer is looked at at most six times a minute with the defaults (2 s growing to 10 s);
 * when accsyn's estimate of the remaining time is shorter than the next pause, the next poll comes
 * when the job should be done (never sooner than {@link #pollInterval()}), so the end is seen
 * quickly. Polling stops when the job is final or {@link #timeout()} passes.
 *
 * <pre>{@code
 * WatchOptions.builder().timeout(Duration.ofHours(2)).build();
 * }</pre>
 *
 * <p>{@link #sleeper()} and {@link #clock()} are there for tests: a sleeper that completes at once
 * and a fixed clock make a watch run instantly and deterministically.
 */
@Value.Immutable
public interface WatchOptions {
  /**
   * The first and shortest pause between polls.
   *
   * @return default 2 s
   */
  @Value.Default
  default Duration pollInterval() {
    return Duration.ofSeconds(2);
  }

  /**
   * The longest pause between polls.
   *
   * @return default 10 s
   */
  @Value.Default
  default Duration maxPollInterval() {
    return Duration.ofSeconds(10);
  }

  /**
   * How much the pause grows after a poll that saw no change.
   *
   * @return default 1.5
   */
  @Value.Default
  default double backoffFactor() {
    return 1.5;
  }

  /**
   * Give up after this long.
   *
   * @return the timeout; empty waits until the job is final or the watch is cancelled
   */
  Optional<Duration> timeout();

  /**
   * Whether to fetch the tasks once the job is final, to list failed ones in the outcome.
   *
   * @return default true
   */
  @Value.Default
  default boolean fetchTasks() {
    return true;
  }

  /**
   * Schedules the pauses without blocking a thread.
   *
   * @return default {@link Sleeper#system()}
   */
  @Value.Default
  @Value.Auxiliary
  default Sleeper sleeper() {
    return Sleeper.system();
  }

  /**
   * Measures the timeout.
   *
   * @return default the UTC system clock
   */
  @Value.Default
  @Value.Auxiliary
  default Clock clock() {
    return Clock.systemUTC();
  }

  /** Checks the intervals. */
  @Value.Check
  default void check() {
    if (pollInterval().isNegative() || pollInterval().isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (maxPollInterval().compareTo(pollInterval()) < 0) {
      throw new IllegalArgumentException("maxPollInterval must be at least pollInterval");
    }
    if (!(backoffFactor() >= 1.0)) {
      throw new IllegalArgumentException("backoffFactor must be at least 1.0");
    }
    if (timeout().isPresent() && timeout().get().isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative");
    }
  }

  /**
   * The defaults.
   *
   * @return options with every default
   */
  static WatchOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WatchOptions}; not thread-safe. */
  final class Builder extends ImmutableWatchOptions.Builder {}
}
