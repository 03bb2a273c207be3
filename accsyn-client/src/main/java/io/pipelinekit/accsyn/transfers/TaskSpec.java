package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.internal.typed.JsonValues;
import io.pipelinekit.accsyn.party.AccsynPath;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One task of a transfer to create: a source, a destination, and optionally a priority, metadata,
 * settings, an initial status and a client-chosen id.
 *
 * <pre>{@code
 * TaskSpec preview = TaskSpec.builder()
 *     .source(AccsynPath.share("proj", "sh010", "comp", "v003", "comp.mov"))
 *     .destination(AccsynPath.mirror(Party.site("la")))
 *     .priority(999)                         // previews first
 *     .build();
 * TaskSpec plain = TaskSpec.of(AccsynPath.relative("myproject/ref.png")); // source only
 * }</pre>
 *
 * <p>A task with only a source is sent as a bare path string, the form mirrored jobs and deliveries
 * take.
 */
@Value.Immutable
public interface TaskSpec {
  /** The lowest task priority. */
  int MIN_PRIORITY = 1;

  /** The highest task priority. */
  int MAX_PRIORITY = 1000;

  /** The priority accsyn gives a task that names none. */
  int DEFAULT_PRIORITY = 500;

  /** The priority the accsyn tools give previews so that they go first. */
  int PREVIEW_PRIORITY = 999;

  /**
   * Where the files come from.
   *
   * @return the source path
   */
  AccsynPath source();

  /**
   * Where they go; empty means "mirror into the workspace's default volume" or, when the job has
   * one, the job's destination.
   *
   * @return the destination
   */
  Optional<AccsynPath> destination();

  /**
   * Priority 1–1000 (1000 highest; accsyn's default is 500).
   *
   * @return the priority, if set
   */
  OptionalInt priority();

  /**
   * Initial status, e.g. {@link TaskStatus#EXCLUDED} for a placeholder task.
   *
   * @return the status, if set
   */
  Optional<TaskStatus> status();

  /**
   * A client-chosen task id (a UUID), as the publish workflow needs.
   *
   * @return the id, if set
   */
  Optional<String> id();

  /**
   * Free metadata, passed to hooks and engines.
   *
   * @return the metadata; JSON values only
   */
  Map<String, Object> metadata();

  /**
   * Per-task setting overrides; accsyn settings are always strings.
   *
   * @return the settings
   */
  Map<String, String> settings();

  /**
   * Further task fields sent as given (e.g. compute {@code deps}); they win over nothing and are
   * checked not to repeat a typed field.
   *
   * @return extra fields
   */
  Map<String, Object> extra();

  /**
   * A task with only a source.
   *
   * @param source the source
   * @return the task
   */
  static TaskSpec of(AccsynPath source) {
    return builder().source(source).build();
  }

  /**
   * A task from a source to a destination.
   *
   * @param source the source
   * @param destination the destination
   * @return the task
   */
  static TaskSpec of(AccsynPath source, AccsynPath destination) {
    return builder().source(source).destination(destination).build();
  }

  /** Checks priority, status, metadata and extra fields. */
  @Value.Check
  default void check() {
    if (priority().isPresent()) {
      int p = priority().getAsInt();
      if (p < MIN_PRIORITY || p > MAX_PRIORITY) {
        throw new IllegalArgumentException(
            "task priority must be 1-1000 (1000 highest, default 500), was " + p);
      }
    }
    if (status().isPresent() && !status().get().isWritable()) {
      throw new IllegalArgumentException(
          "a task cannot be created as "
              + status().get()
              + "; use queued, onhold, excluded, failed or done");
    }
    if (source().kind() == AccsynPath.Kind.MIRROR) {
      throw new IllegalArgumentException(
          "a task source needs a path, not just the party " + source().party());
    }
    JsonValues.check("task metadata", metadata());
    JsonValues.check("task extra fields", extra());
    for (String k : extra().keySet()) {
      if (TransferSpec.TASK_KEYS.contains(k)) {
        throw new IllegalArgumentException(
            "extra task field '" + k + "' repeats a typed field; set it with its builder method");
      }
    }
  }

  /**
   * Whether the task is sent as a bare path string (only a source is set).
   *
   * @return true for source-only tasks
   */
  default boolean isBarePath() {
    return destination().isEmpty()
        && priority().isEmpty()
        && status().isEmpty()
        && id().isEmpty()
        && metadata().isEmpty()
        && settings().isEmpty()
        && extra().isEmpty();
  }

  /**
   * The task as accsyn's create payload carries it: a string for a bare path, else an object.
   *
   * @return a string or an unmodifiable map
   */
  default Object toData() {
    if (isBarePath()) {
      return source().toString();
    }
    Map<String, Object> m = JsonValues.object();
    id().ifPresent(v -> m.put("id", v));
    m.put("source", source().toString());
    destination().ifPresent(d -> m.put("destination", d.toString()));
    priority().ifPresent(p -> m.put("priority", p));
    status().ifPresent(s -> m.put("status", s.wire()));
    if (!settings().isEmpty()) {
      m.put("settings", settings());
    }
    if (!metadata().isEmpty()) {
      m.put("metadata", metadata());
    }
    m.putAll(extra());
    return JsonValues.freeze(m);
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaskSpec}; not thread-safe. */
  final class Builder extends ImmutableTaskSpec.Builder {}
}
