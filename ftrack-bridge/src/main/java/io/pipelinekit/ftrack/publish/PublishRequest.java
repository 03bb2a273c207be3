package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.paths.sequence.FileSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to publish: a new version of an asset (found by context, name and type, or created) with
 * file and sequence components, registered in one location.
 *
 * <pre>{@code
 * PublishRequest request = PublishRequest.builder()
 *     .context(EntityRef.of("Shot", shotId))
 *     .assetName("comp")
 *     .assetType("comp")                                  // the AssetType's short name
 *     .task(EntityRef.of("Task", taskId))                 // optional
 *     .comment("Final comp from the vendor")              // optional
 *     .location("ftrack.unmanaged")
 *     .file("review", "/mnt/projects/demo/sh010/comp_v003.mov", 52_428_800L)
 *     .sequence("main", FileSequence.parse("/mnt/projects/demo/sh010/comp.%04d.exr [1001-1100]"))
 *     .build();
 * }</pre>
 *
 * <p>Identifiers are stored as given: absolute paths for {@code ftrack.unmanaged}, paths relative
 * to the location's prefix for prefix and centralized-storage locations. A sequence becomes a
 * {@code SequenceComponent} whose identifier is the {@code %0Nd} pattern (no range) with {@code
 * padding} N, plus one member {@code FileComponent} per frame named by the padded frame (see
 * docs/protocol/ftrack.md, "Components and sequences"). Immutable.
 */
public final class PublishRequest {
  /** One component to publish. */
  static final class Part {
    final String name;
    final String resourceIdentifier;
    final FileSequence sequence;
    final long size;

    Part(String name, String resourceIdentifier, FileSequence sequence, long size) {
      this.name = name;
      this.resourceIdentifier = resourceIdentifier;
      this.sequence = sequence;
      this.size = size;
    }
  }

  private final EntityRef context;
  private final String assetName;
  private final String assetType;
  private final EntityRef task;
  private final String comment;
  private final String location;
  private final List<Part> parts;

