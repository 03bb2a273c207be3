package io.pipelinekit.ftrack.jobs;

import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Starts ftrack Jobs that show a user how a long piece of work is going (see
 * docs/protocol/ftrack.md, "Jobs"): a Job with {@code status "running"}, the user, and {@code data}
 * = a JSON string whose {@code description} the web UI shows.
 *
 * <pre>{@code
 * JobFeedback jobs = JobFeedback.builder(session).minInterval(Duration.ofSeconds(2)).build();
 * try (FeedbackJob job = jobs.start(EntityRef.of("User", userId), "Sending 12 files")) {
 *   for (...) {
 *     job.update("Sending 12 files", fractionDone);   // throttled: at most one request per 2 s
 *   }
 *   job.done("Sent 12 files to la");
 * }                                                  // not finished? close() marks it failed
 * }</pre>
 *
 * <p>Immutable and thread-safe; the jobs it starts are thread-safe too.
 */
public final class JobFeedback {
  /**
   * The default least time between two progress updates of one job: at most six a minute, which
   * keeps the Jobs menu current without loading the server during a long transfer.
   */
  public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(10);

  private final FtrackSession session;
  private final Duration minInterval;
  private final Clock clock;

  private JobFeedback(Builder b) {
    this.session = b.session;
    this.minInterval = b.minInterval;
    this.clock = b.clock;
  }

  /**
   * Job feedback with the default interval and the system clock.
   *
   * @param session the session the jobs are created and updated through
   * @return the job starter
   */
  public static JobFeedback of(FtrackSession session) {
    return builder(session).build();
  }

  /**
   * A builder.
   *
   * @param session the session the jobs are created and updated through
   * @return a new builder
   */
  public static Builder builder(FtrackSession session) {
    return new Builder(session);
  }

  /**
   * The least time between two progress updates of one job.
   *
   * @return the interval
   */
  public Duration minInterval() {
    return minInterval;
  }

  /**
   * Creates a running Job for a user, in one request.
   *
   * @param user the user who sees the job (e.g. the one who launched the action: {@code
   *     event.source.user.id})
   * @param description what is going on, shown in the Jobs menu
   * @return the job; finish it with {@link FeedbackJob#done} or {@link FeedbackJob#fail}, or close
   *     it
   * @throws io.pipelinekit.ftrack.FtrackException if the server refused the job (e.g. an unknown
   *     user)
   */
  public FeedbackJob start(EntityRef user, String description) {
    Objects.requireNonNull(user, "user == null");
    if (!user.type().equals("User")) {
      throw new IllegalArgumentException(
          "a job is shown to a User, not to a "
              + user.type()
              + ": pass EntityRef.of(\"User\", id)");
    }
    String text = FeedbackJob.requireDescription(description);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("user", user);
    data.put("status", "running");
    data.put("data", FeedbackJob.dataJson(text, null));
    Operation create = Operation.create("Job", data);
    Entity created = session.call(create).entities().stream().findFirst().orElse(null);
    EntityRef ref = create.target().orElseThrow();
    if (created != null) {
      ref = created.ref();
    }
    return new FeedbackJob(session, ref, text, minInterval, clock);
  }

  @Override
  public String toString() {
    return "JobFeedback{minInterval=" + minInterval + "}";
  }

  /** Builds a {@link JobFeedback}; not thread-safe. */
  public static final class Builder {
    private final FtrackSession session;
    private Duration minInterval = DEFAULT_MIN_INTERVAL;
    private Clock clock = Clock.systemUTC();

    private Builder(FtrackSession session) {
      this.session = Objects.requireNonNull(session, "session == null");
    }

    /**
     * The least time between two progress updates of one job, so that a fast transfer does not
     * flood the server; default {@link #DEFAULT_MIN_INTERVAL}. Zero sends every change.
     *
     * @param interval the interval, not negative
     * @return this builder
     */
    public Builder minInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval == null");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("minInterval must not be negative: " + interval);
      }
      this.minInterval = interval;
      return this;
    }

    /**
     * The clock the interval is measured with (tests pass a fake one).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the job starter.
     *
     * @return the job starter
     */
    public JobFeedback build() {
      return new JobFeedback(this);
    }
  }
}
