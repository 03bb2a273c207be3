package io.pipelinekit.accsyn.sites;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A site: a location with its own servers ({@code site=<code>} in paths). The main on-prem site is
 * usually {@code hq}.
 *
 * <pre>{@code
 * Site la = client.sites().create("la", "Los Angeles");
 * }</pre>
 */
@Value.Immutable
public interface Site {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The unique code.
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
   * A description.
   *
   * @return the description
   */
  Optional<String> description();

  /**
   * Whether this is the main on-prem site.
   *
   * @return the flag
   */
  @Value.Default
  default boolean main() {
    return false;
  }

  /**
   * Whether this is accsyn's built-in hosted site.
   *
   * @return the flag
   */
  @Value.Default
  default boolean hosted() {
    return false;
  }

  /**
   * The status text.
   *
   * @return the status
   */
  Optional<String> status();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a site.
   *
   * @param json the entity
   * @return the site
   */
  static Site fromJson(Json json) {
    Fields f = Fields.of(json, "site");
    String id = f.requiredId();
    Builder b = builder().id(id).code(f.string("code").orElse(id));
    f.string("name").ifPresent(b::name);
    f.string("description").ifPresent(b::description);
    f.bool("main").ifPresent(b::main);
    f.bool("accsyn").ifPresent(b::hosted);
    f.string("status").ifPresent(b::status);
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

  /** Builds a {@link Site}; not thread-safe. */
  final class Builder extends ImmutableSite.Builder {}
}
