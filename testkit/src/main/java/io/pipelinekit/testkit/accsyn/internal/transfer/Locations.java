package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.Os;
import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Dirs;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Homes;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.MappingSpec;
import io.pipelinekit.testkit.accsyn.internal.state.Seeder;
import io.pipelinekit.testkit.accsyn.internal.state.Shares;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves accsyn paths to real directories: share notation ({@code share=}, {@code volume=},
 * {@code folder=}, {@code home=}, {@code ~}), absolute server paths (matched against the volume
 * paths of the server's OS), bare relative paths (the default volume), and on user machines
 * absolute local paths and locally mapped shares.
 */
public final class Locations {
  private Locations() {}

  /** A share reference parsed from {@code <kind>=<code|id>/<rel>}. */
  record ShareRef(String kind, String ident, String relative) {}

  /** Parses share notation, or returns empty for other path kinds. */
  static Optional<ShareRef> shareRef(String path) {
    int eq = path.indexOf('=');
    if (eq <= 0) {
      return Optional.empty();
    }
    String kind = path.substring(0, eq).toLowerCase(Locale.ROOT);
    if (!List.of("share", "volume", "folder", "home", "collection", "delivery").contains(kind)) {
      return Optional.empty();
    }
    String rest = path.substring(eq + 1).replace('\\', '/');
    int slash = rest.indexOf('/');
    String ident = slash < 0 ? rest : rest.substring(0, slash);
    String rel = slash < 0 ? "" : rest.substring(slash + 1);
    if (ident.isEmpty()) {
      throw AccsynError.invalid("Invalid share path '" + path + "': no share code given!");
    }
    return Optional.of(new ShareRef(kind, ident, rel));
  }

  /** Resolves a share reference to a share entity. */
  static Entity share(Store store, ShareRef ref, Entity callerUser) {
    Optional<Entity> share;
    switch (ref.kind()) {
      case "volume":
        share =
            ref.ident().equalsIgnoreCase("(default)")
                ? store.defaultVolume()
                : store.byIdOrCode("volume", ref.ident());
        break;
      case "folder":
        share = store.byIdOrCode("folder", ref.ident());
        break;
      case "home":
        share = store.byIdOrCode("home", ref.ident());
        break;
      case "collection":
        throw AccsynError.invalid(
            "Collections cannot be used as a transfer location, use volume or folder paths!");
      case "delivery":
        throw AccsynError.invalid("Delivery paths can only be listed!");
      default:
        share =
            ref.ident().equalsIgnoreCase("(default)")
                ? store.defaultVolume()
                : Shares.byIdOrCode(store, ref.ident());
    }
    return share
        .filter(s -> !s.archived() && !s.inactive())
        .orElseThrow(
            () ->
                AccsynError.notFound(
                    "Share '" + ref.ident() + "' (" + ref.kind() + ") not found!"));
  }

  /** Resolves a path on the storage server of a site. */
  public static Location atSite(Store store, Entity site, String path, Entity callerUser) {
    Entity server = Seeder.server(store, site);
    Os os = Os.parse(server.str("os"));
    Entity volume;
    String rel;
    Entity share;
    Optional<ShareRef> ref = shareRef(path);
    if (ref.isPresent()) {
      share = share(store, ref.get(), callerUser);
      volume = Shares.volumeOf(store, share).orElseThrow();
      rel = Shares.join(Shares.rootInVolume(share), ref.get().relative());
    } else if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
      share = Homes.create(store, callerUser);
      volume = Shares.volumeOf(store, share).orElseThrow();
      rel = Shares.join(Shares.rootInVolume(share), path.substring(1));
    } else if (Dirs.isAbsolute(path)) {
      Optional<Map.Entry<Entity, String>> hit = matchVolume(store, os, path);
      if (hit.isEmpty()) {
        throw AccsynError.notFound(
            "Path '"
                + path
                + "' is not within any volume at site '"
                + site.code()
                + "' ("
                + os.wireName()
                + ")!");
      }
      volume = hit.get().getKey();
      rel = hit.get().getValue();
      share = volume;
    } else {
      volume =
          store
              .defaultVolume()
              .orElseThrow(() -> AccsynError.invalid("No default volume configured!"));
      rel = Shares.join("", path);
      share = volume;
    }
    if (!servedAt(volume, site)) {
      throw AccsynError.notFound(
          "Volume '" + volume.code() + "' is not available at site '" + site.code() + "'!");
    }
    Path physical = Dirs.under(Dirs.volumeDir(store, site, volume), rel);
    return new Location(site, server, volume, rel, share, physical, osPath(volume, os, rel));
  }

  /** Whether a volume is served at a site. */
  public static boolean servedAt(Entity volume, Entity site) {
    Object sites = volume.fields().get("_sites");
    return sites instanceof List<?> l && l.contains(site.id());
  }

  /** The absolute OS path of a volume-relative path. */
  static String osPath(Entity volume, Os os, String rel) {
    Object paths = volume.fields().get("paths");
    String root =
        paths instanceof Map<?, ?> m && m.get(os.wireName()) != null
            ? String.valueOf(m.get(os.wireName()))
            : "/" + volume.code();
    String sep = os == Os.WINDOWS ? "\\" : "/";
    if (rel.isEmpty()) {
      return root;
    }
    String r = os == Os.WINDOWS ? rel.replace('/', '\\') : rel;
    return root.endsWith(sep) ? root + r : root + sep + r;
  }

  private static Optional<Map.Entry<Entity, String>> matchVolume(Store store, Os os, String path) {
    String folded = Dirs.fold(path);
    Entity best = null;
    String bestRoot = null;
    for (Entity v : store.all("volume", v -> !v.archived())) {
      Object paths = v.fields().get("paths");
      if (!(paths instanceof Map<?, ?> m)) {
        continue;
      }
      Object root = m.get(os.wireName());
      if (root == null) {
        continue;
      }
      String r = Dirs.fold(String.valueOf(root)).replaceAll("/+$", "");
      boolean caseSensitive = os != Os.WINDOWS;
      String candidate = caseSensitive ? path.replace('\\', '/') : folded;
      String rootCmp =
          caseSensitive ? String.valueOf(root).replace('\\', '/').replaceAll("/+$", "") : r;
      if (candidate.equals(rootCmp) || candidate.startsWith(rootCmp + "/")) {
        if (bestRoot == null || rootCmp.length() > bestRoot.length()) {
          best = v;
          bestRoot = rootCmp;
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String rel = path.replace('\\', '/').substring(Math.min(bestRoot.length(), path.length()));
    return Optional.of(Map.entry(best, Shares.join("", rel)));
  }

  /**
   * Resolves a path on a user's machine: an absolute local path, a locally mapped share, or a
   * relative path below the app's download folder.
   */
  public static Location atClient(Store store, Entity client, Entity owner, String path) {
    Path root = Dirs.clientDir(store, owner, client);
    Os os = Os.parse(client.str("os"));
    Optional<ShareRef> ref = shareRef(path);
    if (ref.isPresent()) {
      Entity share = share(store, ref.get(), owner);
      Entity volume = Shares.volumeOf(store, share).orElseThrow();
      String rel = Shares.join(Shares.rootInVolume(share), ref.get().relative());
      MappingSpec mapping = mapping(client, volume);
      if (mapping == null) {
        throw AccsynError.notFound(
            "Share '"
                + share.code()
                + "' is not mapped on "
                + owner.code()
                + "'s client '"
                + client.code()
                + "'!");
      }
      return new Location(
          null,
          client,
          volume,
          rel,
          share,
          Dirs.under(Dirs.local(root, mapping.localPath()), rel),
          joinLocal(mapping.localPath(), rel, os));
    }
    if (Dirs.isAbsolute(path)) {
      Entity volume = null;
      String rel = null;
      Object mappings = client.fields().get("_mappings");
      if (mappings instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          MappingSpec spec = (MappingSpec) e.getValue();
          String local = Dirs.fold(spec.localPath()).replaceAll("/+$", "");
          String p = Dirs.fold(path);
          if (p.equals(local) || p.startsWith(local + "/")) {
            volume = store.get("volume", String.valueOf(e.getKey())).orElse(null);
            rel = Shares.join("", path.replace('\\', '/').substring(local.length()));
          }
        }
      }
      return new Location(null, client, volume, rel, volume, Dirs.local(root, path), path);
    }
    String download = client.str("_download") != null ? client.str("_download") : "downloads";
    return new Location(
        null,
        client,
        null,
        null,
        null,
        Dirs.under(Dirs.local(root, download), path),
        joinLocal(download, path, os));
  }

  /** The mapping of a volume on a client, or null. */
  static MappingSpec mapping(Entity client, Entity volume) {
    Object mappings = client.fields().get("_mappings");
    if (mappings instanceof Map<?, ?> m) {
      Object spec = m.get(volume.id());
      return spec instanceof MappingSpec s ? s : null;
    }
    return null;
  }

  private static String joinLocal(String base, String rel, Os os) {
    if (rel == null || rel.isEmpty()) {
      return base;
    }
    String sep = os == Os.WINDOWS ? "\\" : "/";
    String r = os == Os.WINDOWS ? rel.replace('/', '\\') : rel;
    return base.endsWith(sep) || base.endsWith("/") ? base + r : base + sep + r;
  }
}
