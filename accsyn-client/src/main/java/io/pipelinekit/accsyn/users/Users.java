package io.pipelinekit.accsyn.users;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Users: find by e-mail, list by role, invite, deactivate and activate. Thread-safe; obtain it from
 * {@code client.users()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * User anna = client.users().inviteEmployee("anna@studio.com");
 * User vic = client.users().inviteStandard("vic@vendor.com");
 * List<User> staff = client.users().list(Role.EMPLOYEE);
 * }</pre>
 */
public final class Users {
  private final AccsynClient client;

  private Users(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The user API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Users of(AccsynClient client) {
    return new Users(client);
  }

  /**
   * A user by e-mail ({@code User WHERE code=<email>}), active or not.
   *
   * @param email the e-mail
   * @return the user, or empty
   */
  public Optional<User> findByEmail(String email) {
    Objects.requireNonNull(email, "email == null");
    Query q = Query.of("user").where("code", Operator.EQ, email);
    Optional<Json> active = client.findOne(q);
    if (active.isPresent()) {
      return active.map(User::fromJson);
    }
    return client.findOne(q.inactive(true)).map(User::fromJson);
  }

  /**
   * A user by id.
   *
   * @param id the id
   * @return the user, or empty
   */
  public Optional<User> get(String id) {
    return client.get("user", id).map(User::fromJson);
  }

  /**
   * Every active user.
   *
   * @return the users
   */
  public List<User> list() {
    return client.find(Query.of("user")).stream().map(User::fromJson).toList();
  }

  /**
   * Every active user with a role ({@code User WHERE role=<role>}).
   *
   * @param role the role
   * @return the users
   */
  public List<User> list(Role role) {
    if (role == Role.UNKNOWN) {
      throw new IllegalArgumentException("cannot list users with an unknown role");
    }
    return client.find(Query.of("user").where("role", Operator.EQ, role.wire())).stream()
        .map(User::fromJson)
        .toList();
  }

  /**
   * Creates (invites) a user.
   *
   * @param invitation the invitation
   * @return the user
   */
  public User invite(Invitation invitation) {
    List<Json> created = client.create("user", invitation.toData());
    if (created.isEmpty()) {
      throw new AccsynException("accsyn created the user but returned nothing");
    }
    return User.fromJson(created.get(0));
  }

  /**
   * Invites an employee (admin only).
   *
   * @param email the e-mail
   * @return the user
   */
  public User inviteEmployee(String email) {
    return invite(Invitation.builder().email(email).role(Role.EMPLOYEE).build());
  }

  /**
   * Invites a restricted (standard) user, e.g. a vendor or client.
   *
   * @param email the e-mail
   * @return the user
   */
  public User inviteStandard(String email) {
    return invite(Invitation.builder().email(email).role(Role.STANDARD).build());
  }

  /**
   * Deactivates a user ({@code DELETE user/deactivate}).
   *
   * @param id the user id
   */
  public void deactivate(String id) {
    client.deactivate("user", id);
  }

  /**
   * Activates a user again ({@code POST user/activate}), by id or e-mail.
   *
   * @param idOrEmail the id or e-mail
   */
  public void activate(String idOrEmail) {
    client.activate("user", idOrEmail);
  }
}
