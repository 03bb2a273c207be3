package io.pipelinekit.testkit.accsyn.internal.state;

import io.pipelinekit.testkit.accsyn.Os;
import io.pipelinekit.testkit.accsyn.Role;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.AclSpec;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.AppSpec;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.FolderSpec;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.QueueSpec;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.SiteSpec;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.UserSpec;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan.VolumeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a {@link SeedPlan} to an empty {@link Store}, filling in what a studio always has: an hq
 * site with a server, a default volume, the standard queues and an admin, and creating every
 * directory.
 */
public final class Seeder {
  /** The default admin created when a plan names none. */
  public static final String DEFAULT_ADMIN = "admin@studio.com";

  private Seeder() {}

  /** The API key a user gets when the plan gives none. */
  public static String defaultApiKey(String email) {
    return "key-" + email.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
  }

  /** Seeds the store. */
  public static void apply(SeedPlan plan, Store store) {
    store.write(() -> seed(plan, store));
  }

  private static void seed(SeedPlan plan, Store store) {
    String now = store.now();
    Entity ws = store.create("workspace");
    ws.put("code", plan.workspace).put("name", plan.workspace).put("created", now);
    ws.put("description", "pipelinekit fake accsyn workspace");

    List<SiteSpec> sites = new ArrayList<>(plan.sites);
    if (sites.isEmpty()) {
      sites.add(new SiteSpec("hq", true, "hq-server", Os.LINUX));
    }
    boolean anyMain = sites.stream().anyMatch(SiteSpec::main);
    boolean first = true;
    for (SiteSpec s : sites) {
      boolean main = anyMain ? s.main() : first;
      first = false;
      Entity site = store.create("site");
      site.put("code", s.code()).put("name", s.code()).put("description", "");
      site.put("main", main).put("accsyn", false).put("status", "enabled").put("created", now);
      site.put("metadata", new LinkedHashMap<>());
      Entity server = store.create("client");
      server.put("code", s.serverHostname()).put("name", s.serverHostname()).put("type", 1L);
      server.put("type_hr", "server").put("status", "online").put("os", s.serverOs().wireName());
      server.put("roles", "storage,site").put("site", site.id()).put("user", null);
      server.put("username", "accsyn").put("version", "3.6-5").put("last_checkin", now);
      server.put("created", now);
      mkdirs(Dirs.siteDir(store, site));
    }

    List<VolumeSpec> volumes = new ArrayList<>(plan.volumes);
    if (volumes.isEmpty()) {
      volumes.add(
          new VolumeSpec(
              "storage",
              VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"),
              true,
              List.of()));
    }
    boolean anyDefault = volumes.stream().anyMatch(VolumeSpec::isDefault);
    first = true;
    Entity mainServer = server(store, store.mainSite());
    for (VolumeSpec v : volumes) {
      Entity vol = store.create("volume");
      Map<String, Object> paths = new LinkedHashMap<>();
      for (Os os : Os.values()) {
        paths.put(os.wireName(), v.paths().path(os).orElse(null));
      }
      vol.put("code", v.code())
          .put("name", v.code())
          .put("default", anyDefault ? v.isDefault() : first);
      first = false;
      vol.put("description", "").put("email", null).put("licensed", true);
      vol.put("metadata", new LinkedHashMap<>()).put("paths", paths);
      vol.put("path", paths.get(mainServer.str("os"))).put("queue", null);
      vol.put("status", "enabled").put("type", "volume").put("server", mainServer.id());
      List<Object> siteServers = new ArrayList<>();
      List<Object> siteIds = new ArrayList<>();
      for (Entity site : store.all("site")) {
        if (v.sites().isEmpty()
            || v.sites().stream().anyMatch(c -> c.equalsIgnoreCase(site.code()))) {
          siteIds.add(site.id());
          if (!site.bool("main")) {
            siteServers.add(server(store, site).id());
          }
          mkdirs(Dirs.volumeDir(store, site, vol));
        }
      }
      vol.put("siteservers", siteServers).put("_sites", siteIds).put("created", now);
    }

    for (String[] q : new String[][] {{"High", "999"}, {"Medium", "500"}, {"Low", "1"}}) {
      queue(store, q[0], Integer.parseInt(q[1]), q[0].equals("Medium"), now);
    }
    for (QueueSpec q : plan.queues) {
      queue(store, q.name(), q.priority(), false, now);
    }

    List<UserSpec> users = new ArrayList<>(plan.users);
    if (users.stream().noneMatch(u -> u.role() == Role.ADMIN)) {
      users.add(0, new UserSpec(DEFAULT_ADMIN, Role.ADMIN, null, false, false, List.of()));
    }
    for (UserSpec u : users) {
      user(store, u, now);
    }
    for (FolderSpec f : plan.folders) {
      Entity vol =
          store
              .byCode("volume", f.volume())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Folder " + f.code() + ": no volume " + f.volume()));
      Entity folder = store.create("folder");
      folder.put("code", f.code()).put("name", f.code()).put("parent", vol.id());
      folder.put("path", String.join("/", Dirs.components(f.path()))).put("queue", null);
      folder.put("email", null).put("description", "").put("metadata", new LinkedHashMap<>());
      folder.put("status", "enabled").put("created", now);
      for (Object siteId : (List<?>) vol.fields().get("_sites")) {
        Entity site = store.get("site", (String) siteId).orElseThrow();
        mkdirs(Dirs.under(Dirs.volumeDir(store, site, vol), folder.str("path")));
      }
    }
    for (AclSpec a : plan.acls) {
      Entity user =
          store
              .byCode("user", a.email())
              .orElseThrow(() -> new IllegalArgumentException("ACL: no user " + a.email()));
      Entity share =
          Shares.byIdOrCode(store, a.share())
              .orElseThrow(() -> new IllegalArgumentException("ACL: no share " + a.share()));
      Acls.create(store, user, share, a.path(), a.read(), a.write(), null);
    }
    store.settings().putAll(plan.settings);
  }

