package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * An asset: a named, typed thing under a context (a shot, an asset build) that has versions.
 *
 * <pre>{@code
 * Asset a = Asset.of(version.entity().entity("asset").orElseThrow());
 * a.name(); a.contextId();
 * }</pre>
 */
public final class Asset extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS = List.of("name", "context_id", "type_id");

  /**
   * The name.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
  }

  /**
   * The id of its context ({@code parent}).
   *
   * @return the context id
   */
  public Optional<String> contextId() {
    return str("context_id");
  }

  /**
   * The id of its AssetType.
   *
   * @return the type id
   */
  public Optional<String> typeId() {
    return str("type_id");
  }

  /**
   * The context, if projected ({@code parent}).
   *
   * @return the context
   */
  public Optional<Entity> parent() {
    return entity().entity("parent");
  }

  /**
   * The versions, if projected.
   *
   * @return the versions
   */
  public List<AssetVersion> versions() {
    return entity().entities("versions").stream().map(AssetVersion::of).toList();
  }

  private Asset(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code Asset}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static Asset of(Entity entity) {
    return new Asset(require(entity, "Asset", entity.type().equals("Asset")));
  }
}
