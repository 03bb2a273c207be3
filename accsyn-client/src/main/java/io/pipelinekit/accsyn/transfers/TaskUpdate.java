package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.internal.typed.JsonValues;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A change to one task, for {@code transfers().updateTasks(jobId, ...)}: only status, priority and
 * metadata can change (source and destination are fixed). The task is named by its id or its uri.
 *
 * <pre>{@code
 * TaskUpdate.byUri("2").status(TaskStatus.ONHOLD).build();
 * TaskUpdate.byId(task.id()).priority(999).build();
 * }</pre>
 */
@Value.Immutable
public interface TaskUpdate {
  /**
   * The task id (a UUID).
   *
   * @return the id, if the task is named by id
   */
  Optional<String> id();

  /**
   * The task uri ({@code "0"}, {@code "1"}, ...).
   *
   * @return the uri, if the task is named by uri
   */
  Optional<String> uri();

  /**
   * The new status.
   *
   * @return the status
   */
  Optional<TaskStatus> status();

  /**
   * The new priority, 1–1000.
   *
   * @return the priority
   */
  OptionalInt priority();

  /**
   * New metadata.
   *
   * @return the metadata
   */
  Optional<Map<String, Object>> metadata();

  /**
   * A builder for the task with this id.
   *
   * @param id the task id
   * @return the builder
   */
  static Builder byId(String id) {
    return new Builder().id(id);
  }

  /**
   * A builder for the task with this uri.
   *
   * @param uri the task uri
   * @return the builder
   */
  static Builder byUri(String uri) {
    return new Builder().uri(uri);
  }

  /** Checks the change. */
  @Value.Check
  default void check() {
    if (id().isPresent() == uri().isPresent()) {
      throw new IllegalArgumentException("name the task by id or by uri (exactly one)");
    }
    if (status().isEmpty() && priority().isEmpty() && metadata().isEmpty()) {
      throw new IllegalArgumentException("a task update needs a status, priority or metadata");
    }
    if (status().isPresent() && !status().get().isWritable()) {
      throw new IllegalArgumentException(
          "task status "
              + status().get()
              + " cannot be set; use queued, onhold, excluded, failed"
              + " or done");
    }
    if (priority().isPresent()
        && (priority().getAsInt() < TaskSpec.MIN_PRIORITY
            || priority().getAsInt() > TaskSpec.MAX_PRIORITY)) {
      throw new IllegalArgumentException(
          "task priority must be 1-1000, was " + priority().getAsInt());
    }
    metadata().ifPresent(m -> JsonValues.check("task metadata", m));
  }

  /**
   * The patch as sent.
   *
   * @return an unmodifiable map
   */
  default Map<String, Object> toData() {
    Map<String, Object> m = JsonValues.object();
    id().ifPresent(v -> m.put("id", v));
    uri().ifPresent(v -> m.put("uri", v));
    status().ifPresent(v -> m.put("status", v.wire()));
    priority().ifPresent(v -> m.put("priority", v));
    metadata().ifPresent(v -> m.put("metadata", v));
    return JsonValues.freeze(m);
  }

  /** Builds a {@link TaskUpdate}; not thread-safe. Start with {@code byId} or {@code byUri}. */
  final class Builder extends ImmutableTaskUpdate.Builder {}
}
