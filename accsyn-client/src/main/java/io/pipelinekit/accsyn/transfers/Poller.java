package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.AccsynAsync;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One watch: polls the active set with {@code findOne}, switches to {@code get} (any state) once
 * the job has left it, and chains the next poll on the sleeper's future, so nothing blocks.
 */
final class Poller implements TransferWatch {
  private final AccsynAsync api;
  private final String id;
  private final WatchOptions options;
  private final ProgressListener listener;
  private final CompletableFuture<TransferOutcome> outcome = new CompletableFuture<>();
  private final AtomicReference<Transfer> latest = new AtomicReference<>();
  private final Instant deadline;
  private volatile boolean leftActiveSet;
  private int polls;
  private Duration pause;

  Poller(AccsynAsync api, String id, WatchOptions options, ProgressListener listener) {
    this.api = api;
    this.id = id;
    this.options = options;
    this.listener = listener;
    this.deadline = options.timeout().map(t -> options.clock().instant().plus(t)).orElse(null);
    this.pause = options.pollInterval();
  }

  Poller start() {
    poll();
    return this;
  }

  private void poll() {
    if (outcome.isDone()) {
      return;
    }
    fetch()
        .whenComplete(
            (found, error) -> {
              if (outcome.isDone()) {
                return;
              }
              if (error != null) {
                outcome.completeExceptionally(unwrap(error));
                return;
              }
              try {
                handle(found);
              } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
              }
            });
  }

  private CompletableFuture<Optional<Json>> fetch() {
    if (leftActiveSet) {
      return api.get("transfer", id);
    }
    Query active = Query.of("transfer").where("id", Operator.EQ, id);
    return api.findOne(active)
        .thenCompose(
            found -> {
              if (found.isPresent()) {
                return CompletableFuture.completedFuture(found);
              }
              // Finished jobs drop out of standard queries; get() sees every state.
              leftActiveSet = true;
              return api.get("transfer", id);
            });
  }

  private void handle(Optional<Json> found) {
    polls++;
    if (found.isEmpty()) {
      outcome.completeExceptionally(
          new AccsynException(
              "transfer " + id + " no longer exists (deleted, or not visible to this user)"));
      return;
    }
    Transfer now = Transfer.fromJson(found.get());
    Transfer before = latest.getAndSet(now);
    boolean changed = before == null || !before.progress().equals(now.progress());
    if (changed) {
      listener.onProgress(now);
    }
    pause = before == null ? options.pollInterval() : next(pause, now);
    if (now.status().isFinal()) {
      finish(now);
      return;
    }
    Duration wait = pause;
    if (deadline != null) {
      Duration left = Duration.between(options.clock().instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        outcome.completeExceptionally(
            new TransferTimeoutException(id, options.timeout().orElseThrow(), now));
        return;
      }
      if (left.compareTo(wait) < 0) {
        wait = left;
      }
    }
    options.sleeper().sleep(wait).whenComplete((v, e) -> poll());
  }

  /**
   * The pause after this poll: the last one grown, capped, and shortened to the remaining time when
   * the job should finish sooner. A moving job does not reset the pause, so a long transfer costs a
   * bounded number of polls a minute however often its progress changes.
   */
  private Duration next(Duration last, Transfer now) {
    Duration grown = grow(last);
    Optional<Duration> remaining = now.progress().remaining();
    if (remaining.isPresent() && remaining.get().compareTo(grown) < 0) {
      return remaining.get().compareTo(options.pollInterval()) < 0
          ? options.pollInterval()
          : remaining.get();
    }
    return grown;
  }

  private Duration grow(Duration d) {
    long next = (long) Math.ceil(d.toMillis() * options.backoffFactor());
    Duration grown = Duration.ofMillis(next);
    return grown.compareTo(options.maxPollInterval()) > 0 ? options.maxPollInterval() : grown;
  }

  private void finish(Transfer last) {
    TransferOutcome.Builder b = TransferOutcome.builder().transfer(last).polls(polls);
    if (!options.fetchTasks()) {
      outcome.complete(b.build());
      return;
    }
    api.find(Query.of("task").parent(id))
        .whenComplete(
            (tasks, error) -> {
              if (error != null) {
                outcome.completeExceptionally(unwrap(error));
                return;
              }
              try {
                List<Task> typed = tasks.stream().map(Task::fromJson).toList();
                outcome.complete(b.addAllTasks(typed).build());
              } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
              }
            });
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public CompletableFuture<TransferOutcome> outcome() {
    return outcome;
  }

  @Override
  public Optional<Transfer> latest() {
    return Optional.ofNullable(latest.get());
  }

  @Override
  public boolean cancel() {
    // Unlike cancel(), this reports false when the watch had already ended.
    return outcome.completeExceptionally(
        new CancellationException("watch of transfer " + id + " cancelled"));
  }
}
