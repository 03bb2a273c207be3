package io.pipelinekit.ftrack;

import io.pipelinekit.ftrack.internal.QueryText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A {@code where} condition of the ftrack query language, built so that values are always quoted
 * safely: a user-typed name with quotes or backslashes cannot change the query.
 *
 * <pre>{@code
 * Criteria c = Criteria.attr("version.asset.parent.id").is(shotId)
 *     .or(Criteria.attr("version.task_id").in(taskIds))
 *     .and(Criteria.not(Criteria.attr("name").like("ftrackreview-%")));
 * c.toString();  // (version.asset.parent.id is "…" or version.task_id in ("…", "…")) and not (…)
 * }</pre>
 *
 * <p>Values may be strings, numbers, booleans, {@code null} (rendered {@code None}), {@link
 * java.time.Instant}s (quoted naive ISO strings in the zone the server reads naive datetimes in:
 * UTC with timezone support, the server's zone without; {@link #toString()} shows UTC), {@link
 * EntityRef}s and {@link Entity}s (rendered as their quoted id). Immutable.
 */
public final class Criteria {
  /** Text and {@link Instant}s; an instant is written only when the server's zone is known. */
  private final List<Object> parts;

  private final boolean compound;

  private Criteria(String text, boolean compound) {
    this(List.of(text), compound);
  }

  private Criteria(List<Object> parts, boolean compound) {
    this.parts = List.copyOf(parts);
    this.compound = compound;
  }

