package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A recipient of a delivery, and whether they acted on it.
 *
 * <pre>{@code
 * client.deliveries().recipients(id).forEach(r -> r.userHr());
 * }</pre>
 */
@Value.Immutable
public interface Recipient {
  /**
   * The user id (or e-mail for an invited user).
   *
   * @return the user
   */
  String user();

  /**
   * The user in human-readable form.
   *
   * @return the e-mail
   */
  Optional<String> userHr();

  /**
   * Whether the recipient downloaded or otherwise acted.
   *
   * @return the flag
   */
  @Value.Default
  default boolean actioned() {
    return false;
  }

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a recipient.
   *
   * @param json the entry
   * @return the recipient
   */
  static Recipient fromJson(Json json) {
    Fields f = Fields.of(json, "recipient");
    Builder b = builder().user(f.id("user").orElse(""));
    f.string("user_hr").ifPresent(b::userHr);
    f.bool("actioned").ifPresent(b::actioned);
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

  /** Builds a {@link Recipient}; not thread-safe. */
  final class Builder extends ImmutableRecipient.Builder {}
}
