package io.pipelinekit.flows;

import io.pipelinekit.core.internal.ValueStyle;
import io.pipelinekit.ftrack.files.SelectionItem;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What to send: an ftrack selection, from one location to another, plus optional extra files.
 *
 * <pre>{@code
 * SendRequest one = SendRequest.assetVersion(versionId).from("hq").to("la").build();
 * SendRequest more = SendRequest.builder()
 *     .select("Shot", shotId)
 *     .from("hq").to("la")
 *     .addAdditionalFile("/mnt/projects/demo/ref/notes.pdf")
 *     .timeout(Duration.ofHours(2))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class SendRequest implements TransferWait {
  SendRequest() {}

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that sends one ftrack AssetVersion.
   *
   * @param versionId the AssetVersion id
   * @return a builder; set {@code from} and {@code to}
   */
  public static Builder assetVersion(String versionId) {
    return builder().select("AssetVersion", versionId);
  }

  /**
   * The selected ftrack entities.
   *
   * @return the selection
   */
  public abstract List<SelectionItem> selection();

  /**
   * The source location.
   *
   * @return its ftrack name
   */
  public abstract String from();

  /**
   * The destination location.
   *
   * @return its ftrack name
   */
  public abstract String to();

  /**
   * Extra files (absolute paths under the volume, or share notation), sent but not registered.
   *
   * @return the paths
   */
  public abstract List<String> additionalFiles();

  /**
   * A key that makes the send idempotent: a second send with the same key finds the first one's
   * tasks in accsyn instead of submitting them again.
   *
   * @return the key, if any
   */
  public abstract Optional<String> requestKey();

  /** Checks the locations, the timeout and the key. */
  @Value.Check
  protected void check() {
    if (from().isBlank() || to().isBlank()) {
      throw FlowException.badInput(
          "a send needs a source and a destination location (from(\"hq\").to(\"la\"))");
    }
    if (from().strip().equalsIgnoreCase(to().strip())) {
      throw FlowException.badInput(
          "the source and destination location are both '"
              + from().strip()
              + "'; pick two different ones");
    }
    TransferWait.check(this);
    if (requestKey().isPresent() && requestKey().get().isBlank()) {
      throw FlowException.badInput("the request key must not be blank");
    }
  }

  /** Builds a {@link SendRequest}; not thread-safe. */
  public static final class Builder extends ImmutableSendRequest.Builder {
    /**
     * Adds one selected ftrack entity.
     *
     * @param entityType e.g. {@code AssetVersion}, {@code Shot}, {@code Task}
     * @param entityId its id
     * @return this
     */
    public Builder select(String entityType, String entityId) {
      addSelection(SelectionItem.of(entityType, entityId));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws FlowException if a location is missing, both are the same, or a value is invalid
     */
    @Override
    public SendRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw FlowException.badInput(
            "a send needs a source and a destination location (from(\"hq\").to(\"la\")): "
                + e.getMessage(),
            e);
      }
    }
  }
}
