package io.pipelinekit.paths.internal;

import io.pipelinekit.paths.CasePolicy;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.RootTableException;
import io.pipelinekit.paths.Share;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON root-table format. Unknown keys are errors, so a typo never silently drops a root.
 *
 * <pre>{@code
 * {
 *   "mainSite": "hq",
 *   "sites": ["la"],
 *   "uncHostAliases": {"10.0.0.5": "fs01"},
 *   "allowAmbiguousRoots": false,
 *   "shares": [
 *     {"code": "storage", "kind": "volume", "default": true,
 *      "roots": {"linux": "/storage", "windows": "S:\\", "mac": "/Volumes/storage"},
 *      "case": {"mac": "insensitive"},
 *      "matchAlso": ["\\\\fs01\\storage"],
 *      "sites": {"london": {"linux": "/mnt/lon/storage"}}},
 *     {"code": "vfx", "kind": "folder", "parent": "projects", "path": "vfx",
 *      "roots": {"windows": "V:\\"}}
 *   ]
 * }
 * }</pre>
 */
public final class RootTableJson {
  private static final Set<String> TABLE_KEYS =
      Set.of("mainSite", "sites", "uncHostAliases", "allowAmbiguousRoots", "shares");
  private static final Set<String> SHARE_KEYS =
      Set.of("code", "kind", "default", "parent", "path", "roots", "case", "matchAlso", "sites");

  private RootTableJson() {}

  /** Reads a table; every problem becomes a {@link RootTableException}. */
  public static RootTable read(String json) {
    if (json.startsWith("\uFEFF")) {
      json = json.substring(1); // a byte-order mark some editors write; not part of the JSON
    }
    Object doc;
    try {
      doc = MiniJson.parse(json);
    } catch (MiniJson.JsonSyntaxException e) {
      throw new RootTableException(e.getMessage(), e);
    }
    Map<String, Object> top = object(doc, "the root table");
    checkKeys(top, TABLE_KEYS, "the root table");
    RootTable.Builder b = RootTable.builder();
    if (top.containsKey("mainSite")) {
      b.mainSite(string(top.get("mainSite"), "mainSite"));
    }
    for (Object site : array(top.getOrDefault("sites", List.of()), "sites")) {
      b.site(string(site, "sites[]"));
    }
    object(top.getOrDefault("uncHostAliases", Map.of()), "uncHostAliases")
        .forEach((alias, host) -> b.uncHostAlias(alias, string(host, "uncHostAliases." + alias)));
    if (bool(top.getOrDefault("allowAmbiguousRoots", false), "allowAmbiguousRoots")) {
      b.allowAmbiguousRoots();
    }
    List<Object> shares = array(top.getOrDefault("shares", List.of()), "shares");
    for (int i = 0; i < shares.size(); i++) {
      b.add(share(object(shares.get(i), "shares[" + i + "]"), i));
    }
    return b.build();
  }

