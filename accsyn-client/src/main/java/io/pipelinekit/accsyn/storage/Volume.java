package io.pipelinekit.accsyn.storage;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import io.pipelinekit.paths.Platform;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A volume (formerly "root share"): storage with a path per OS, and VPN variants the desktop app
 * uses to recognise VPN-mounted storage.
 *
 * <pre>{@code
 * Volume v = client.storage().volume("projects").orElseThrow();
 * v.paths().get(Platform.WINDOWS);   // "P:"
 * v.isDefault();                      // true for (default)
 * }</pre>
 */
@Value.Immutable
public interface Volume {
  /**
   * The id.
   *
   * @return the id
   */
  String id();

  /**
   * The unique code, used in {@code volume=<code>} and {@code share=<code>} paths.
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
   * Whether this is the workspace's default volume.
   *
   * @return true for the default
   */
  @Value.Default
  default boolean isDefault() {
    return false;
  }

  /**
   * The root per platform ({@code paths}: windows, linux, mac and the {@code *_vpn} variants).
   *
   * @return the paths; platforms not configured are absent
   */
  Map<Platform, String> paths();

  /**
   * The absolute path resolved for the serving server ({@code path}, read-only).
   *
   * @return the path
   */
  Optional<String> path();

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
   * Decodes a volume.
   *
   * @param json the entity
   * @return the volume
   */
  static Volume fromJson(Json json) {
    Fields f = Fields.of(json, "volume");
    String id = f.requiredId();
    Builder b = builder().id(id).code(f.string("code").orElse(id));
    f.string("name").ifPresent(b::name);
    f.bool("default").ifPresent(b::isDefault);
    Map<String, Json> paths = f.object("paths");
    boolean unknownPlatform = false;
    for (Map.Entry<String, Json> e : paths.entrySet()) {
      Optional<Platform> p = Platform.fromKey(e.getKey());
      unknownPlatform |= p.isEmpty();
      if (p.isPresent()
          && e.getValue().type() == Json.Type.STRING
          && !e.getValue().asString().isBlank()) {
        b.putPath(p.get(), e.getValue().asString());
      }
    }
    if (unknownPlatform) {
      // A platform path-mapping does not know: keep the whole object where users can see it.
      b.putExtra("paths", Json.of(paths));
    }
    f.string("path").ifPresent(b::path);
    b.status(ShareStatus.fromWire(f.string("status").orElse(null)));
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

  /** Builds a {@link Volume}; not thread-safe. */
  final class Builder extends ImmutableVolume.Builder {}
}
