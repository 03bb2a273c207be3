package io.pipelinekit.accsyn.sites;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A machine running accsyn software: what accsyn calls a <i>client</i> (desktop app, server, user
 * server, browser or compute lane), with its site, status and roles. Named {@code Host} here so it
 * is not mistaken for {@link io.pipelinekit.accsyn.AccsynClient}.
 *
 * <pre>{@code
 * for (Host s : client.sites().servers()) {
 *   s.code(); s.siteHr(); s.status(); s.roles();   // [storage, site]
 * }
 * }</pre>
 */
@Value.Immutable
public interface Host {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The host name ({@code code}; not unique).
   *
   * @return the code
   */
  String code();

  /**
   * The kind.
   *
   * @return the type
   */
  ClientType type();

  /**
   * The status.
   *
   * @return the status
   */
  ClientStatus status();

  /**
   * The operating system ({@code windows}, {@code linux}, {@code mac}, ...).
   *
   * @return the OS
   */
  Optional<String> os();

  /**
   * The roles, from the comma-separated {@code roles} ({@code storage}, {@code compute}, {@code
   * site}, {@code accsyn}).
   *
   * @return the roles
   */
  List<String> roles();

  /**
   * The site id.
   *
   * @return the id
   */
  Optional<String> site();

  /**
   * The site in human-readable form.
   *
   * @return usually the code
   */
  Optional<String> siteHr();

  /**
   * The owning user's id (apps and user servers).
   *
   * @return the id
   */
  Optional<String> user();

  /**
   * The owning user in human-readable form.
   *
   * @return the e-mail
   */
  Optional<String> userHr();

  /**
   * The software version.
   *
   * @return the version
   */
  Optional<String> version();

  /**
   * The last check-in.
   *
   * @return the instant
   */
  Optional<Instant> lastCheckin();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a client entity.
   *
   * @param json the entity
   * @return the host
   */
  static Host fromJson(Json json) {
    Fields f = Fields.of(json, "client");
    String id = f.requiredId();
    Builder b = builder().id(id).code(f.string("code").orElse(""));
    b.type(ClientType.fromCode(f.longValue("type").orElse(-1)));
    f.skip("type_hr");
    b.status(ClientStatus.fromWire(f.string("status").orElse(null)));
    f.string("os").ifPresent(b::os);
    for (String r : f.string("roles").orElse("").split(",")) {
      if (!r.isBlank()) {
        b.addRole(r.strip());
      }
    }
    f.id("site").ifPresent(b::site);
    f.string("site_hr").ifPresent(b::siteHr);
    f.id("user").ifPresent(b::user);
    f.string("user_hr").ifPresent(b::userHr);
    f.string("version").ifPresent(b::version);
    f.instant("last_checkin").ifPresent(b::lastCheckin);
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

  /** Builds a {@link Host}; not thread-safe. */
  final class Builder extends ImmutableHost.Builder {}
}
