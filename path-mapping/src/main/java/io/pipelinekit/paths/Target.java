package io.pipelinekit.paths;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a mapped path will be used: a platform, and optionally a site (the main site if absent).
 *
 * <pre>{@code
 * mapper.toOs("share=storage/a.exr", Target.of(Platform.LINUX, "london"));
 * }</pre>
 */
public final class Target {
  private final Platform platform;
  private final String site;

  private Target(Platform platform, String site) {
    this.platform = Objects.requireNonNull(platform, "platform == null");
    this.site = site;
  }

  /**
   * A platform at the table's main site.
   *
   * @param platform the platform
   * @return the target
   */
  public static Target of(Platform platform) {
    return new Target(platform, null);
  }

  /**
   * A platform at a site.
   *
   * @param platform the platform
   * @param site the site code
   * @return the target
   */
  public static Target of(Platform platform, String site) {
    return new Target(platform, Objects.requireNonNull(site, "site == null"));
  }

  /**
   * The platform.
   *
   * @return the platform
   */
  public Platform platform() {
    return platform;
  }

  /**
   * The site.
   *
   * @return the site, or empty for the main site
   */
  public Optional<String> site() {
    return Optional.ofNullable(site);
  }

  @Override
  public String toString() {
    return platform.key() + (site == null ? "" : "@" + site);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && platform == t.platform && Objects.equals(site, t.site);
  }

  @Override
  public int hashCode() {
    return Objects.hash(platform, site);
  }
}
