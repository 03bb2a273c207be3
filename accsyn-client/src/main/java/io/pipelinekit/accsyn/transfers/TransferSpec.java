package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.internal.typed.JsonValues;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A transfer job to create: every job field accsyn documents (see docs/protocol/accsyn-v3.md,
 * "Creating"). Build it, then pass it to {@code client.transfers().create(spec)}.
 *
 * <pre>{@code
 * TransferSpec spec = TransferSpec.builder()
 *     .name("sh010 comp v003 to la")
 *     .addTask(TaskSpec.builder()
 *         .source(AccsynPath.share("proj", "sh010", "v003", "comp.mov"))
 *         .destination(AccsynPath.mirror(Party.site("la")))
 *         .priority(TaskSpec.PREVIEW_PRIORITY)
 *         .build())
 *     .addTask(TaskSpec.of(AccsynPath.share("proj", "sh010", "v003", "comp.%04d.exr[1001-1100]"),
 *                          AccsynPath.mirror(Party.site("la"))))
 *     .queue("High")
 *     .putSetting("transfer_mode", "copy")
 *     .putMetadata("ftrack_version_id", versionId)
 *     .build();
 * }</pre>
 *
 * <p>Either give {@link #tasks()}, or the relaxed single-task form with {@link #source()} and
 * {@link #destination()} on the job itself (not both). {@link #toData()} is the exact {@code data}
 * of the {@code transfer/create} event.
 */
@Value.Immutable
public interface TransferSpec {
  /** Job keys the typed fields own; {@link #extra()} may not repeat them. */
  Set<String> JOB_KEYS =
      Set.of(
          "name",
          "description",
          "status",
          "queue",
          "parent",
          "source",
          "destination",
          "tasks",
          "recipients",
          "mirror",
          "settings",
          "metadata",
          "hooks",
          "allow_duplicates",
          "append");

  /** Task keys the typed fields of {@link TaskSpec} own. */
  Set<String> TASK_KEYS =
      Set.of("id", "source", "destination", "priority", "status", "settings", "metadata");

  /**
   * The job name; accsyn generates one from the first source file name when absent. Not unique.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * A description.
   *
   * @return the description
   */
  Optional<String> description();

  /**
   * The initial status, e.g. {@link TransferStatus#PAUSED} to create the job on hold.
   *
   * @return the status
   */
  Optional<TransferStatus> status();

  /**
   * The queue, by id, code or name (e.g. {@code High}).
   *
   * @return the queue
   */
  Optional<String> queue();

  /**
   * The parent: a queue id, or a delivery or request id for transfers under a delivery.
   *
   * @return the parent id
   */
  Optional<String> parent();

  /**
   * Relaxed single-task form: the source of the only task.
   *
   * @return the source
   */
  Optional<AccsynPath> source();

  /**
   * Relaxed single-task form: the destination of the only task.
   *
   * @return the destination
   */
  Optional<AccsynPath> destination();

  /**
   * The tasks, sent as a list in this order (accsyn numbers them {@code 0, 1, ...}).
   *
   * @return the tasks
   */
  List<TaskSpec> tasks();

  /**
   * Several destinations (parties) at once; also the recipients of deliveries.
   *
   * @return the recipients
   */
  List<Party> recipients();

  /**
   * Mirror source paths on the destination ({@code mirror: true}).
   *
   * @return the flag, if set
   */
  Optional<Boolean> mirror();

  /**
   * Job settings; accsyn settings are always strings ({@code task_bucketsize "1"}, {@code
   * transfer_mode "onewaysync"}, ...).
   *
   * @return the settings
   */
  Map<String, String> settings();

  /**
   * Free metadata, aggregated upstream and passed to hooks.
   *
   * @return JSON values
   */
  Map<String, Object> metadata();

  /**
   * Hooks.
   *
   * @return the hooks
   */
  List<Hook> hooks();

  /**
   * Whether a task with the same source and destination as an existing one is an error ({@code
   * false}) rather than a retry of it (accsyn's default).
   *
   * @return the flag, if set
   */
  Optional<Boolean> allowDuplicates();

  /**
   * Append the tasks to an existing matching job and revive it instead of creating a new one.
   *
   * @return the flag, if set
   */
  Optional<Boolean> append();

  /**
   * Further job fields sent as given (e.g. compute fields); they may not repeat a typed field.
   *
   * @return extra fields
   */
  Map<String, Object> extra();

  /** Checks that the job is complete and consistent. */
  @Value.Check
  default void check() {
    boolean relaxed = source().isPresent() || destination().isPresent();
    if (relaxed && !tasks().isEmpty()) {
      throw new IllegalArgumentException(
          "give either tasks or a job-level source/destination (the relaxed single-task form),"
              + " not both");
    }
    if (destination().isPresent() && source().isEmpty() && parent().isEmpty()) {
      throw new IllegalArgumentException(
          "a job-level destination needs a job-level source (or a parent delivery to download)");
    }
    if (!relaxed && tasks().isEmpty() && !append().orElse(false)) {
      throw new IllegalArgumentException(
          "a transfer needs at least one task: addTask(...) or source(...)");
    }
    if (status().isPresent()) {
      TransferStatus s = status().get();
      if (s != TransferStatus.PAUSED
          && s != TransferStatus.WAITING
          && s != TransferStatus.INIT
          && s != TransferStatus.PENDING) {
        throw new IllegalArgumentException(
            "a transfer cannot be created as " + s + "; use paused, waiting, init or pending");
      }
    }
    JsonValues.check("job metadata", metadata());
    JsonValues.check("job extra fields", extra());
    for (String k : extra().keySet()) {
      if (JOB_KEYS.contains(k)) {
        throw new IllegalArgumentException(
            "extra job field '" + k + "' repeats a typed field; set it with its builder method");
      }
    }
  }

  /**
   * The {@code data} of the {@code transfer/create} event.
   *
   * @return an unmodifiable, insertion-ordered map
   */
  default Map<String, Object> toData() {
    Map<String, Object> m = JsonValues.object();
    name().ifPresent(v -> m.put("name", v));
    description().ifPresent(v -> m.put("description", v));
    status().ifPresent(v -> m.put("status", v.wire()));
    queue().ifPresent(v -> m.put("queue", v));
    parent().ifPresent(v -> m.put("parent", v));
    source().ifPresent(v -> m.put("source", v.toString()));
    destination().ifPresent(v -> m.put("destination", v.toString()));
    if (!tasks().isEmpty()) {
      // Each task's data is made when read; the request writes the tasks straight from the specs.
      m.put("tasks", new TaskList(tasks()));
    }
    if (!recipients().isEmpty()) {
      m.put("recipients", recipients().stream().map(Party::toString).toList());
    }
    mirror().ifPresent(v -> m.put("mirror", v));
    if (!settings().isEmpty()) {
      m.put("settings", settings());
    }
    if (!metadata().isEmpty()) {
      m.put("metadata", metadata());
    }
    if (!hooks().isEmpty()) {
      m.put(
          "hooks",
          hooks().stream()
              .map(h -> JsonValues.freeze(JsonValues.data("when", h.when(), "data", h.data())))
              .toList());
    }
    allowDuplicates().ifPresent(v -> m.put("allow_duplicates", v));
    append().ifPresent(v -> m.put("append", v));
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

  /** Builds a {@link TransferSpec}; not thread-safe. */
  final class Builder extends ImmutableTransferSpec.Builder {}
}
