package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.RootTableJson;
import io.pipelinekit.paths.internal.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The storage roots of a workspace: its shares, their roots per platform and site, and UNC host
 * aliases. Immutable and thread-safe; build it once and share it, since building indexes every root
 * into a component trie per site.
 *
 * <p>Building rejects inconsistent tables with a {@link RootTableException} that names the entries
 * involved: duplicate codes, two defaults, a folder whose parent volume is missing, and two shares
 * owning the same root (unless {@link Builder#allowAmbiguousRoots()} is set, in which case mapping
 * such a path needs a share hint).
 *
 * <pre>{@code
 * RootTable table = RootTable.builder()
 *     .mainSite("hq")
 *     .add(Share.volume("storage").asDefault().linux("/storage").windows("S:\\").build())
 *     .add(Share.volume("projects").linux("/mnt/projects").windows("P:\\").build())
 *     .uncHostAlias("10.0.0.5", "fs01")
 *     .build();
 * RootTable fromFile = RootTable.load(Path.of("roots.json"));
 * }</pre>
 */
public final class RootTable {
  private final String mainSite;
  private final String mainSiteKey;
  private final List<Share> shares;
  private final Map<String, Share> byCode;

  /** Open-addressed by {@code String.hashCode()}: the codes as written, and their positions. */
  private final String[] exactCodes;

  private final int[] exactCodeIndex;
  private final Share defaultShare;
  private final RootKeys keys;
  private final Map<String, String> siteSpelling;
  private final boolean ambiguousRootsAllowed;
  private final Map<String, SiteIndex> indexes;
  private final SiteIndex mainIndex;
  private final Set<String> uncRoots;

  private RootTable(Builder b) {
    this.mainSite = b.mainSite;
    this.mainSiteKey = Share.siteKey(b.mainSite);
    this.shares = List.copyOf(b.shares);
    this.ambiguousRootsAllowed = b.allowAmbiguousRoots;

    Map<String, Share> codes = new LinkedHashMap<>();
    Share dflt = null;
    for (Share s : shares) {
      Share previous = codes.putIfAbsent(Text.fold(s.code()), s);
      if (previous != null) {
        throw new RootTableException(
            "two shares have the code '"
                + s.code()
                + "' (codes ignore case: '"
                + previous.code()
                + "' and '"
                + s.code()
                + "'); give each share a unique code");
      }
      if (s.isDefault()) {
        if (dflt != null) {
          throw new RootTableException(
              "both '"
                  + dflt.code()
                  + "' and '"
                  + s.code()
                  + "' are marked as the default volume; keep one");
        }
        dflt = s;
      }
    }
    this.byCode = Collections.unmodifiableMap(codes);
    int slots = Integer.highestOneBit(Math.max(4, shares.size() * 4 - 1)) << 1;
    this.exactCodes = new String[slots];
    this.exactCodeIndex = new int[slots];
    for (int i = 0; i < shares.size(); i++) {
      String code = shares.get(i).code();
      int slot = spread(code.hashCode()) & (slots - 1);
      while (exactCodes[slot] != null) {
        slot = (slot + 1) & (slots - 1);
      }
      exactCodes[slot] = code;
      exactCodeIndex[slot] = i;
    }
    this.defaultShare = dflt;
    for (Share s : shares) {
      s.parent().ifPresent(p -> checkParent(s, p));
    }

    Map<String, String> sites = new LinkedHashMap<>();
    sites.put(mainSiteKey, mainSite);
    for (String site : b.sites) {
      sites.putIfAbsent(Share.siteKey(site), site);
    }
    for (Share s : shares) {
      for (String site : s.overrideSites()) {
        sites.putIfAbsent(Share.siteKey(site), site);
      }
    }
    this.siteSpelling = Collections.unmodifiableMap(sites);

    this.keys = new RootKeys(b.hostAliases);
    Map<String, SiteIndex> idx = new HashMap<>();
    for (Map.Entry<String, String> site : sites.entrySet()) {
      String siteKey = site.getKey();
      idx.put(
          siteKey,
          new SiteIndex(
              site.getValue(),
              shares,
              (share, platform) -> computeRoot(share, siteKey, platform),
              keys,
              !ambiguousRootsAllowed));
    }
    this.indexes = Collections.unmodifiableMap(idx);
    this.mainIndex = idx.get(mainSiteKey);

    Set<String> unc = new java.util.HashSet<>();
    for (Share s : shares) {
      for (String site : sites.keySet()) {
        for (Platform p : Platform.values()) {
          rootFor(s, site, p).ifPresent(r -> addUnc(unc, r.path()));
        }
      }
      s.extraMatches().forEach(r -> addUnc(unc, r.path()));
    }
    this.uncRoots = Collections.unmodifiableSet(unc);
  }

  private void addUnc(Set<String> unc, OsPath root) {
    if (root.root() instanceof PathRoot.Unc u) {
      unc.add(keys.uncKey(u.server(), u.share()));
    }
  }

  /** How this table turns paths into trie keys. */
  RootKeys keys() {
    return keys;
  }

  /** Whether text starting with //server/share names a UNC root of the table. */
  boolean hasUncRoot(String text) {
    int serverEnd = text.indexOf('/', 2);
    if (serverEnd < 0) {
      return false;
    }
    int shareEnd = text.indexOf('/', serverEnd + 1);
    String server = text.substring(2, serverEnd);
    String share = text.substring(serverEnd + 1, shareEnd < 0 ? text.length() : shareEnd);
    return uncRoots.contains(keys.uncKey(server, share));
  }

  /**
   * Starts a table.
   *
   * @return a builder with main site {@code hq}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a table from a JSON file; see {@code docs/path-mapping.md} for the format.
   *
   * @param file the JSON file
   * @return the table
   * @throws RootTableException if the file cannot be read, is not valid JSON, has unknown keys, or
   *     describes an inconsistent table
   */
  public static RootTable load(Path file) {
    Objects.requireNonNull(file, "file == null");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RootTableException("cannot read root table file " + file + ": " + e, e);
    }
    try {
      return parseJson(json);
    } catch (RootTableException e) {
      throw new RootTableException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a table from JSON text.
   *
   * @param json the JSON document
   * @return the table
   * @throws RootTableException if the text is not a valid table
   */
  public static RootTable parseJson(String json) {
    Objects.requireNonNull(json, "json == null");
    return RootTableJson.read(json);
  }

  /**
   * The same table as seen from one machine that maps some shares to local paths of its own (the
   * accsyn client's {@code sharepaths}): on {@code platform}, each named share's root is the local
   * path at every site, overriding site roots. Folders inside a remapped volume follow it unless
   * they have their own root.
   *
   * <pre>{@code
   * RootTable onAnnasLaptop = table.withLocalShareRoots(Platform.WINDOWS, Map.of("projects", "D:\projects"));
   * }</pre>
   *
   * @param platform the machine's platform
   * @param sharePaths share code (case-insensitive) → local root path
   * @return a new table
   * @throws RootTableException if a code names no share, or a path is not a usable root
   */
  public RootTable withLocalShareRoots(Platform platform, Map<String, String> sharePaths) {
    Objects.requireNonNull(platform, "platform == null");
    Objects.requireNonNull(sharePaths, "sharePaths == null");
    Map<String, String> byFoldedCode = new HashMap<>();
    for (Map.Entry<String, String> e : sharePaths.entrySet()) {
      if (share(e.getKey()).isEmpty()) {
        throw new RootTableException(
            "local share path for '"
                + e.getKey()
                + "' names no share of the table; known shares: "
                + String.join(", ", shares.stream().map(Share::code).toList()));
      }
      byFoldedCode.put(Text.fold(e.getKey()), e.getValue());
    }
    Builder b = builder().mainSite(mainSite);
    siteSpelling.values().forEach(b::site);
    keys.hostAliases().forEach(b::uncHostAlias);
    if (ambiguousRootsAllowed) {
      b.allowAmbiguousRoots();
    }
    for (Share s : shares) {
      String local = byFoldedCode.get(Text.fold(s.code()));
      b.add(local == null ? s : s.toBuilder().localRoot(platform, local).build());
    }
    return b.build();
  }

  /**
   * The main site, whose roots apply wherever a site has no override.
   *
   * @return the main site code
   */
  public String mainSite() {
    return mainSite;
  }

  /**
   * Every site the table knows: the main site first, then each site with an override.
   *
   * @return the site codes as configured
   */
  public List<String> sites() {
    return List.copyOf(siteSpelling.values());
  }

  /**
   * The shares in the order they were added.
   *
   * @return an unmodifiable list
   */
  public List<Share> shares() {
    return shares;
  }

  /**
   * Looks a share up by code, ignoring case; {@code (default)} names the default volume.
   *
   * @param code the code
   * @return the share, or empty
   */
  public Optional<Share> share(String code) {
    Objects.requireNonNull(code, "code == null");
    if (code.equals(SharePath.DEFAULT_CODE)) {
      return defaultShare();
    }
    return Optional.ofNullable(byCode.get(Text.fold(code)));
  }

  /**
   * The default volume.
   *
   * @return the default, or empty if none is marked
   */
  public Optional<Share> defaultShare() {
    return Optional.ofNullable(defaultShare);
  }

  /**
   * Whether two shares may own the same root (then mapping such paths needs a share hint).
   *
   * @return true if the table was built with {@link Builder#allowAmbiguousRoots()}
   */
  public boolean ambiguousRootsAllowed() {
    return ambiguousRootsAllowed;
  }

  /**
   * The effective root of a share for a platform at a site, after fallbacks: the site's own root,
   * else the parent volume's root at that site plus the folder path, else the same at the main
   * site; a VPN platform falls back to its plain platform.
   *
   * @param share the share
   * @param site the site code
   * @param platform the platform
   * @return the root, or empty if the share has none there
   */
  public Optional<Share.Root> rootFor(Share share, String site, Platform platform) {
    Objects.requireNonNull(share, "share == null");
    Objects.requireNonNull(site, "site == null");
    Objects.requireNonNull(platform, "platform == null");
    SiteIndex index = indexes == null ? null : siteOrNull(site);
    if (index != null && index.roots.containsKey(share)) {
      return index.root(share, platform);
    }
    return computeRoot(share, Share.siteKey(site), platform);
  }

  private Optional<Share.Root> computeRoot(Share share, String siteKey, Platform platform) {
    for (Platform p : platform.isVpn() ? List.of(platform, platform.base()) : List.of(platform)) {
      for (String key : siteKey.equals(mainSiteKey) ? List.of(siteKey) : List.of(siteKey, "")) {
        Optional<Share.Root> r = ownOrDerived(share, key, p, 0);
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }

  /** A share's own root at a site (empty key = main site), else its parent's plus the path. */
  private Optional<Share.Root> ownOrDerived(Share share, String siteKey, Platform p, int depth) {
    Optional<Share.Root> own =
        siteKey.isEmpty() || siteKey.equals(mainSiteKey) ? share.root(p) : share.root(siteKey, p);
    if (own.isPresent() || share.parent().isEmpty() || depth > shares.size()) {
      return own;
    }
    Share parent = byCode.get(Text.fold(share.parent().get()));
    return ownOrDerived(parent, siteKey, p, depth + 1)
        .map(
            r -> {
              List<String> c = new ArrayList<>(r.path().components());
              c.addAll(share.pathInParent());
              return new Share.Root(r.path().withComponents(c, false), r.casePolicy());
            });
  }

  private void checkParent(Share folder, String parentCode) {
    Share parent = byCode.get(Text.fold(parentCode));
    if (parent == null) {
      throw new RootTableException(
          "folder '"
              + folder.code()
              + "' lives in volume '"
              + parentCode
              + "', which the table does not have; add the volume or fix the folder's parent");
    }
    if (parent.kind() != ShareKind.VOLUME) {
      throw new RootTableException(
          "folder '"
              + folder.code()
              + "' lives in '"
              + parent.code()
              + "', which is a "
              + parent.kind().key()
              + "; a shared folder's parent must be a volume");
    }
  }

  // ---------------------------------------------------------------- site indexes

  /**
   * The position in {@link #shares()} of the share whose code is spelled exactly {@code text[start,
   * end)}, whose {@code String.hashCode()} is {@code hash}; or -1 (hot path, no substring: other
   * spellings go through {@link #share(String)}).
   */
  int shareIndexOfExactCode(String text, int start, int end, int hash) {
    int mask = exactCodes.length - 1;
    int length = end - start;
    for (int slot = spread(hash) & mask; exactCodes[slot] != null; slot = (slot + 1) & mask) {
      String code = exactCodes[slot];
      if (code.length() == length && text.startsWith(code, start)) {
        return exactCodeIndex[slot];
      }
    }
    return -1;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The index of a site, or null if the table does not know it (hot path, no Optional). */
  SiteIndex siteOrNull(String site) {
    // Identity first: the common case is the main site's own String, which needs no folding.
    return site == mainSite ? mainIndex : indexes.get(Share.siteKey(site));
  }

  /** The index of a site, or empty if the table does not know the site. */
  Optional<SiteIndex> site(String site) {
    return Optional.ofNullable(siteOrNull(site));
  }

  /** Whether {@code site} is a site of this table. */
  boolean knowsSite(String site) {
    return siteOrNull(site) != null;
  }

  @Override
  public String toString() {
    return "RootTable{mainSite=" + mainSite + ", shares=" + shares + "}";
  }

  /** Builds a {@link RootTable}. Not thread-safe. */
  public static final class Builder {
    private String mainSite = "hq";
    private final List<Share> shares = new ArrayList<>();
    private final Map<String, String> hostAliases = new HashMap<>();
    private final List<String> sites = new ArrayList<>();
    private boolean allowAmbiguousRoots;

    private Builder() {}

    /**
     * Sets the main site, whose roots apply where a site has no override. Default {@code hq}.
     *
     * @param site the site code
     * @return this builder
     */
    public Builder mainSite(String site) {
      Objects.requireNonNull(site, "site == null");
      if (site.isBlank()) {
        throw new RootTableException("the main site code must not be blank");
      }
      this.mainSite = site.trim();
      return this;
    }

    /**
     * Declares a site that uses the main site's roots (sites with overrides are known already).
     * Mapping to or from an undeclared site fails, so typos in site codes are caught.
     *
     * @param site the site code, e.g. {@code la}
     * @return this builder
     */
    public Builder site(String site) {
      Objects.requireNonNull(site, "site == null");
      if (site.isBlank()) {
        throw new RootTableException("a site code must not be blank");
      }
      sites.add(site.trim());
      return this;
    }

    /**
     * Adds a share.
     *
     * @param share the share
     * @return this builder
     */
    public Builder add(Share share) {
      shares.add(Objects.requireNonNull(share, "share == null"));
      return this;
    }

    /**
     * Adds several shares.
     *
     * @param more the shares
     * @return this builder
     */
    public Builder addAll(Iterable<Share> more) {
      for (Share s : more) {
        add(s);
      }
      return this;
    }

    /**
     * Declares that UNC server {@code alias} (an IP address, a short name or an FQDN) is the same
     * machine as {@code host}. Names are never resolved through DNS; only declared aliases match.
     *
     * @param alias the other spelling, e.g. {@code 10.0.0.5}
     * @param host the spelling used in the roots, e.g. {@code fs01}
     * @return this builder
     */
    public Builder uncHostAlias(String alias, String host) {
      Objects.requireNonNull(alias, "alias == null");
      Objects.requireNonNull(host, "host == null");
      if (alias.isBlank() || host.isBlank()) {
        throw new RootTableException("a UNC host alias needs a non-blank alias and host");
      }
      String previous = hostAliases.put(Text.fold(alias.trim()), Text.fold(host.trim()));
      if (previous != null && !previous.equals(Text.fold(host.trim()))) {
        throw new RootTableException(
            "UNC host alias '" + alias + "' is declared for two hosts; keep one");
      }
      return this;
    }

    /**
     * Accepts tables in which two shares own the same root. Mapping a path under such a root then
     * fails with {@link FailureKind#AMBIGUOUS} unless the call names one of them as a share hint.
     *
     * @return this builder
     */
    public Builder allowAmbiguousRoots() {
      this.allowAmbiguousRoots = true;
      return this;
    }

    /**
     * Builds and indexes the table.
     *
     * @return the table
     * @throws RootTableException if the table is inconsistent
     */
    public RootTable build() {
      return new RootTable(this);
    }
  }
}
