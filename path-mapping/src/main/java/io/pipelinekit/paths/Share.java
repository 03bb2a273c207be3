package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.DotSegments;
import io.pipelinekit.paths.internal.OsPathParser;
import io.pipelinekit.paths.internal.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a {@link RootTable}: an accsyn volume, shared folder, home or collection, with its
 * root path per platform, per-site overrides, and extra spellings it is reachable by. Immutable and
 * thread-safe.
 *
 * <p>A shared folder lives inside a volume: unless it is given a root of its own for a platform,
 * its root there is the volume's root plus the folder's path ({@code vfx} in {@code projects} is
 * {@code /mnt/projects/vfx} on Linux), and mapping prefers it over the volume because it is the
 * longer match.
 *
 * <pre>{@code
 * Share storage = Share.volume("storage")
 *     .asDefault()
 *     .linux("/storage")
 *     .windows("S:\\")
 *     .mac("/Volumes/storage")
 *     .matchAlso("\\\\fs01\\storage")
 *     .atSite("london", Platform.LINUX, "/mnt/lon/storage")
 *     .build();
 * Share vfx = Share.folder("vfx", "projects", "vfx").windows("V:\\").build();
 * }</pre>
 */
public final class Share {
  /**
   * A configured root: the path and how its components compare with input.
   *
   * @param path the absolute root path
   * @param casePolicy how to compare it
   */
  public record Root(OsPath path, CasePolicy casePolicy) {
    /** Checks the parts. */
    public Root {
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(casePolicy, "casePolicy == null");
    }

    @Override
    public String toString() {
      return path + (casePolicy == CasePolicy.SENSITIVE ? "" : " (case-insensitive)");
    }
  }

  private final String code;
  private final ShareKind kind;
  private final boolean isDefault;
  private final String parent;
  private final List<String> pathInParent;
  private final Map<String, Map<Platform, Root>> siteRoots;
  private final Map<String, String> siteSpelling;
  private final Map<Platform, Root> mainRoots;
  private final List<Root> extraMatches;

  private Share(Builder b) {
    this.code = b.code;
    this.kind = b.kind;
    this.isDefault = b.isDefault;
    this.parent = b.parent;
    this.pathInParent = List.copyOf(b.pathInParent);
    this.mainRoots = Collections.unmodifiableMap(new EnumMap<>(b.mainRoots));
    Map<String, Map<Platform, Root>> sites = new LinkedHashMap<>();
    b.siteRoots.forEach((k, v) -> sites.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
    this.siteRoots = Collections.unmodifiableMap(sites);
    this.siteSpelling = Collections.unmodifiableMap(new LinkedHashMap<>(b.siteSpelling));
    this.extraMatches = List.copyOf(b.extraMatches);
  }

  /**
   * Starts a volume (a root share with a path per OS).
   *
   * @param code the volume's API code, e.g. {@code storage}
   * @return a builder
   */
  public static Builder volume(String code) {
    return new Builder(code, ShareKind.VOLUME);
  }

  /**
   * Starts a shared folder inside a volume.
   *
   * @param code the folder's code
   * @param parentVolume the code of the volume it lives in
   * @param pathInVolume its path below the volume root, with {@code /} or {@code \} separators
   * @return a builder
   */
  public static Builder folder(String code, String parentVolume, String pathInVolume) {
    Builder b = new Builder(code, ShareKind.FOLDER);
    b.parent = checkCode(Objects.requireNonNull(parentVolume, "parentVolume == null"));
    List<String> parts = OsPathParser.split(pathInVolume, 0, PathFlavour.WINDOWS);
    if (parts.isEmpty() || DotSegments.hasDotSegments(parts)) {
      throw new RootTableException(
          "share '"
              + code
              + "': the folder path '"
              + pathInVolume
              + "' must name a folder below the volume, without '.' or '..'");
    }
    b.pathInParent = parts;
    return b;
  }

  /**
   * Starts a user's home share.
   *
   * @param code the home's code
   * @return a builder
   */
  public static Builder home(String code) {
    return new Builder(code, ShareKind.HOME);
  }

  /**
   * Starts a collection share.
   *
   * @param code the collection's code
   * @return a builder
   */
  public static Builder collection(String code) {
    return new Builder(code, ShareKind.COLLECTION);
  }

  /**
   * A builder holding this share's code, kind, roots, sites and extra spellings, to derive a
   * changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(code, kind);
    b.isDefault = isDefault;
    b.parent = parent;
    b.pathInParent = pathInParent;
    b.mainRoots.putAll(mainRoots);
    siteRoots.forEach((k, v) -> b.siteRoots.put(k, new EnumMap<>(v)));
    b.siteSpelling.putAll(siteSpelling);
    b.extraMatches.addAll(extraMatches);
    return b;
  }

  /**
   * The canonical code, as configured.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The kind: volume, folder, home or collection.
   *
   * @return the kind
   */
  public ShareKind kind() {
    return kind;
  }

  /**
   * Whether this is the workspace's default volume, named by {@code (default)}.
   *
   * @return true for the default volume
   */
  public boolean isDefault() {
    return isDefault;
  }

  /**
   * The code of the volume a shared folder lives in.
   *
   * @return the parent volume's code, or empty for volumes, homes and collections
   */
  public Optional<String> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * A shared folder's path below its volume.
   *
   * @return the components, empty when there is no parent
   */
  public List<String> pathInParent() {
    return pathInParent;
  }

  /**
   * The root configured for a platform at the main site (not derived from a parent).
   *
   * @param platform the platform
   * @return the root, or empty
   */
  public Optional<Root> root(Platform platform) {
    return Optional.ofNullable(mainRoots.get(platform));
  }

  /**
   * The root configured for a platform at a site, without any fallback.
   *
   * @param site the site code, compared case-insensitively
   * @param platform the platform
   * @return the site's own root, or empty
   */
  public Optional<Root> root(String site, Platform platform) {
    Map<Platform, Root> roots = siteRoots.get(siteKey(site));
    return Optional.ofNullable(roots == null ? null : roots.get(platform));
  }

  /**
   * The platforms with a root at the main site.
   *
   * @return the platforms
   */
  public Set<Platform> platforms() {
    return mainRoots.keySet();
  }

  /**
   * The sites this share has overrides for, spelled as configured.
   *
   * @return the site codes
   */
  public List<String> overrideSites() {
    return List.copyOf(siteSpelling.values());
  }

  /**
   * Extra root spellings accepted as input but never emitted, e.g. the UNC path of a drive.
   *
   * @return the roots
   */
  public List<Root> extraMatches() {
    return extraMatches;
  }

  static String siteKey(String site) {
    return Text.fold(site.trim());
  }

  private static String checkCode(String code) {
    if (code.isBlank()
        || code.equals(SharePath.DEFAULT_CODE)
        || code.chars().anyMatch(c -> c == '/' || c == '\\' || c == '=' || c == ':')) {
      throw new RootTableException(
          "share code '"
              + code
              + "' is not usable: it must be non-blank, not '(default)', and contain none of"
              + " / \\ = :");
    }
    return code;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind.key()).append(' ').append(code);
    if (isDefault) {
      sb.append(" (default)");
    }
    if (parent != null) {
      sb.append(" in ").append(parent).append('/').append(String.join("/", pathInParent));
    }
    sb.append(' ').append(mainRoots);
    if (!siteRoots.isEmpty()) {
      sb.append(" sites=").append(siteRoots);
    }
    return sb.toString();
  }

