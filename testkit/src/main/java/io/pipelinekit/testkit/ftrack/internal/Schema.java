package io.pipelinekit.testkit.ftrack.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity types the fake knows, modelled on the server's schemas for the types file-transfer
 * tools use: base types for polymorphic queries, scalar attributes, references (an attribute backed
 * by a foreign key) and collections (the inverse of a foreign key, or computed).
 */
public final class Schema {
  /** A reference: {@code asset} backed by {@code asset_id}, pointing at {@code Asset}. */
  public record Ref(String attribute, String foreignKey, String target) {}

  /**
   * A collection: the {@code target} rows whose {@code inverseKey} is this entity's id, or a
   * computed one ({@code ancestors}, {@code descendants}, {@code items}) when {@code inverseKey} is
   * null.
   */
  public record Coll(String attribute, String target, String inverseKey) {}

  /** One type. */
  public static final class Type {
    final String name;
    final String base;
    final Set<String> scalars = new LinkedHashSet<>();
    final Map<String, Ref> refs = new LinkedHashMap<>();
    final Map<String, Coll> colls = new LinkedHashMap<>();
    final List<String> system = new ArrayList<>();
    final Map<String, Object> defaults = new LinkedHashMap<>();
    final List<String> defaultProjections = new ArrayList<>();
    final Set<String> immutable = new LinkedHashSet<>();
    final Set<String> computed = new LinkedHashSet<>();

    Type(String name, String base) {
      this.name = name;
      this.base = base;
    }

    /** The type name. */
    public String name() {
      return name;
    }
  }

  /** The pseudo foreign key of {@code Asset.latest_version}: never stored, computed on read. */
  public static final String LATEST_VERSION_KEY = "_latest_version_id";

  private final Map<String, Type> types = new LinkedHashMap<>();