  private static List<Object> concat(Object... pieces) {
    List<Object> out = new ArrayList<>();
    for (Object p : pieces) {
      if (p instanceof Criteria) {
        out.addAll(((Criteria) p).parts);
      } else if (p instanceof List) {
        out.addAll((List<?>) p);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Starts a condition on an attribute path.
   *
   * @param path a dotted attribute path, e.g. {@code version.asset.parent.id}
   * @return the attribute, to which an operator is applied
   * @throws IllegalArgumentException if the path is not made of attribute names
   */
  public static Attribute attr(String path) {
    return new Attribute(QueryText.checkPath(path));
  }

  /**
   * A condition written by hand, used as is. Quote values with {@link QueryText#quote}.
   *
   * @param text the condition
   * @return the condition
   */
  public static Criteria raw(String text) {
    Objects.requireNonNull(text, "text == null");
    return new Criteria(text, true);
  }

  /**
   * All conditions hold.
   *
   * @param all the conditions, at least one
   * @return the conjunction
   */
  public static Criteria and(Criteria... all) {
    return join("and", List.of(all));
  }

  /**
   * Any condition holds.
   *
   * @param any the conditions, at least one
   * @return the disjunction
   */
  public static Criteria or(Criteria... any) {
    return join("or", List.of(any));
  }

  /**
   * Any condition holds.
   *
   * @param any the conditions, at least one
   * @return the disjunction
   */
  public static Criteria or(Collection<Criteria> any) {
    return join("or", List.copyOf(any));
  }

  /**
   * The condition does not hold.
   *
   * @param c the condition
   * @return the negation
   */
  public static Criteria not(Criteria c) {
    return new Criteria(concat("not ", c.grouped()), false);
  }

  private static Criteria join(String op, List<Criteria> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(op + " needs at least one condition");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<Object> joined = new ArrayList<>();
    for (Criteria c : parts) {
      if (!joined.isEmpty()) {
        joined.add(" " + op + " ");
      }
      joined.addAll(c.grouped());
    }
    return new Criteria(joined, true);
  }

  /**
   * This condition and another.
   *
   * @param other the other condition
   * @return the conjunction
   */
  public Criteria and(Criteria other) {
    return and(this, other);
  }

  /**
   * This condition or another.
   *
   * @param other the other condition
   * @return the disjunction
   */
  public Criteria or(Criteria other) {
    return or(this, other);
  }

  private List<Object> grouped() {
    return compound ? concat("(", parts, ")") : parts;
  }

  /**
   * The condition as query text.
   *
   * @return e.g. {@code name is "sh010"}
   */
  @Override
  public String toString() {
    return toString(ZoneOffset.UTC);
  }

  /**
   * The condition as query text, with datetimes written naive in a zone: the server's zone when it
   * has no timezone support, UTC when it has. {@link FtrackSession} picks the zone itself.
   *
   * @param zone the zone naive datetimes are read in by the server
   * @return the text
   */
  public String toString(ZoneId zone) {
    Objects.requireNonNull(zone, "zone == null");
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p instanceof Instant ? QueryText.datetime((Instant) p, zone) : p);
    }
    return sb.toString();
  }

  /** Whether a datetime value is in the condition (its text then depends on the zone). */
  boolean hasDatetimes() {
    return parts.stream().anyMatch(p -> p instanceof Instant);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Criteria && ((Criteria) o).parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  /** An attribute path waiting for its operator. */
  public static final class Attribute {
    private final String path;

    private Attribute(String path) {
      this.path = path;
    }

    private Criteria op(String op, Object value) {
      return new Criteria(concat(path + " " + op + " ", literal(value)), false);
    }

    /** A value's literal; an instant stays an instant until the zone is known. */
    private static Object literal(Object value) {
      return value instanceof Instant ? value : QueryText.literal(value);
    }

    /**
     * Equal to a value ({@code is}); {@code null} tests for null.
     *
     * @param value the value
     * @return the condition
     */
    public Criteria is(Object value) {
      return op("is", value);
    }

    /**
     * Not equal to a value ({@code is_not}).
     *
     * @param value the value
     * @return the condition
     */
    public Criteria isNot(Object value) {
      return op("is_not", value);
    }

    /**
     * Greater than ({@code >}).
     *
     * @param value the value
     * @return the condition
     */
    public Criteria greaterThan(Object value) {
      return op(">", value);
    }

    /**
     * Less than ({@code <}).
     *
     * @param value the value
     * @return the condition
     */
    public Criteria lessThan(Object value) {
      return op("<", value);
    }

    /**
     * Matches a pattern ({@code like}); {@code %} is any text.
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Criteria like(String pattern) {
      return op("like", pattern);
    }

    /**
     * Does not match a pattern ({@code not_like}).
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Criteria notLike(String pattern) {
      return op("not_like", pattern);
    }

    /**
     * One of the values ({@code in (…)}). For long id lists prefer {@link
     * FtrackSession#queryByIds}, which splits them into chunks.
     *
     * @param values the values, at least one
     * @return the condition
     */
    public Criteria in(Collection<?> values) {
      return new Criteria(concat(path + " in ", list(values)), false);
    }

    /**
     * None of the values ({@code not_in (…)}).
     *
     * @param values the values, at least one
     * @return the condition
     */
    public Criteria notIn(Collection<?> values) {
      return new Criteria(concat(path + " not_in ", list(values)), false);
    }

    private static List<Object> list(Collection<?> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("in (…) needs at least one value");
      }
      List<Object> items = new ArrayList<>();
      items.add("(");
      for (Object v : values) {
        if (items.size() > 1) {
          items.add(", ");
        }
        items.add(literal(v));
      }
      items.add(")");
      return items;
    }

    /**
     * The related entity matches ({@code has (…)}), for a scalar relation.
     *
     * @param inner the condition on the related entity
     * @return the condition
     */
    public Criteria has(Criteria inner) {
      return new Criteria(concat(path + " has (", inner, ")"), false);
    }

    /**
     * Some element of the collection matches ({@code any (…)}); all parts of {@code inner} hold for
     * the same element.
     *
     * @param inner the condition on one element
     * @return the condition
     */
    public Criteria any(Criteria inner) {
      return new Criteria(concat(path + " any (", inner, ")"), false);
    }

    /**
     * The collection is not empty ({@code any ()}).
     *
     * @return the condition
     */
    public Criteria any() {
      return new Criteria(path + " any ()", false);
    }
  }
}
