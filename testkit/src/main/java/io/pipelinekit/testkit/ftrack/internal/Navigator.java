package io.pipelinekit.testkit.ftrack.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows attributes from a row: references (one row or none), collections (inverse foreign keys,
 * or computed: {@code ancestors}, {@code descendants}, list {@code items}) and scalars.
 */
public final class Navigator {
  /** What an attribute is on a type. */
  public enum Kind {
    /** A plain value. */
    SCALAR,
    /** One related row. */
    REF,
    /** Several related rows. */
    COLL
  }

  /** The id of the built-in {@code ftrack.server} location, whose components have a url. */
  static final String SERVER_LOCATION_ID = "3a372bde-05bc-11e4-8908-20c9d081909b";

  private final Store.Snapshot db;
  private final Schema schema;
  private final String serverUrl;

  /** A navigator over one snapshot. */
  public Navigator(Store.Snapshot db) {
    this(db, "");
  }

  /**
   * A navigator over one snapshot of a server at a URL.
   *
   * @param db the snapshot
   * @param serverUrl the server's base URL, for computed download URLs
   */
  public Navigator(Store.Snapshot db, String serverUrl) {
    this.db = db;
    this.schema = db.schema();
    this.serverUrl = serverUrl;
  }

  /** The snapshot. */
  public Store.Snapshot db() {
    return db;
  }

  /**
   * What the attribute is on this row's type; throws a ServerError naming the type if it has no
   * such attribute.
   */
  public Kind kind(Row row, String attribute) {
    return kind(row.type(), attribute, row.attributes().containsKey(attribute));
  }

  /** What the attribute is on a type. */
  public Kind kind(String type, String attribute, boolean present) {
    if (schema.ref(type, attribute).isPresent()) {
      return Kind.REF;
    }
    if (schema.coll(type, attribute).isPresent()) {
      return Kind.COLL;
    }
    if (present || schema.hasScalar(type, attribute)) {
      return Kind.SCALAR;
    }
    throw FtrackError.server(type + " has no attribute \"" + attribute + "\"");
  }

