package io.pipelinekit.accsyn.storage;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A shared folder to create (employees and admins): a path inside a volume (the default volume if
 * none is named), with a name and optionally a code.
 *
 * <pre>{@code
 * FolderSpec.builder().name("theproject").path("projects/theproject").build();
 * }</pre>
 */
@Value.Immutable
public interface FolderSpec {
  /**
   * The path inside the volume.
   *
   * @return e.g. {@code projects/theproject}
   */
  String path();

  /**
   * The display name (accsyn derives the code from it when no code is given).
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The code.
   *
   * @return the code
   */
  Optional<String> code();

  /**
   * The parent volume, by id or code; the default volume when empty.
   *
   * @return the volume
   */
  Optional<String> volume();

  /**
   * A description.
   *
   * @return the description
   */
  Optional<String> description();

  /** Checks the path. */
  @Value.Check
  default void check() {
    if (path().isBlank() || path().startsWith("/") || path().startsWith("\\")) {
      throw new IllegalArgumentException(
          "a folder path is relative to its volume, e.g. projects/theproject; got '"
              + path()
              + "'");
    }
  }

  /**
   * The create payload.
   *
   * @return the data
   */
  default Map<String, Object> toData() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    volume().ifPresent(v -> m.put("parent", v));
    m.put("path", path());
    name().ifPresent(v -> m.put("name", v));
    code().ifPresent(v -> m.put("code", v));
    description().ifPresent(v -> m.put("description", v));
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

  /** Builds a {@link FolderSpec}; not thread-safe. */
  final class Builder extends ImmutableFolderSpec.Builder {}
}
