package io.pipelinekit.flows;

import io.pipelinekit.ftrack.EntityRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a remote employee or vendor publishes back: a new version of an asset on an ftrack context,
 * with files under their local mirror of the studio volume ({@code ACCSYN_<VOLUME>_PATH}).
 *
 * <pre>{@code
 * PublishBackRequest r = PublishBackRequest.builder()
 *     .context(EntityRef.of("Shot", shotId)).asset("comp", "comp").comment("v2 from the vendor")
 *     .remoteLocation("vic@vendor.com").to("hq")
 *     .localRoot(Path.of(System.getenv("ACCSYN_PROJECTS_PATH")))
 *     .file("review", "demo/upload/sh020/comp_v002.mov")
 *     .file("main", "demo/upload/sh020/comp_v002/comp.%04d.exr")   // frames found on disk
 *     .build();
 * }</pre>
 */
public final class PublishBackRequest {
  /**
   * One component: its name and its path below the local root (a {@code %0Nd} pattern for a
   * sequence).
   *
   * @param name the component name
   * @param path the path relative to the local root, with {@code /}
   */
  public record File(String name, String path) {}

  private final EntityRef context;
  private final String assetName;
  private final String assetType;
  private final Optional<String> comment;
  private final String remoteLocation;
  private final String to;
  private final Path localRoot;
  private final List<File> files;
  private final boolean await;
  private final Duration timeout;
  private final Duration pollInterval;

  private PublishBackRequest(Builder b) {
    this.context = b.context;
    this.assetName = b.assetName;
    this.assetType = b.assetType;
    this.comment = Optional.ofNullable(b.comment);
    this.remoteLocation = b.remoteLocation;
    this.to = b.to;
    this.localRoot = b.localRoot;
    this.files = List.copyOf(b.files);
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
   * The ftrack context (shot, task, ...).
   *
   * @return the context
   */
  public EntityRef context() {
    return context;
  }

  /**
   * The asset name.
   *
   * @return e.g. {@code comp}
   */
  public String assetName() {
    return assetName;
  }

  /**
   * The asset type's short name.
   *
   * @return e.g. {@code comp}
   */
  public String assetType() {
    return assetType;
  }

  /**
   * The version comment.
   *
   * @return the comment
   */
  public Optional<String> comment() {
    return comment;
  }

  /**
   * The remote user's ftrack location (named by their e-mail).
   *
   * @return e.g. {@code vic@vendor.com}
   */
  public String remoteLocation() {
    return remoteLocation;
  }

  /**
   * The studio location the files go back to.
   *
   * @return e.g. {@code hq}
   */
  public String to() {
    return to;
  }

  /**
   * The local root of the mirrored volume.
   *
   * @return the directory
   */
  public Path localRoot() {
    return localRoot;
  }

  /**
   * The components.
   *
   * @return the files
   */
  public List<File> files() {
    return files;
  }

  /**
   * Whether to wait for the transfer and register at the studio.
   *
   * @return true to wait
   */
  public boolean await() {
    return await;
  }

  /**
   * How long to wait.
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

  /** Builds a {@link PublishBackRequest}. Not thread-safe. */
  public static final class Builder {
    private EntityRef context;
    private String assetName;
    private String assetType;
    private String comment;
    private String remoteLocation;
    private String to;
    private Path localRoot;
    private final List<File> files = new ArrayList<>();
    private boolean await = true;
    private Duration timeout = Duration.ofHours(12);
    private Duration pollInterval = Duration.ofSeconds(2);

    private Builder() {}

    /**
     * The context.
     *
     * @param context e.g. {@code EntityRef.of("Shot", id)}
     * @return this
     */
    public Builder context(EntityRef context) {
      this.context = Objects.requireNonNull(context, "context == null");
      return this;
    }

    /**
     * The asset.
     *
     * @param name the asset name
     * @param type the asset type's short name
     * @return this
     */
    public Builder asset(String name, String type) {
      this.assetName = Objects.requireNonNull(name, "name == null");
      this.assetType = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /**
     * The comment.
     *
     * @param comment the comment
     * @return this
     */
    public Builder comment(String comment) {
      this.comment = Objects.requireNonNull(comment, "comment == null");
      return this;
    }

    /**
     * The remote location.
     *
     * @param location the e-mail-named location
     * @return this
     */
    public Builder remoteLocation(String location) {
      this.remoteLocation = Objects.requireNonNull(location, "location == null").strip();
      return this;
    }

    /**
     * The studio location.
     *
     * @param location e.g. {@code hq}
     * @return this
     */
    public Builder to(String location) {
      this.to = Objects.requireNonNull(location, "location == null").strip();
      return this;
    }

    /**
     * The local root of the mirrored volume.
     *
     * @param root the directory
     * @return this
     */
    public Builder localRoot(Path root) {
      this.localRoot = Objects.requireNonNull(root, "root == null");
      return this;
    }

    /**
     * Adds a component.
     *
     * @param name the component name
     * @param relativePath below the local root; a {@code %0Nd} pattern for a sequence
     * @return this
     */
    public Builder file(String name, String relativePath) {
      files.add(
          new File(
              Objects.requireNonNull(name, "name == null"),
              Objects.requireNonNull(relativePath, "relativePath == null").replace('\\', '/')));
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
     * @throws FlowException BAD_INPUT when something is missing
     */
    public PublishBackRequest build() {
      if (context == null || assetName == null || assetType == null) {
        throw FlowException.badInput(
            "give the context and the asset (--context Shot:<id> --asset comp --asset-type comp)");
      }
      if (remoteLocation == null || to == null) {
        throw FlowException.badInput(
            "give your location and the studio location (--from vic@vendor.com --to hq)");
      }
      if (localRoot == null) {
        throw FlowException.badInput(
            "give the local root of the mirrored volume (--local-root, or ACCSYN_<VOLUME>_PATH)");
      }
      if (files.isEmpty()) {
        throw FlowException.badInput("give at least one file (--file main=path/comp.%04d.exr)");
      }
      for (File f : files) {
        if (f.path().startsWith("/") || f.path().contains("..") || f.path().contains(":")) {
          throw FlowException.badInput(
              "file '" + f.path() + "' must be relative to the local root " + localRoot);
        }
      }
      return new PublishBackRequest(this);
    }
  }
}
