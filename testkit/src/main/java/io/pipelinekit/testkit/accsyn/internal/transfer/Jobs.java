package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.ops.JobHandler;
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
import java.util.Optional;
import java.util.Set;

/**
 * Creates and edits transfer jobs: parses the three task forms, resolves parties and paths
 * (mirroring, trailing slash, sequences), checks permissions the way accsyn does, and hands work to
 * the {@link TransferEngine}. All methods run under the store lock.
 */
public final class Jobs implements JobHandler {
  private static final Set<String> JOB_STATUSES =
      Set.of("waiting", "paused", "aborted", "done", "pending", "init");
  private static final Set<String> TASK_STATUSES =
      Set.of("queued", "onhold", "excluded", "failed", "done");

  private final Store store;
  private final TransferEngine engine;

  /** Creates the job handler. */
  public Jobs(Store store, TransferEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  // ------------------------------------------------------------------ create

  @Override
  public List<Entity> create(Caller caller, String type, Map<String, Object> data) {
    if (type.equals("delivery") || type.equals("request")) {
      return List.of(createDelivery(caller, type, data));
    }
    validateSettings(data.get("settings"));
    Object parentRef = data.get("parent");
    if (parentRef != null) {
      Optional<Entity> delivery =
          store
              .byId(String.valueOf(parentRef))
              .filter(e -> e.type().equals("delivery") || e.type().equals("request"));
      if (delivery.isPresent()) {
        return List.of(downloadDelivery(caller, delivery.get(), data));
      }
    }
    Object recipients = data.get("recipients");
    if (recipients instanceof List<?> list && !list.isEmpty() && type.equals("transfer")) {
      List<Entity> jobs = new ArrayList<>();
      for (Object r : list) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.remove("recipients");
        copy.put("destination", String.valueOf(r).trim());
        jobs.add(createTransfer(caller, copy));
      }
      return jobs;
    }
    return List.of(createTransfer(caller, data));
  }

  private Entity createTransfer(Caller caller, Map<String, Object> data) {
    List<Map<String, Object>> specs = taskSpecs(data);
    if (specs.isEmpty()) {
      throw AccsynError.invalid("No tasks supplied, give 'source' (and 'destination') or 'tasks'!");
    }
    List<Resolved> resolved = new ArrayList<>();
    for (Map<String, Object> spec : specs) {
      resolved.add(resolve(caller, spec));
    }
    Resolved first = resolved.get(0);
    for (Resolved r : resolved) {
      if (!r.src.ref().equals(first.src.ref()) || !r.dst.ref().equals(first.dst.ref())) {
        throw AccsynError.invalid(
            "All tasks of a job must have the same source and destination party!");
      }
    }
    Entity job = null;
    if (Boolean.TRUE.equals(data.get("append"))) {
      for (Entity j : store.all("transfer")) {
        if (!j.archived()
            && caller.user().id().equals(j.str("user"))
            && first.src.ref().equals(j.str("source"))
            && first.dst.ref().equals(j.str("destination"))) {
          job = j;
        }
      }
    }
    boolean created = job == null;
    if (created) {
      job = newJob(caller, "transfer", data, first);
    } else if (Set.of("done", "failed", "aborted").contains(job.str("status"))) {
      job.put("status", "waiting").put("finished", null);
    }
    Object allow = data.get("allow_duplicates");
    try {
      for (int i = 0; i < resolved.size(); i++) {
        addTask(job, resolved.get(i), specs.get(i), allow);
      }
    } catch (RuntimeException e) {
      if (created) {
        discard(job);
      }
      throw e;
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return job;
  }

  /** Removes a job created by a request that then failed, so a create is all or nothing. */
  private void discard(Entity job) {
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      store.remove(t);
    }
    store.remove(job);
  }

