package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import io.pipelinekit.accsyn.transfers.TransferStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A delivery or an upload request (jobs of type 7 and 8).
 *
 * <pre>{@code
 * Delivery d = client.deliveries().create(DeliverySpec.builder().name("plates")
 *     .addFile(AccsynPath.share("proj", "plates")).addRecipient("vic@vendor.com").build());
 * d.status();   // WAITING once submitted
 * }</pre>
 */
@Value.Immutable
public interface Delivery {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The name.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The status (deliveries start in {@code init}, go {@code pending} when submitted).
   *
   * @return the status
   */
  TransferStatus status();

  /**
   * The status text as sent.
   *
   * @return the text
   */
  String statusText();

  /**
   * The owner's id.
   *
   * @return the id
   */
  Optional<String> user();

  /**
   * The owner in human-readable form.
   *
   * @return the e-mail
   */
  Optional<String> userHr();

  /**
   * When it was created.
   *
   * @return the instant
   */
  Optional<Instant> created();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a delivery or request.
   *
   * @param json the entity
   * @return the delivery
   */
  static Delivery fromJson(Json json) {
    Fields f = Fields.of(json, "delivery");
    Builder b = builder().id(f.requiredId());
    f.string("name").or(() -> f.string("code")).ifPresent(b::name);
    String status = f.string("status").orElse("");
    b.status(TransferStatus.fromWire(status)).statusText(status);
    f.id("user").ifPresent(b::user);
    f.string("user_hr").ifPresent(b::userHr);
    f.instant("created").ifPresent(b::created);
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

  /** Builds a {@link Delivery}; not thread-safe. */
  final class Builder extends ImmutableDelivery.Builder {}
}
