package io.pipelinekit.testkit.accsyn.internal.state;

import java.util.List;
import java.util.Optional;

/** Share lookups: volumes, folders, homes and collections are all "shares" in accsyn paths. */
public final class Shares {
  /** The entity types that are shares. */
  public static final List<String> KINDS = List.of("volume", "folder", "home", "collection");

  private Shares() {}

  /** A non-archived share of any kind by id or code. */
  public static Optional<Entity> byIdOrCode(Store store, String ident) {
    for (String kind : KINDS) {
      Optional<Entity> e = store.byIdOrCode(kind, ident).filter(x -> !x.archived());
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** The volume a share lives on (a volume is its own). */
  public static Optional<Entity> volumeOf(Store store, Entity share) {
    if (share.type().equals("volume")) {
      return Optional.of(share);
    }
    return store.get("volume", share.str("parent"));
  }

  /** The share's root as a path relative to its volume ("" for a volume). */
  public static String rootInVolume(Entity share) {
    if (share.type().equals("volume")) {
      return "";
    }
    String p = share.str("path");
    return p == null ? "" : String.join("/", Dirs.components(p));
  }

  /** Joins two relative paths with a slash, skipping empty parts. */
  public static String join(String a, String b) {
    String left = String.join("/", Dirs.components(a == null ? "" : a));
    String right = String.join("/", Dirs.components(b == null ? "" : b));
    if (left.isEmpty()) {
      return right;
    }
    return right.isEmpty() ? left : left + "/" + right;
  }

  /** Whether {@code path} is {@code prefix} or below it (case-insensitive, slash-separated). */
  public static boolean within(String path, String prefix) {
    String p = Dirs.fold(path);
    String x = Dirs.fold(prefix);
    return x.isEmpty() || p.equals(x) || p.startsWith(x + "/");
  }
}
