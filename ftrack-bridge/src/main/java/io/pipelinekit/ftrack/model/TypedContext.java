package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A context below a project: {@code Sequence}, {@code Shot}, {@code Task}, {@code Episode}, {@code
 * AssetBuild}, {@code Folder}, {@code Milestone} or a studio's own object type. Querying {@code
 * TypedContext} returns the concrete types; {@link #type()} tells which.
 *
 * <pre>{@code
 * TypedContext c = TypedContext.of(entity);
 * if (c.isA("Shot")) { … }
 * c.parentId(); c.projectId();
 * }</pre>
 */
public final class TypedContext extends EntityView {
  /** The built-in subtypes. Studios may define more; any entity with an object type counts. */
  public static final Set<String> KNOWN_TYPES =
      Set.of(
          "TypedContext",
          "Task",
          "Shot",
          "Sequence",
          "Episode",
          "AssetBuild",
          "Folder",
          "Milestone");

  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of("name", "parent_id", "project_id", "object_type_id", "status_id", "description");

  private TypedContext(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a TypedContext.
   *
   * @param entity a context below a project
   * @return the view
   * @throws IllegalArgumentException for other types (a {@code Project} is a Context but not a
   *     TypedContext)
   */
  public static TypedContext of(Entity entity) {
    boolean ok =
        KNOWN_TYPES.contains(entity.type())
            || (!entity.type().equals("Project") && entity.has("object_type_id"));
    return new TypedContext(require(entity, "TypedContext", ok));
  }

  /**
   * Whether the concrete type is {@code type}.
   *
   * @param type e.g. {@code Shot}
   * @return true if it is
   */
  public boolean isA(String type) {
    return type().equals(type);
  }

  /**
   * The name.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
  }

  /**
   * The parent's id (a project or another context).
   *
   * @return the id
   */
  public Optional<String> parentId() {
    return str("parent_id");
  }

  /**
   * The project id.
   *
   * @return the id
   */
  public Optional<String> projectId() {
    return str("project_id");
  }

  /**
   * The object type id (per install; query {@code ObjectType} for names).
   *
   * @return the id
   */
  public Optional<String> objectTypeId() {
    return str("object_type_id");
  }

  /**
   * The status id.
   *
   * @return the id
   */
  public Optional<String> statusId() {
    return str("status_id");
  }

  /**
   * The description.
   *
   * @return the description
   */
  public Optional<String> description() {
    return str("description");
  }

  /**
   * The ancestors, root first, if projected.
   *
   * @return the ancestors
   */
  public List<Entity> ancestors() {
    return entity().entities("ancestors");
  }
}
