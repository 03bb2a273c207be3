package io.pipelinekit.flows;

import io.pipelinekit.core.internal.ValueStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What to distribute: an ftrack review session's previews and frame sequences, to its invitees or
 * to the given recipients, on-prem or through the cloud.
 *
 * <pre>{@code
 * ReviewRequest r = ReviewRequest.builder()
 *     .reviewSession(sessionId).from("hq")
 *     .mode(ReviewRequest.Mode.CLOUD).uploadFrom("site=hq")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class ReviewRequest implements TransferWait {
  /** How files reach the participants (the two modes of the review tutorial). */
  public enum Mode {
    /** The accsyn server sees the storage: files go straight to each participant. */
    ON_PREM,
    /** One upload into an intermediate folder, then one delivery per participant. */
    CLOUD
  }

  ReviewRequest() {}

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ftrack review session id.
   *
   * @return the id
   */
  public abstract String reviewSession();

  /**
   * The ftrack location that holds the files.
   *
   * @return its name
   */
  public abstract String from();

  /**
   * The mode (default on-prem).
   *
   * @return the mode
   */
  @Value.Default
  public Mode mode() {
    return Mode.ON_PREM;
  }

  /**
   * Recipients given explicitly (comma-separated lists are fine; trimmed and de-duplicated later);
   * empty means the session's invitees.
   *
   * @return the recipients
   */
  public abstract List<String> recipients();

  /**
   * The directory under each participant's download folder (and in the intermediate folder);
   * default {@code yyyyMMdd/<session name>}.
   *
   * @return the directory, if given
   */
  public abstract Optional<String> directory();

  /**
   * Cloud mode: the accsyn party that can read the files and uploads them.
   *
   * @return the party, if given
   */
  public abstract Optional<String> uploadFrom();

  /**
   * Cloud mode: the intermediate folder share's code.
   *
   * @return the code, if given
   */
  public abstract Optional<String> folderCode();

  /**
   * Cloud mode: the intermediate folder's path in the volume, used when it is created.
   *
   * @return the path, if given
   */
  public abstract Optional<String> folderPath();

  /** Checks the session, the location and the directory. */
  @Value.Check
  protected void check() {
    if (reviewSession().isBlank()) {
      throw FlowException.badInput("give the ftrack review session id: reviewSession(id)");
    }
    if (from().isBlank()) {
      throw FlowException.badInput("give the ftrack location that holds the files: from(\"hq\")");
    }
    if (directory().isPresent()) {
      String d = directory().get();
      if (d.isBlank()
          || d.startsWith("/")
          || d.startsWith("\\")
          || d.contains("..")
          || d.contains(":")) {
        throw FlowException.badInput(
            "the directory '" + d + "' must be a relative path such as 20261123/dailies");
      }
    }
    if (folderCode().isPresent() != folderPath().isPresent()) {
      throw FlowException.badInput(
          "give the intermediate folder's code and path together: folder(code, pathInVolume)");
    }
    TransferWait.check(this);
  }

  /** Builds a {@link ReviewRequest}; not thread-safe. */
  public static final class Builder extends ImmutableReviewRequest.Builder {
    /**
     * Cloud mode: the intermediate folder share, created if missing.
     *
     * @param code the folder share's code
     * @param pathInVolume its path in the volume, used if it must be created
     * @return this
     */
    public Builder folder(String code, String pathInVolume) {
      folderCode(code);
      folderPath(pathInVolume);
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws FlowException without a session or location, or with a bad directory
     */
    @Override
    public ReviewRequest build() {
      try {
        return super.build();
      } catch (IllegalStateException e) {
        throw FlowException.badInput(
            "a review distribution needs the review session and the location that holds the"
                + " files: reviewSession(id).from(\"hq\"); "
                + e.getMessage(),
            e);
      }
    }
  }
}
