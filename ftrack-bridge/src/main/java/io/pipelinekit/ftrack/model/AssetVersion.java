package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A version of an asset: what publishes create and what reviews show.
 *
 * <pre>{@code
 * AssetVersion v = AssetVersion.of(entity);
 * v.version();                       // Optional[3]
 * v.asset().flatMap(Asset::name);    // Optional[plate]
 * v.components().size();
 * }</pre>
 */
public final class AssetVersion extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of(
          "version",
          "asset_id",
          "task_id",
          "user_id",
          "status_id",
          "comment",
          "is_published",
          "date");

  private AssetVersion(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as an AssetVersion.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException for other types
   */
  public static AssetVersion of(Entity entity) {
    return new AssetVersion(require(entity, "AssetVersion", entity.type().equals("AssetVersion")));
  }

  /**
   * The version number.
   *
   * @return the number
   */
  public Optional<Long> version() {
    return entity().integer("version");
  }

  /**
   * The asset id.
   *
   * @return the id
   */
  public Optional<String> assetId() {
    return str("asset_id");
  }

  /**
   * The task id.
   *
   * @return the id, if the version was made for a task
   */
  public Optional<String> taskId() {
    return str("task_id");
  }

  /**
   * The publishing user's id.
   *
   * @return the id
   */
  public Optional<String> userId() {
    return str("user_id");
  }

  /**
   * The comment.
   *
   * @return the comment
   */
  public Optional<String> comment() {
    return str("comment");
  }

  /**
   * Whether it is published.
   *
   * @return the flag
   */
  public Optional<Boolean> isPublished() {
    return entity().bool("is_published");
  }

  /**
   * The publish date.
   *
   * @return the date
   */
  public Optional<Instant> date() {
    return entity().instant("date");
  }

  /**
   * The asset, if projected.
   *
   * @return the asset
   */
  public Optional<Asset> asset() {
    return entity().entity("asset").map(Asset::of);
  }

  /**
   * The components, if projected.
   *
   * @return the components
   */
  public List<Component> components() {
    return entity().entities("components").stream().map(Component::of).toList();
  }
}