  /** The schema of the fake. */
  public static Schema standard() {
    Schema s = new Schema();
    Type context =
        s.type("Context", null, "id", "name", "context_type", "link", "thumbnail_id", "created_at");
    context.refs.put("parent", new Ref("parent", "parent_id", "Context"));
    context.refs.put("project", new Ref("project", "project_id", "Project"));
    context.colls.put("children", new Coll("children", "Context", "parent_id"));
    context.colls.put("assets", new Coll("assets", "Asset", "context_id"));
    context.scalars.add("parent_id");
    context.scalars.add("project_id");
    context.defaultProjections.addAll(List.of("context_type", "id", "name"));
    context.immutable.add("link");
    context.computed.add("link");
    Type project =
        s.type(
            "Project",
            "Context",
            "full_name",
            "status",
            "root",
            "is_private",
            "start_date",
            "end_date",
            "disk_id",
            "project_schema_id");
    project.colls.put(
        "review_sessions", new Coll("review_sessions", "ReviewSession", "project_id"));
    project.colls.put("descendants", new Coll("descendants", "TypedContext", null));
    project.defaults.put("status", "active");
    project.defaults.put("context_type", "show");
    Type typed =
        s.type(
            "TypedContext",
            "Context",
            "description",
            "priority_id",
            "start_date",
            "end_date",
            "bid",
            "object_type_id",
            "type_id",
            "status_id",
            "sort");
    typed.refs.put("object_type", new Ref("object_type", "object_type_id", "ObjectType"));
    typed.refs.put("type", new Ref("type", "type_id", "Type"));
    typed.refs.put("status", new Ref("status", "status_id", "Status"));
    typed.colls.put("ancestors", new Coll("ancestors", "TypedContext", null));
    typed.colls.put("descendants", new Coll("descendants", "TypedContext", null));
    typed.system.addAll(List.of("context_type", "object_type_id", "project_id"));
    typed.defaults.put("context_type", "task");
    for (String sub :
        List.of("Task", "Shot", "Sequence", "Episode", "AssetBuild", "Folder", "Milestone")) {
      s.type(sub, "TypedContext");
    }
    s.type("ObjectType", null, "id", "name", "is_leaf", "is_schedulable");
    s.type("Type", null, "id", "name", "color");
    Type status = s.type("Status", null, "id", "name", "color", "is_active", "sort", "state_id");
    status.refs.put("state", new Ref("state", "state_id", "State"));
    s.type("State", null, "id", "name", "short");
    s.type("AssetType", null, "id", "name", "short");

    Type asset = s.type("Asset", null, "id", "name", "context_id", "type_id");
    asset.refs.put("parent", new Ref("parent", "context_id", "Context"));
    asset.refs.put("type", new Ref("type", "type_id", "AssetType"));
    asset.colls.put("versions", new Coll("versions", "AssetVersion", "asset_id"));
    // Computed by the server: the version with the highest number.
    asset.refs.put("latest_version", new Ref("latest_version", LATEST_VERSION_KEY, "AssetVersion"));
    asset.computed.add("latest_version");

    Type version =
        s.type(
            "AssetVersion",
            null,
            "id",
            "version",
            "asset_id",
            "task_id",
            "user_id",
            "status_id",
            "comment",
            "date",
            "is_published",
            "thumbnail_id",
            "is_latest_version",
            "link");
    // link: the asset's context link plus the version itself, which the official client's
    // StandardStructure reads to build paths.
    version.computed.addAll(List.of("is_latest_version", "link"));
    version.refs.put("asset", new Ref("asset", "asset_id", "Asset"));
    version.refs.put("task", new Ref("task", "task_id", "TypedContext"));
    version.refs.put("user", new Ref("user", "user_id", "User"));
    version.refs.put("status", new Ref("status", "status_id", "Status"));
    version.colls.put("components", new Coll("components", "Component", "version_id"));
    version.colls.put(
        "review_session_objects",
        new Coll("review_session_objects", "ReviewSessionObject", "version_id"));
    version.defaults.put("is_published", true);
    version.defaults.put("comment", "");

    Type component =
        s.type(
            "Component",
            null,
            "id",
            "name",
            "file_type",
            "size",
            "system_type",
            "version_id",
            "container_id");
    component.refs.put("version", new Ref("version", "version_id", "AssetVersion"));
    component.refs.put("container", new Ref("container", "container_id", "Component"));
    component.colls.put(
        "component_locations",
        new Coll("component_locations", "ComponentLocation", "component_id"));
    component.system.addAll(List.of("system_type", "version_id"));
    component.defaultProjections.addAll(List.of("id", "system_type"));
    component.defaults.put("name", "main");
    component.defaults.put("size", 0L);
    component.defaults.put("system_type", "file");
    s.type("FileComponent", "Component");
    Type sequence = s.type("SequenceComponent", "Component", "padding");
    sequence.colls.put("members", new Coll("members", "Component", "container_id"));
    sequence.defaults.put("padding", 0L);
    sequence.defaults.put("system_type", "sequence");
    Type container = s.type("ContainerComponent", "Component");
    container.colls.put("members", new Coll("members", "Component", "container_id"));
    container.defaults.put("system_type", "container");

    Type cl =
        s.type(
            "ComponentLocation",
            null,
            "id",
            "component_id",
            "location_id",
            "resource_identifier",
            "url");
    cl.computed.add("url");
    cl.refs.put("component", new Ref("component", "component_id", "Component"));
    cl.refs.put("location", new Ref("location", "location_id", "Location"));
    cl.system.addAll(List.of("location_id", "component_id"));

    Type location = s.type("Location", null, "id", "name", "label", "description");
    location.colls.put(
        "location_components", new Coll("location_components", "ComponentLocation", "location_id"));

    Type job =
        s.type("Job", null, "id", "status", "type", "data", "user_id", "created_at", "finished_at");
    job.refs.put("user", new Ref("user", "user_id", "User"));
    job.defaults.put("status", "queued");
    job.defaults.put("type", "api_job");
    job.immutable.add("type");

    s.type(
        "User",
        null,
        "id",
        "username",
        "first_name",
        "last_name",
        "email",
        "is_active",
        "user_type",
        "resource_type",
        "thumbnail_id");

    Type rs =
        s.type(
            "ReviewSession",
            null,
            "id",
            "name",
            "description",
            "project_id",
            "start_date",
            "end_date",
            "created_at",
            "created_by_id",
            "is_open",
            "passphrase",
            "created_by_id");
    rs.refs.put("created_by", new Ref("created_by", "created_by_id", "User"));
    rs.refs.put("project", new Ref("project", "project_id", "Project"));
    rs.colls.put(
        "review_session_objects",
        new Coll("review_session_objects", "ReviewSessionObject", "review_session_id"));
    rs.colls.put(
        "review_session_invitees",
        new Coll("review_session_invitees", "ReviewSessionInvitee", "review_session_id"));
    Type rso =
        s.type(
            "ReviewSessionObject",
            null,
            "id",
            "name",
            "description",
            "version",
            "version_id",
            "review_session_id",
            "sort_order");
    rso.refs.put("asset_version", new Ref("asset_version", "version_id", "AssetVersion"));
    rso.refs.put("review_session", new Ref("review_session", "review_session_id", "ReviewSession"));
    Type rsi =
        s.type(
            "ReviewSessionInvitee",
            null,
            "id",
            "name",
            "email",
            "review_session_id",
            "created_at",
            "last_sent_at",
            "created_by_id");
    rsi.refs.put("created_by", new Ref("created_by", "created_by_id", "User"));
    rsi.refs.put("review_session", new Ref("review_session", "review_session_id", "ReviewSession"));

    Type list = s.type("List", null, "id", "name", "project_id", "is_open", "category_id");
    list.refs.put("project", new Ref("project", "project_id", "Project"));
    // As in the real schema, only the concrete list types have items.
    s.type("AssetVersionList", "List").colls.put("items", new Coll("items", "AssetVersion", null));
    s.type("TypedContextList", "List").colls.put("items", new Coll("items", "TypedContext", null));
    return s;
  }

  private Type type(String name, String base, String... scalars) {
    Type t = new Type(name, base);
    for (String a : scalars) {
      t.scalars.add(a);
    }
    types.put(name, t);
    return t;
  }

