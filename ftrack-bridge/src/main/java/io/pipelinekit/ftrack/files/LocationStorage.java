package io.pipelinekit.ftrack.files;

import io.pipelinekit.paths.Platform;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a location's resource identifiers become file-system paths: the Java counterpart of the
 * official client's per-location accessor, which ftrack does not store on the server.
 *
 * <ul>
 *   <li>{@link #absolute()}: the identifier is the path as published ({@code ftrack.unmanaged},
 *       {@code ftrack.origin}, {@code ftrack.review});
 *   <li>{@link #prefix(Map)}: the identifier is relative to a root per operating system (custom
 *       disk locations, the centralized storage scenario);
 *   <li>{@link #server()}: files live on the ftrack server ({@code ftrack.server}), not on a disk.
 * </ul>
 *
 * <pre>{@code
 * LocationStorage hq = LocationStorage.prefix(Map.of(
 *     Platform.LINUX, "/mnt/projects", Platform.WINDOWS, "P:\\"));
 * }</pre>
 *
 * <p>Immutable.
 */
public final class LocationStorage {
  /** The kinds of storage. */
  public enum Kind {
    /** Identifiers are absolute paths. */
    ABSOLUTE,
    /** Identifiers are relative to a root per platform. */
    PREFIX,
    /** Files are on the ftrack server. */
    SERVER
  }

  private final Kind kind;
  private final Map<Platform, String> roots;

  private LocationStorage(Kind kind, Map<Platform, String> roots) {
    this.kind = kind;
    this.roots = roots.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(roots));
  }

  /**
   * Identifiers are absolute paths, as published.
   *
   * @return the storage
   */
  public static LocationStorage absolute() {
    return new LocationStorage(Kind.ABSOLUTE, Map.of());
  }

  /**
   * Identifiers are relative to a root per platform.
   *
   * @param roots the root per platform, e.g. {@code /mnt/projects} on Linux
   * @return the storage
   * @throws IllegalArgumentException if no root is given or one is blank
   */
  public static LocationStorage prefix(Map<Platform, String> roots) {
    Objects.requireNonNull(roots, "roots == null");
    if (roots.isEmpty()) {
      throw new IllegalArgumentException(
          "a prefix location needs a root for at least one platform");
    }
    roots.forEach(
        (p, r) -> {
          if (r == null || r.isBlank()) {
            throw new IllegalArgumentException("the " + p + " root is blank");
          }
        });
    return new LocationStorage(Kind.PREFIX, roots);
  }

  /**
   * Files are on the ftrack server.
   *
   * @return the storage
   */
  public static LocationStorage server() {
    return new LocationStorage(Kind.SERVER, Map.of());
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The roots of a prefix storage.
   *
   * @return the root per platform; empty for other kinds
   */
  public Map<Platform, String> roots() {
    return roots;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocationStorage
        && ((LocationStorage) o).kind == kind
        && ((LocationStorage) o).roots.equals(roots);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, roots);
  }

  @Override
  public String toString() {
    return kind == Kind.PREFIX ? "prefix" + roots : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
