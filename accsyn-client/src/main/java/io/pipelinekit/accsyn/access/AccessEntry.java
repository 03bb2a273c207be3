package io.pipelinekit.accsyn.access;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One user's access to a share (an ACL), as {@code access().list(...)} returns it.
 *
 * <pre>{@code
 * for (AccessEntry a : client.access().list(ShareType.FOLDER, "theproject")) {
 *   a.userHr(); a.path(); a.write();
 * }
 * }</pre>
 */
@Value.Immutable
public interface AccessEntry {
  /**
   * The ACL id.
   *
   * @return the id, if sent
   */
  Optional<String> id();

  /**
   * The user id (from {@code entity = user:<id>}).
   *
   * @return the id
   */
  String user();

  /**
   * The user in human-readable form.
   *
   * @return the e-mail
   */
  Optional<String> userHr();

  /**
   * The share id (from {@code target = share:<id>}).
   *
   * @return the id
   */
  String share();

  /**
   * The share in human-readable form.
   *
   * @return the code
   */
  Optional<String> shareHr();

  /**
   * The sub-path, {@code /} for the whole share.
   *
   * @return the path
   */
  @Value.Default
  default String path() {
    return "/";
  }

  /**
   * Read access.
   *
   * @return the flag
   */
  @Value.Default
  default boolean read() {
    return false;
  }

  /**
   * Write access.
   *
   * @return the flag
   */
  @Value.Default
  default boolean write() {
    return false;
  }

  /**
   * Whether the user acknowledged the share.
   *
   * @return the flag
   */
  @Value.Default
  default boolean acknowledged() {
    return false;
  }

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes an ACL as {@code acl/find} returns it.
   *
   * @param json the ACL
   * @return the entry
   */
  static AccessEntry fromJson(Json json) {
    Fields f = Fields.of(json, "acl");
    Builder b = builder();
    f.id("id").ifPresent(b::id);
    b.user(afterColon(f.string("entity").or(() -> f.string("user")).orElse("")));
    f.string("entity_hr").or(() -> f.string("user_hr")).ifPresent(b::userHr);
    b.share(afterColon(f.string("target").or(() -> f.string("share")).orElse("")));
    f.string("target_hr").or(() -> f.string("share_hr")).ifPresent(b::shareHr);
    f.string("path").ifPresent(b::path);
    f.bool("read").ifPresent(b::read);
    f.bool("write").ifPresent(b::write);
    f.bool("acknowledged").ifPresent(b::acknowledged);
    return b.putAllExtra(f.rest()).build();
  }

  private static String afterColon(String ref) {
    int c = ref.indexOf(':');
    return c < 0 ? ref : ref.substring(c + 1);
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AccessEntry}; not thread-safe. */
  final class Builder extends ImmutableAccessEntry.Builder {}
}
