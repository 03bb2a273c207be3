package io.pipelinekit.accsyn.deliveries;

import io.pipelinekit.accsyn.party.AccsynPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A delivery or an upload request to create.
 *
 * <ul>
 *   <li>Delivery of existing files: files and recipients; submitted at once.
 *   <li>Temporary delivery: no files; upload into it, add recipients, then submit.
 *   <li>Upload request ({@link #request()}): recipients upload to you, into a temp folder or {@link
 *       #destination()}.
 * </ul>
 *
 * <pre>{@code
 * DeliverySpec.builder().name("plates sh010").addFile(AccsynPath.share("proj", "plates"))
 *     .addRecipient("vic@vendor.com").build();
 * }</pre>
 */
@Value.Immutable
public interface DeliverySpec {
  /**
   * The name.
   *
   * @return the name
   */
  String name();

  /**
   * Existing files to deliver (accsyn paths, or paths relative to the default volume).
   *
   * @return the files
   */
  List<AccsynPath> files();

  /**
   * Recipient e-mails.
   *
   * @return the recipients
   */
  List<String> recipients();

  /**
   * For a request: where uploads go instead of a temp folder.
   *
   * @return the destination
   */
  Optional<AccsynPath> destination();

  /**
   * Whether this is an upload request rather than a delivery.
   *
   * @return default false
   */
  @Value.Default
  default boolean request() {
    return false;
  }

  /**
   * Create in {@code init} and submit later (requests; deliveries without files start in init
   * anyway).
   *
   * @return default false
   */
  @Value.Default
  default boolean submitLater() {
    return false;
  }

  /** Checks the spec. */
  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("a delivery needs a name");
    }
    if (request() && !files().isEmpty()) {
      throw new IllegalArgumentException("an upload request has no files; recipients upload them");
    }
    if (!request() && destination().isPresent()) {
      throw new IllegalArgumentException("only upload requests have a destination");
    }
    for (String r : recipients()) {
      if (r.strip().indexOf('@') <= 0) {
        throw new IllegalArgumentException("recipient '" + r + "' is not an e-mail address");
      }
    }
  }

  /**
   * The create payload.
   *
   * @return the data
   */
  default Map<String, Object> toData() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name());
    if (!files().isEmpty()) {
      m.put("tasks", files().stream().map(AccsynPath::toString).toList());
    }
    if (!recipients().isEmpty()) {
      m.put("recipients", recipients().stream().map(String::strip).distinct().toList());
    }
    destination().ifPresent(d -> m.put("destination", d.toString()));
    if (submitLater()) {
      m.put("status", "init");
    }
    return m;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeliverySpec}; not thread-safe. */
  final class Builder extends ImmutableDeliverySpec.Builder {}
}
