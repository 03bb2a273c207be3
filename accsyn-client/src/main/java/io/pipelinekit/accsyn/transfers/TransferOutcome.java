package io.pipelinekit.accsyn.transfers;

import java.util.List;
import org.immutables.value.Value;

/**
 * How a watched job ended: its final state and, when tasks were fetched, the tasks that failed.
 *
 * <pre>{@code
 * TransferOutcome o = client.transfers().awaitCompletion(id, Duration.ofHours(1), l);
 * if (!o.succeeded()) {
 *   o.failedTasks().forEach(t -> log.warn("failed: {}", t.source().path().orElse(t.id())));
 * }
 * }</pre>
 */
@Value.Immutable
public interface TransferOutcome {
  /**
   * The job as last seen (final status).
   *
   * @return the job
   */
  Transfer transfer();

  /**
   * The final status.
   *
   * @return done, aborted or failed
   */
  @Value.Derived
  default TransferStatus status() {
    return transfer().status();
  }

  /**
   * Every task of the job, if fetched.
   *
   * @return the tasks
   */
  List<Task> tasks();

  /**
   * The tasks whose status is failed.
   *
   * @return the failed tasks
   */
  @Value.Derived
  default List<Task> failedTasks() {
    return tasks().stream().filter(t -> t.status() == TaskStatus.FAILED).toList();
  }

  /**
   * How many times the job was polled.
   *
   * @return the count
   */
  int polls();

  /**
   * Whether the job is done with no failed task. Aborted never counts as success.
   *
   * @return true on success
   */
  default boolean succeeded() {
    return status() == TransferStatus.DONE && failedTasks().isEmpty();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TransferOutcome}; not thread-safe. */
  final class Builder extends ImmutableTransferOutcome.Builder {}
}
