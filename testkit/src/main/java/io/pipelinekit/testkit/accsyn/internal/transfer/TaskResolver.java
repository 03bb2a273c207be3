package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.state.Acls;
import io.pipelinekit.testkit.accsyn.internal.state.Dirs;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.MappingSpec;
import io.pipelinekit.testkit.accsyn.internal.state.Seeder;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a task's source and destination text into endpoints (workspace, site, user app or server)
 * and locations on disk, mirroring paths when no destination is given, and checks that the caller
 * may read the source and write the destination the way accsyn does.
 */
final class TaskResolver {
  private final Store store;

  TaskResolver(Store store) {
    this.store = store;
  }

  Resolved resolve(Caller caller, Map<String, Object> spec) {
    String ws = store.workspace().code();
    String srcText = String.valueOf(spec.get("source"));
    Object dstRaw = spec.get("destination");
    String dstText = dstRaw == null ? "" : String.valueOf(dstRaw);
    Party src = Party.parse(srcText, ws);
    Party dst = dstText.isBlank() ? new Party("none", null, null, null) : Party.parse(dstText, ws);
    boolean placeholder = "excluded".equals(spec.get("status"));
    if (src.path() == null && !placeholder) {
      throw AccsynError.invalid("Source path missing in '" + srcText + "'!");
    }
    Endpoint srcEnd = endpoint(caller, src);
    Endpoint dstEnd = endpoint(caller, dst);
    if (placeholder && src.path() == null) {
      Path nowhere = store.root().resolve("placeholder");
      Location none =
          new Location(srcEnd.site(), srcEnd.client(), null, null, null, nowhere, "null");
      return new Resolved(
          srcEnd, dstEnd, none, none, new CopyPlan(nowhere, nowhere, false), srcText, dstText);
    }
    boolean siteJob = isSite(srcEnd) || isSite(dstEnd);
    if (siteJob && !caller.elevated()) {
      throw siteDenied("read", "any");
    }
    Location srcLoc = locate(caller, srcEnd, src.path());
    if (siteJob && !caller.admin() && !fullAccess(caller, srcLoc, false)) {
      throw siteDenied("read", srcLoc.volume().code());
    }
    checkSide(caller, srcEnd, srcLoc, src.path(), false);
    Location dstLoc;
    boolean into;
    if (dst.path() == null) {
      dstLoc = mirror(srcLoc, dstEnd, srcText);
      into = false;
    } else {
      dstLoc = locate(caller, dstEnd, dst.path());
      into = dst.trailingSlash();
    }
    if (siteJob && !caller.admin() && !fullAccess(caller, dstLoc, true)) {
      throw siteDenied("write", dstLoc.volume().code());
    }
    checkSide(caller, dstEnd, dstLoc, dst.path(), true);
    CopyPlan plan = new CopyPlan(srcLoc.physical(), dstLoc.physical(), into);
    return new Resolved(srcEnd, dstEnd, srcLoc, dstLoc, plan, srcText, dstText);
  }

  private static boolean isSite(Endpoint e) {
    return e.site() != null && !e.site().bool("main");
  }

  private boolean fullAccess(Caller caller, Location loc, boolean write) {
    return loc.volume() == null || Acls.fullVolume(store, caller.user(), loc.volume(), write);
  }

  private static AccsynError siteDenied(String what, String volume) {
    return AccsynError.denied(
        "site transfers need the admin role, or an employee with full "
            + what
            + " access to volume '"
            + volume
            + "'!");
  }

  Endpoint endpoint(Caller caller, Party p) {
    switch (p.kind()) {
      case "site":
        Entity site =
            store
                .byIdOrCode("site", p.ident())
                .orElseThrow(() -> AccsynError.notFound("Site '" + p.ident() + "' not found!"));
        if (site.bool("main")) {
          return workspaceEndpoint();
        }
        return new Endpoint("site:" + site.id(), site, Seeder.server(store, site), null);
      case "client":
        Entity client =
            store
                .get("client", p.ident().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> AccsynError.notFound("Client '" + p.ident() + "' not found!"));
        if (Long.valueOf(1).equals(client.fields().get("type"))) {
          Entity s = store.get("site", client.str("site")).orElseThrow();
          return s.bool("main")
              ? workspaceEndpoint()
              : new Endpoint("site:" + s.id(), s, client, null);
        }
        Entity owner = store.get("user", client.str("user")).orElseThrow();
        requireOnline(owner, client);
        return new Endpoint("user:" + owner.id(), null, client, owner);
      case "user":
        Entity user =
            store
                .byCode("user", p.ident())
                .orElseThrow(() -> AccsynError.notFound("User '" + p.ident() + "' not found!"));
        return new Endpoint("user:" + user.id(), null, clientOf(user, p.host()), user);
      case "workspace":
        return workspaceEndpoint();
      default:
        if (p.path() != null && Dirs.isAbsolute(p.path()) && !onWorkspaceVolume(p.path())) {
          List<Entity> apps = clients(caller.user());
          if (!apps.isEmpty()) {
            return new Endpoint(
                "user:" + caller.user().id(), null, clientOf(caller.user(), null), caller.user());
          }
          throw AccsynError.invalid(
              "Path '"
                  + p.path()
                  + "' is not on any volume and you have no online client (app or"
                  + " user server) to send it from!");
        }
        return workspaceEndpoint();
    }
  }