  /**
   * Builds a {@link Share}. Each root is parsed and checked when it is added, so a malformed root
   * fails at the line that adds it. Not thread-safe.
   */
  public static final class Builder {
    private final String code;
    private final ShareKind kind;
    private boolean isDefault;
    private String parent;
    private List<String> pathInParent = List.of();
    private final Map<Platform, Root> mainRoots = new EnumMap<>(Platform.class);
    private final Map<String, Map<Platform, Root>> siteRoots = new LinkedHashMap<>();
    private final Map<String, String> siteSpelling = new LinkedHashMap<>();
    private final List<Root> extraMatches = new ArrayList<>();

    private Builder(String code, ShareKind kind) {
      this.code = checkCode(Objects.requireNonNull(code, "code == null"));
      this.kind = kind;
    }

    /**
     * Marks this volume as the workspace default, named by {@code (default)} and used for relative
     * paths when the mapper is told to.
     *
     * @return this builder
     */
    public Builder asDefault() {
      this.isDefault = true;
      return this;
    }

    /**
     * Sets the Linux root.
     *
     * @param path an absolute POSIX path
     * @return this builder
     */
    public Builder linux(String path) {
      return root(Platform.LINUX, path);
    }

    /**
     * Sets the Windows root.
     *
     * @param path a drive root such as {@code S:\} or a UNC root {@code \\server\share}
     * @return this builder
     */
    public Builder windows(String path) {
      return root(Platform.WINDOWS, path);
    }

    /**
     * Sets the macOS root (case-insensitive by default).
     *
     * @param path an absolute POSIX path, usually under {@code /Volumes}
     * @return this builder
     */
    public Builder mac(String path) {
      return root(Platform.MAC, path);
    }

    /**
     * Sets a root with the platform's default case policy.
     *
     * @param platform the platform
     * @param path the absolute root path in the platform's flavour
     * @return this builder
     */
    public Builder root(Platform platform, String path) {
      return root(platform, path, platform.defaultCasePolicy());
    }

