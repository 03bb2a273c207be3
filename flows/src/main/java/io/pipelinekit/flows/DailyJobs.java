package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.transfers.Task;
import io.pipelinekit.accsyn.transfers.TaskSpec;
import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.accsyn.transfers.TransferOutcome;
import io.pipelinekit.accsyn.transfers.TransferSpec;
import io.pipelinekit.accsyn.transfers.TransferStatus;
import io.pipelinekit.accsyn.transfers.TransferTimeoutException;
import io.pipelinekit.accsyn.transfers.Transfers;
import io.pipelinekit.accsyn.transfers.WatchOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * accsyn jobs the way the job specification asks for them: one live job per source/destination pair
 * per day, found by name and appended to, instead of one job per click; watched by id with a
 * deadline, which also sees finished jobs.
 *
 * <pre>{@code
 * DailyJobs jobs = DailyJobs.of(accsyn, Clock.systemUTC());
 * DailyJobs.Submission s = jobs.submit(jobs.name("hq", "la", "send"), true, metadata, tasks);
 * TransferOutcome o = jobs.await(s, "send hq > la", Duration.ofHours(2), Duration.ofSeconds(2),
 *     FlowProgress.NONE);
 * }</pre>
 */
public final class DailyJobs {
  /** The task metadata key that lets a flow find its own tasks in a shared daily job. */
  public static final String TASK_KEY = "pipelinekit_key";

  /**
   * The task (and job) metadata key of a client request id: the same request submitted twice (a
   * retry after an ambiguous failure) finds its tasks instead of adding them again.
   */
  public static final String REQUEST_KEY = "ftrack_launch_key";

  private static final Set<TransferStatus> APPENDABLE =
      EnumSet.of(
          TransferStatus.INIT,
          TransferStatus.PENDING,
          TransferStatus.WAITING,
          TransferStatus.RUNNING);

  private final Transfers transfers;
  private final Clock clock;

  private DailyJobs(AccsynClient client, Clock clock) {
    this.transfers = Transfers.of(client);
    this.clock = clock;
  }

