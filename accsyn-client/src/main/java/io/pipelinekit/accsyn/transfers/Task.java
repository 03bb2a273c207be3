package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One task of a job as accsyn returns it (entity type {@code task}).
 *
 * <pre>{@code
 * for (Task t : client.transfers().tasks(jobId)) {
 *   if (t.status() == TaskStatus.FAILED) { ... t.source().path() ... }
 * }
 * }</pre>
 */
@Value.Immutable
public interface Task {
  /**
   * The task id (a UUID).
   *
   * @return the id
   */
  String id();

  /**
   * The task's uri, unique among its siblings ({@code "0"}, {@code "1"}, ...).
   *
   * @return the uri
   */
  Optional<String> uri();

  /**
   * The status.
   *
   * @return the status, {@link TaskStatus#UNKNOWN} if this client does not know it
   */
  TaskStatus status();

  /**
   * The status text as sent.
   *
   * @return the text
   */
  String statusText();

  /**
   * The priority, 1–1000.
   *
   * @return the priority, if sent
   */
  OptionalInt priority();

  /**
   * The size in bytes.
   *
   * @return the size, if known
   */
  OptionalLong size();

  /**
   * Execution time of the bucket the task was dispatched in ({@code time}, milliseconds).
   *
   * @return the time, if sent
   */
  Optional<Duration> time();

  /**
   * The job id.
   *
   * @return the id
   */
  Optional<String> job();

  /**
   * The job in human-readable form.
   *
   * @return the job name
   */
  Optional<String> jobHr();

  /**
   * Where the files come from.
   *
   * @return the source end
   */
  TaskEndpoint source();

  /**
   * Where they go.
   *
   * @return the destination end
   */
  TaskEndpoint destination();

  /**
   * When the task was created.
   *
   * @return the instant
   */
  Optional<Instant> created();

  /**
   * When the task finished.
   *
   * @return the instant
   */
  Optional<Instant> finished();

  /**
   * Task metadata.
   *
   * @return the metadata
   */
  Map<String, Json> metadata();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a task.
   *
   * @param json the entity
   * @return the task
   * @throws io.pipelinekit.accsyn.AccsynException if it is not an object or has no id
   */
  static Task fromJson(Json json) {
    Fields f = Fields.of(json, "task");
    Builder b = builder().id(f.requiredId());
    f.string("uri").ifPresent(b::uri);
    String status = f.string("status").orElse("");
    b.statusText(status).status(TaskStatus.fromWire(status));
    b.priority(f.intValue("priority"));
    OptionalLong size = f.longValue("size");
    if (size.isPresent() && size.getAsLong() >= 0) {
      b.size(size);
    }
    f.longValue("time").ifPresent(ms -> b.time(Duration.ofMillis(ms)));
    f.id("job").ifPresent(b::job);
    f.string("job_hr").ifPresent(b::jobHr);
    b.source(TaskEndpoint.fromJson(f.raw("source").orElse(null)));
    b.destination(TaskEndpoint.fromJson(f.raw("destination").orElse(null)));
    f.instant("created").ifPresent(b::created);
    f.instant("finished").ifPresent(b::finished);
    b.putAllMetadata(f.object("metadata"));
    return b.putAllExtra(f.rest()).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Task}; not thread-safe. */
  final class Builder extends ImmutableTask.Builder {}
}
