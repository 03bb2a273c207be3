package io.pipelinekit.flows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
public final class ReviewRequest {
  /** How files reach the participants (the two modes of the review tutorial). */
  public enum Mode {
    /** The accsyn server sees the storage: files go straight to each participant. */
    ON_PREM,
    /** One upload into an intermediate folder, then one delivery per participant. */
    CLOUD
  }

  private final String reviewSession;
  private final String from;
  private final Mode mode;
  private final List<String> recipients;
  private final Optional<String> directory;
  private final Optional<String> uploadFrom;
  private final Optional<String> folderCode;
  private final Optional<String> folderPath;
  private final boolean await;
  private final Duration timeout;
  private final Duration pollInterval;

  private ReviewRequest(Builder b) {
    this.reviewSession = b.reviewSession;
    this.from = b.from;
    this.mode = b.mode;
    this.recipients = List.copyOf(b.recipients);
    this.directory = Optional.ofNullable(b.directory);
    this.uploadFrom = Optional.ofNullable(b.uploadFrom);
    this.folderCode = Optional.ofNullable(b.folderCode);
    this.folderPath = Optional.ofNullable(b.folderPath);
    this.await = b.await;
    this.timeout = b.timeout;
    this.pollInterval = b.pollInterval;
  }

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
  public String reviewSession() {
    return reviewSession;
  }

  /**
   * The ftrack location that holds the files.
   *
   * @return e.g. {@code hq}
   */
  public String from() {
    return from;
  }

  /**
   * The mode.
   *
   * @return on-prem or cloud
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Recipients given explicitly (trimmed and de-duplicated later); empty means the invitees.
   *
   * @return the raw entries
   */
  public List<String> recipients() {
    return recipients;
  }

  /**
   * The directory under each participant's download folder (and in the intermediate folder).
   *
   * @return the directory; empty for {@code yyyyMMdd/<session name>}
   */
  public Optional<String> directory() {
    return directory;
  }

  /**
   * Cloud mode: the accsyn party that can read the files and uploads them.
   *
   * @return e.g. {@code site=hq} or {@code client=<id>}; empty for the source location's party
   */
  public Optional<String> uploadFrom() {
    return uploadFrom;
  }

  /**
   * Cloud mode: the intermediate folder share's code.
   *
   * @return the code; empty for {@code <project>-review}
   */
  public Optional<String> folderCode() {
    return folderCode;
  }

  /**
   * Cloud mode: the intermediate folder's path in the volume, used when it is created.
   *
   * @return the path; empty for {@code <project>/review}
   */
  public Optional<String> folderPath() {
    return folderPath;
  }

  /**
   * Whether to wait for the transfers (cloud mode always waits for the upload).
   *
   * @return true to wait
   */
  public boolean await() {
    return await;
  }

  /**
   * How long to wait at most.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The first poll interval.
   *
   * @return the interval
   */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Builds a {@link ReviewRequest}. Not thread-safe. */
  public static final class Builder {
    private String reviewSession;
    private String from;
    private Mode mode = Mode.ON_PREM;
    private final List<String> recipients = new ArrayList<>();
    private String directory;
    private String uploadFrom;
    private String folderCode;
    private String folderPath;
    private boolean await = true;
    private Duration timeout = Duration.ofHours(12);
    private Duration pollInterval = Duration.ofSeconds(2);

    private Builder() {}

    /**
     * The review session.
     *
     * @param id the ftrack id
     * @return this
     */
    public Builder reviewSession(String id) {
      this.reviewSession = Objects.requireNonNull(id, "id == null").strip();
      return this;
    }

    /**
     * The location with the files.
     *
     * @param location e.g. {@code hq}
     * @return this
     */
    public Builder from(String location) {
      this.from = Objects.requireNonNull(location, "from == null").strip();
      return this;
    }

    /**
     * The mode (default on-prem).
     *
     * @param mode the mode
     * @return this
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * Adds recipients (comma-separated lists are fine).
     *
     * @param entries e-mail addresses
     * @return this
     */
    public Builder recipients(List<String> entries) {
      recipients.addAll(entries);
      return this;
    }

    /**
     * Adds a recipient.
     *
     * @param email the e-mail address
     * @return this
     */
    public Builder recipient(String email) {
      recipients.add(Objects.requireNonNull(email, "email == null"));
      return this;
    }

    /**
     * The directory (default {@code yyyyMMdd/<session name>}).
     *
     * @param directory a relative path
     * @return this
     */
    public Builder directory(String directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Cloud mode: who uploads.
     *
     * @param party accsyn party notation
     * @return this
     */
    public Builder uploadFrom(String party) {
      this.uploadFrom = Objects.requireNonNull(party, "party == null");
      return this;
    }

    /**
     * Cloud mode: the intermediate folder share.
     *
     * @param code the folder code
     * @param pathInVolume its path in the volume, used if it must be created
     * @return this
     */
    public Builder folder(String code, String pathInVolume) {
      this.folderCode = Objects.requireNonNull(code, "code == null");
      this.folderPath = Objects.requireNonNull(pathInVolume, "pathInVolume == null");
      return this;
    }

    /**
     * Whether to wait (default true).
     *
     * @param await true to wait
     * @return this
     */
    public Builder await(boolean await) {
      this.await = await;
      return this;
    }

    /**
     * The timeout (default 12 h).
     *
     * @param timeout the timeout
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * The first poll interval (default 2 s).
     *
     * @param interval the interval
     * @return this
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = Objects.requireNonNull(interval, "interval == null");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws FlowException BAD_INPUT without a session or location, or with a bad directory
     */
    public ReviewRequest build() {
      if (reviewSession == null || reviewSession.isEmpty()) {
        throw FlowException.badInput("give the ftrack review session id (--review-session <id>)");
      }
      if (from == null || from.isEmpty()) {
        throw FlowException.badInput("give the ftrack location that holds the files (--from hq)");
      }
      if (directory != null
          && (directory.isBlank()
              || directory.startsWith("/")
              || directory.startsWith("\\")
              || directory.contains("..")
              || directory.contains(":"))) {
        throw FlowException.badInput(
            "the directory '" + directory + "' must be a relative path such as 20261123/dailies");
      }
      return new ReviewRequest(this);
    }
  }
}
