package io.pipelinekit.testkit.ftrack.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes entities the way the server does (see docs/protocol/ftrack.md, "Encoding entities"):
 * {@code __entity_type__}, the key and the system projections always; the projected attributes;
 * nested relations as nested entities; and each entity fully only the first time it occurs in a
 * response, later as a bare reference.
 *
 * <p>Two passes: the first gathers, per entity, the union of everything any path of the response
 * projects on it; the second writes. So the full first occurrence carries all of it.
 */
public final class ResponseEncoder {
  private static final DateTimeFormatter NAIVE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** Projected attributes with their sub-projections. */
  public static final class Tree {
    final Map<String, Tree> children = new LinkedHashMap<>();

    /** Parses projection paths into a tree. */
    public static Tree of(List<String> paths) {
      Tree root = new Tree();
      for (String p : paths) {
        Tree t = root;
        for (String part : p.split("\\.")) {
          t = t.children.computeIfAbsent(part, k -> new Tree());
        }
      }
      return root;
    }

    /** Whether every path of {@code other} is a path of this tree. */
    boolean covers(Tree other) {
      if (other == this) {
        return true;
      }
      for (Map.Entry<String, Tree> e : other.children.entrySet()) {
        Tree mine = children.get(e.getKey());
        if (mine == null || !mine.covers(e.getValue())) {
          return false;
        }
      }
      return true;
    }

    /** A new tree with the paths of both; neither is changed. */
    static Tree union(Tree a, Tree b) {
      if (a.covers(b)) {
        return a;
      }
      if (b.covers(a)) {
        return b;
      }
      Tree out = new Tree();
      out.children.putAll(a.children);
      for (Map.Entry<String, Tree> e : b.children.entrySet()) {
        Tree mine = out.children.get(e.getKey());
        out.children.put(e.getKey(), mine == null ? e.getValue() : union(mine, e.getValue()));
      }
      return out;
    }
  }

  private final Navigator nav;
  private final ZoneId zone;
  private final Map<String, Tree> union = new HashMap<>();
  private final Set<String> emitted = new HashSet<>();

  /** An encoder for one response. */
  public ResponseEncoder(Navigator nav, ZoneId zone) {
    this.nav = nav;
    this.zone = zone;
  }

  /**
   * Pass 1: records what is projected on a row and below it. A row whose projections already cover
   * the tree is not walked again: every path of what it has was walked when it was recorded.
   */
  public void collect(Row row, Tree tree) {
    Tree before = union.get(row.id());
    if (before != null && before.covers(tree)) {
      return;
    }
    // Trees are shared, never changed: a row seen once costs a map entry, not a copy of its tree.
    union.put(row.id(), before == null ? tree : Tree.union(before, tree));
    for (Map.Entry<String, Tree> e : tree.children.entrySet()) {
      Navigator.Kind k = nav.kind(row, e.getKey());
      if (k == Navigator.Kind.REF) {
        nav.ref(row, e.getKey()).ifPresent(t -> collect(t, e.getValue()));
      } else if (k == Navigator.Kind.COLL) {
        for (Row r : nav.coll(row, e.getKey())) {
          collect(r, e.getValue());
        }
      } else if (!e.getValue().children.isEmpty()) {
        throw FtrackError.server(
            "\"" + e.getKey() + "\" of " + row.type() + " is not a relation; it has no attributes");
      }
    }
  }

  /** Pass 2: the row in full the first time, a reference afterwards. */
  public Map<String, Object> emit(Row row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("__entity_type__", row.type());
    out.put("id", row.id());
    if (!emitted.add(row.id())) {
      return out;
    }
    for (String s : nav.db().schema().systemProjections(row.type())) {
      out.put(s, scalar(row.get(s)));
    }
    Tree t = union.get(row.id());
    if (t == null) {
      return out;
    }
    for (Map.Entry<String, Tree> e : t.children.entrySet()) {
      String a = e.getKey();
      Navigator.Kind k = nav.kind(row, a);
      if (k == Navigator.Kind.SCALAR) {
        out.put(a, scalar(nav.scalar(row, a)));
      } else if (k == Navigator.Kind.REF) {
        out.put(a, nav.ref(row, a).map(this::emit).orElse(null));
      } else {
        List<Object> l = new ArrayList<>();
        for (Row r : nav.coll(row, a)) {
          l.add(emit(r));
        }
        out.put(a, l);
      }
    }
    return out;
  }

  /** Every stored scalar of a row (for create and update answers). */
  public Map<String, Object> full(Row row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("__entity_type__", row.type());
    for (Map.Entry<String, Object> e : row.attributes().entrySet()) {
      if (!e.getKey().startsWith("_")) {
        out.put(e.getKey(), scalar(e.getValue()));
      }
    }
    return out;
  }

  /** Datetimes and dates in their {@code __type__} wrappers; naive datetimes in the zone. */
  public Object scalar(Object v) {
    if (v instanceof Instant i) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("__type__", "datetime");
      m.put("value", NAIVE.format(LocalDateTime.ofInstant(i, zone)));
      return m;
    }
    if (v instanceof LocalDate d) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("__type__", "date");
      m.put("value", d.toString());
      return m;
    }
    return v;
  }
}
