package io.pipelinekit.testkit.ftrack.internal;

import io.pipelinekit.testkit.ftrack.internal.QueryAst.And;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.Compare;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.InList;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.InQuery;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.Node;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.Not;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.Or;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.OrderItem;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.Relation;
import io.pipelinekit.testkit.ftrack.internal.QueryAst.Select;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Runs a parsed query against a snapshot. */
public final class Evaluator {
  private final Navigator nav;
  private final ZoneId naiveZone;
  private final Map<Select, Set<String>> subqueries = new IdentityHashMap<>();

  /**
   * An evaluator over one snapshot.
   *
   * @param nav the navigator
   * @param naiveZone the zone a datetime literal without offset is in: UTC on a server with
   *     timezone support, the server's zone otherwise (as the server writes naive datetimes)
   */
  public Evaluator(Navigator nav, ZoneId naiveZone) {
    this.nav = nav;
    this.naiveZone = naiveZone;
  }

  /** The matching rows, ordered, before offset and limit. */
  public List<Row> select(Select q) {
    Schema schema = nav.db().schema();
    if (schema.find(q.type()).isEmpty()) {
      throw FtrackError.server("Unknown entity type \"" + q.type() + "\"");
    }
    List<Row> out = new ArrayList<>();
    Map<Long, Row> candidates = q.where() == null ? null : candidates(q.type(), q.where());
    Iterable<Row> scanned = candidates == null ? nav.db().ofType(q.type()) : candidates.values();
    for (Row r : scanned) {
      if (schema.isA(r.type(), q.type()) && (q.where() == null || matches(r, q.where()))) {
        out.add(r);
      }
    }
    if (!q.orderBy().isEmpty()) {
      Comparator<Row> cmp = null;
      for (OrderItem o : q.orderBy()) {
        Comparator<Row> c = (a, b) -> compareNullsLast(first(a, o.path()), first(b, o.path()));
        if (o.descending()) {
          Comparator<Row> asc = c;
          c = (a, b) -> asc.compare(b, a);
        }
        cmp = cmp == null ? c : cmp.thenComparing(c);
      }
      out.sort(cmp);
    }
    return out;
  }

  /**
   * The rows that may satisfy a condition, by creation rank, found through the store's indexes;
   * null when the condition has no part that narrows by id, and every row of the type must be
   * tested. A superset is fine: each candidate is still tested with {@link #matches}.
   */
  private TreeMap<Long, Row> candidates(String type, Node node) {
    if (node instanceof Compare c && c.op().equals("is") && c.value() instanceof String s) {
      return lookup(type, c.path(), List.of(s));
    }
    if (node instanceof InList in && !in.negated()) {
      for (Object v : in.values()) {
        if (!(v instanceof String)) {
          return null;
        }
      }
      return lookup(type, in.path(), in.values());
    }
    if (node instanceof And and) {
      TreeMap<Long, Row> best = null;
      for (Node n : and.parts()) {
        TreeMap<Long, Row> c = candidates(type, n);
        if (c != null && (best == null || c.size() < best.size())) {
          best = c;
        }
      }
      return best;
    }
    if (node instanceof Or or) {
      TreeMap<Long, Row> all = new TreeMap<>();
      for (Node n : or.parts()) {
        TreeMap<Long, Row> c = candidates(type, n);
        if (c == null) {
          return null;
        }
        all.putAll(c);
      }
      return all;
    }
    return null;
  }