  private static Share share(Map<String, Object> s, int index) {
    String where = "shares[" + index + "]";
    checkKeys(s, SHARE_KEYS, where);
    if (!s.containsKey("code")) {
      throw new RootTableException(where + " has no \"code\"");
    }
    String code = string(s.get("code"), where + ".code");
    where = "share '" + code + "'";
    String kind = string(s.getOrDefault("kind", "volume"), where + ".kind");
    String kindKey = kind.toLowerCase(Locale.ROOT);
    if (!kindKey.equals("folder") && (s.containsKey("parent") || s.containsKey("path"))) {
      throw new RootTableException(
          where
              + " has \"parent\" or \"path\", which only a folder has; add \"kind\": \"folder\""
              + " or remove them");
    }
    Share.Builder b;
    switch (kindKey) {
      case "volume":
        b = Share.volume(code);
        break;
      case "folder":
        if (!s.containsKey("parent") || !s.containsKey("path")) {
          throw new RootTableException(
              where + " is a folder: give \"parent\" (the volume code) and \"path\" inside it");
        }
        b =
            Share.folder(
                code,
                string(s.get("parent"), where + ".parent"),
                string(s.get("path"), where + ".path"));
        break;
      case "home":
        b = Share.home(code);
        break;
      case "collection":
        b = Share.collection(code);
        break;
      default:
        throw new RootTableException(
            where + " has kind \"" + kind + "\"; use volume, folder, home or collection");
    }
    if (bool(s.getOrDefault("default", false), where + ".default")) {
      b.asDefault();
    }
    Map<Platform, Object> cases =
        byPlatform(object(s.getOrDefault("case", Map.of()), where + ".case"), where + ".case");
    for (Map.Entry<Platform, Object> e :
        byPlatform(object(s.getOrDefault("roots", Map.of()), where + ".roots"), where + ".roots")
            .entrySet()) {
      Platform p = e.getKey();
      b.root(p, string(e.getValue(), where + ".roots." + p.key()), policy(cases, p, where));
    }
    for (Object m : array(s.getOrDefault("matchAlso", List.of()), where + ".matchAlso")) {
      b.matchAlso(string(m, where + ".matchAlso[]"));
    }
    for (Map.Entry<String, Object> site :
        object(s.getOrDefault("sites", Map.of()), where + ".sites").entrySet()) {
      String w = where + ".sites." + site.getKey();
      for (Map.Entry<Platform, Object> e : byPlatform(object(site.getValue(), w), w).entrySet()) {
        Platform p = e.getKey();
        b.atSite(
            site.getKey(), p, string(e.getValue(), w + "." + p.key()), policy(cases, p, where));
      }
    }
    return b.build();
  }

  private static CasePolicy policy(Map<Platform, Object> cases, Platform p, String where) {
    Object v = cases.get(p);
    if (v == null) {
      return p.defaultCasePolicy();
    }
    String s = string(v, where + ".case." + p.key());
    switch (s.toLowerCase(Locale.ROOT)) {
      case "sensitive":
        return CasePolicy.SENSITIVE;
      case "insensitive":
        return CasePolicy.INSENSITIVE;
      default:
        throw new RootTableException(
            where + ".case." + p.key() + " is \"" + s + "\"; use \"sensitive\" or \"insensitive\"");
    }
  }

  /**
   * The entries of a per-platform object keyed by platform, so that every accepted spelling of a
   * key ({@code darwin}, {@code LINUX}) means the same; two spellings of one platform are an error.
   */
  private static Map<Platform, Object> byPlatform(Map<String, Object> map, String where) {
    Map<Platform, Object> out = new EnumMap<>(Platform.class);
    Map<Platform, String> spelling = new EnumMap<>(Platform.class);
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Platform p = platform(e.getKey(), where);
      String previous = spelling.putIfAbsent(p, e.getKey());
      if (previous != null) {
        throw new RootTableException(
            where
                + " names platform "
                + p.key()
                + " twice, as \""
                + previous
                + "\" and \""
                + e.getKey()
                + "\"; keep one");
      }
      out.put(p, e.getValue());
    }
    return out;
  }

  private static Platform platform(String key, String where) {
    return Platform.fromKey(key)
        .orElseThrow(
            () ->
                new RootTableException(
                    where
                        + " has unknown platform \""
                        + key
                        + "\"; use windows, linux, mac, windows_vpn, linux_vpn or mac_vpn"));
  }

  private static void checkKeys(Map<String, Object> map, Set<String> known, String where) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        throw new RootTableException(
            where
                + " has unknown key \""
                + key
                + "\"; known keys: "
                + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object v, String where) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new RootTableException(where + " must be a JSON object");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> array(Object v, String where) {
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw new RootTableException(where + " must be a JSON array");
  }

  private static String string(Object v, String where) {
    if (v instanceof String s) {
      return s;
    }
    throw new RootTableException(where + " must be a string");
  }

  private static boolean bool(Object v, String where) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new RootTableException(where + " must be true or false");
  }
}
