package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.EntityRef;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of the typed views: a view reads an {@link Entity} through named accessors and leaves
 * every other attribute reachable through {@link #entity()}.
 *
 * <p>Accessors return what was loaded: {@code Optional.empty()} or an empty list when the attribute
 * was not in the query's projections (or is null), so select what you read. Each view lists the
 * attributes it reads in a {@code PROJECTIONS} constant. Views are immutable and equal when their
 * entities are.
 */
public abstract class EntityView {
  private final Entity entity;

  EntityView(Entity entity) {
    this.entity = Objects.requireNonNull(entity, "entity == null");
  }

  static Entity require(Entity e, String expected, boolean ok) {
    Objects.requireNonNull(e, "entity == null");
    if (!ok) {
      throw new IllegalArgumentException("a " + e.type() + " is not a " + expected + ": " + e);
    }
    return e;
  }

  /**
   * The entity behind the view, for attributes the view does not name.
   *
   * @return the entity
   */
  public final Entity entity() {
    return entity;
  }

  /**
   * The id.
   *
   * @return the id
   */
  public final String id() {
    return entity.id();
  }

  /**
   * The concrete entity type.
   *
   * @return e.g. {@code Shot}
   */
  public final String type() {
    return entity.type();
  }

  /**
   * A reference for creates and updates.
   *
   * @return the reference
   */
  public final EntityRef ref() {
    return entity.ref();
  }

  Optional<String> str(String attribute) {
    return entity.string(attribute);
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof EntityView
        && o.getClass() == getClass()
        && ((EntityView) o).entity.equals(entity);
  }

  @Override
  public final int hashCode() {
    return entity.hashCode();
  }

  @Override
  public String toString() {
    return entity.toString();
  }
}