  private PublishRequest(Builder b) {
    this.context = b.context;
    this.assetName = b.assetName;
    this.assetType = b.assetType;
    this.task = b.task;
    this.comment = b.comment;
    this.location = b.location;
    this.parts = List.copyOf(b.parts);
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
   * The context the asset lives under (a shot, an asset build, …).
   *
   * @return the context
   */
  public EntityRef context() {
    return context;
  }

  /**
   * The asset name.
   *
   * @return the name
   */
  public String assetName() {
    return assetName;
  }

  /**
   * The short name of the asset type.
   *
   * @return e.g. {@code comp}
   */
  public String assetType() {
    return assetType;
  }

  /**
   * The task the version was made for.
   *
   * @return the task, if set
   */
  public Optional<EntityRef> task() {
    return Optional.ofNullable(task);
  }

  /**
   * The version comment.
   *
   * @return the comment, if set
   */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /**
   * The name of the location the components are registered in.
   *
   * @return e.g. {@code ftrack.unmanaged}
   */
  public String location() {
    return location;
  }

  /**
   * The component names, in the order they are created.
   *
   * @return the names
   */
  public List<String> componentNames() {
    List<String> names = new ArrayList<>();
    for (Part p : parts) {
      names.add(p.name);
    }
    return List.copyOf(names);
  }

  List<Part> parts() {
    return parts;
  }

  @Override
  public String toString() {
    return "PublishRequest{"
        + assetName
        + " ("
        + assetType
        + ") under "
        + context
        + " in "
        + location
        + ", components "
        + componentNames()
        + "}";
  }

  /** Builds a {@link PublishRequest}; not thread-safe. */
  public static final class Builder {
    private EntityRef context;
    private String assetName;
    private String assetType;
    private EntityRef task;
    private String comment;
    private String location;
    private final List<Part> parts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private Builder() {}

    private static String text(String value, String what) {
      Objects.requireNonNull(value, what + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }

    /**
     * The context the asset lives under. Required.
     *
     * @param context e.g. {@code EntityRef.of("Shot", id)}
     * @return this builder
     */
    public Builder context(EntityRef context) {
      this.context = Objects.requireNonNull(context, "context == null");
      return this;
    }

    /**
     * The asset name; an asset of that name and type under the context is reused, else created.
     * Required.
     *
     * @param name e.g. {@code comp}
     * @return this builder
     */
    public Builder assetName(String name) {
      this.assetName = text(name, "assetName");
      return this;
    }

    /**
     * The short name of the asset type, as configured in ftrack. Required.
     *
     * @param shortName e.g. {@code comp}, {@code plate}
     * @return this builder
     */
    public Builder assetType(String shortName) {
      this.assetType = text(shortName, "assetType");
      return this;
    }

    /**
     * The task the version was made for. Optional.
     *
     * @param task e.g. {@code EntityRef.of("Task", id)}
     * @return this builder
     */
    public Builder task(EntityRef task) {
      this.task = Objects.requireNonNull(task, "task == null");
      return this;
    }

    /**
     * The version comment. Optional.
     *
     * @param comment the comment
     * @return this builder
     */
    public Builder comment(String comment) {
      this.comment = Objects.requireNonNull(comment, "comment == null");
      return this;
    }

    /**
     * The name of the location to register the components in. Required.
     *
     * @param locationName e.g. {@code ftrack.unmanaged} or {@code hq}
     * @return this builder
     */
    public Builder location(String locationName) {
      this.location = text(locationName, "location");
      return this;
    }

    /**
     * A file component of unknown size.
     *
     * @param name the component name, e.g. {@code main} or {@code review}
     * @param resourceIdentifier its identifier in the location
     * @return this builder
     */
    public Builder file(String name, String resourceIdentifier) {
      return file(name, resourceIdentifier, 0L);
    }

    /**
     * A file component.
     *
     * @param name the component name, e.g. {@code main} or {@code review}
     * @param resourceIdentifier its identifier in the location
     * @param sizeBytes its size
     * @return this builder
     */
    public Builder file(String name, String resourceIdentifier, long sizeBytes) {
      add(
          new Part(
              text(name, "component name"),
              text(resourceIdentifier, "identifier"),
              null,
              size(sizeBytes)));
      return this;
    }

    /**
     * A sequence component of frames of unknown size.
     *
     * @param name the component name
     * @param sequence the pattern (its identifier in the location, frame token included) and the
     *     frames that exist; holes are fine
     * @return this builder
     */
    public Builder sequence(String name, FileSequence sequence) {
      return sequence(name, sequence, 0L);
    }

    /**
     * A sequence component.
     *
     * @param name the component name
     * @param sequence the pattern and the frames that exist
     * @param bytesPerFrame the size of one frame (the container's size is the sum)
     * @return this builder
     */
    public Builder sequence(String name, FileSequence sequence, long bytesPerFrame) {
      Objects.requireNonNull(sequence, "sequence == null");
      if (sequence.frames().isEmpty()) {
        throw new IllegalArgumentException(
            "sequence '" + name + "' has no frames: give at least one, e.g. \"…%04d.exr [1-10]\"");
      }
      add(new Part(text(name, "component name"), null, sequence, size(bytesPerFrame)));
      return this;
    }

    private static long size(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("a size must not be negative: " + bytes);
      }
      return bytes;
    }

    private void add(Part part) {
      if (!names.add(part.name)) {
        throw new IllegalArgumentException(
            "two components named '" + part.name + "': component names of a version are unique");
      }
      parts.add(part);
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if context, asset name, asset type, location or every component
     *     is missing
     */
    public PublishRequest build() {
      List<String> missing = new ArrayList<>();
      if (context == null) {
        missing.add("context");
      }
      if (assetName == null) {
        missing.add("assetName");
      }
      if (assetType == null) {
        missing.add("assetType");
      }
      if (location == null) {
        missing.add("location");
      }
      if (parts.isEmpty()) {
        missing.add("at least one file or sequence");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("a publish request needs " + String.join(", ", missing));
      }
      return new PublishRequest(this);
    }
  }
}
