package io.pipelinekit.flows;

import java.util.List;
import java.util.Objects;

/**
 * The result of a flow that moved files with one accsyn job: which job, how it ended, and what
 * happened to each file.
 *
 * <pre>{@code
 * TransferResult r = SendFlow.of(accsyn, ftrack, layout).run(request, FlowProgress.NONE);
 * if (r.status() != TransferResult.Status.DONE) { ... r.files() ... }
 * }</pre>
 *
 * @param flow which flow ({@code send}, {@code publish-back}, {@code review-upload}, ...)
 * @param jobId the accsyn job
 * @param jobName the day's job name
 * @param appended whether the tasks were appended to an existing live job
 * @param status how it ended
 * @param from the source (ftrack location or party)
 * @param to the destination
 * @param files what happened to each file
 * @param warnings what was skipped and why
 */
public record TransferResult(
    String flow,
    String jobId,
    String jobName,
    boolean appended,
    Status status,
    String from,
    String to,
    List<FileOutcome> files,
    List<String> warnings) {

  /** How a flow's transfer ended. */
  public enum Status {
    /** Submitted; not waited for. */
    SUBMITTED,
    /** Every file arrived. */
    DONE,
    /** Some files arrived, some did not. */
    PARTIAL,
    /** Nothing arrived (failed or aborted). */
    FAILED
  }

  /** Copies the lists. */
  public TransferResult {
    Objects.requireNonNull(flow, "flow == null");
    Objects.requireNonNull(jobId, "jobId == null");
    Objects.requireNonNull(status, "status == null");
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }

  /**
   * How many files (frames counted) arrived.
   *
   * @return the count
   */
  public long filesArrived() {
    return files.stream().filter(FileOutcome::arrived).mapToLong(FileOutcome::files).sum();
  }

  /**
   * How many components were registered at the destination.
   *
   * @return the count
   */
  public long registered() {
    return files.stream().filter(f -> f.registeredAs().isPresent()).count();
  }

  /**
   * Whether the run succeeded (submitted, or every file arrived).
   *
   * @return true for SUBMITTED and DONE
   */
  public boolean succeeded() {
    return status == Status.SUBMITTED || status == Status.DONE;
  }
}
