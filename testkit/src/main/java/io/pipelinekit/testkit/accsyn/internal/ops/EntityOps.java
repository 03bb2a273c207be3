package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.Role;
import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.query.Expr;
import io.pipelinekit.testkit.accsyn.internal.query.QueryEvaluator;
import io.pipelinekit.testkit.accsyn.internal.query.QueryParser;
import io.pipelinekit.testkit.accsyn.internal.state.Acls;
import io.pipelinekit.testkit.accsyn.internal.state.Dirs;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Homes;
import io.pipelinekit.testkit.accsyn.internal.state.Ids;
import io.pipelinekit.testkit.accsyn.internal.state.Seeder;
import io.pipelinekit.testkit.accsyn.internal.state.Shares;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.state.Views;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Generic find/create/edit/delete/deactivate/activate over every entity type. */
public final class EntityOps {
  private static final Set<String> FINISHED = Set.of("done", "aborted");

  private final Store store;
  private final JobHandler jobs;

  /** Creates the operations over a store, delegating job types to a handler. */
  public EntityOps(Store store, JobHandler jobs) {
    this.store = store;
    this.jobs = jobs;
  }

  // ---------------------------------------------------------------- find

  /** {@code <type>/find}: returns the list of matching entity views. */
  public List<Object> find(Caller caller, EntityType type, WireEvent event) {
    Map<String, Object> data = event.dataMap();
    Expr expr = event.query().map(QueryParser::parse).orElse(null);
    if (event.id().isPresent()) {
      String id = event.id().get().toLowerCase(Locale.ROOT);
      requireId(type, id);
      List<Object> out = new ArrayList<>();
      store
          .byId(id)
          .filter(e -> matchesType(type, e))
          .filter(e -> Access.visible(store, caller, e))
          .ifPresent(e -> out.add(project(Views.of(store, e), data)));
      return out;
    }
    List<Entity> candidates = candidates(type, data, expr);
    boolean single = Boolean.TRUE.equals(data.get("single_entity_query"));
    List<Map<String, Object>> hits = filter(caller, type, candidates, data, expr, false);
    if (hits.isEmpty() && single && type.isJob() && data.get("finished") == null) {
      hits = filter(caller, type, candidates, data, expr, true);
    }
    long skip = number(data.get("skip"), 0);
    long limit = number(data.get("limit"), 0);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      if (i < skip) {
        continue;
      }
      if (limit > 0 && out.size() >= limit) {
        break;
      }
      out.add(project(hits.get(i), data));
    }
    return out;
  }

  private List<Map<String, Object>> filter(
      Caller caller,
      EntityType type,
      List<Entity> candidates,
      Map<String, Object> data,
      Expr expr,
      boolean forceFinished) {
    boolean archived = Boolean.TRUE.equals(data.get("archived"));
    boolean finished = forceFinished || Boolean.TRUE.equals(data.get("finished"));
    boolean inactive = Boolean.TRUE.equals(data.get("inactive"));
    QueryEvaluator evaluator = new QueryEvaluator(store);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entity e : candidates) {
      if (e.archived() != archived) {
        continue;
      }
      if (!archived && type.isJob() && FINISHED.contains(e.str("status")) != finished) {
        continue;
      }
      if (e.inactive() != inactive) {
        continue;
      }
      if (!Access.visible(store, caller, e)) {
        continue;
      }
      Map<String, Object> view = Views.of(store, e);
      if (expr == null || evaluator.test(expr, view)) {
        out.add(view);
      }
    }
    return out;
  }

  private List<Entity> candidates(EntityType type, Map<String, Object> data, Expr expr) {
    Object parent = data.get("parent");
    switch (type.stored()) {
      case "task":
        if (parent != null) {
          Entity job = job(String.valueOf(parent));
          return store.all("task", t -> job.id().equals(t.str("job")));
        }
        if (expr == null) {
          throw AccsynError.invalid(
              "Tasks can only be queried beneath a job, supply the parent job id (entityid)!");
        }
        return store.all("task");
      case "file":
        if (parent == null) {
          throw AccsynError.invalid(
              "Collection files can only be queried beneath a collection, supply its id!");
        }
        Entity collection =
            store
                .get("collection", String.valueOf(parent))
                .orElseThrow(() -> AccsynError.notFound("Collection '" + parent + "' not found!"));
        return store.all("file", f -> collection.id().equals(f.str("parent")));
      case "share":
        List<Entity> shares = new ArrayList<>();
        for (String kind : Shares.KINDS) {
          shares.addAll(store.all(kind));
        }
        return shares;
      case "client":
        return store.all(
            "client",
            c ->
                type.clientType() < 0
                    || Long.valueOf(type.clientType()).equals(c.fields().get("type")));
      default:
        return store.all(type.stored());
    }
  }

  private boolean matchesType(EntityType type, Entity e) {
    if (type.stored().equals("share")) {
      return Shares.KINDS.contains(e.type());
    }
    if (!e.type().equals(type.stored())) {
      return false;
    }
    return type.clientType() < 0 || Long.valueOf(type.clientType()).equals(e.fields().get("type"));
  }

  private static Map<String, Object> project(Map<String, Object> view, Map<String, Object> data) {
    Object attrs = data.get("attributes");
    if (!(attrs instanceof List<?> list) || list.isEmpty()) {
      return view;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", view.get("id"));
    for (Object a : list) {
      String key = String.valueOf(a);
      if (view.containsKey(key)) {
        out.put(key, view.get(key));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- create

  /** {@code <type>/create}: returns the created entities' views. */
  public List<Object> create(Caller caller, EntityType type, WireEvent event) {
    Object raw = event.data();
    if (!(raw instanceof Map) || event.dataMap().isEmpty()) {
      throw AccsynError.invalid("No data supplied to create " + type.name() + "!");
    }
    Map<String, Object> data = event.dataMap();
    String stored = type.stored().equals("share") ? "folder" : type.stored();
    if (stored.equals("client")) {
      throw AccsynError.invalid(
          "Clients cannot be created through the API, install the accsyn app or server instead!");
    }
    if (stored.equals("workspace")) {
      throw AccsynError.denied("workspaces cannot be created through the API!");
    }
    Access.requireWrite(caller, stored, "create");
    List<Object> out = new ArrayList<>();
    switch (stored) {
      case "transfer":
      case "delivery":
      case "request":
        for (Entity e : jobs.create(caller, stored, data)) {
          out.add(Views.of(store, e));
        }
        return out;
      case "task":
        Entity job =
            job(event.id().orElseThrow(() -> AccsynError.invalid("No parent job id supplied!")));
        requireVisible(caller, job);
        for (Entity t : jobs.addTasks(caller, job, data)) {
          out.add(Views.of(store, t));
        }
        return out;
      case "acl":
        return List.of(createAcl(caller, data));
      case "file":
        return addFiles(caller, event);
      default:
        out.add(Views.of(store, createPlain(caller, stored, data)));
        return out;
    }
  }

  private Entity collection(WireEvent event) {
    String id = event.id().orElseThrow(() -> AccsynError.invalid("No collection ID supplied!"));
    return store
        .get("collection", id.toLowerCase(Locale.ROOT))
        .filter(c -> !c.archived())
        .orElseThrow(() -> AccsynError.notFound("Collection '" + id + "' not found!"));
  }

  private List<Object> addFiles(Caller caller, WireEvent event) {
    Entity collection = collection(event);
    Object files = event.dataMap().get("files");
    if (!(files instanceof List<?> list) || list.isEmpty()) {
      throw AccsynError.invalid("Supply the accsyn paths to add as 'files'!");
    }
    List<Object> out = new ArrayList<>();
    for (Object f : list) {
      String path = String.valueOf(f);
      if (Dirs.isAbsolute(path)) {
        throw AccsynError.invalid(
            "Collections take accsyn paths (share=, volume=, folder=), not absolute paths: '"
                + path
                + "'!");
      }
      Entity file = store.create("file", store.ids().uuid());
      file.put("parent", collection.id()).put("path", path).put("created", store.now());
      file.put("creator", caller.user().id());
      out.add(Views.of(store, file));
    }
    return out;
  }

  /** {@code collection/file/remove}: removes files (by uuid) from a collection. */
  public Object removeFiles(Caller caller, WireEvent event) {
    Access.requireWrite(caller, "collection", "update");
    Entity collection = collection(event);
    Object files = event.dataMap().get("files");
    if (!(files instanceof List<?> list) || list.isEmpty()) {
      throw AccsynError.invalid("Supply the file ids to remove as 'files'!");
    }
    for (Object f : list) {
      Entity file =
          store
              .get("file", String.valueOf(f).toLowerCase(Locale.ROOT))
              .filter(x -> collection.id().equals(x.str("parent")))
              .orElseThrow(() -> AccsynError.notFound("File '" + f + "' not found in collection!"));
      store.remove(file);
    }
    return Boolean.TRUE;
  }

  private Object createAcl(Caller caller, Map<String, Object> data) {
    String entity = string(data, "entity", true);
    String target = string(data, "target", true);
    if (!entity.startsWith("user:")) {
      throw AccsynError.invalid(
          "ACL entity must be on the form 'user:<id>', got '" + entity + "'!");
    }
    if (!target.startsWith("share:")) {
      throw AccsynError.invalid(
          "ACL target must be on the form 'share:<id>', got '" + target + "'!");
    }
    String userIdent = entity.substring(5);
    Entity user =
        store
            .byIdOrCode("user", userIdent)
            .orElseGet(
                () -> {
                  if (Boolean.FALSE.equals(data.get("invite")) || !userIdent.contains("@")) {
                    throw AccsynError.notFound("User '" + userIdent + "' not found!");
                  }
                  return invite(userIdent, caller);
                });
    Entity share =
        Shares.byIdOrCode(store, target.substring(6))
            .orElseThrow(
                () -> AccsynError.notFound("Share '" + target.substring(6) + "' not found!"));
    if (!caller.admin()
        && share.type().equals("volume")
        && !Acls.fullVolume(store, caller.user(), share, true)) {
      throw AccsynError.denied(
          "you need full access to volume '" + share.code() + "' to grant access to it!");
    }
    boolean read = !Boolean.FALSE.equals(data.get("read"));
    boolean write = !Boolean.FALSE.equals(data.get("write"));
    Object path = data.get("path");
    Acls.Created created =
        Acls.create(
            store,
            user,
            share,
            path == null ? "/" : String.valueOf(path),
            read,
            write,
            caller.user().id());
    return created.existed() ? Boolean.TRUE : Views.of(store, created.acl());
  }

  private Entity invite(String email, Caller caller) {
    Entity user = store.create("user");
    user.put("code", email.toLowerCase(Locale.ROOT)).put("name", email).put("role", "standard");
    user.put("status", "enabled").put("description", "").put("logged_in", false);
    user.put("metadata", new LinkedHashMap<>()).put("queue", null).put("created", store.now());
    user.put("creator", caller.user().id()).put("_apikey", Seeder.defaultApiKey(email));
    return user;
  }

  private Entity createPlain(Caller caller, String type, Map<String, Object> data) {
    List<String> allowed = Attributes.CREATE.getOrDefault(type, List.of());
    for (String key : data.keySet()) {
      if (!allowed.contains(key)) {
        throw AccsynError.invalid(
            "Attribute '" + key + "' is not supported when creating a " + type + "!");
      }
    }
    switch (type) {
      case "user":
        return createUser(caller, data);
      case "folder":
        return createFolder(data);
      case "home":
        String ident = string(data, "user", true);
        Entity owner =
            store
                .byIdOrCode("user", ident)
                .orElseThrow(() -> AccsynError.notFound("User '" + ident + "' not found!"));
        if (!caller.admin()
            && !owner.id().equals(caller.user().id())
            && !"standard".equals(owner.str("role"))) {
          throw AccsynError.denied(
              "employees cannot create home shares for admins or other employees!");
        }
        return Homes.create(store, owner);
      case "queue":
        String qname = string(data, "name", true);
        Entity q = store.create("queue");
        q.put("code", code(data, qname)).put("name", qname);
        q.put("priority", number(data.get("priority"), 500)).put("status", "waiting");
        q.put("default", false).put("compute_default", false);
        q.put("description", data.getOrDefault("description", ""))
            .put("metadata", data.getOrDefault("metadata", new LinkedHashMap<>()));
        q.put("created", store.now()).put("creator", caller.user().id());
        return q;
      case "collection":
        String cname = string(data, "name", true);
        Entity c = store.create("collection");
        c.put("code", code(data, cname))
            .put("name", cname)
            .put("description", data.getOrDefault("description", ""));
        c.put("files", data.getOrDefault("files", List.of())).put("created", store.now());
        return c;
      case "site":
        String scode = string(data, "code", true);
        if (store.byCode("site", scode).isPresent()) {
          throw AccsynError.invalid("A site with code '" + scode + "' already exists!");
        }
        Entity site = store.create("site");
        site.put("code", scode)
            .put("name", data.getOrDefault("name", scode))
            .put("description", "");
        site.put("main", false)
            .put("accsyn", false)
            .put("status", "enabled")
            .put("created", store.now());
        return site;
      case "volume":
        String vcode = code(data, string(data, "name", true));
        if (store.byCode("volume", vcode).isPresent()) {
          throw AccsynError.invalid("A volume with code '" + vcode + "' already exists!");
        }
        Object paths = data.get("paths");
        if (!(paths instanceof Map<?, ?> pm) || pm.isEmpty()) {
          throw AccsynError.invalid("Volume paths must be supplied, e.g. {\"linux\": \"/mnt/x\"}!");
        }
        Entity mainSite = store.mainSite();
        Entity server = Seeder.server(store, mainSite);
        if (pm.get(server.str("os")) == null) {
          throw AccsynError.invalid(
              "A volume path for the serving server's OS (" + server.str("os") + ") is required!");
        }
        Entity vol = store.create("volume");
        vol.put("code", vcode).put("name", data.get("name")).put("default", false);
        vol.put("description", "").put("email", null).put("licensed", true);
        vol.put("metadata", new LinkedHashMap<>()).put("paths", paths);
        vol.put("path", pm.get(server.str("os"))).put("queue", null).put("status", "enabled");
        vol.put("type", "volume").put("server", server.id()).put("siteservers", new ArrayList<>());
        vol.put("_sites", new ArrayList<>(List.of(mainSite.id()))).put("created", store.now());
        Seeder.mkdirs(Dirs.volumeDir(store, mainSite, vol));
        return vol;
      default:
        throw AccsynError.invalid(
            "Entities of type '" + type + "' cannot be created through the API!");
    }
  }

  private Entity createUser(Caller caller, Map<String, Object> data) {
    String email = string(data, "code", true).toLowerCase(Locale.ROOT);
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw AccsynError.invalid("Invalid user E-mail address '" + email + "'!");
    }
    if (store.byCode("user", email).isPresent()) {
      throw AccsynError.invalid("A user with E-mail '" + email + "' already exists!");
    }
    Role role = Role.STANDARD;
    if (data.get("role") != null) {
      try {
        role = Role.parse(String.valueOf(data.get("role")));
      } catch (IllegalArgumentException e) {
        throw AccsynError.invalid("Invalid role '" + data.get("role") + "'!");
      }
    }
    if (!caller.admin() && role != Role.STANDARD) {
      throw AccsynError.denied("only admins can create " + role.wireName() + " users!");
    }
    Entity user = invite(email, caller);
    user.put("role", role.wireName());
    if (data.get("name") != null) {
      user.put("name", data.get("name"));
    }
    if (Boolean.TRUE.equals(data.get("create_home_share"))) {
      Homes.create(store, user);
    }
    if (Boolean.TRUE.equals(data.get("give_all_volumes_access"))) {
      for (Entity v : store.all("volume", v -> !v.archived())) {
        Acls.create(store, user, v, "/", true, true, caller.user().id());
      }
    } else if (Boolean.TRUE.equals(data.get("give_default_volume_access"))) {
      store
          .defaultVolume()
          .ifPresent(v -> Acls.create(store, user, v, "/", true, true, caller.user().id()));
    }
    return user;
  }

  private Entity createFolder(Map<String, Object> data) {
    Entity vol;
    if (data.get("parent") != null) {
      String p = String.valueOf(data.get("parent"));
      vol =
          store
              .byIdOrCode("volume", p)
              .orElseThrow(() -> AccsynError.notFound("Parent volume '" + p + "' not found!"));
    } else {
      vol = store.defaultVolume().orElseThrow(() -> AccsynError.invalid("No default volume!"));
    }
    String path = string(data, "path", true);
    String name = data.get("name") != null ? String.valueOf(data.get("name")) : path;
    String code = code(data, name);
    if (Shares.byIdOrCode(store, code).isPresent()) {
      throw AccsynError.invalid("A share with code '" + code + "' already exists!");
    }
    Entity folder = store.create("folder");
    folder.put("code", code).put("name", name).put("parent", vol.id());
    folder.put("path", String.join("/", Dirs.components(path))).put("queue", null);
    folder.put("email", null).put("description", data.getOrDefault("description", ""));
    folder
        .put("metadata", new LinkedHashMap<>())
        .put("status", "enabled")
        .put("created", store.now());
    for (Object siteId : (List<?>) vol.fields().get("_sites")) {
      store
          .get("site", (String) siteId)
          .ifPresent(
              site ->
                  Seeder.mkdirs(Dirs.under(Dirs.volumeDir(store, site, vol), folder.str("path"))));
    }
    return folder;
  }

  // ---------------------------------------------------------------- edit

  /** {@code <type>/edit}: returns the updated entities' views. */
  public List<Object> edit(Caller caller, EntityType type, WireEvent event) {
    String id = event.id().orElseThrow(() -> AccsynError.invalid("No entity ID supplied!"));
    if (type.stored().equals("acl")) {
      throw AccsynError.invalid("ACLs cannot be updated, use the grant function to grant access.");
    }
    if (type.stored().equals("task")) {
      Entity job = job(id);
      requireVisible(caller, job);
      Access.requireWrite(caller, "task", "edit");
      if (!(event.data() instanceof List<?> list) || list.isEmpty()) {
        throw AccsynError.invalid("Task edits must be a list of task patches with 'id' or 'uri'!");
      }
      List<Map<String, Object>> patches = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof Map<?, ?>)) {
          throw AccsynError.invalid("Each task patch must be an object!");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        patches.add(m);
      }
      List<Object> out = new ArrayList<>();
      for (Entity t : jobs.editTasks(caller, job, patches)) {
        out.add(Views.of(store, t));
      }
      return out;
    }
    Entity e = existing(caller, type, id);
    Map<String, Object> data = event.dataMap();
    if (data.isEmpty()) {
      throw AccsynError.invalid("No data supplied to update " + type.name() + "!");
    }
    if (e.type().equals("user") && caller.user().id().equals(e.id()) && !caller.admin()) {
      if (data.containsKey("role") || data.containsKey("status")) {
        throw AccsynError.denied("you cannot change your own role or status!");
      }
    } else {
      Access.requireWrite(caller, e.type(), "update");
    }
    if (type.isJob()) {
      return List.of(Views.of(store, jobs.edit(caller, e, data)));
    }
    List<String> allowed = Attributes.UPDATE.getOrDefault(e.type(), List.of());
    for (String key : data.keySet()) {
      if (!allowed.contains(key)) {
        throw AccsynError.invalid(
            "Attribute '" + key + "' of " + e.type() + " cannot be modified!");
      }
    }
    if (data.containsKey("role")) {
      try {
        Role.parse(String.valueOf(data.get("role")));
      } catch (IllegalArgumentException ex) {
        throw AccsynError.invalid("Invalid role '" + data.get("role") + "'!");
      }
      if (!String.valueOf(data.get("role")).equalsIgnoreCase(e.str("role"))) {
        for (Entity acl : store.all("acl", a -> a.str("entity").equals("user:" + e.id()))) {
          store.remove(acl);
        }
      }
    }
    for (Map.Entry<String, Object> f : data.entrySet()) {
      e.put(f.getKey(), f.getValue());
    }
    e.put("modified", store.now()).put("modifier", caller.user().id());
    return List.of(Views.of(store, e));
  }

  // ---------------------------------------------------------------- delete, (de)activate

  /** {@code <type>/delete}. */
  public Object delete(Caller caller, EntityType type, WireEvent event) {
    String id = event.id().orElseThrow(() -> AccsynError.invalid("No entity ID supplied!"));
    if (type.stored().equals("acl")) {
      Entity acl = existing(caller, type, id);
      Access.requireWrite(caller, "acl", "delete");
      store.remove(acl);
      return Boolean.TRUE;
    }
    Entity e = existing(caller, type, id);
    Access.requireWrite(caller, e.type(), "delete");
    if (type.isJob()) {
      jobs.delete(caller, e, Boolean.TRUE.equals(event.dataMap().get("force")));
      return Boolean.TRUE;
    }
    if (e.type().equals("client") && "online".equals(e.str("status"))) {
      throw AccsynError.invalid("Cannot delete client '" + e.code() + "' while it is online!");
    }
    e.archived(true);
    e.put("modified", store.now());
    return Boolean.TRUE;
  }

  /** {@code <type>/deactivate}. */
  public Object deactivate(Caller caller, EntityType type, WireEvent event) {
    String id = event.id().orElseThrow(() -> AccsynError.invalid("No entity ID supplied!"));
    if (type.stored().equals("home")) {
      throw AccsynError.invalid("Home shares cannot be deactivated, deactivate the user instead!");
    }
    Entity e = existing(caller, type, id);
    Access.requireWrite(caller, e.type(), "deactivate");
    e.inactive(true);
    return Boolean.TRUE;
  }

  /** {@code <type>/activate}: by id, or by code/e-mail in the query. */
  public Object activate(Caller caller, EntityType type, WireEvent event) {
    Optional<String> id = event.id();
    Entity e;
    if (id.isPresent()) {
      e = existing(caller, type, id.get());
    } else {
      String ident =
          event.query().orElseThrow(() -> AccsynError.invalid("No entity ID or code supplied!"));
      e =
          store
              .byCode(type.stored(), ident)
              .orElseThrow(
                  () -> AccsynError.notFound(type.label() + " '" + ident + "' not found!"));
    }
    Access.requireWrite(caller, e.type(), "activate");
    e.inactive(false);
    return Boolean.TRUE;
  }

  // ---------------------------------------------------------------- helpers

  private Entity existing(Caller caller, EntityType type, String rawId) {
    String id = rawId.toLowerCase(Locale.ROOT);
    requireId(type, id);
    Entity e =
        store
            .byId(id)
            .filter(x -> matchesType(type, x) && !x.archived())
            .orElseThrow(() -> AccsynError.notFound(type.label() + " '" + id + "' not found!"));
    requireVisible(caller, e);
    return e;
  }

  private void requireVisible(Caller caller, Entity e) {
    if (!Access.visible(store, caller, e)) {
      throw AccsynError.denied("you do not have access to " + e.type() + " '" + e.id() + "'!");
    }
  }

  private Entity job(String rawId) {
    String id = rawId.toLowerCase(Locale.ROOT);
    if (!Ids.isId(id)) {
      throw AccsynError.invalid("Invalid parent entity ID '" + rawId + "'!");
    }
    return store
        .byId(id)
        .filter(e -> EntityType.of(e.type()).isJob())
        .orElseThrow(() -> AccsynError.notFound("Job '" + id + "' not found!"));
  }

  private static void requireId(EntityType type, String id) {
    boolean uuid = id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    if (!Ids.isId(id)
        && !((type.stored().equals("task") || type.stored().equals("file")) && uuid)) {
      throw AccsynError.invalid("Invalid entity ID '" + id + "'!", "Invalid entity ID supplied!");
    }
  }

  private static String string(Map<String, Object> data, String key, boolean required) {
    Object v = data.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      if (required) {
        throw AccsynError.invalid("Missing required attribute '" + key + "'!");
      }
      return null;
    }
    return String.valueOf(v).trim();
  }

  private static String code(Map<String, Object> data, String name) {
    Object c = data.get("code");
    String base = c != null ? String.valueOf(c) : name;
    return base.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.@-]+", "_");
  }

  static long number(Object v, long fallback) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw AccsynError.invalid("Expected a number, got '" + s + "'!");
      }
    }
    return fallback;
  }
}
