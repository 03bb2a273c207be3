package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A component: one file ({@code FileComponent}), a frame sequence ({@code SequenceComponent}, whose
 * members are one FileComponent per frame) or a directory ({@code ContainerComponent}).
 *
 * <pre>{@code
 * Component c = Component.of(entity);
 * switch (c.kind()) {
 *   case SEQUENCE: c.padding(); c.members(); break;
 *   case FILE: c.fileType(); break;
 *   default: break;
 * }
 * }</pre>
 */
public final class Component extends EntityView {
  /** What a component holds. */
  public enum Kind {
    /** One file. */
    FILE,
    /** A frame sequence; members are the frames. */
    SEQUENCE,
    /** A directory; members are its files. */
    CONTAINER,
    /** The base type {@code Component} or a type this module does not know. */
    OTHER
  }

  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of("name", "file_type", "size", "system_type", "version_id", "container_id");

  private Component(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a Component.
   *
   * @param entity a Component or subtype
   * @return the view
   * @throws IllegalArgumentException for other types
   */
  public static Component of(Entity entity) {
    boolean ok = entity.type().endsWith("Component") && !entity.type().equals("JobComponent");
    ok &= !entity.type().equals("NoteComponent");
    return new Component(require(entity, "Component", ok));
  }

  /**
   * What the component holds, from its concrete type.
   *
   * @return the kind
   */
  public Kind kind() {
    switch (type()) {
      case "FileComponent":
        return Kind.FILE;
      case "SequenceComponent":
        return Kind.SEQUENCE;
      case "ContainerComponent":
        return Kind.CONTAINER;
      default:
        return Kind.OTHER;
    }
  }

  /**
   * The name: {@code main}, {@code ftrackreview-mp4}, or the padded frame for a sequence member.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
  }

  /**
   * The file type, with its dot, e.g. {@code .exr}.
   *
   * @return the file type
   */
  public Optional<String> fileType() {
    return str("file_type");
  }

  /**
   * The size in bytes (the sum of the members for containers).
   *
   * @return the size
   */
  public Optional<Long> size() {
    return entity().integer("size");
  }

  /**
   * The padding of a sequence (0 for none).
   *
   * @return the padding
   */
  public Optional<Long> padding() {
    return entity().integer("padding");
  }

  /**
   * The version id; members of a container have none.
   *
   * @return the id
   */
  public Optional<String> versionId() {
    return str("version_id");
  }

  /**
   * The container id of a member.
   *
   * @return the id
   */
  public Optional<String> containerId() {
    return str("container_id");
  }

  /**
   * The members of a sequence or container, if projected.
   *
   * @return the members
   */
  public List<Component> members() {
    return entity().entities("members").stream().map(Component::of).toList();
  }

  /**
   * Where the component is registered, if projected.
   *
   * @return the component locations
   */
  public List<ComponentLocation> componentLocations() {
    return entity().entities("component_locations").stream().map(ComponentLocation::of).toList();
  }

  /**
   * The version, if projected.
   *
   * @return the version
   */
  public Optional<AssetVersion> version() {
    return entity().entity("version").map(AssetVersion::of);
  }
}
