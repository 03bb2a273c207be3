package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A component registered in a location at a resource identifier.
 *
 * <pre>{@code
 * for (ComponentLocation cl : component.componentLocations()) {
 *   cl.locationId(); cl.resourceIdentifier();
 * }
 * }</pre>
 */
public final class ComponentLocation extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of("component_id", "location_id", "resource_identifier");

  /**
   * The component id.
   *
   * @return the id
   */
  public Optional<String> componentId() {
    return str("component_id");
  }

  /**
   * The location id.
   *
   * @return the id
   */
  public Optional<String> locationId() {
    return str("location_id");
  }

  /**
   * The resource identifier; its meaning depends on the location.
   *
   * @return the identifier
   */
  public Optional<String> resourceIdentifier() {
    return str("resource_identifier");
  }

  /**
   * The location, if projected.
   *
   * @return the location
   */
  public Optional<Location> location() {
    return entity().entity("location").map(Location::of);
  }

  private ComponentLocation(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code ComponentLocation}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static ComponentLocation of(Entity entity) {
    return new ComponentLocation(
        require(entity, "ComponentLocation", entity.type().equals("ComponentLocation")));
  }
}
