package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A user. Employees and vendors alike; the user name is often the e-mail.
 *
 * <pre>{@code
 * User u = User.of(session.query("select username, email from User where id is \"…\"").one());
 * }</pre>
 */
public final class User extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of("username", "email", "first_name", "last_name", "is_active");

  /**
   * The user name.
   *
   * @return the user name
   */
  public Optional<String> username() {
    return str("username");
  }

  /**
   * The e-mail.
   *
   * @return the e-mail
   */
  public Optional<String> email() {
    return str("email");
  }

  /**
   * The first name.
   *
   * @return the first name
   */
  public Optional<String> firstName() {
    return str("first_name");
  }

  /**
   * The last name.
   *
   * @return the last name
   */
  public Optional<String> lastName() {
    return str("last_name");
  }

  /**
   * Whether the account is active.
   *
   * @return the flag
   */
  public Optional<Boolean> isActive() {
    return entity().bool("is_active");
  }

  private User(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code User}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static User of(Entity entity) {
    return new User(require(entity, "User", entity.type().equals("User")));
  }
}
