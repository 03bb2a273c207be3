package io.pipelinekit.accsyn.users;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An accsyn user.
 *
 * <pre>{@code
 * User u = client.users().findByEmail("vic@vendor.com").orElseThrow();
 * u.role();      // STANDARD
 * u.enabled();   // true
 * }</pre>
 */
@Value.Immutable
public interface User {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The e-mail ({@code code}, unique).
   *
   * @return the e-mail
   */
  String email();

  /**
   * The display name.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The role.
   *
   * @return the role
   */
  Role role();

  /**
   * The status text ({@code enabled}/{@code disabled}).
   *
   * @return the status
   */
  @Value.Default
  default String status() {
    return "";
  }

  /**
   * Whether the user is enabled.
   *
   * @return true unless the status says disabled or the user is inactive
   */
  @Value.Derived
  default boolean enabled() {
    return !status().equalsIgnoreCase("disabled");
  }

  /**
   * When the user was created.
   *
   * @return the instant
   */
  Optional<Instant> created();

  /**
   * Metadata.
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
   * Decodes a user.
   *
   * @param json the entity
   * @return the user
   */
  static User fromJson(Json json) {
    Fields f = Fields.of(json, "user");
    Builder b = builder().id(f.requiredId());
    b.email(f.string("code").orElse(""));
    f.string("name").ifPresent(b::name);
    b.role(Role.fromWire(f.string("role").orElse(null)));
    f.string("status").ifPresent(b::status);
    f.instant("created").ifPresent(b::created);
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

  /** Builds a {@link User}; not thread-safe. */
  final class Builder extends ImmutableUser.Builder {}
}
