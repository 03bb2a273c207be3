package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A review-session invitee (collaborator), who receives the session by e-mail.
 *
 * <pre>{@code
 * session.invitees().forEach(i -> i.email().ifPresent(recipients::add));
 * }</pre>
 */
public final class ReviewSessionInvitee extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS = List.of("name", "email", "review_session_id");

  /**
   * The display name.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
  }

  /**
   * The e-mail, trimmed; empty when blank.
   *
   * @return the e-mail
   */
  public Optional<String> email() {
    return str("email").map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * The review session id.
   *
   * @return the id
   */
  public Optional<String> reviewSessionId() {
    return str("review_session_id");
  }

  private ReviewSessionInvitee(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code ReviewSessionInvitee}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static ReviewSessionInvitee of(Entity entity) {
    return new ReviewSessionInvitee(
        require(entity, "ReviewSessionInvitee", entity.type().equals("ReviewSessionInvitee")));
  }
}
