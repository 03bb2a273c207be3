package io.pipelinekit.ftrack;

import io.pipelinekit.ftrack.internal.QueryText;
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
 * java.time.Instant}s (rendered as quoted naive UTC ISO strings), {@link EntityRef}s and {@link
 * Entity}s (rendered as their quoted id). Immutable.
 */
public final class Criteria {
  private final String text;
  private final boolean compound;

  private Criteria(String text, boolean compound) {
    this.text = text;
    this.compound = compound;
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
    return new Criteria("not " + c.grouped(), false);
  }

  private static Criteria join(String op, List<Criteria> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(op + " needs at least one condition");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<String> texts = new ArrayList<>();
    for (Criteria c : parts) {
      texts.add(c.grouped());
    }
    return new Criteria(String.join(" " + op + " ", texts), true);
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

  private String grouped() {
    return compound ? "(" + text + ")" : text;
  }

  /**
   * The condition as query text.
   *
   * @return e.g. {@code name is "sh010"}
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Criteria && ((Criteria) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** An attribute path waiting for its operator. */
  public static final class Attribute {
    private final String path;

    private Attribute(String path) {
      this.path = path;
    }

    private Criteria op(String op, Object value) {
      return new Criteria(path + " " + op + " " + QueryText.literal(value), false);
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
      return new Criteria(path + " in " + list(values), false);
    }

    /**
     * None of the values ({@code not_in (…)}).
     *
     * @param values the values, at least one
     * @return the condition
     */
    public Criteria notIn(Collection<?> values) {
      return new Criteria(path + " not_in " + list(values), false);
    }

    private static String list(Collection<?> values) {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("in (…) needs at least one value");
      }
      List<String> items = new ArrayList<>();
      for (Object v : values) {
        items.add(QueryText.literal(v));
      }
      return "(" + String.join(", ", items) + ")";
    }

    /**
     * The related entity matches ({@code has (…)}), for a scalar relation.
     *
     * @param inner the condition on the related entity
     * @return the condition
     */
    public Criteria has(Criteria inner) {
      return new Criteria(path + " has (" + inner + ")", false);
    }

    /**
     * Some element of the collection matches ({@code any (…)}); all parts of {@code inner} hold for
     * the same element.
     *
     * @param inner the condition on one element
     * @return the condition
     */
    public Criteria any(Criteria inner) {
      return new Criteria(path + " any (" + inner + ")", false);
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
