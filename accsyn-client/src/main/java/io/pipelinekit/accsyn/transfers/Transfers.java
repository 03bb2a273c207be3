package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Transfer jobs and their tasks (see docs/protocol/accsyn-v3.md, "Transfer jobs"): create, find,
 * get, pause, resume, abort, retry, finish, delete; list, add and edit tasks; watch progress.
 * Thread-safe; obtain it from {@code client.transfers()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * Transfers transfers = client.transfers();
 * Transfer job = transfers.create(spec);
 * transfers.updateTasks(job.id(), List.of(TaskUpdate.byUri("0").priority(999).build()));
 * TransferOutcome o = transfers.awaitCompletion(job.id(), Duration.ofHours(1), ProgressListener.NONE);
 * }</pre>
 */
public final class Transfers {
  static final String TYPE = "transfer";
  private final AccsynClient client;

  private Transfers(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The transfer API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Transfers of(AccsynClient client) {
    return new Transfers(client);
  }

  // ---- jobs ---------------------------------------------------------------------------------

  /**
   * Creates a job ({@code POST transfer/create}). The create is made safe to retry by the client (a
   * request id in the job's metadata), never retried blindly.
   *
   * @param spec the job
   * @return the job; if accsyn fanned it out into several jobs, the first (see {@link #createAll})
   */
  public Transfer create(TransferSpec spec) {
    List<Transfer> all = createAll(spec);
    if (all.isEmpty()) {
      throw new AccsynException("accsyn created the transfer but returned no job");
    }
    return all.get(0);
  }

  /**
   * Creates a job and returns every job accsyn made of it (several when it fans out per recipient).
   *
   * @param spec the job
   * @return the jobs
   */
  public List<Transfer> createAll(TransferSpec spec) {
    Objects.requireNonNull(spec, "spec == null");
    return decode(client.create(TYPE, spec.toData()));
  }

  /**
   * Finds jobs with typed filters.
   *
   * @param filter the filter
   * @return the jobs (active ones unless the filter includes finished)
   */
  public List<Transfer> find(TransferFilter filter) {
    return find(Objects.requireNonNull(filter, "filter == null").toQuery());
  }

  /**
   * Finds jobs with a query.
   *
   * @param query a {@code transfer} query
   * @return the jobs
   */
  public List<Transfer> find(Query query) {
    return decode(client.find(checkType(query)));
  }

  /**
   * Finds jobs with a query in accsyn's language.
   *
   * @param query e.g. {@code Transfer WHERE status=failed}
   * @return the jobs
   */
  public List<Transfer> find(String query) {
    return find(Query.parse(query));
  }

  /**
   * Every matching job, paged lazily.
   *
   * @param filter the filter
   * @return a lazy stream
   */
  public Stream<Transfer> stream(TransferFilter filter) {
    return client.stream(filter.toQuery()).map(Transfer::fromJson);
  }

  /**
   * The first matching job (accsyn also looks among finished jobs when no active one matches).
   *
   * @param filter the filter
   * @return the job, or empty
   */
  public Optional<Transfer> findOne(TransferFilter filter) {
    return client.findOne(filter.toQuery()).map(Transfer::fromJson);
  }

  /**
   * A job by id in any state: active, finished, aborted or archived.
   *
   * @param id the job id
   * @return the job, or empty
   */
  public Optional<Transfer> get(String id) {
    return client.get(TYPE, checkId(id)).map(Transfer::fromJson);
  }

  /**
   * Puts a job on hold ({@code status: paused}).
   *
   * @param id the job id
   * @return the updated job
   */
  public Transfer pause(String id) {
    return setStatus(id, TransferStatus.PAUSED);
  }

  /**
   * Resumes a paused job ({@code status: waiting}).
   *
   * @param id the job id
   * @return the updated job
   */
  public Transfer resume(String id) {
    return setStatus(id, TransferStatus.WAITING);
  }

  /**
   * Retries a failed, aborted or finished job ({@code status: waiting}, like the GUI's Retry).
   *
   * @param id the job id
   * @return the updated job
   */
  public Transfer retry(String id) {
    return setStatus(id, TransferStatus.WAITING);
  }

  /**
   * Aborts a job ({@code status: aborted}).
   *
   * @param id the job id
   * @return the updated job
   */
  public Transfer abort(String id) {
    return setStatus(id, TransferStatus.ABORTED);
  }

  /**
   * Marks a job done ({@code status: done}).
   *
   * @param id the job id
   * @return the updated job
   */
  public Transfer finish(String id) {
    return setStatus(id, TransferStatus.DONE);
  }

  /**
   * Edits job fields not covered by the methods above (e.g. {@code queue}, {@code name}).
   *
   * @param id the job id
   * @param fields the fields to change
   * @return the updated job
   */
  public Transfer update(String id, Map<String, ?> fields) {
    return Transfer.fromJson(client.update(TYPE, checkId(id), fields));
  }

  private Transfer setStatus(String id, TransferStatus status) {
    return update(id, Map.of("status", status.wire()));
  }

  /**
   * Deletes (archives) a job ({@code DELETE transfer/delete}, data {@code null}).
   *
   * @param id the job id
   */
  public void delete(String id) {
    client.delete(TYPE, checkId(id), false);
  }

  /**
   * Deletes (archives) a job, even a running one ({@code data: {"force": true}}).
   *
   * @param id the job id
   * @param force delete even if the job is busy
   */
  public void delete(String id, boolean force) {
    client.delete(TYPE, checkId(id), force);
  }

  // ---- tasks --------------------------------------------------------------------------------

  /**
   * Every task of a job ({@code GET task/find}, data {@code {"parent": <job id>}}).
   *
   * @param jobId the job id
   * @return the tasks
   */
  public List<Task> tasks(String jobId) {
    return client.find(Query.of("task").parent(checkId(jobId))).stream()
        .map(Task::fromJson)
        .toList();
  }

  /**
   * Adds tasks to an existing job ({@code POST task/create id=<job id>}); running tasks are not
   * interrupted. A task equal to an existing one retries it (accsyn's default).
   *
   * @param jobId the job id
   * @param tasks the tasks
   * @return the created tasks as accsyn returns them (may be empty if it returns only success)
   */
  public List<Task> addTasks(String jobId, List<TaskSpec> tasks) {
    return addTasks(jobId, tasks, Optional.empty());
  }

  /**
   * Adds tasks, choosing what a duplicate task means.
   *
   * @param jobId the job id
   * @param tasks the tasks
   * @param allowDuplicates false makes a duplicate an error instead of a retry
   * @return the created tasks
   */
  public List<Task> addTasks(String jobId, List<TaskSpec> tasks, boolean allowDuplicates) {
    return addTasks(jobId, tasks, Optional.of(allowDuplicates));
  }

  private List<Task> addTasks(String jobId, List<TaskSpec> tasks, Optional<Boolean> dup) {
    Objects.requireNonNull(tasks, "tasks == null");
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("addTasks needs at least one task");
    }
    Json.ObjectBuilder data = Json.objectBuilder().put("tasks", new TaskList(List.copyOf(tasks)));
    dup.ifPresent(d -> data.put("allow_duplicates", d));
    List<Json> result = client.create("task", checkId(jobId), data.build());
    List<Task> out = new ArrayList<>();
    for (Json j : result) {
      if (j.isObject() && j.has("id")) {
        out.add(Task.fromJson(j));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Changes several tasks in one call ({@code PUT task/edit id=<job id>}, data a JSON array).
   *
   * @param jobId the job id
   * @param updates the changes
   * @return the updated tasks
   */
  public List<Task> updateTasks(String jobId, List<TaskUpdate> updates) {
    Objects.requireNonNull(updates, "updates == null");
    if (updates.isEmpty()) {
      throw new IllegalArgumentException("updateTasks needs at least one update");
    }
    List<Json> patches = updates.stream().map(u -> Json.of(u.toData())).toList();
    List<Json> result = client.updateMany("task", checkId(jobId), patches);
    List<Task> out = new ArrayList<>();
    for (Json j : result) {
      if (j.isObject() && j.has("id")) {
        out.add(Task.fromJson(j));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Sets the same status on several tasks, e.g. {@link TaskStatus#EXCLUDED} to skip files or {@link
   * TaskStatus#QUEUED} to retry them.
   *
   * @param jobId the job id
   * @param taskIds the task ids
   * @param status the status
   * @return the updated tasks
   */
  public List<Task> setTaskStatus(String jobId, Collection<String> taskIds, TaskStatus status) {
    return updateTasks(
        jobId,
        taskIds.stream().<TaskUpdate>map(t -> TaskUpdate.byId(t).status(status).build()).toList());
  }

  /**
   * Re-queues every failed task of a job.
   *
   * @param jobId the job id
   * @return the re-queued tasks; empty if none had failed (then nothing is sent)
   */
  public List<Task> retryFailedTasks(String jobId) {
    List<String> failed =
        tasks(jobId).stream().filter(t -> t.status() == TaskStatus.FAILED).map(Task::id).toList();
    if (failed.isEmpty()) {
      return List.of();
    }
    return setTaskStatus(jobId, failed, TaskStatus.QUEUED);
  }

  // ---- progress -----------------------------------------------------------------------------

  /**
   * Starts watching a job. Returns at once; polling runs on the client's threads.
   *
   * @param id the job id
   * @param options cadence, timeout, sleeper and clock
   * @param listener told about each change
   * @return the watch
   */
  public TransferWatch watch(String id, WatchOptions options, ProgressListener listener) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(listener, "listener == null");
    return new Poller(client.async(), checkId(id), options, listener).start();
  }

  /**
   * Starts watching a job with the default cadence and no timeout.
   *
   * @param id the job id
   * @return the watch
   */
  public TransferWatch watch(String id) {
    return watch(id, WatchOptions.defaults(), ProgressListener.NONE);
  }

  /**
   * Waits for a job to finish (done, aborted or failed), reporting progress on the way. The calling
   * thread waits without polling itself; interrupting it cancels the watch.
   *
   * @param id the job id
   * @param timeout how long to wait
   * @param listener told about each change
   * @return the outcome, with failed tasks
   * @throws TransferTimeoutException if the job is still running after the timeout
   */
  public TransferOutcome awaitCompletion(String id, Duration timeout, ProgressListener listener) {
    return await(watch(id, WatchOptions.builder().timeout(timeout).build(), listener));
  }

  /**
   * Waits for a watch to end.
   *
   * @param watch the watch
   * @return the outcome
   */
  public static TransferOutcome await(TransferWatch watch) {
    try {
      return watch.outcome().get();
    } catch (InterruptedException e) {
      watch.cancel();
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a transfer");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new CompletionException(c);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static List<Transfer> decode(List<Json> jobs) {
    return jobs.stream().map(Transfer::fromJson).toList();
  }

  private static Query checkType(Query q) {
    Objects.requireNonNull(q, "query == null");
    if (!q.entityType().equals(TYPE) && !q.entityType().equals("job")) {
      throw new IllegalArgumentException(
          "transfers().find needs a transfer query, not " + q.entityType());
    }
    return q;
  }

  static String checkId(String id) {
    Objects.requireNonNull(id, "id == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("the job id is blank");
    }
    return id;
  }
}