  /**
   * The rows whose value at a path of references ending in an id or a foreign key is one of the
   * values: the rows holding the values first, then back along each reference by its foreign key.
   */
  private TreeMap<Long, Row> lookup(String type, String path, List<?> values) {
    Schema schema = nav.db().schema();
    String[] parts = path.split("\\.");
    List<String> keys = new ArrayList<>();
    String at = type;
    for (int i = 0; i < parts.length; i++) {
      var ref = schema.ref(at, parts[i]);
      boolean last = i == parts.length - 1;
      if (ref.isPresent()) {
        if (ref.get().foreignKey().equals(Schema.LATEST_VERSION_KEY)) {
          return null;
        }
        keys.add(ref.get().foreignKey());
        if (last) {
          break;
        }
        at = ref.get().target();
      } else if (last
          && (parts[i].equals("id") || parts[i].endsWith("_id"))
          && schema.coll(at, parts[i]).isEmpty()) {
        keys.add(parts[i]);
      } else {
        return null;
      }
    }
    List<Row> rows = nav.db().whereAny(keys.get(keys.size() - 1), values);
    for (int i = keys.size() - 2; i >= 0; i--) {
      List<String> ids = new ArrayList<>(rows.size());
      for (Row r : rows) {
        ids.add(r.id());
      }
      rows = nav.db().whereAny(keys.get(i), ids);
    }
    TreeMap<Long, Row> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(nav.db().seq(r), r);
    }
    return out;
  }

  private Object first(Row r, String path) {
    List<Object> v = nav.values(r, path);
    return v.isEmpty() ? null : v.get(0);
  }

  private int compareNullsLast(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return compare(a, b);
  }

  /** Whether a row satisfies a condition. */
  public boolean matches(Row row, Node node) {
    if (node instanceof And and) {
      for (Node n : and.parts()) {
        if (!matches(row, n)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Or or) {
      for (Node n : or.parts()) {
        if (matches(row, n)) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof Not not) {
      return !matches(row, not.inner());
    }
    if (node instanceof Compare c) {
      for (Object v : nav.values(row, c.path())) {
        if (test(v, c.op(), c.value())) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof InList in) {
      boolean any = false;
      for (Object v : nav.values(row, in.path())) {
        for (Object lit : in.values()) {
          if (equal(v, lit)) {
            any = true;
          }
        }
      }
      return in.negated() != any;
    }
    if (node instanceof InQuery in) {
      Set<String> ids = subqueries.get(in.query());
      if (ids == null) {
        // A sub-query does not depend on the outer row: run it once per query, not once per row.
        ids = new HashSet<>();
        String projection =
            in.query().projections().isEmpty() ? "id" : in.query().projections().get(0);
        for (Row r : select(in.query())) {
          for (Object v : nav.values(r, projection)) {
            ids.add(String.valueOf(v));
          }
        }
        subqueries.put(in.query(), ids);
      }
      boolean any = false;
      for (Object v : nav.values(row, in.path())) {
        any |= v != null && ids.contains(String.valueOf(v));
      }
      return in.negated() != any;
    }
    Relation rel = (Relation) node;
    for (Row r : nav.rows(row, rel.path())) {
      if (rel.inner() == null || matches(r, rel.inner())) {
        return true;
      }
    }
    return false;
  }

  private boolean test(Object v, String op, Object lit) {
    switch (op) {
      case "is":
        return equal(v, lit);
      case "is_not":
        return !equal(v, lit);
      case "like":
        return v != null && lit != null && like(String.valueOf(v), String.valueOf(lit));
      case "not_like":
        return v != null && lit != null && !like(String.valueOf(v), String.valueOf(lit));
      default:
        if (v == null || lit == null) {
          return false;
        }
        int c = compare(v, lit);
        switch (op) {
          case ">":
            return c > 0;
          case "<":
            return c < 0;
          case ">=":
            return c >= 0;
          default:
            return c <= 0;
        }
    }
  }

  /** Equality across the stored and literal types: numbers by value, booleans, datetimes. */
  boolean equal(Object v, Object lit) {
    if (v == null || lit == null) {
      return v == null && lit == null;
    }
    if (v instanceof Boolean || lit instanceof Boolean) {
      return String.valueOf(v).equalsIgnoreCase(String.valueOf(lit));
    }
    if (v instanceof Number && lit instanceof Number) {
      return number(v).compareTo(number(lit)) == 0;
    }
    if (v instanceof Instant || v instanceof LocalDate) {
      return compare(v, lit) == 0;
    }
    return String.valueOf(v).equals(String.valueOf(lit));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  int compare(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return number(a).compareTo(number(b));
    }
    if (a instanceof Instant) {
      return ((Instant) a).compareTo(instant(b));
    }
    if (a instanceof LocalDate) {
      return ((LocalDate) a).compareTo(LocalDate.parse(String.valueOf(b).substring(0, 10)));
    }
    if (a instanceof Number && !(b instanceof Number)) {
      try {
        return number(a).compareTo(new BigDecimal(String.valueOf(b)));
      } catch (NumberFormatException e) {
        return String.valueOf(a).compareTo(String.valueOf(b));
      }
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable) {
      return ((Comparable) a).compareTo(b);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private static BigDecimal number(Object o) {
    return o instanceof BigDecimal ? (BigDecimal) o : new BigDecimal(String.valueOf(o));
  }

  private Instant instant(Object o) {
    if (o instanceof Instant) {
      return (Instant) o;
    }
    String s = String.valueOf(o);
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(naiveZone).toInstant();
      }
      return LocalDateTime.parse(s).atZone(naiveZone).toInstant();
    }
  }

  /** SQL LIKE: {@code %} any text, {@code _} one character; case-insensitive. */
  static boolean like(String value, String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(
            re.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(value)
        .matches();
  }

  /** Lower-cases with the root locale, for case-insensitive comparisons. */
  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
