package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.Role;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;

/**
 * The authenticated user behind a request.
 *
 * @param user the user entity
 * @param role the user's role
 */
public record Caller(Entity user, Role role) {

  /** Whether the caller is an admin. */
  public boolean admin() {
    return role == Role.ADMIN;
  }

  /** Whether the caller is admin or employee. */
  public boolean elevated() {
    return role != Role.STANDARD;
  }

  /** The caller's e-mail. */
  public String email() {
    return user.code();
  }
}
