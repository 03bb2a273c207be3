package io.pipelinekit.accsyn.storage;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A shared folder: a directory of a volume shared on its own ({@code folder=<code>}), formerly a
 * standard "share".
 *
 * <pre>{@code
 * Folder f = client.storage().folder("theproject").orElseThrow();
 * f.path();     // "projects/theproject", relative to the volume
 * }</pre>
 */
@Value.Immutable
public interface Folder {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The unique code.
   *
   * @return the code
   */
  String code();

  /**
   * The display name.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The parent volume's id.
   *
   * @return the id
   */
  Optional<String> volume();

  /**
   * The parent volume in human-readable form.
   *
   * @return usually the volume's code
   */
  Optional<String> volumeHr();

  /**
   * The folder's path inside its volume.
   *
   * @return e.g. {@code projects/theproject}
   */
  @Value.Default
  default String path() {
    return "";
  }

  /**
   * The status.
   *
   * @return the status
   */
  @Value.Default
  default ShareStatus status() {
    return ShareStatus.UNKNOWN;
  }

  /**
   * A description.
   *
   * @return the description
   */
  Optional<String> description();

  /**
   * Metadata.
   *
   * @return the metadata
   */
  Map<String, Json> metadata();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes a folder.
   *
   * @param json the entity
   * @return the folder
   */
  static Folder fromJson(Json json) {
    Fields f = Fields.of(json, "folder");
    String id = f.requiredId();
    Builder b = builder().id(id).code(f.string("code").orElse(id));
    f.string("name").ifPresent(b::name);
    f.id("parent").ifPresent(b::volume);
    f.string("parent_hr").ifPresent(b::volumeHr);
    f.string("path").ifPresent(b::path);
    b.status(ShareStatus.fromWire(f.string("status").orElse(null)));
    f.skip("status_hr");
    f.string("description").ifPresent(b::description);
    b.putAllMetadata(f.object("metadata"));
    return b.putAllExtra(f.rest()).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Folder}; not thread-safe. */
  final class Builder extends ImmutableFolder.Builder {}
}
