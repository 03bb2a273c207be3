package io.pipelinekit.testkit.ftrack.internal;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;

/**
 * Runs one {@code /api} batch atomically: {@code query}, {@code create}, {@code update}, {@code
 * delete}, {@code query_server_information} and {@code query_schemas}. Any failure rolls the whole
 * batch back and becomes the error envelope.
 */
public final class ApiHandler {
  private static final Set<String> JOB_STATUSES = Set.of("queued", "running", "done", "failed");

  private final Store store;
  private final ServerSettings settings;
  private final Map<String, FtrackError> createRejections = new ConcurrentHashMap<>();
  private volatile String serverUrl = "";

  /** The latest queries' results, valid while the store's version is the one they were read at. */
  private final Map<Matching, List<Row>> recentResults = new HashMap<>();

  private long recentResultsVersion = -1;

  /** A handler over the store. */
  public ApiHandler(Store store, ServerSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** Makes every batch that creates an entity of this type fail with the error. */
  public void rejectCreates(String type, FtrackError error) {
    createRejections.put(type, error);
  }

  /** Clears the rules of {@link #rejectCreates}. */
  public void clearRejections() {
    createRejections.clear();
  }

  /** The server settings. */
  public ServerSettings settings() {
    return settings;
  }

  /**
   * Runs the operations in one transaction.
   *
   * @param operations the decoded request body
   * @param readOnly whether the caller may only read (writes raise PermissionError)
   * @param username the caller, for messages
   * @return one result per operation
   */
  public List<Object> handle(List<?> operations, boolean readOnly, String username) {
    return store.transaction(
        db -> {
          List<Object> out = new ArrayList<>();
          for (Object o : operations) {
            if (!(o instanceof Map<?, ?> op)) {
              throw FtrackError.server("Each operation must be an object");
            }
            out.add(one(db, op, readOnly, username));
          }
          return out;
        });
  }

  /**
   * Runs the operations in one transaction and writes the answer as JSON as it goes: each result is
   * written as soon as its operation has run, and a query's rows one by one, so a large answer is
   * never held as a tree of maps next to its text.
   *
   * @param operations the decoded request body
   * @param readOnly whether the caller may only read (writes raise PermissionError)
   * @param username the caller, for messages
   * @return the JSON list of results
   */
  public Buffer handleAsJson(List<?> operations, boolean readOnly, String username) {
    return store.transaction(
        db -> {
          Buffer out = new Buffer();
          try (JsonWriter w = JsonWriter.of(out)) {
            w.setSerializeNulls(true);
            w.beginArray();
            for (Object o : operations) {
              if (!(o instanceof Map<?, ?> op)) {
                throw FtrackError.server("Each operation must be an object");
              }
              // Written before the next operation runs: a query's rows as they were at its turn.
              WireJson.write(w, one(db, op, readOnly, username, true));
            }
            w.endArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out;
        });
  }

  private Object one(Store.Snapshot db, Map<?, ?> op, boolean readOnly, String username) {
    return one(db, op, readOnly, username, false);
  }

  private Object one(
      Store.Snapshot db, Map<?, ?> op, boolean readOnly, String username, boolean streamed) {
    Object action = op.get("action");
    if (!(action instanceof String a)) {
      throw FtrackError.server("Operation without an action");
    }
    switch (a) {
      case "query_server_information":
        return serverInformation(db);
      case "query_schemas":
        return schemas(db.schema());
      case "query":
        return query(db, op, streamed);
      case "create":
      case "update":
      case "delete":
        if (readOnly) {
          throw FtrackError.permission(
              "Permission denied: user \""
                  + username
                  + "\" may not "
                  + a
                  + " "
                  + op.get("entity_type"));
        }
        return "create".equals(a)
            ? create(db, op)
            : "update".equals(a) ? update(db, op) : delete(db, op);
      default:
        throw FtrackError.server("Invalid action u'" + a + "'");
    }
  }

  private Map<String, Object> serverInformation(Store.Snapshot db) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", settings.version());
    m.put("schema_hash", SchemaHash.of(schemas(db.schema())));
    m.put("is_timezone_support_enabled", settings.timezoneSupport());
    m.put(
        "storage_scenario",
        settings.storageScenario() == null
            ? Map.of("scenario", "ftrack.automatic", "data", Map.of())
            : settings.storageScenario());
    m.put("is_nested_subqueries_enabled", true);
    return m;
  }

  private static List<Object> schemas(Schema schema) {
    List<Object> out = new ArrayList<>();
    for (String name : schema.names()) {
      out.add(schema.describe(name));
    }
    return out;
  }

  /**
   * Runs a query. Its rows are encoded now, or, when {@code streamed}, one by one as the answer is
   * written (which must happen before anything else touches the store).
   */
  private Map<String, Object> query(Store.Snapshot db, Map<?, ?> op, boolean streamed) {
    Object e = op.get("expression");
    if (!(e instanceof String expression)) {
      throw FtrackError.server("query needs an expression");
    }
    QueryAst.Select q = QueryParser.parse(expression);
    Navigator nav = new Navigator(db, serverUrl);
    if (db.schema().find(q.type()).isPresent()) {
      // The server checks projections against the queried type, not against each row's subtype:
      // "select padding from Component" fails even if every row is a SequenceComponent.
      for (String p : q.projections()) {
        nav.kind(q.type(), p.split("\\.")[0], false);
      }
    }
    List<Row> rows = matching(db, nav, q);
    long offset = q.offset() == null ? 0 : q.offset();
    long end = q.limit() == null ? rows.size() : Math.min(rows.size(), offset + q.limit());
    List<Row> page = offset >= rows.size() ? List.of() : rows.subList((int) offset, (int) end);
    ResponseEncoder enc = new ResponseEncoder(nav, naiveZone());
    ResponseEncoder.Tree tree = ResponseEncoder.Tree.of(q.projections());
    for (Row r : page) {
      enc.collect(r, tree);
    }
    Iterable<Object> data;
    if (streamed) {
      data = () -> page.stream().<Object>map(enc::emit).iterator();
    } else {
      List<Object> all = new ArrayList<>();
      for (Row r : page) {
        all.add(enc.emit(r));
      }
      data = all;
    }
    Object next = null;
    if (q.limit() != null) {
      boolean more = end < rows.size();
      boolean full = page.size() == q.limit() && q.limit() > 0;
      if (more || (full && settings.nextOffsetOnFullPage())) {
        next = offset + q.limit();
      }
    }
    Map<String, Object> nextMap = new LinkedHashMap<>();
    nextMap.put("offset", next);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", "query");
    out.put("data", data);
    out.put("metadata", Map.of("next", nextMap));
    return out;
  }

  /** What a query matches, whatever its projections, offset and limit. */
  private record Matching(String type, QueryAst.Node where, List<QueryAst.OrderItem> orderBy) {}

  /**
   * The rows a query matches, ordered. A client reads a large result page by page, repeating the
   * query with a growing offset; as long as nothing was written in between, the next page comes
   * from the same list instead of evaluating the query again over every row, so reading N rows
   * costs O(N), not O(N * pages).
   */
  private List<Row> matching(Store.Snapshot db, Navigator nav, QueryAst.Select q) {
    Matching key = new Matching(q.type(), q.where(), q.orderBy());
    synchronized (recentResults) {
      if (recentResultsVersion != db.version() || recentResults.size() >= 16) {
        recentResults.clear();
        recentResultsVersion = db.version();
      }
      List<Row> rows = recentResults.get(key);
      if (rows == null) {
        rows = List.copyOf(new Evaluator(nav, naiveZone()).select(q));
        recentResults.put(key, rows);
      }
      return rows;
    }
  }

  // ------------------------------------------------------------------ writes

  private static String entityType(Store.Snapshot db, Map<?, ?> op) {
    Object t = op.get("entity_type");
    if (!(t instanceof String type) || db.schema().find(type).isEmpty()) {
      throw FtrackError.server("Unknown entity type \"" + t + "\"");
    }
    return type;
  }

  private static String key(Map<?, ?> op, Map<?, ?> data) {
    Object k = op.get("entity_key");
    if (k instanceof List<?> l && l.size() == 1) {
      return String.valueOf(l.get(0));
    }
    if (k instanceof String s) {
      return s;
    }
    Object id = data == null ? null : data.get("id");
    return id == null ? null : String.valueOf(id);
  }

  private Map<String, Object> create(Store.Snapshot db, Map<?, ?> op) {
    String type = entityType(db, op);
    if (type.equals("Context") || type.equals("TypedContext") || type.equals("List")) {
      throw FtrackError.server("Cannot create an instance of the abstract type " + type);
    }
    FtrackError rejection = createRejections.get(type);
    if (rejection != null) {
      throw rejection;
    }
    Map<?, ?> data = op.get("entity_data") instanceof Map<?, ?> m ? m : Map.of();
    checkEntityType(type, data);
    String id = key(op, data);
    if (id == null) {
      id = db.newId();
    }
    if (db.get(id) != null) {
      throw new FtrackError(
          "DuplicateEntryError", "Duplicate entry: " + type + " with id " + id + " exists", 409);
    }
    Map<String, Object> attrs = new LinkedHashMap<>(db.schema().defaults(type));
    attrs.put("id", id);
    apply(db, type, attrs, data);
    if (!attrs.containsKey("created_at") && db.schema().hasScalar(type, "created_at")) {
      attrs.put("created_at", Instant.now(db.clock()));
    }
    Row row = new Row(type, attrs);
    row = validate(db, row, true);
    db.put(row);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", "create");
    out.put("data", encoder(db).full(row));
    return out;
  }

  private Map<String, Object> update(Store.Snapshot db, Map<?, ?> op) {
    String type = entityType(db, op);
    Map<?, ?> data = op.get("entity_data") instanceof Map<?, ?> m ? m : Map.of();
    checkEntityType(type, data);
    String id = key(op, null);
    Row existing = db.get(id);
    if (existing == null || !db.schema().isA(existing.type(), type)) {
      throw FtrackError.server("Entity " + type + "(" + id + ") not found");
    }
    Map<String, Object> attrs = new LinkedHashMap<>(existing.attributes());
    apply(db, existing.type(), attrs, data);
    if (existing.type().equals("Job")
        && !"done".equals(existing.get("status"))
        && !"failed".equals(existing.get("status"))
        && ("done".equals(attrs.get("status")) || "failed".equals(attrs.get("status")))) {
      attrs.put("finished_at", Instant.now(db.clock()));
    }
    Row row = validate(db, new Row(existing.type(), attrs), false);
    db.put(row);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", "update");
    out.put("data", encoder(db).full(row));
    return out;
  }

  private Map<String, Object> delete(Store.Snapshot db, Map<?, ?> op) {
    String type = entityType(db, op);
    String id = key(op, null);
    Row existing = db.get(id);
    if (existing == null || !db.schema().isA(existing.type(), type)) {
      throw FtrackError.server("Entity " + type + "(" + id + ") not found");
    }
    db.remove(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", "delete");
    out.put("data", true);
    return out;
  }

  private ResponseEncoder encoder(Store.Snapshot db) {
    return new ResponseEncoder(new Navigator(db, serverUrl), naiveZone());
  }

  /**
   * The zone of naive datetimes, in answers and in query literals alike: UTC with timezone support,
   * otherwise the server's own zone.
   */
  private ZoneId naiveZone() {
    return settings.timezoneSupport() ? ZoneOffset.UTC : settings.zone();
  }

  /**
   * Sets the server's base URL once it listens, for computed download URLs.
   *
   * @param url e.g. {@code http://127.0.0.1:8182}
   */
  public void serverUrl(String url) {
    this.serverUrl = url;
  }

  private static void checkEntityType(String type, Map<?, ?> data) {
    Object t = data.get("__entity_type__");
    if (t != null && !type.equals(t)) {
      throw FtrackError.server(
          "entity_data.__entity_type__ \"" + t + "\" does not match entity_type \"" + type + "\"");
    }
  }

  /**
   * Copies attributes from the wire into a row: references to foreign keys, datetimes unwrapped.
   */
  private void apply(Store.Snapshot db, String type, Map<String, Object> attrs, Map<?, ?> data) {
    Schema schema = db.schema();
    for (Map.Entry<?, ?> e : data.entrySet()) {
      String name = String.valueOf(e.getKey());
      Object value = e.getValue();
      if (name.equals("__entity_type__")) {
        continue;
      }
      if (name.equals("id") && attrs.containsKey("id") && !attrs.get("id").equals(value)) {
        throw FtrackError.server("The id of an entity cannot be changed");
      }
      var ref = schema.ref(type, name);
      if (ref.isPresent()) {
        String target = null;
        if (value instanceof Map<?, ?> m) {
          target = m.get("id") == null ? null : String.valueOf(m.get("id"));
        } else if (value instanceof String s) {
          target = s;
        } else if (value != null) {
          throw FtrackError.validation(name + " must be an entity reference");
        }
        attrs.put(ref.get().foreignKey(), target);
        continue;
      }
      if (schema.isComputed(type, name)) {
        throw FtrackError.server(
            type + "." + name + " is computed by the server and cannot be set");
      }
      if (schema.coll(type, name).isPresent()) {
        if (name.equals("members") && value instanceof List<?> l) {
          // The official client's create_component appends each member to the sequence and
          // commits that as an update of the whole collection.
          setMembers(db, String.valueOf(attrs.get("id")), l);
          continue;
        }
        if (name.equals("items") && value instanceof List<?> l) {
          List<String> ids = new ArrayList<>();
          for (Object o : l) {
            ids.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : String.valueOf(o));
          }
          attrs.put("_items", ids);
          continue;
        }
        throw FtrackError.server(
            "Collection \""
                + name
                + "\" of "
                + type
                + " cannot be set; create the members instead");
      }
      if (!schema.hasScalar(type, name)) {
        throw FtrackError.server(type + " has no attribute \"" + name + "\"");
      }
      attrs.put(name, unwrap(value));
    }
  }

  /** Makes exactly the listed components the members of a container. */
  private static void setMembers(Store.Snapshot db, String containerId, List<?> members) {
    List<String> ids = new ArrayList<>();
    for (Object o : members) {
      String id = o instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : String.valueOf(o);
      Row member = db.get(id);
      if (member == null || !db.schema().isA(member.type(), "Component")) {
        throw FtrackError.validation("members: no Component with id " + id);
      }
      ids.add(id);
    }
    for (Row old : db.where("container_id", containerId)) {
      if (!ids.contains(old.id())) {
        Map<String, Object> a = new LinkedHashMap<>(old.attributes());
        a.put("container_id", null);
        db.put(new Row(old.type(), a));
      }
    }
    for (String id : ids) {
      Row member = db.get(id);
      if (!containerId.equals(member.get("container_id"))) {
        Map<String, Object> a = new LinkedHashMap<>(member.attributes());
        a.put("container_id", containerId);
        db.put(new Row(member.type(), a));
      }
    }
  }

  private Object unwrap(Object value) {
    if (value instanceof Map<?, ?> m && m.get("__type__") != null) {
      String v = String.valueOf(m.get("value"));
      if ("date".equals(m.get("__type__"))) {
        return LocalDate.parse(v.substring(0, 10));
      }
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        LocalDateTime t = LocalDateTime.parse(v);
        return t.atZone(settings.timezoneSupport() ? ZoneOffset.UTC : settings.zone()).toInstant();
      }
    }
    if (value instanceof BigDecimal d && d.scale() <= 0) {
      return d.longValue();
    }
    return value;
  }

