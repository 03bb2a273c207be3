package io.pipelinekit.examples.flows;

import io.pipelinekit.ftrack.files.SelectionItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send: an ftrack selection, from one location to another, plus optional extra files.
 *
 * <pre>{@code
 * SendRequest r = SendRequest.builder()
 *     .select("assetversion", versionId)
 *     .from("hq").to("la")
 *     .additionalFile("/mnt/projects/demo/ref/notes.pdf")
 *     .await(true).timeout(Duration.ofHours(2))
 *     .build();
 * }</pre>
 */
public final class SendRequest {
  private final List<SelectionItem> selection;
  private final String from;
  private final String to;
  private final List<String> additionalFiles;
  private final boolean await;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Optional<String> requestKey;

  private SendRequest(Builder b) {
    this.selection = List.copyOf(b.selection);
    this.from = b.from;
    this.to = b.to;
    this.additionalFiles = List.copyOf(b.additionalFiles);
    this.await = b.await;
    this.timeout = b.timeout;
    this.pollInterval = b.pollInterval;
    this.requestKey = Optional.ofNullable(b.requestKey);
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
   * The selected ftrack entities.
   *
   * @return the selection
   */
  public List<SelectionItem> selection() {
    return selection;
  }

  /**
   * The source ftrack location.
   *
   * @return e.g. {@code hq}
   */
  public String from() {
    return from;
  }

  /**
   * The destination ftrack location: a site code or a user's e-mail.
   *
   * @return e.g. {@code la}
   */
  public String to() {
    return to;
  }

  /**
   * Extra files (absolute paths under the volume, or share notation), sent but not registered.
   *
   * @return the paths
   */
  public List<String> additionalFiles() {
    return additionalFiles;
  }

  /**
   * Whether to wait for the transfer and register what arrived.
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
   * The first poll interval while waiting.
   *
   * @return the interval
   */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * The client request id that makes this send idempotent: its tasks carry it in their metadata,
   * and a send with a key already in the day's jobs watches those tasks instead of submitting
   * again. The action listener uses the ftrack launch event's {@code IdempotencyKey}.
   *
   * @return the key, or empty (every run submits)
   */
  public Optional<String> requestKey() {
    return requestKey;
  }

  @Override
  public String toString() {
    return "SendRequest{" + selection + ", " + from + " > " + to + "}";
  }

  /** Builds a {@link SendRequest}. Not thread-safe. */
  public static final class Builder {
    private final List<SelectionItem> selection = new ArrayList<>();
    private String from;
    private String to;
    private final List<String> additionalFiles = new ArrayList<>();
    private boolean await = true;
    private Duration timeout = Duration.ofHours(12);
    private Duration pollInterval = Duration.ofSeconds(2);
    private String requestKey;

    private Builder() {}

    /**
     * Makes the send idempotent (see {@link SendRequest#requestKey()}).
     *
     * @param key a unique id of the request, e.g. the ftrack launch event's idempotency key
     * @return this
     */
    public Builder requestKey(String key) {
      Objects.requireNonNull(key, "key == null");
      if (key.isBlank()) {
        throw FlowException.badInput("the request key must not be blank");
      }
      this.requestKey = key.strip();
      return this;
    }

    /**
     * Adds a selected entity, as ftrack's action events name them.
     *
     * @param entityType e.g. {@code assetversion}, {@code task}, {@code show}
     * @param entityId the id
     * @return this
     */
    public Builder select(String entityType, String entityId) {
      selection.add(SelectionItem.of(entityType, entityId));
      return this;
    }

    /**
     * Adds selected entities.
     *
     * @param items the items
     * @return this
     */
    public Builder selection(List<SelectionItem> items) {
      selection.addAll(items);
      return this;
    }

    /**
     * The source location.
     *
     * @param location e.g. {@code hq}
     * @return this
     */
    public Builder from(String location) {
      this.from = Objects.requireNonNull(location, "from == null").strip();
      return this;
    }

    /**
     * The destination location.
     *
     * @param location e.g. {@code la} or {@code emma@studio.com}
     * @return this
     */
    public Builder to(String location) {
      this.to = Objects.requireNonNull(location, "to == null").strip();
      return this;
    }

    /**
     * Adds an extra file.
     *
     * @param path an absolute path under the volume, or share notation
     * @return this
     */
    public Builder additionalFile(String path) {
      additionalFiles.add(Objects.requireNonNull(path, "path == null"));
      return this;
    }

    /**
     * Whether to wait (default true).
     *
     * @param await true to wait and register
     * @return this
     */
    public Builder await(boolean await) {
      this.await = await;
      return this;
    }

    /**
     * How long to wait at most (default 12 h).
     *
     * @param timeout the timeout
     * @return this
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * The first poll interval (default 2 s; it backs off to 10 s).
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
     * @throws FlowException BAD_INPUT without locations, or with the same location twice
     */
    public SendRequest build() {
      if (from == null || from.isEmpty() || to == null || to.isEmpty()) {
        throw FlowException.badInput(
            "a send needs a source and a destination location (--from hq --to la)");
      }
      if (from.equalsIgnoreCase(to)) {
        throw FlowException.badInput(
            "the source and destination location are both '" + from + "'; pick two different ones");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw FlowException.badInput("the timeout must be positive");
      }
      return new SendRequest(this);
    }
  }
}