  /**
   * Daily jobs on a client.
   *
   * @param client the accsyn client
   * @param clock the clock that decides the day
   * @return the helper
   */
  public static DailyJobs of(AccsynClient client, Clock clock) {
    return new DailyJobs(
        Objects.requireNonNull(client, "client == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * The day's job name for a pair.
   *
   * @param from the source location or party
   * @param to the destination location or party
   * @param purpose what the job is for ({@code send})
   * @return e.g. {@code hq > la send 2026-11-23}
   */
  public String name(String from, String to, String purpose) {
    return from + " > " + to + " " + purpose + " " + LocalDate.now(clock);
  }

  /**
   * Appends the tasks to the day's live job of that name, or creates it.
   *
   * @param name the day's job name
   * @param mirror whether omitted destination paths mirror the source path
   * @param metadata job metadata (ftrack ids), written when the job is created
   * @param tasks the tasks, each with a {@link #TASK_KEY} in its metadata
   * @return what was submitted
   */
  public Submission submit(
      String name, boolean mirror, Map<String, Object> metadata, List<TaskSpec> tasks) {
    return submit(name, mirror, metadata, tasks, Optional.empty());
  }

  /**
   * Like {@link #submit(String, boolean, Map, List)}, idempotent for a request key: when a job of
   * that name already holds tasks with the key in their {@link #REQUEST_KEY} metadata, nothing is
   * submitted and that job is returned (accsyn has no idempotency-key header; this is the house
   * style's "client request id in the job's metadata").
   *
   * @param name the day's job name
   * @param mirror whether omitted destination paths mirror the source path
   * @param metadata job metadata (ftrack ids), written when the job is created
   * @param tasks the tasks, each with a {@link #TASK_KEY} (and the request key) in its metadata
   * @param requestKey the request key, or empty
   * @return what was submitted, or found
   */
  public Submission submit(
      String name,
      boolean mirror,
      Map<String, Object> metadata,
      List<TaskSpec> tasks,
      Optional<String> requestKey) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("nothing to submit");
    }
    if (requestKey.isPresent()) {
      // Live jobs and finished ones (accsyn lists them apart): a retry may come after the job
      // ended.
      List<Transfer> named = new java.util.ArrayList<>();
      named.addAll(transfers.find(Query.of("transfer").where("name", Operator.EQ, name)));
      named.addAll(
          transfers.find(Query.of("transfer").where("name", Operator.EQ, name).finished(true)));
      for (Transfer t : named) {
        long mine =
            transfers.tasks(t.id()).stream()
                .filter(
                    task ->
                        Optional.ofNullable(task.metadata().get(REQUEST_KEY))
                            .map(j -> j.asString())
                            .filter(requestKey.get()::equals)
                            .isPresent())
                .count();
        if (mine > 0) {
          return new Submission(t.id(), name, true, (int) mine, true);
        }
      }
    }
    Optional<Transfer> live =
        transfers.find(Query.of("transfer").where("name", Operator.EQ, name)).stream()
            .filter(t -> APPENDABLE.contains(t.status()))
            .filter(t -> t.name().map(name::equalsIgnoreCase).orElse(false))
            .findFirst();
    if (live.isPresent()) {
      String id = live.get().id();
      transfers.addTasks(id, tasks, true);
      return new Submission(id, name, true, tasks.size(), false);
    }
    TransferSpec.Builder spec = TransferSpec.builder().name(name).addAllTasks(tasks);
    if (mirror) {
      spec.mirror(true);
    }
    spec.putAllMetadata(metadata);
    Transfer created = transfers.create(spec.build());
    return new Submission(created.id(), name, false, tasks.size(), false);
  }

  /**
   * Waits for a job to finish, polling by id (finished jobs included) with a backoff, up to a
   * deadline.
   *
   * @param submission the job
   * @param label what to call it in progress reports
   * @param timeout the deadline
   * @param pollInterval the first poll interval
   * @param progress told about each change
   * @return the outcome with every task of the job
   * @throws FlowException of kind TIMEOUT after the deadline
   */
  public TransferOutcome await(
      Submission submission,
      String label,
      Duration timeout,
      Duration pollInterval,
      FlowProgress progress) {
    WatchOptions options =
        WatchOptions.builder()
            .pollInterval(pollInterval)
            .maxPollInterval(max(pollInterval, Duration.ofSeconds(10)))
            .timeout(timeout)
            .fetchTasks(true)
            .build();
    try {
      return Transfers.await(
          transfers.watch(submission.jobId(), options, t -> progress.transfer(label, t)));
    } catch (TransferTimeoutException e) {
      throw FlowException.timeout(
          "accsyn job "
              + submission.jobId()
              + " ("
              + submission.jobName()
              + ") did not finish within "
              + timeout.toSeconds()
              + " s; it keeps running: watch it in accsyn, or wait longer with --timeout",
          e);
    }
  }

  /**
   * The tasks of an outcome that one run submitted.
   *
   * @param outcome the outcome
   * @param keys the run's task keys
   * @return those tasks
   */
  public static List<Task> ours(TransferOutcome outcome, Set<String> keys) {
    return outcome.tasks().stream().filter(t -> key(t).map(keys::contains).orElse(false)).toList();
  }

  /**
   * A task's key.
   *
   * @param task the task
   * @return its {@link #TASK_KEY}
   */
  public static Optional<String> key(Task task) {
    return Optional.ofNullable(task.metadata().get(TASK_KEY)).map(j -> j.asString());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * What was submitted.
   *
   * @param jobId the accsyn job id
   * @param jobName the day's job name
   * @param appended whether the tasks went into an existing live job
   * @param taskCount how many tasks were submitted (or found)
   * @param resumed whether nothing was submitted because the request key's tasks were there
   */
  public record Submission(
      String jobId, String jobName, boolean appended, int taskCount, boolean resumed) {}
}