  /** Server-side checks: existing references, required fields, enums, unique names. */
  private Row validate(Store.Snapshot db, Row row, boolean created) {
    Schema schema = db.schema();
    for (String fk : row.attributes().keySet()) {
      if (fk.endsWith("_id") && row.get(fk) != null && !fk.equals("thumbnail_id")) {
        String target = targetOf(schema, row.type(), fk);
        if (target != null) {
          Row r = db.get(row.str(fk));
          if (r == null || !schema.isA(r.type(), target)) {
            throw FtrackError.validation(
                row.type() + "." + fk + ": no " + target + " with id " + row.get(fk));
          }
        }
      }
    }
    switch (schema.isA(row.type(), "Component") ? "Component" : row.type()) {
      case "Asset":
        require(row, "name", "context_id", "type_id");
        break;
      case "AssetVersion":
        require(row, "asset_id");
        if (row.get("version") == null) {
          long max = 0;
          for (Row v : db.where("asset_id", row.get("asset_id"))) {
            if (v.get("version") instanceof Number n && !v.id().equals(row.id())) {
              max = Math.max(max, n.longValue());
            }
          }
          row = row.with(Map.of("version", max + 1));
        }
        break;
      case "ComponentLocation":
        require(row, "component_id", "location_id", "resource_identifier");
        for (Row other : db.where("component_id", row.get("component_id"))) {
          if (other.type().equals("ComponentLocation")
              && !other.id().equals(row.id())
              && row.get("location_id").equals(other.get("location_id"))) {
            throw new FtrackError(
                "DuplicateEntryError",
                "Duplicate entry: component "
                    + row.get("component_id")
                    + " is already in location "
                    + row.get("location_id"),
                409);
          }
        }
        break;
      case "Location":
        require(row, "name");
        for (Row other : db.ofType("Location")) {
          if (!other.id().equals(row.id()) && other.get("name").equals(row.get("name"))) {
            throw new FtrackError(
                "DuplicateEntryError",
                "Duplicate entry: a location named " + row.get("name") + " exists",
                409);
          }
        }
        break;
      case "Job":
        if (!JOB_STATUSES.contains(String.valueOf(row.get("status")))) {
          throw FtrackError.validation(
              "Job.status \""
                  + row.get("status")
                  + "\" is not one of queued, running, done, failed");
        }
        if (!"api_job".equals(row.get("type"))) {
          throw FtrackError.validation("Job.type must be api_job");
        }
        if (row.get("data") != null && !(row.get("data") instanceof String)) {
          throw FtrackError.validation("Job.data must be a string holding JSON");
        }
        break;
      case "Component":
        require(row, "name");
        break;
      default:
        if (schema.isA(row.type(), "TypedContext")) {
          require(row, "name", "parent_id");
          Row parent = db.get(row.str("parent_id"));
          row =
              row.with(
                  Map.of(
                      "project_id",
                      parent.get("project_id") != null ? parent.get("project_id") : parent.id()));
        }
    }
    return row;
  }

  private static String targetOf(Schema schema, String type, String fk) {
    for (String name : schema.names()) {
      if (!schema.isA(type, name)) {
        continue;
      }
      Schema.Type t = schema.find(name).orElseThrow();
      for (Schema.Ref r : t.refs.values()) {
        if (r.foreignKey().equals(fk)) {
          return r.target();
        }
      }
    }
    return null;
  }

  private static void require(Row row, String... attributes) {
    for (String a : attributes) {
      if (row.get(a) == null) {
        throw FtrackError.validation(row.type() + "." + a + " is required");
      }
    }
  }
}
