package io.pipelinekit.paths;

import java.util.Locale;
import java.util.Optional;

/**
 * An operating system a storage root is configured for, optionally over VPN.
 *
 * <p>accsyn volumes carry a path per OS ({@code windows}, {@code linux}, {@code mac}) and optional
 * paths used when a client connects over VPN ({@code windows_vpn}, ...). A VPN platform falls back
 * to its plain platform when a share has no VPN path.
 *
 * <pre>{@code
 * Platform p = Platform.fromKey("linux_vpn").orElseThrow();
 * p.flavour();   // POSIX
 * p.base();      // LINUX
 * }</pre>
 */
public enum Platform {
  /** Windows workstations and servers. */
  WINDOWS(PathFlavour.WINDOWS, false, CasePolicy.INSENSITIVE),
  /** Linux hosts. */
  LINUX(PathFlavour.POSIX, false, CasePolicy.SENSITIVE),
  /** macOS hosts; volumes are case-insensitive by default, like APFS and HFS+. */
  MAC(PathFlavour.POSIX, false, CasePolicy.INSENSITIVE),
  /** Windows clients connected over VPN. */
  WINDOWS_VPN(PathFlavour.WINDOWS, true, CasePolicy.INSENSITIVE),
  /** Linux clients connected over VPN. */
  LINUX_VPN(PathFlavour.POSIX, true, CasePolicy.SENSITIVE),
  /** macOS clients connected over VPN. */
  MAC_VPN(PathFlavour.POSIX, true, CasePolicy.INSENSITIVE);

  private final PathFlavour flavour;
  private final boolean vpn;
  private final CasePolicy defaultCasePolicy;
  // Set once when the class initialises (constants cannot name each other in constructors);
  // matching asks for it on every lookup, so it is a field, not a switch.
  private Platform base;

  static {
    for (Platform p : values()) {
      p.base = p.vpn ? valueOf(p.name().substring(0, p.name().length() - "_VPN".length())) : p;
    }
  }

  Platform(PathFlavour flavour, boolean vpn, CasePolicy defaultCasePolicy) {
    this.flavour = flavour;
    this.vpn = vpn;
    this.defaultCasePolicy = defaultCasePolicy;
  }

  /**
   * The path syntax of this platform.
   *
   * @return the flavour
   */
  public PathFlavour flavour() {
    return flavour;
  }

  /**
   * Whether this is a VPN variant.
   *
   * @return true for the {@code *_VPN} constants
   */
  public boolean isVpn() {
    return vpn;
  }

  /**
   * The platform without VPN: {@code LINUX_VPN.base() == LINUX}.
   *
   * @return the plain platform
   */
  public Platform base() {
    return base;
  }

  /**
   * The case policy of roots on this platform unless a root says otherwise: Linux is sensitive,
   * Windows and macOS are insensitive but case-preserving.
   *
   * @return the default policy
   */
  public CasePolicy defaultCasePolicy() {
    return defaultCasePolicy;
  }

  /**
   * The key accsyn and root-table files use: {@code windows}, {@code linux}, {@code mac}, {@code
   * windows_vpn}, {@code linux_vpn}, {@code mac_vpn}.
   *
   * @return the lower-case key
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Looks a platform up by its {@link #key()}, ignoring case; {@code darwin}, {@code osx} and
   * {@code macos} are accepted for {@link #MAC}.
   *
   * @param key the key, e.g. {@code "linux"}
   * @return the platform, or empty if the key names none
   */
  public static Optional<Platform> fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    switch (k) {
      case "darwin":
      case "osx":
      case "macos":
        return Optional.of(MAC);
      case "win":
      case "win32":
        return Optional.of(WINDOWS);
      default:
        break;
    }
    for (Platform p : values()) {
      if (p.key().equals(k)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