  /**
   * The value of a scalar; {@code link} of a context is computed: {@code {id, name, type}} from the
   * project down to the context itself, {@code type} being {@code Project} or {@code TypedContext}.
   */
  public Object scalar(Row row, String attribute) {
    if (attribute.equals("link") && row.type().equals("AssetVersion")) {
      Row asset = db.get(row.str("asset_id"));
      Row context = asset == null ? null : db.get(asset.str("context_id"));
      @SuppressWarnings("unchecked")
      List<Object> link =
          context == null
              ? new ArrayList<>()
              : new ArrayList<>((List<Object>) scalar(context, "link"));
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", row.id());
      item.put("name", (asset == null ? "" : asset.get("name")) + " v" + row.get("version"));
      item.put("type", "AssetVersion");
      link.add(item);
      return link;
    }
    if (attribute.equals("is_latest_version") && row.type().equals("AssetVersion")) {
      return latestVersion(row.str("asset_id")).map(v -> v.id().equals(row.id())).orElse(false);
    }
    if (attribute.equals("url") && row.type().equals("ComponentLocation")) {
      Map<String, Object> url = new LinkedHashMap<>();
      url.put(
          "value",
          SERVER_LOCATION_ID.equals(row.get("location_id"))
              ? serverUrl + "/component/get?id=" + row.get("component_id")
              : null);
      return url;
    }
    if (attribute.equals("link") && schema.isA(row.type(), "Context")) {
      List<Object> link = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Row c = row; c != null && seen.add(c.id()); c = db.get(c.str("parent_id"))) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", c.id());
        item.put("name", c.get("name"));
        item.put("type", schema.isA(c.type(), "Project") ? "Project" : "TypedContext");
        link.add(0, item);
      }
      return link;
    }
    return row.get(attribute);
  }

  /** The related row of a reference. */
  public Optional<Row> ref(Row row, String attribute) {
    Schema.Ref r = schema.ref(row.type(), attribute).orElseThrow();
    if (r.foreignKey().equals(Schema.LATEST_VERSION_KEY)) {
      return latestVersion(row.id());
    }
    Row target = db.get(row.str(r.foreignKey()));
    return Optional.ofNullable(target);
  }

  /** The version of an asset with the highest number. */
  private Optional<Row> latestVersion(String assetId) {
    Row latest = null;
    for (Row v : db.where("asset_id", assetId)) {
      if (v.type().equals("AssetVersion")
          && v.get("version") instanceof Number n
          && (latest == null || n.longValue() > ((Number) latest.get("version")).longValue())) {
        latest = v;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The rows of a collection, in creation order. */
  public List<Row> coll(Row row, String attribute) {
    Schema.Coll c = schema.coll(row.type(), attribute).orElseThrow();
    if (c.inverseKey() != null) {
      List<Row> out = new ArrayList<>();
      for (Row r : db.where(c.inverseKey(), row.id())) {
        if (schema.isA(r.type(), c.target())) {
          out.add(r);
        }
      }
      return out;
    }
    switch (attribute) {
      case "ancestors":
        return ancestors(row);
      case "descendants":
        return descendants(row);
      case "items":
        List<Row> items = new ArrayList<>();
        Object ids = row.get("_items");
        if (ids instanceof List<?> l) {
          for (Object id : l) {
            Row r = db.get(String.valueOf(id));
            if (r != null) {
              items.add(r);
            }
          }
        }
        return items;
      default:
        throw FtrackError.server("cannot compute " + attribute);
    }
  }

  /** The TypedContext ancestors of a context, root first (the project is not a TypedContext). */
  public List<Row> ancestors(Row row) {
    List<Row> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Row p = db.get(row.str("parent_id"));
    while (p != null && seen.add(p.id()) && schema.isA(p.type(), "TypedContext")) {
      out.add(0, p);
      p = db.get(p.str("parent_id"));
    }
    return out;
  }

  /** Every TypedContext below a context, breadth first. */
  public List<Row> descendants(Row row) {
    List<Row> out = new ArrayList<>();
    List<Row> frontier = List.of(row);
    Set<String> seen = new LinkedHashSet<>();
    while (!frontier.isEmpty()) {
      List<Row> next = new ArrayList<>();
      for (Row f : frontier) {
        for (Row child : db.where("parent_id", f.id())) {
          if (schema.isA(child.type(), "TypedContext") && seen.add(child.id())) {
            out.add(child);
            next.add(child);
          }
        }
      }
      frontier = next;
    }
    return out;
  }

  /**
   * The values at the end of a dotted path, with the "any element" semantics of dotted conditions
   * on collections. A reference at the end yields its foreign-key value; a missing related row
   * yields null.
   */
  public List<Object> values(Row row, String path) {
    String[] parts = path.split("\\.");
    List<Row> current = List.of(row);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      List<Row> next = new ArrayList<>();
      for (Row r : current) {
        Kind k = kind(r, parts[i]);
        if (k == Kind.SCALAR) {
          if (!last) {
            throw FtrackError.server(
                "\"" + parts[i] + "\" of " + r.type() + " is not a relation in " + path);
          }
          out.add(scalar(r, parts[i]));
        } else if (k == Kind.REF) {
          Optional<Row> t = ref(r, parts[i]);
          if (last) {
            out.add(t.map(Row::id).orElse(null));
          } else if (t.isPresent()) {
            next.add(t.get());
          } else {
            out.add(null);
          }
        } else {
          List<Row> rows = coll(r, parts[i]);
          if (last) {
            rows.forEach(x -> out.add(x.id()));
          } else {
            next.addAll(rows);
          }
        }
      }
      current = next;
    }
    return out;
  }

  /** The rows at the end of a dotted path of relations. */
  public List<Row> rows(Row row, String path) {
    List<Row> current = List.of(row);
    for (String part : path.split("\\.")) {
      List<Row> next = new ArrayList<>();
      for (Row r : current) {
        Kind k = kind(r, part);
        if (k == Kind.REF) {
          ref(r, part).ifPresent(next::add);
        } else if (k == Kind.COLL) {
          next.addAll(coll(r, part));
        } else {
          throw FtrackError.server(
              "\"" + part + "\" of " + r.type() + " is not a relation; has/any need one");
        }
      }
      current = next;
    }
    return current;
  }
}
