package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A review session: versions to review and the people invited.
 *
 * <pre>{@code
 * ReviewSession rs = ReviewSession.of(session.query(
 *     "select name, review_session_objects.version_id, review_session_invitees.email"
 *         + " from ReviewSession where id is \"…\"").one());
 * }</pre>
 */
public final class ReviewSession extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS = List.of("name", "description", "project_id");

  /**
   * The name.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
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
   * The versions in the session, if projected.
   *
   * @return the objects
   */
  public List<ReviewSessionObject> objects() {
    return entity().entities("review_session_objects").stream()
        .map(ReviewSessionObject::of)
        .toList();
  }

  /**
   * The invitees, if projected.
   *
   * @return the invitees
   */
  public List<ReviewSessionInvitee> invitees() {
    return entity().entities("review_session_invitees").stream()
        .map(ReviewSessionInvitee::of)
        .toList();
  }

  private ReviewSession(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code ReviewSession}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static ReviewSession of(Entity entity) {
    return new ReviewSession(
        require(entity, "ReviewSession", entity.type().equals("ReviewSession")));
  }
}