  Endpoint workspaceEndpoint() {
    Entity main = store.mainSite();
    return new Endpoint(
        "workspace:" + store.workspace().id(), main, Seeder.server(store, main), null);
  }

  private boolean onWorkspaceVolume(String path) {
    try {
      Locations.atSite(store, store.mainSite(), path, null);
      return true;
    } catch (AccsynError e) {
      return false;
    }
  }

  private List<Entity> clients(Entity user) {
    List<Entity> out = new ArrayList<>();
    for (Entity c :
        store.all(
            "client", c -> user.id().equals(c.str("user")) && !c.archived() && !c.inactive())) {
      if ("online".equals(c.str("status"))) {
        out.add(c);
      }
    }
    return out;
  }

  Entity clientOf(Entity user, String host) {
    List<Entity> all = store.all("client", c -> user.id().equals(c.str("user")) && !c.archived());
    if (host != null) {
      Entity c =
          all.stream()
              .filter(x -> host.equalsIgnoreCase(x.code()))
              .findFirst()
              .orElseThrow(
                  () ->
                      AccsynError.notFound(
                          "Client '" + host + "' of user '" + user.code() + "' not found!"));
      requireOnline(user, c);
      return c;
    }
    List<Entity> online = clients(user);
    if (online.isEmpty()) {
      throw AccsynError.invalid(
          "User '" + user.code() + "' has no online client (desktop app or user server)!",
          "No online accsyn client found for " + user.code() + ", make sure the app is running!");
    }
    return online.get(online.size() - 1);
  }

  private static void requireOnline(Entity user, Entity client) {
    if (!"online".equals(client.str("status"))) {
      throw AccsynError.invalid(
          "Client '" + client.code() + "' of user '" + user.code() + "' is offline!");
    }
  }

  Location locate(Caller caller, Endpoint end, String path) {
    if (end.isUser()) {
      return Locations.atClient(store, end.client(), end.user(), path);
    }
    return Locations.atSite(store, end.site(), path, caller.user());
  }

  private Location mirror(Location src, Endpoint dst, String srcText) {
    if (src.volume() == null) {
      throw AccsynError.invalid(
          "Cannot mirror '" + srcText + "': it is not on a share, supply a destination path!");
    }
    String rel = src.volumeRelative();
    if (dst.isUser()) {
      MappingSpec m = Locations.mapping(dst.client(), src.volume());
      if (m == null) {
        throw AccsynError.invalid(
            "Cannot mirror to "
                + dst.user().code()
                + ": share '"
                + src.volume().code()
                + "' is not mapped on client '"
                + dst.client().code()
                + "'!");
      }
      return Locations.atClient(
          store, dst.client(), dst.user(), "share=" + src.volume().id() + "/" + rel);
    }
    if (!Locations.servedAt(src.volume(), dst.site())) {
      throw AccsynError.notFound(
          "Volume '"
              + src.volume().code()
              + "' is not available at site '"
              + dst.site().code()
              + "'!");
    }
    return Locations.atSite(store, dst.site(), "volume=" + src.volume().id() + "/" + rel, null);
  }

  private void checkSide(Caller caller, Endpoint end, Location loc, String path, boolean write) {
    String what = write ? "write" : "read";
    if (end.isUser()) {
      if (end.user().id().equals(caller.user().id())) {
        return;
      }
      if (!caller.elevated()) {
        throw AccsynError.denied("you can only transfer files to and from your own machines!");
      }
      if (loc.volume() == null || (path != null && Dirs.isAbsolute(path))) {
        throw AccsynError.denied(
            "only the user owning the API session may use absolute local paths on their own"
                + " machines, use a mapped share path for "
                + end.user().code()
                + "!");
      }
      MappingSpec m = Locations.mapping(end.client(), loc.volume());
      if (m == null || !(write ? m.write() : m.read())) {
        throw AccsynError.denied(
            end.user().code()
                + " has not granted "
                + what
                + " access to share '"
                + loc.volume().code()
                + "' on client '"
                + end.client().code()
                + "'!");
      }
      return;
    }
    if (caller.admin()) {
      return;
    }
    boolean site = !end.site().bool("main");
    if (site) {
      if (!caller.elevated() || !Acls.fullVolume(store, caller.user(), loc.volume(), write)) {
        throw AccsynError.denied(
            "site transfers need the admin role, or an employee with full "
                + what
                + " access to volume '"
                + loc.volume().code()
                + "'!");
      }
      return;
    }
    if (Acls.covering(store, caller.user(), loc.volume(), loc.volumeRelative(), write).isEmpty()) {
      throw AccsynError.denied(
          "you have no "
              + what
              + " access to '"
              + loc.volume().code()
              + "/"
              + loc.volumeRelative()
              + "'!");
    }
  }

  static Map<String, Object> side(Endpoint e, Location loc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client", e.client().id());
    m.put(
        "path",
        loc.volume() != null && loc.volumeRelative() != null
            ? "share="
                + loc.volume().code()
                + (loc.volumeRelative().isEmpty() ? "" : "/" + loc.volumeRelative())
            : loc.absolute());
    m.put("path_abs_final", loc.absolute());
    m.put("v", loc.volume() == null ? null : loc.volume().id());
    m.put("s", loc.share() == null ? null : loc.share().id());
    m.put("user", e.user() == null ? null : e.user().id());
    m.put("site", e.site() == null ? null : e.site().id());
    return m;
  }
}
