package io.pipelinekit.accsyn.access;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Access to give one user on one share or a sub-path of it: read and/or write, whether to notify
 * the user and with what message, and whether to invite a user who does not exist yet.
 *
 * <pre>{@code
 * Grant.builder().user("vic@vendor.com").share(ShareType.FOLDER, "theproject")
 *     .read(true).write(false).path("/").message("Plates are ready").build();
 * }</pre>
 */
@Value.Immutable
public interface Grant {
  /**
   * The user, by e-mail or id.
   *
   * @return the user
   */
  String user();

  /**
   * The kind of share.
   *
   * @return the kind
   */
  ShareType shareType();

  /**
   * The share, by code or id.
   *
   * @return the share
   */
  String share();

  /**
   * Read access.
   *
   * @return default true
   */
  @Value.Default
  default boolean read() {
    return true;
  }

  /**
   * Write access.
   *
   * @return default false (accsyn's own default is true; we ask for write explicitly)
   */
  @Value.Default
  default boolean write() {
    return false;
  }

  /**
   * The sub-path inside the share; {@code /} is the whole share.
   *
   * @return default {@code /}
   */
  @Value.Default
  default String path() {
    return "/";
  }

  /**
   * Whether accsyn e-mails the user about the grant.
   *
   * @return default true
   */
  @Value.Default
  default boolean notifyUser() {
    return true;
  }

  /**
   * A message for the notification.
   *
   * @return the message
   */
  Optional<String> message();

  /**
   * Whether a user who does not exist yet is invited (by e-mail) rather than refused.
   *
   * @return default true
   */
  @Value.Default
  default boolean invite() {
    return true;
  }

  /** Checks that some access is given. */
  @Value.Check
  default void check() {
    if (!read() && !write()) {
      throw new IllegalArgumentException(
          "a grant needs read or write; use revoke to remove access");
    }
    if (user().isBlank() || share().isBlank()) {
      throw new IllegalArgumentException("a grant needs a user and a share");
    }
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Grant}; not thread-safe. */
  final class Builder extends ImmutableGrant.Builder {
    /**
     * Sets the kind and the share at once.
     *
     * @param type the kind
     * @param codeOrId the share's code or id
     * @return this builder
     */
    public Builder share(ShareType type, String codeOrId) {
      shareType(type);
      share(codeOrId);
      return this;
    }
  }
}