  private Entity newJob(Caller caller, String type, Map<String, Object> data, Resolved first) {
    Entity queue = queue(data);
    Entity job = store.create(type);
    String name =
        data.get("name") != null
            ? String.valueOf(data.get("name"))
            : data.get("code") != null
                ? String.valueOf(data.get("code"))
                : first == null ? type : first.plan.source().getFileName().toString();
    String status = data.get("status") == null ? "waiting" : String.valueOf(data.get("status"));
    if (!JOB_STATUSES.contains(status)) {
      throw AccsynError.invalid("Invalid initial status '" + status + "'!");
    }
    job.put("code", name)
        .put("name", name)
        .put("type", type.equals("transfer") ? 1L : type.equals("delivery") ? 7L : 8L);
    job.put("status", status.equals("init") ? "waiting" : status);
    job.put("source", first == null ? null : first.src.ref());
    job.put("destination", first == null ? null : first.dst.ref());
    job.put("user", caller.user().id()).put("parent", queue.id());
    job.put("priority", queue.fields().get("priority"));
    job.put("size", 0L).put("progress", 0L).put("speed", 0.0).put("etr", "");
    job.put("created", store.now()).put("finished", null).put("modified", store.now());
    job.put("modifier", caller.user().id());
    job.put("metadata", data.getOrDefault("metadata", new LinkedHashMap<>()));
    job.put("settings", data.getOrDefault("settings", new LinkedHashMap<>()));
    job.put(
        "mirror",
        Boolean.TRUE.equals(data.get("mirror")) || Boolean.TRUE.equals(data.get("mirror_paths")));
    job.put("description", data.getOrDefault("description", ""));
    job.put("_uri", 0L);
    return job;
  }

