package io.pipelinekit.paths;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an input path comes from: its flavour or platform (detected from the text if absent) and
 * its site (the main site if absent). Naming the platform restricts matching to that platform's
 * roots and its VPN variant's (e.g. {@code MAC} and {@code MAC_VPN} roots for a path read on a
 * Mac), plus the shares' extra {@code matchAlso} spellings of the same flavour.
 *
 * <pre>{@code
 * mapper.toShare("//fs01/storage/a.exr", Source.of(PathFlavour.WINDOWS));
 * mapper.toShare("/Volumes/storage/a.exr", Source.of(Platform.MAC).atSite("london"));
 * }</pre>
 */
public final class Source {
  private static final Source DETECT = new Source(null, null, null);

  private final PathFlavour flavour;
  private final Platform platform;
  private final String site;

  private Source(PathFlavour flavour, Platform platform, String site) {
    this.flavour = flavour;
    this.platform = platform;
    this.site = site;
  }

  /**
   * Detect the flavour from the text, at the main site. A leading {@code //server/share} is read as
   * UNC only if the table has that UNC root, otherwise as POSIX.
   *
   * @return the source
   */
  public static Source detect() {
    return DETECT;
  }

  /**
   * Read the text in a given flavour, matching roots of every platform of that flavour.
   *
   * @param flavour the flavour
   * @return the source
   */
  public static Source of(PathFlavour flavour) {
    return new Source(Objects.requireNonNull(flavour, "flavour == null"), null, null);
  }

  /**
   * Read the text as a path of a platform, matching only that platform's roots (its plain and VPN
   * variants) and extra spellings of its flavour.
   *
   * @param platform the platform
   * @return the source
   */
  public static Source of(Platform platform) {
    Objects.requireNonNull(platform, "platform == null");
    return new Source(platform.flavour(), platform, null);
  }

  /**
   * The same source at a site.
   *
   * @param siteCode the site code
   * @return a new source
   */
  public Source atSite(String siteCode) {
    return new Source(flavour, platform, Objects.requireNonNull(siteCode, "siteCode == null"));
  }

  /**
   * The flavour, if not detected.
   *
   * @return the flavour, or empty to detect
   */
  public Optional<PathFlavour> flavour() {
    return Optional.ofNullable(flavour);
  }

  /**
   * The platform, if restricted.
   *
   * @return the platform, or empty for every platform of the flavour
   */
  public Optional<Platform> platform() {
    return Optional.ofNullable(platform);
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
    String what = platform != null ? platform.key() : flavour != null ? flavour.name() : "detect";
    return what + (site == null ? "" : "@" + site);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Source s
        && flavour == s.flavour
        && platform == s.platform
        && Objects.equals(site, s.site);
  }

  @Override
  public int hashCode() {
    return Objects.hash(flavour, platform, site);
  }
}
