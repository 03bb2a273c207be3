package io.pipelinekit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A point in time by which a whole call (every attempt, backoff, {@code Retry-After} wait and body
 * read) must be over, measured on an injected {@link Clock}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Deadline d = Deadline.after(clock, Duration.ofSeconds(60));
 * if (!d.allows(retryAfter)) { fail("the server asks for a wait past the deadline"); }
 * call.timeout().timeout(d.remaining().toMillis(), TimeUnit.MILLISECONDS);
 * }</pre>
 */
public final class Deadline {
  private final Clock clock;
  private final Instant start;
  private final Duration budget;

  private Deadline(Clock clock, Instant start, Duration budget) {
    this.clock = clock;
    this.start = start;
    this.budget = budget;
  }

  /**
   * A deadline {@code budget} from now.
   *
   * @param clock the time source
   * @param budget the total time allowed, positive
   * @return the deadline
   */
  public static Deadline after(Clock clock, Duration budget) {
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(budget, "budget == null");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("a deadline budget must be positive, was " + budget);
    }
    return new Deadline(clock, clock.instant(), budget);
  }

  /**
   * The total time allowed.
   *
   * @return the budget given when the deadline was made
   */
  public Duration budget() {
    return budget;
  }

  /**
   * The time since the deadline was made.
   *
   * @return not negative
   */
  public Duration elapsed() {
    Duration e = Duration.between(start, clock.instant());
    return e.isNegative() ? Duration.ZERO : e;
  }

  /**
   * The time left.
   *
   * @return zero once the deadline has passed, never negative
   */
  public Duration remaining() {
    Duration r = budget.minus(elapsed());
    return r.isNegative() ? Duration.ZERO : r;
  }

  /**
   * Whether the deadline has passed.
   *
   * @return true when no time is left
   */
  public boolean expired() {
    return remaining().isZero();
  }

  /**
   * Whether a wait of {@code wait} still ends strictly before the deadline, leaving time for
   * something after it.
   *
   * @param wait the wait, not negative
   * @return false when waiting would use up the budget
   */
  public boolean allows(Duration wait) {
    return wait.compareTo(remaining()) < 0;
  }

  /**
   * A duration shortened to the time left.
   *
   * @param d a duration
   * @return {@code min(d, remaining())}
   */
  public Duration cap(Duration d) {
    Duration r = remaining();
    return d.compareTo(r) > 0 ? r : d;
  }

  @Override
  public String toString() {
    return "Deadline{budget=" + budget + ", remaining=" + remaining() + "}";
  }
}