  private Entity queue(Map<String, Object> data) {
    Object q = data.get("queue");
    if (q == null) {
      Object p = data.get("parent");
      if (p != null && store.get("queue", String.valueOf(p)).isPresent()) {
        q = p;
      }
    }
    if (q == null) {
      return store.all("queue", e -> e.bool("default")).get(0);
    }
    String ident = String.valueOf(q);
    for (Entity e : store.all("queue")) {
      if (e.id().equals(ident)
          || ident.equalsIgnoreCase(e.code())
          || ident.equalsIgnoreCase(e.str("name"))) {
        return e;
      }
    }
    throw AccsynError.notFound("Queue '" + ident + "' not found!");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> taskSpecs(Map<String, Object> data) {
    List<Map<String, Object>> out = new ArrayList<>();
    Object tasks = data.get("tasks");
    List<Object> items = new ArrayList<>();
    if (tasks instanceof List<?> l) {
      items.addAll(l);
    } else if (tasks instanceof Map<?, ?> m) {
      boolean keyed = m.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"));
      if (keyed && !m.isEmpty()) {
        items.addAll(m.values());
      } else {
        items.add(m);
      }
    } else if (tasks != null) {
      throw AccsynError.invalid("'tasks' must be a list or a dict of tasks!");
    }
    if (items.isEmpty() && data.get("source") != null) {
      Map<String, Object> single = new LinkedHashMap<>();
      single.put("source", data.get("source"));
      single.put("destination", data.get("destination"));
      items.add(single);
    }
    for (Object item : items) {
      Map<String, Object> spec = new LinkedHashMap<>();
      if (item instanceof String s) {
        spec.put("source", s);
      } else if (item instanceof Map<?, ?> m) {
        spec.putAll((Map<String, Object>) m);
      } else {
        throw AccsynError.invalid("Invalid task definition: " + item + "!");
      }
      if (spec.get("source") == null) {
        spec.put("source", data.get("source"));
      }
      if (!spec.containsKey("destination") || spec.get("destination") == null) {
        spec.put("destination", data.get("destination"));
      }
      if (spec.get("source") == null) {
        throw AccsynError.invalid("Task has no source!");
      }
      out.add(spec);
    }
    return out;
  }

  /** A task's resolved endpoints and copy plan. */
  record Resolved(
      Endpoint src,
      Endpoint dst,
      Location srcLoc,
      Location dstLoc,
      CopyPlan plan,
      String srcText,
      String dstText) {}

  private Resolved resolve(Caller caller, Map<String, Object> spec) {
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

  private Endpoint endpoint(Caller caller, Party p) {
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

  private Endpoint workspaceEndpoint() {
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

  private Entity clientOf(Entity user, String host) {
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

  private Location locate(Caller caller, Endpoint end, String path) {
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

  private Entity addTask(Entity job, Resolved r, Map<String, Object> spec, Object allowDuplicates) {
    String key = r.plan.source() + "|" + r.plan.destination() + "|" + r.plan.into();
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      if (key.equals(t.str("_key"))) {
        if (Boolean.FALSE.equals(allowDuplicates)) {
          throw AccsynError.invalid(
              "Task '" + r.srcText + "' already exists in job '" + job.str("name") + "'!");
        }
        if (!Boolean.TRUE.equals(allowDuplicates)) {
          if (!Set.of("executing", "booting").contains(t.str("status"))) {
            t.put("status", "queued").put("finished", null).put("_bytes", 0L).put("error", null);
            t.put("size", r.plan.size());
          }
          return t;
        }
      }
    }
    String status = spec.get("status") == null ? "queued" : String.valueOf(spec.get("status"));
    if (!TASK_STATUSES.contains(status)) {
      throw AccsynError.invalid("Invalid task status '" + status + "'!");
    }
    long priority =
        spec.get("priority") == null ? 500L : ((Number) number(spec.get("priority"))).longValue();
    if (priority < 0 || priority > 1000) {
      throw AccsynError.invalid("Task priority must be within 0-1000, got " + priority + "!");
    }
    long uri = JobStatus.number(job.fields().get("_uri"));
    job.put("_uri", uri + 1);
    Object wantedId = spec.get("id");
    Entity t =
        store.create(
            "task",
            wantedId != null
                ? String.valueOf(wantedId).toLowerCase(Locale.ROOT)
                : store.ids().uuid());
    t.put("job", job.id());
    t.put("uri", Long.toString(uri)).put("status", status).put("priority", priority);
    t.put("size", status.equals("excluded") ? 0L : r.plan.size()).put("time", 0L);
    t.put("created", store.now()).put("finished", null).put("job", job.id());
    t.put("metadata", spec.getOrDefault("metadata", new LinkedHashMap<>()));
    t.put("settings", spec.getOrDefault("settings", new LinkedHashMap<>()));
    t.put("source", side(r.src, r.srcLoc));
    t.put("destination", side(r.dst, r.dstLoc));
    t.put("error", null);
    t.put("_key", key).put("_plan", r.plan).put("_bytes", 0L).put("_srctext", r.srcText);
    return t;
  }

  private static Object number(Object v) {
    if (v instanceof Number n) {
      return n;
    }
    try {
      return Long.parseLong(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      throw AccsynError.invalid("Expected a number, got '" + v + "'!");
    }
  }

  private static Map<String, Object> side(Endpoint e, Location loc) {
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

  private static void validateSettings(Object settings) {
    if (settings == null) {
      return;
    }
    if (!(settings instanceof Map<?, ?> m)) {
      throw AccsynError.invalid("Job 'settings' must be a dict!");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String)) {
        throw AccsynError.invalid(
            "Setting '" + e.getKey() + "' must be a string value, got " + e.getValue() + "!");
      }
    }
  }

  // ------------------------------------------------------------------ deliveries

  private Entity createDelivery(Caller caller, String type, Map<String, Object> data) {
    if (!caller.elevated()) {
      throw AccsynError.denied("standard users cannot create " + type + " entities!");
    }
    Entity job = newJob(caller, type, data, null);
    try {
      return fillDelivery(caller, job, data);
    } catch (RuntimeException e) {
      discard(job);
      throw e;
    }
  }

  private Entity fillDelivery(Caller caller, Entity job, Map<String, Object> data) {
    job.put("source", "workspace:" + store.workspace().id()).put("destination", null);
    job.put("public", false).put("recipients", new ArrayList<>());
    List<Object> files = new ArrayList<>();
    Object tasks = data.get("tasks");
    if (tasks instanceof List<?> list) {
      for (Object o : list) {
        String path = String.valueOf(o instanceof Map<?, ?> m ? m.get("source") : o);
        Location loc = Locations.atSite(store, store.mainSite(), path, caller.user());
        if (!caller.admin()
            && Acls.covering(store, caller.user(), loc.volume(), loc.volumeRelative(), false)
                .isEmpty()) {
          throw AccsynError.denied("you have no read access to '" + path + "'!");
        }
        if (!java.nio.file.Files.exists(loc.physical())) {
          throw AccsynError.notFound(
              "E#J001 File or directory not found at server: " + loc.absolute());
        }
        long uri = JobStatus.number(job.fields().get("_uri"));
        job.put("_uri", uri + 1);
        Entity t = store.create("task", store.ids().uuid());
        CopyPlan plan = new CopyPlan(loc.physical(), loc.physical(), false);
        t.put("uri", Long.toString(uri)).put("status", "done").put("priority", 500L);
        t.put("size", plan.size()).put("time", 0L).put("created", store.now());
        t.put("finished", store.now()).put("job", job.id()).put("metadata", new LinkedHashMap<>());
        t.put("source", side(workspaceEndpoint(), loc)).put("destination", null).put("error", null);
        t.put("_location", loc).put("_plan", plan);
        files.add(t.id());
      }
    }
    Object recipients = data.get("recipients");
    if (recipients instanceof List<?> list) {
      for (Object r : list) {
        String email = String.valueOf(r).trim().toLowerCase(Locale.ROOT);
        Entity user =
            store
                .byCode("user", email)
                .orElseThrow(() -> AccsynError.notFound("Recipient '" + email + "' not found!"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("actioned", false);
        entry.put("user", user.id());
        entry.put("user_hr", user.code());
        @SuppressWarnings("unchecked")
        List<Object> rl = (List<Object>) job.fields().get("recipients");
        rl.add(entry);
      }
    }
    boolean submitted = !files.isEmpty() && !((List<?>) job.fields().get("recipients")).isEmpty();
    String wanted = data.get("status") == null ? null : String.valueOf(data.get("status"));
    job.put("status", "init".equals(wanted) || !submitted ? "init" : "waiting");
    long size = 0;
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      size += JobStatus.number(t.fields().get("size"));
    }
    job.put("size", size).put("progress", 0L);
    return job;
  }

  private Entity downloadDelivery(Caller caller, Entity delivery, Map<String, Object> data) {
    boolean recipient = false;
    Object rl = delivery.fields().get("recipients");
    if (rl instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && caller.user().id().equals(m.get("user"))) {
          recipient = true;
          castMap(m).put("actioned", true);
        }
      }
    }
    if (!recipient && !caller.elevated()) {
      throw AccsynError.denied(
          "you are not a recipient of delivery '" + delivery.str("name") + "'!");
    }
    Object dest = data.get("destination");
    if (dest == null) {
      throw AccsynError.invalid("Supply a 'destination' to download the delivery to!");
    }
    String destText = String.valueOf(dest);
    Party dst = Party.parse(destText, store.workspace().code());
    Endpoint dstEnd =
        dst.kind().equals("none")
            ? new Endpoint(
                "user:" + caller.user().id(), null, clientOf(caller.user(), null), caller.user())
            : endpoint(caller, dst);
    Location dstLoc = locate(caller, dstEnd, dst.path() == null ? "" : dst.path());
    Entity job = newJob(caller, "transfer", Map.of("name", delivery.str("name")), null);
    job.put("source", "workspace:" + store.workspace().id()).put("destination", dstEnd.ref());
    job.put("parent", delivery.id());
    for (Entity file : store.all("task", t -> delivery.id().equals(t.str("job")))) {
      Location loc = (Location) file.fields().get("_location");
      CopyPlan plan = new CopyPlan(loc.physical(), dstLoc.physical(), true);
      Resolved r =
          new Resolved(workspaceEndpoint(), dstEnd, loc, dstLoc, plan, loc.absolute(), destText);
      addTask(job, r, Map.of(), null);
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return job;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  // ------------------------------------------------------------------ tasks and edits

  @Override
  public List<Entity> addTasks(Caller caller, Entity job, Map<String, Object> data) {
    if (!job.type().equals("transfer")) {
      throw AccsynError.invalid("Tasks can only be added to transfers!");
    }
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only add tasks to your own transfers!");
    }
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("tasks", data.get("tasks"));
    List<Map<String, Object>> specs = taskSpecs(defaults);
    List<Entity> out = new ArrayList<>();
    for (Map<String, Object> spec : specs) {
      if (spec.get("destination") == null && job.str("destination") != null) {
        spec.put("destination", partyText(job.str("destination")));
      }
      Resolved r = resolve(caller, spec);
      if (!r.src.ref().equals(job.str("source")) || !r.dst.ref().equals(job.str("destination"))) {
        throw AccsynError.invalid("Task parties must match the job's source and destination!");
      }
      out.add(addTask(job, r, spec, data.get("allow_duplicates")));
    }
    if (Set.of("done", "failed").contains(job.str("status"))) {
      job.put("status", "waiting");
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return out;
  }

  private String partyText(String ref) {
    String id = ref.substring(ref.indexOf(':') + 1);
    if (ref.startsWith("site:")) {
      return "site=" + store.byId(id).map(Entity::code).orElse(id);
    }
    if (ref.startsWith("user:")) {
      return store.byId(id).map(Entity::code).orElse(id);
    }
    return null;
  }

  @Override
  public Entity edit(Caller caller, Entity job, Map<String, Object> data) {
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only modify your own transfers!");
    }
    for (String key : data.keySet()) {
      if (!List.of(
              "name", "code", "status", "queue", "parent", "metadata", "description", "settings")
          .contains(key)) {
        throw AccsynError.invalid(
            "Attribute '" + key + "' of " + job.type() + " cannot be modified!");
      }
    }
    if (data.containsKey("settings")) {
      validateSettings(data.get("settings"));
    }
    if (data.containsKey("queue")
        || data.containsKey("parent")
            && store.get("queue", String.valueOf(data.get("parent"))).isPresent()) {
      Entity q = queue(data);
      job.put("parent", q.id()).put("priority", q.fields().get("priority"));
    }
    for (String key : List.of("name", "code", "metadata", "description", "settings")) {
      if (data.containsKey(key)) {
        job.put(key, data.get(key));
      }
    }
    if (data.containsKey("status")) {
      setStatus(job, String.valueOf(data.get("status")));
    }
    job.put("modified", store.now()).put("modifier", caller.user().id());
    return job;
  }

  private void setStatus(Entity job, String status) {
    List<Entity> tasks = store.all("task", t -> job.id().equals(t.str("job")));
    switch (status) {
      case "paused":
        job.put("status", "paused");
        for (Entity t : tasks) {
          engine.stop(t, "queued");
        }
        JobStatus.recompute(store, job);
        break;
      case "aborted":
        job.put("status", "aborted").put("finished", store.now());
        for (Entity t : tasks) {
          engine.stop(t, "queued");
        }
        JobStatus.recompute(store, job);
        break;
      case "waiting":
      case "pending":
        for (Entity t : tasks) {
          if (t.str("status").equals("failed")) {
            t.put("status", "queued").put("error", null).put("_bytes", 0L);
            refreshSize(t);
          }
        }
        job.put("status", "waiting").put("finished", null);
        JobStatus.recompute(store, job);
        engine.wake();
        break;
      case "done":
        for (Entity t : tasks) {
          engine.stop(t, "queued");
        }
        job.put("status", "done").put("finished", store.now()).put("progress", 100L);
        break;
      default:
        throw AccsynError.invalid(
            "Invalid status '" + status + "', use waiting, paused, aborted or done!");
    }
  }

  private void refreshSize(Entity t) {
    Object plan = t.fields().get("_plan");
    if (plan instanceof CopyPlan p) {
      t.put("size", p.size());
    }
  }

  @Override
  public List<Entity> editTasks(Caller caller, Entity job, List<Map<String, Object>> patches) {
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only modify tasks of your own transfers!");
    }
    List<Entity> tasks = store.all("task", t -> job.id().equals(t.str("job")));
    List<Entity> out = new ArrayList<>();
    for (Map<String, Object> patch : patches) {
      out.add(validatePatch(job, tasks, patch));
    }
    for (int i = 0; i < patches.size(); i++) {
      applyPatch(job, out.get(i), patches.get(i));
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return out;
  }

  /** Finds the patched task and checks the patch, changing nothing (edits are all or nothing). */
  private Entity validatePatch(Entity job, List<Entity> tasks, Map<String, Object> patch) {
    Object id = patch.get("id");
    Object uri = patch.get("uri");
    if (id == null && uri == null) {
      throw AccsynError.invalid("Each task patch needs an 'id' or a 'uri'!");
    }
    Entity task =
        tasks.stream()
            .filter(
                t ->
                    id != null
                        ? t.id().equalsIgnoreCase(String.valueOf(id))
                        : String.valueOf(uri).equals(t.str("uri")))
            .findFirst()
            .orElseThrow(
                () ->
                    AccsynError.notFound(
                        "Task '"
                            + (id != null ? id : uri)
                            + "' not found in job '"
                            + job.id()
                            + "'!"));
    for (String key : patch.keySet()) {
      if (!List.of("id", "uri", "status", "priority", "metadata").contains(key)) {
        throw AccsynError.invalid("Task attribute '" + key + "' cannot be modified!");
      }
    }
    if (patch.containsKey("priority")) {
      long p = ((Number) number(patch.get("priority"))).longValue();
      if (p < 0 || p > 1000) {
        throw AccsynError.invalid("Task priority must be within 0-1000, got " + p + "!");
      }
    }
    if (patch.containsKey("status")
        && !TASK_STATUSES.contains(String.valueOf(patch.get("status")))) {
      throw AccsynError.invalid(
          "Invalid task status '"
              + patch.get("status")
              + "', use queued, onhold, excluded, failed or done!");
    }
    return task;
  }

  private void applyPatch(Entity job, Entity task, Map<String, Object> patch) {
    if (patch.containsKey("priority")) {
      task.put("priority", ((Number) number(patch.get("priority"))).longValue());
    }
    if (patch.containsKey("metadata")) {
      task.put("metadata", patch.get("metadata"));
    }
    if (!patch.containsKey("status")) {
      return;
    }
    String s = String.valueOf(patch.get("status"));
    if (Set.of("executing", "booting").contains(task.str("status")) && !s.equals("done")) {
      engine.stop(task, s);
      return;
    }
    task.put("status", s);
    if (s.equals("queued")) {
      task.put("error", null).put("_bytes", 0L).put("finished", null);
      refreshSize(task);
      if (Set.of("failed", "done").contains(job.str("status"))) {
        job.put("status", "waiting");
      }
    }
  }

  @Override
  public void delete(Caller caller, Entity job, boolean force) {
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only delete your own transfers!");
    }
    String status = job.str("status");
    if (!force && (status.equals("running"))) {
      throw AccsynError.invalid(
          "Cannot delete running "
              + job.type()
              + " '"
              + job.str("name")
              + "', abort it first or use force!");
    }
    if (job.type().equals("delivery") && !status.equals("init") && !force) {
      throw AccsynError.invalid("Only deliveries that are not submitted can be deleted!");
    }
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      engine.stop(t, "queued");
    }
    if (!Set.of("done", "aborted").contains(status)) {
      job.put("status", "aborted").put("finished", store.now());
    }
    job.archived(true);
  }
}
