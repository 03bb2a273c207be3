package io.pipelinekit.accsyn.storage;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A home or a collection: a share with an id, a code and a status (homes also name their user).
 *
 * <pre>{@code
 * for (StorageShare home : client.storage().homes()) { home.user(); }
 * }</pre>
 */
@Value.Immutable
public interface StorageShare {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The code.
   *
   * @return the code
   */
  String code();

  /**
   * The display name.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The owner of a home (user id).
   *
   * @return the user id
   */
  Optional<String> user();

  /**
   * The status.
   *
   * @return the status
   */
  @Value.Default
  default ShareStatus status() {
    return ShareStatus.UNKNOWN;
  }

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a home or collection.
   *
   * @param json the entity
   * @return the share
   */
  static StorageShare fromJson(Json json) {
    Fields f = Fields.of(json, "share");
    String id = f.requiredId();
    Builder b = builder().id(id).code(f.string("code").orElse(id));
    f.string("name").ifPresent(b::name);
    f.id("user").ifPresent(b::user);
    b.status(ShareStatus.fromWire(f.string("status").orElse(null)));
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

  /** Builds a {@link StorageShare}; not thread-safe. */
  final class Builder extends ImmutableStorageShare.Builder {}
}
