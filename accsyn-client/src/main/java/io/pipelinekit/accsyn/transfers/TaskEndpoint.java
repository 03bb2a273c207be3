package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One end of a task as accsyn resolved it (the task's {@code source} or {@code destination}
 * object): the client, the path as given and as finally resolved, and the volume and share ids.
 *
 * <pre>{@code
 * task.source().pathAbsFinal();   // Optional[/mnt/storage/proj/a.exr]
 * }</pre>
 */
@Value.Immutable
public interface TaskEndpoint {
  /**
   * The path as given (share-relative or absolute).
   *
   * @return the path
   */
  Optional<String> path();

  /**
   * The absolute path resolved at execution time ({@code path_abs_final}).
   *
   * @return the path
   */
  Optional<String> pathAbsFinal();

  /**
   * The client id that serves this end.
   *
   * @return the id
   */
  Optional<String> client();

  /**
   * The volume id ({@code v}).
   *
   * @return the id
   */
  Optional<String> volume();

  /**
   * The share id ({@code s}).
   *
   * @return the id
   */
  Optional<String> share();

  /**
   * The user id, for a user's end.
   *
   * @return the id
   */
  Optional<String> user();

  /**
   * The site id, for a site's end.
   *
   * @return the id
   */
  Optional<String> site();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes an end; a plain string is read as the path.
   *
   * @param json the object or string
   * @return the end
   */
  static TaskEndpoint fromJson(Json json) {
    Builder b = builder();
    if (json == null || json.isNull()) {
      return b.build();
    }
    if (json.type() == Json.Type.STRING) {
      return b.path(json.asString()).build();
    }
    if (!json.isObject()) {
      return b.putExtra("value", json).build();
    }
    Fields f = Fields.of(json, "task end");
    f.string("path").ifPresent(b::path);
    f.string("path_abs_final").ifPresent(b::pathAbsFinal);
    f.id("client").ifPresent(b::client);
    f.id("v").ifPresent(b::volume);
    f.id("s").ifPresent(b::share);
    f.id("user").ifPresent(b::user);
    f.id("site").ifPresent(b::site);
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

  /** Builds a {@link TaskEndpoint}; not thread-safe. */
  final class Builder extends ImmutableTaskEndpoint.Builder {}
}
