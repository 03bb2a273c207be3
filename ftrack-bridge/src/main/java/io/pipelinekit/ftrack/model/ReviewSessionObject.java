package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A version in a review session.
 *
 * <pre>{@code
 * rso.versionId(); rso.assetVersion();
 * }</pre>
 */
public final class ReviewSessionObject extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of("name", "version_id", "review_session_id", "sort_order");

  /**
   * The id of the version shown.
   *
   * @return the AssetVersion id
   */
  public Optional<String> versionId() {
    return str("version_id");
  }

  /**
   * The review session id.
   *
   * @return the id
   */
  public Optional<String> reviewSessionId() {
    return str("review_session_id");
  }

  /**
   * The version, if projected ({@code asset_version}).
   *
   * @return the version
   */
  public Optional<AssetVersion> assetVersion() {
    return entity().entity("asset_version").map(AssetVersion::of);
  }

  private ReviewSessionObject(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code ReviewSessionObject}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static ReviewSessionObject of(Entity entity) {
    return new ReviewSessionObject(
        require(entity, "ReviewSessionObject", entity.type().equals("ReviewSessionObject")));
  }
}