  private static void queue(Store store, String name, int priority, boolean isDefault, String now) {
    Entity q = store.create("queue");
    q.put("code", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).put("name", name);
    q.put("priority", (long) priority).put("status", "waiting").put("default", isDefault);
    q.put("compute_default", false).put("description", "").put("metadata", new LinkedHashMap<>());
    q.put("created", now);
  }

  private static void user(Store store, UserSpec u, String now) {
    Entity user = store.create("user");
    user.put("code", u.email().toLowerCase(Locale.ROOT)).put("name", u.email());
    user.put("role", u.role().wireName()).put("status", u.disabled() ? "disabled" : "enabled");
    user.put("description", "").put("logged_in", false).put("metadata", new LinkedHashMap<>());
    user.put("queue", null).put("created", now).put("creator", null);
    user.put("_apikey", u.apiKey() != null ? u.apiKey() : defaultApiKey(u.email()));
    for (AppSpec a : u.apps()) {
      Entity app = store.create("client");
      app.put("code", a.hostname()).put("name", a.hostname()).put("type", (long) a.type());
      app.put("type_hr", a.type() == 0 ? "app" : "userserver");
      app.put("status", a.online() ? "online" : "offline").put("os", a.os().wireName());
      String siteId =
          a.site() == null
              ? null
              : store
                  .byCode("site", a.site())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "App " + a.hostname() + ": no site " + a.site()))
                  .id();
      app.put("roles", a.type() == 0 ? "" : "storage").put("site", siteId).put("user", user.id());
      app.put("username", u.email().split("@")[0]).put("version", "3.6-5");
      app.put("last_checkin", now).put("created", now);
      app.put("_download", a.downloadDir());
      Map<String, SeedPlan.MappingSpec> byVolume = new LinkedHashMap<>();
      Path dir = Dirs.clientDir(store, user, app);
      mkdirs(dir);
      for (Map.Entry<String, SeedPlan.MappingSpec> m : a.mappings().entrySet()) {
        Entity vol =
            store
                .byCode("volume", m.getKey())
                .orElseThrow(
                    () -> new IllegalArgumentException("Mapping: no volume " + m.getKey()));
        byVolume.put(vol.id(), m.getValue());
        mkdirs(Dirs.local(dir, m.getValue().localPath()));
      }
      app.put("_mappings", byVolume);
    }
    if (u.home()) {
      Homes.create(store, user);
    }
  }

  /** The storage server of a site. */
  public static Entity server(Store store, Entity site) {
    return store
        .all(
            "client",
            c -> Long.valueOf(1).equals(c.fields().get("type")) && site.id().equals(c.str("site")))
        .stream()
        .findFirst()
        // A site created through the API has no server until one is installed there.
        .orElseThrow(
            () ->
                AccsynError.notFound(
                    "Site '"
                        + site.code()
                        + "' has no accsyn server, so no volume is available there!"));
  }

  /** Creates a directory tree, failing loudly. */
  public static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
