package io.pipelinekit.accsyn.users;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user to create, which invites them: e-mail, role, home share, volume access, and the invitation
 * e-mail.
 *
 * <pre>{@code
 * Invitation.builder().email("vic@vendor.com").role(Role.STANDARD)
 *     .message("Welcome to the show").build();
 * }</pre>
 */
@Value.Immutable
public interface Invitation {
  /**
   * The e-mail.
   *
   * @return the e-mail
   */
  String email();

  /**
   * The role; accsyn's default is standard. Only admins may create employees and admins.
   *
   * @return the role
   */
  Optional<Role> role();

  /**
   * Create a home share for the user.
   *
   * @return the flag
   */
  Optional<Boolean> createHomeShare();

  /**
   * Give access to the default volume.
   *
   * @return the flag
   */
  Optional<Boolean> giveDefaultVolumeAccess();

  /**
   * Give access to every volume.
   *
   * @return the flag
   */
  Optional<Boolean> giveAllVolumesAccess();

  /**
   * Volumes (ids) to give access to.
   *
   * @return the ids
   */
  List<String> volumes();

  /**
   * A message in the invitation e-mail.
   *
   * @return the message
   */
  Optional<String> message();

  /**
   * Whether to send the invitation e-mail.
   *
   * @return default true
   */
  @Value.Default
  default boolean sendMail() {
    return true;
  }

  /** Checks the e-mail and role. */
  @Value.Check
  default void check() {
    String e = email();
    int at = e.indexOf('@');
    if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.contains(" ")) {
      throw new IllegalArgumentException("'" + e + "' is not an e-mail address");
    }
    if (role().isPresent() && role().get() == Role.UNKNOWN) {
      throw new IllegalArgumentException("cannot invite a user with an unknown role");
    }
  }

  /**
   * The create payload.
   *
   * @return the data
   */
  default Map<String, Object> toData() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("code", email());
    role().ifPresent(r -> m.put("role", r.wire()));
    createHomeShare().ifPresent(v -> m.put("create_home_share", v));
    giveAllVolumesAccess().ifPresent(v -> m.put("give_all_volumes_access", v));
    giveDefaultVolumeAccess().ifPresent(v -> m.put("give_default_volume_access", v));
    if (!volumes().isEmpty()) {
      m.put("volumes", volumes());
    }
    message().ifPresent(v -> m.put("message", v));
    if (!sendMail()) {
      m.put("mail", false);
    }
    return m;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Invitation}; not thread-safe. */
  final class Builder extends ImmutableInvitation.Builder {}
}