    /**
     * Sets a root with an explicit case policy.
     *
     * @param platform the platform
     * @param path the absolute root path in the platform's flavour
     * @param casePolicy how input is compared with it
     * @return this builder
     */
    public Builder root(Platform platform, String path, CasePolicy casePolicy) {
      Objects.requireNonNull(platform, "platform == null");
      mainRoots.put(platform, parseRoot(platform.key(), path, platform.flavour(), casePolicy));
      return this;
    }

    /**
     * Sets a root that applies at one site only; other sites fall back to the main site's roots.
     *
     * @param site the site code, e.g. {@code london}
     * @param platform the platform
     * @param path the absolute root path at that site
     * @return this builder
     */
    public Builder atSite(String site, Platform platform, String path) {
      return atSite(site, platform, path, platform.defaultCasePolicy());
    }

    /**
     * Sets a site-specific root with an explicit case policy.
     *
     * @param site the site code
     * @param platform the platform
     * @param path the absolute root path at that site
     * @param casePolicy how input is compared with it
     * @return this builder
     */
    public Builder atSite(String site, Platform platform, String path, CasePolicy casePolicy) {
      Objects.requireNonNull(site, "site == null");
      Objects.requireNonNull(platform, "platform == null");
      if (site.isBlank()) {
        throw new RootTableException("share '" + code + "': a site code must not be blank");
      }
      String key = siteKey(site);
      siteSpelling.putIfAbsent(key, site.trim());
      siteRoots
          .computeIfAbsent(key, k -> new EnumMap<>(Platform.class))
          .put(
              platform,
              parseRoot(platform.key() + " at site " + site, path, platform.flavour(), casePolicy));
      return this;
    }

    /**
     * Sets a machine-local root for a platform that applies at every site, replacing the main root
     * and any site overrides for that platform: accsyn's client-local share mapping.
     *
     * @param platform the platform of the machine
     * @param path the absolute local path of the share on that machine
     * @return this builder
     */
    public Builder localRoot(Platform platform, String path) {
      root(platform, path);
      for (Map<Platform, Root> roots : siteRoots.values()) {
        roots.remove(platform);
      }
      return this;
    }

    /**
     * Accepts another spelling of this share's root as input, e.g. the UNC path behind a mapped
     * drive. Never used for output. Its flavour is detected: {@code \\}, {@code //} or a drive
     * letter means Windows (case-insensitive), anything else POSIX (case-sensitive).
     *
     * @param path the absolute root path
     * @return this builder
     */
    public Builder matchAlso(String path) {
      PathFlavour flavour = looksWindows(path) ? PathFlavour.WINDOWS : PathFlavour.POSIX;
      return matchAlso(
          path, flavour == PathFlavour.WINDOWS ? CasePolicy.INSENSITIVE : CasePolicy.SENSITIVE);
    }

    /**
     * Accepts another spelling of this share's root as input, with an explicit case policy.
     *
     * @param path the absolute root path
     * @param casePolicy how input is compared with it
     * @return this builder
     */
    public Builder matchAlso(String path, CasePolicy casePolicy) {
      Objects.requireNonNull(path, "path == null");
      PathFlavour flavour = looksWindows(path) ? PathFlavour.WINDOWS : PathFlavour.POSIX;
      extraMatches.add(parseRoot("extra match", path, flavour, casePolicy));
      return this;
    }

    /**
     * Builds the share.
     *
     * @return the immutable share
     */
    public Share build() {
      if (isDefault && kind != ShareKind.VOLUME) {
        throw new RootTableException(
            "share '" + code + "': only a volume can be the default, not a " + kind.key());
      }
      return new Share(this);
    }

    private static boolean looksWindows(String path) {
      return path.startsWith("\\\\")
          || path.startsWith("//")
          || (path.length() >= 2 && path.charAt(1) == ':');
    }

    private Root parseRoot(String what, String text, PathFlavour flavour, CasePolicy casePolicy) {
      Objects.requireNonNull(text, "path == null");
      Objects.requireNonNull(casePolicy, "casePolicy == null");
      MappingResult<OsPath> parsed = OsPath.tryParse(text.trim(), flavour);
      String prefix = "share '" + code + "': the " + what + " root '" + text + "' ";
      if (!parsed.isSuccess()) {
        throw new RootTableException(prefix + "is unusable: " + parsed.failure().get().message());
      }
      OsPath path = parsed.orElseThrow();
      if (!path.isAbsolute()) {
        throw new RootTableException(
            prefix
                + "is relative; give the full path, e.g. "
                + (flavour == PathFlavour.WINDOWS ? "S:\\ or \\\\server\\share" : "/mnt/storage"));
      }
      if (DotSegments.hasDotSegments(path.components())) {
        throw new RootTableException(prefix + "contains '.' or '..'; write it without them");
      }
      return new Root(path.withComponents(path.components(), false), casePolicy);
    }
  }
}
