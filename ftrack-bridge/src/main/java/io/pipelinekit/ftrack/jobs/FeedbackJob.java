package io.pipelinekit.ftrack.jobs;

import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackException;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Operation;
import io.pipelinekit.ftrack.model.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ftrack Job started by {@link JobFeedback}: update its description and progress as work
 * goes on, then finish it as done or failed.
 *
 * <p>Updates are throttled: one is sent only if the last request for this job is at least the
 * interval old; otherwise it is kept, and a newer one replaces it. The latest update is never lost:
 * it goes out with the next update after the interval, with {@link #flush()}, or together with the
 * final status in {@link #done} / {@link #fail} (one request). An unchanged description is not sent
 * again.
 *
 * <p>Progress is part of what the user reads: ftrack has no progress field, so {@code
 * update("Sending 12 files", 0.37)} shows {@code Sending 12 files (37%)} and also stores {@code
 * "progress": 0.37} in the job's {@code data} JSON for programs.
 *
 * <p>Feedback must not break the work it reports on: a failing throttled {@link #update} is logged
 * at WARN and retried with the next one, and {@link #close()} never throws. {@link #flush()},
 * {@link #done} and {@link #fail} report failures as {@link FtrackException}s. Thread-safe.
 */
public final class FeedbackJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackJob.class);

  private final FtrackSession session;
  private final EntityRef ref;
  private final Duration minInterval;
  private final Clock clock;

  private String sentData;
  private Instant sentAt;
  private String description;
  private Double progress;
  private Job.Status finalStatus;
  private long requests = 1;

  FeedbackJob(
      FtrackSession session, EntityRef ref, String description, Duration minInterval, Clock clock) {
    this.session = session;
    this.ref = ref;
    this.minInterval = minInterval;
    this.clock = clock;
    this.description = description;
    this.sentData = dataJson(description, null);
    this.sentAt = clock.instant();
  }

  static String requireDescription(String description) {
    Objects.requireNonNull(description, "description == null");
    if (description.isBlank()) {
      throw new IllegalArgumentException("a job description must not be blank");
    }
    return description;
  }

  static String dataJson(String description, Double progress) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("description", shown(description, progress));
    if (progress != null) {
      data.put("progress", progress);
    }
    return JsonTree.write(data);
  }

  private static String shown(String description, Double progress) {
    if (progress == null) {
      return description;
    }
    return description + " (" + (int) Math.floor(progress * 100) + "%)";
  }

  /**
   * The Job, for further operations (e.g. attaching a log file as a {@code JobComponent}).
   *
   * @return the reference
   */
  public EntityRef ref() {
    return ref;
  }

  /**
   * The id of the Job.
   *
   * @return the id
   */
  public String id() {
    return ref.id();
  }

  /**
   * How the job ended.
   *
   * @return {@link Job.Status#DONE} or {@link Job.Status#FAILED}; empty while it runs
   */
  public synchronized Optional<Job.Status> finalStatus() {
    return Optional.ofNullable(finalStatus);
  }

  /**
   * How many requests this job has sent, including the create: what the throttle saves can be
   * checked here.
   *
   * @return the count
   */
  public synchronized long requestCount() {
    return requests;
  }

  /**
   * Sets a new description, sent now or later (see the class description).
   *
   * @param description what is going on
   * @return true if a request was sent now
   * @throws IllegalStateException if the job is finished
   */
  public synchronized boolean update(String description) {
    return set(description, null);
  }

  /**
   * Sets a new description with the fraction done, sent now or later (see the class description).
   *
   * @param description what is going on
   * @param fractionDone from 0.0 to 1.0
   * @return true if a request was sent now
   * @throws IllegalArgumentException if the fraction is outside 0..1
   * @throws IllegalStateException if the job is finished
   */
  public synchronized boolean update(String description, double fractionDone) {
    if (!(fractionDone >= 0.0 && fractionDone <= 1.0)) {
      throw new IllegalArgumentException(
          "fractionDone must be between 0.0 and 1.0, was " + fractionDone);
    }
    return set(description, fractionDone);
  }

  private boolean set(String newDescription, Double newProgress) {
    requireDescription(newDescription);
    requireRunning();
    description = newDescription;
    progress = newProgress;
    if (!isPending()) {
      return false;
    }
    Instant now = clock.instant();
    if (Duration.between(sentAt, now).compareTo(minInterval) < 0) {
      return false;
    }
    try {
      send(Map.of("data", dataJson(description, progress)), now);
      return true;
    } catch (FtrackException e) {
      // Retried with the next update; the interval still applies so a failing server is not
      // hammered.
      sentAt = now;
      LOG.warn("Progress update of ftrack job {} failed, will retry: {}", ref.id(), e.getMessage());
      return false;
    }
  }

  private boolean isPending() {
    return !dataJson(description, progress).equals(sentData);
  }

  private void requireRunning() {
    if (finalStatus != null) {
      throw new IllegalStateException(
          "ftrack job " + ref.id() + " is already " + finalStatus.wire() + "; start a new one");
    }
  }

  private void send(Map<String, Object> changes, Instant now) {
    requests++;
    session.call(Operation.update(ref, changes));
    Object data = changes.get("data");
    if (data instanceof String) {
      sentData = (String) data;
    }
    sentAt = now;
  }

  /**
   * Sends the latest update now if it was held back by the throttle.
   *
   * @return true if a request was sent
   * @throws FtrackException if the server refused it
   */
  public synchronized boolean flush() {
    if (finalStatus != null || !isPending()) {
      return false;
    }
    send(Map.of("data", dataJson(description, progress)), clock.instant());
    return true;
  }

  /**
   * Finishes the job as done, keeping the latest description (without a progress figure).
   *
   * @throws FtrackException if the server refused it
   * @throws IllegalStateException if the job is already finished
   */
  public synchronized void done() {
    finish(Job.Status.DONE, description);
  }

  /**
   * Finishes the job as done with a final message, in one request.
   *
   * @param message what the user reads, e.g. {@code Sent 12 files to la}
   * @throws FtrackException if the server refused it
   * @throws IllegalStateException if the job is already finished
   */
  public synchronized void done(String message) {
    finish(Job.Status.DONE, message);
  }

  /**
   * Finishes the job as failed with a message, in one request.
   *
   * @param message what went wrong, in words for the user
   * @throws FtrackException if the server refused it
   * @throws IllegalStateException if the job is already finished
   */
  public synchronized void fail(String message) {
    finish(Job.Status.FAILED, message);
  }

  private void finish(Job.Status status, String message) {
    requireDescription(message);
    requireRunning();
    description = message;
    progress = null;
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("status", status.wire());
    changes.put("data", dataJson(message, null));
    send(changes, clock.instant());
    finalStatus = status;
  }

  /**
   * Marks a job that was not finished as failed ("stopped before it finished"), so that no job
   * stays {@code running} forever when the work dies. Does nothing for a finished job. Never
   * throws: a failure is logged at WARN.
   */
  @Override
  public synchronized void close() {
    if (finalStatus != null) {
      return;
    }
    try {
      finish(Job.Status.FAILED, "Stopped before it finished: " + description);
    } catch (RuntimeException e) {
      LOG.warn("Could not mark ftrack job {} as failed: {}", ref.id(), e.getMessage());
    }
  }

  @Override
  public synchronized String toString() {
    return "FeedbackJob{"
        + ref.id()
        + ", "
        + (finalStatus == null ? "running" : finalStatus.wire().toLowerCase(Locale.ROOT))
        + "}";
  }
}
