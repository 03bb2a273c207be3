package io.pipelinekit.testkit.accsyn.internal.state;

import java.util.LinkedHashMap;
import java.util.Optional;

/** ACL storage and the access check: which user may read or write which part of a volume. */
public final class Acls {
  private Acls() {}

  /** Normalises an ACL path: "/" for the whole share, otherwise a relative path without slashes. */
  public static String normalizePath(String path) {
    String p = path == null ? "" : String.join("/", Dirs.components(path));
    return p.isEmpty() ? "/" : p;
  }

  /**
   * Creates an ACL, or updates the existing one for the same user, share and path.
   *
   * @return the ACL and whether it already existed
   */
  public static Created create(
      Store store, Entity user, Entity share, String path, boolean read, boolean write, String by) {
    String normalized = normalizePath(path);
    for (Entity acl : store.all("acl")) {
      if (acl.str("entity").equals("user:" + user.id())
          && acl.str("target").equals("share:" + share.id())
          && acl.str("path").equalsIgnoreCase(normalized)) {
        acl.put("read", read).put("write", write).put("modified", store.now());
        return new Created(acl, true);
      }
    }
    Entity acl = store.create("acl");
    acl.put("entity", "user:" + user.id()).put("target", "share:" + share.id());
    acl.put("path", normalized).put("read", read).put("write", write);
    acl.put("acknowledged", false).put("role", user.str("role")).put("status", "enabled");
    acl.put("token", null).put("description", "").put("metadata", new LinkedHashMap<>());
    acl.put("created", store.now()).put("creator", by);
    return new Created(acl, false);
  }

  /** The result of {@link #create}. */
  public record Created(Entity acl, boolean existed) {}

  /**
   * Finds an ACL of a user that covers a volume-relative path with the wanted access.
   *
   * @param volumeRelative the path relative to the volume root
   * @param write whether write access is needed (read otherwise)
   */
  public static Optional<Entity> covering(
      Store store, Entity user, Entity volume, String volumeRelative, boolean write) {
    for (Entity acl : store.all("acl")) {
      if (!acl.str("entity").equals("user:" + user.id()) || acl.archived()) {
        continue;
      }
      if (!(write ? acl.bool("write") : acl.bool("read"))) {
        continue;
      }
      String target = acl.str("target");
      Optional<Entity> share = store.byId(target.substring(target.indexOf(':') + 1));
      if (share.isEmpty()) {
        continue;
      }
      Optional<Entity> vol = Shares.volumeOf(store, share.get());
      if (vol.isEmpty() || !vol.get().id().equals(volume.id())) {
        continue;
      }
      String aclPath = acl.str("path").equals("/") ? "" : acl.str("path");
      String prefix = Shares.join(Shares.rootInVolume(share.get()), aclPath);
      if (Shares.within(volumeRelative, prefix)) {
        return Optional.of(acl);
      }
    }
    return Optional.empty();
  }

  /** Whether a user has an ACL on the whole volume (path "/" of the volume itself). */
  public static boolean fullVolume(Store store, Entity user, Entity volume, boolean write) {
    return covering(store, user, volume, "", write).isPresent();
  }
}
