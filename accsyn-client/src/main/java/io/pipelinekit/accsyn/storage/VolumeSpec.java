package io.pipelinekit.accsyn.storage;

import io.pipelinekit.paths.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A volume to create (admin only): a name and code, a path per OS (the serving server's OS path is
 * required), the serving server, and site servers.
 *
 * <pre>{@code
 * VolumeSpec.builder().name("Projects").code("projects")
 *     .putPath(Platform.LINUX, "/mnt/projects").putPath(Platform.WINDOWS, "P:")
 *     .server(serverId).build();
 * }</pre>
 */
@Value.Immutable
public interface VolumeSpec {
  /**
   * The display name.
   *
   * @return the name
   */
  String name();

  /**
   * The code.
   *
   * @return the code
   */
  Optional<String> code();

  /**
   * Roots per platform.
   *
   * @return the paths
   */
  Map<Platform, String> paths();

  /**
   * The serving server's id.
   *
   * @return the id
   */
  Optional<String> server();

  /**
   * Site servers that also serve it.
   *
   * @return server ids
   */
  List<String> siteServers();

  /** Checks that paths are present. */
  @Value.Check
  default void check() {
    if (paths().isEmpty()) {
      throw new IllegalArgumentException(
          "a volume needs at least the path for its server's OS, e.g. putPath(Platform.LINUX,"
              + " \"/mnt/projects\")");
    }
  }

  /**
   * The create payload.
   *
   * @return the data
   */
  default Map<String, Object> toData() {
    Map<String, Object> paths = new java.util.LinkedHashMap<>();
    for (Platform p : Platform.values()) {
      if (paths().containsKey(p)) {
        paths.put(p.key(), paths().get(p));
      }
    }
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", name());
    code().ifPresent(c -> m.put("code", c));
    m.put("paths", paths);
    server().ifPresent(s -> m.put("server", s));
    if (!siteServers().isEmpty()) {
      m.put("siteservers", siteServers());
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

  /** Builds a {@link VolumeSpec}; not thread-safe. */
  final class Builder extends ImmutableVolumeSpec.Builder {}
}
