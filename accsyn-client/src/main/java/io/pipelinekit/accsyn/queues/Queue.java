package io.pipelinekit.accsyn.queues;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A transfer queue: jobs take their priority from their queue (High 999, Medium 500, Low 1 by
 * default).
 *
 * <pre>{@code
 * Queue high = client.queues().find("High").orElseThrow();
 * high.priority();   // OptionalInt[999]
 * }</pre>
 */
@Value.Immutable
public interface Queue {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The code (generated from the name).
   *
   * @return the code
   */
  String code();

  /**
   * The name.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The priority, 0–1000.
   *
   * @return the priority
   */
  OptionalInt priority();

  /**
   * The status text: {@code waiting} (enabled) or {@code paused} (older servers: {@code disabled}).
   *
   * @return the status
   */
  Optional<String> status();

  /**
   * Whether this is the default queue.
   *
   * @return the flag
   */
  @Value.Default
  default boolean isDefault() {
    return false;
  }

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a queue.
   *
   * @param json the entity
   * @return the queue
   */
  static Queue fromJson(Json json) {
    Fields f = Fields.of(json, "queue");
    String id = f.requiredId();
    Builder b = builder().id(id).code(f.string("code").orElse(id));
    f.string("name").ifPresent(b::name);
    b.priority(f.intValue("priority"));
    f.string("status").ifPresent(b::status);
    f.bool("default").ifPresent(b::isDefault);
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

  /** Builds a {@link Queue}; not thread-safe. */
  final class Builder extends ImmutableQueue.Builder {}
}