  /** The type with this name. */
  public Optional<Type> find(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /** Whether {@code type} is {@code base} or a subtype of it. */
  public boolean isA(String type, String base) {
    String t = type;
    while (t != null) {
      if (t.equals(base)) {
        return true;
      }
      Type def = types.get(t);
      t = def == null ? null : def.base;
    }
    return false;
  }

  /** Every type name, in definition order. */
  public List<String> names() {
    return List.copyOf(types.keySet());
  }

  /** The reference of that name on the type or one of its bases. */
  public Optional<Ref> ref(String type, String attribute) {
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      Ref r = t.refs.get(attribute);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The collection of that name on the type or one of its bases. */
  public Optional<Coll> coll(String type, String attribute) {
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      Coll c = t.colls.get(attribute);
      if (c != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether the scalar is declared on the type or one of its bases. */
  public boolean hasScalar(String type, String attribute) {
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      if (t.scalars.contains(attribute)) {
        return true;
      }
    }
    return false;
  }

  /** The system projections, always returned. */
  public List<String> systemProjections(String type) {
    List<String> out = new ArrayList<>();
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      out.addAll(0, t.system);
    }
    return out;
  }

  /** Whether the server computes the attribute (it cannot be set). */
  public boolean isComputed(String type, String attribute) {
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      if (t.computed.contains(attribute)) {
        return true;
      }
    }
    return false;
  }

  /** Default values, the most specific type winning. */
  public Map<String, Object> defaults(String type) {
    List<Type> chain = new ArrayList<>();
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      chain.add(0, t);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Type t : chain) {
      out.putAll(t.defaults);
    }
    return out;
  }

  /**
   * The type as {@code query_schemas} describes it (see docs/protocol/ftrack.md, "Session start and
   * schemas"): primary key, default and system projections, immutable attributes and typed
   * properties with their defaults. The official Python client builds its entity classes from
   * exactly these keys: {@code default_projections} fills a query without {@code select}, a {@code
   * "{uid}"} default gives new entities their id, {@code format: "date-time"} makes an attribute a
   * datetime.
   */
  public Map<String, Object> describe(String type) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", type);
    s.put("type", "object");
    s.put("primary_key", List.of("id"));
    s.put("default_projections", defaultProjections(type));
    s.put("system_projections", systemProjections(type));
    Set<String> immutable = new LinkedHashSet<>(List.of("id"));
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      immutable.addAll(t.immutable);
    }
    Set<String> computed = new LinkedHashSet<>();
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      computed.addAll(t.computed);
    }
    immutable.addAll(computed);
    s.put("immutable", List.copyOf(immutable));
    s.put("computed", List.copyOf(computed));
    s.put("properties", properties(type));
    return s;
  }

  private List<String> defaultProjections(String type) {
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      if (!t.defaultProjections.isEmpty()) {
        return List.copyOf(t.defaultProjections);
      }
    }
    return List.of("id");
  }

  private Map<String, Object> properties(String type) {
    Map<String, Object> defaults = defaults(type);
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Type t = types.get(type); t != null; t = t.base == null ? null : types.get(t.base)) {
      for (String a : t.scalars) {
        if (!properties.containsKey(a)) {
          Map<String, Object> p = new LinkedHashMap<>(scalarType(type, a));
          if (a.equals("id")) {
            p.put("default", "{uid}");
          } else if (defaults.containsKey(a)) {
            p.put("default", defaults.get(a));
          }
          properties.put(a, p);
        }
      }
      for (Ref r : t.refs.values()) {
        properties.putIfAbsent(r.attribute(), Map.of("$ref", r.target()));
      }
      for (Coll c : t.colls.values()) {
        properties.putIfAbsent(
            c.attribute(), Map.of("type", "array", "items", Map.of("$ref", c.target())));
      }
    }
    return properties;
  }

  private static final Set<String> DATETIMES =
      Set.of("start_date", "end_date", "date", "created_at", "finished_at", "last_sent_at");
  private static final Set<String> INTEGERS =
      Set.of("size", "version", "padding", "sort_order", "sort");

  /** The JSON-schema type of a scalar, as the real schema declares it. */
  private static Map<String, Object> scalarType(String type, String attribute) {
    if (attribute.equals("id")) {
      return Map.of("type", "string");
    }
    if (attribute.endsWith("_id")) {
      return Map.of("type", "string", "format", "foreign_key");
    }
    if (DATETIMES.contains(attribute)) {
      return Map.of("type", "string", "format", "date-time");
    }
    if (attribute.equals("data") && type.equals("Job")) {
      // A string holding JSON, not an object.
      return Map.of("type", "string", "format", "json");
    }
    if (attribute.startsWith("is_")) {
      return Map.of("type", "boolean");
    }
    if (INTEGERS.contains(attribute)) {
      return Map.of("type", "integer");
    }
    if (attribute.equals("bid")) {
      return Map.of("type", "number");
    }
    if (attribute.equals("url")) {
      // ComponentLocation.url: {"value": <download url or null>}.
      return Map.of("type", "object");
    }
    if (attribute.equals("link")) {
      // Declared as a string by the real schema, although the value is a list.
      return Map.of("type", "string");
    }
    return Map.of("type", "variable");
  }
}
