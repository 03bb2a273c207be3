package io.pipelinekit.accsyn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A filter in an accsyn query expression, built so that no value can change the meaning of the
 * query: strings are always quoted, values that cannot be quoted safely are refused, attribute
 * names are checked.
 *
 * <pre>{@code
 * Condition c = Condition.of("status", Operator.NE, "failed")
 *     .and(Condition.of("user", Operator.EQ, "lisa@example.com")
 *         .or(Condition.of("destination", Operator.EQ, "hq")));
 * // status!="failed" AND (user="lisa@example.com" OR destination="hq")
 * }</pre>
 *
 * <p>Values are sent in the case they were given; accsyn compares them case-insensitively.
 */
public final class Condition {
  private static final Pattern ATTRIBUTE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern LIST_ITEM = Pattern.compile("[A-Za-z0-9_.@:+\\-]+");

  private final String text;
  private final String connective; // null for a leaf or raw text

  private Condition(String text, String connective) {
    this.text = text;
    this.connective = connective;
  }

  /**
   * A comparison.
   *
   * @param attribute an attribute, dotted paths allowed ({@code job.id}, {@code metadata.x})
   * @param operator the comparison
   * @param value a string, number or boolean; for {@code IN}/{@code NOT_IN} a collection of them
   * @return the condition
   * @throws IllegalArgumentException if the attribute is not a plain (dotted) name, or the value
   *     cannot be written without changing the query's meaning (a string with both quote kinds, a
   *     tab or a line break; a list item with spaces, commas or quotes)
   */
  public static Condition of(String attribute, Operator operator, Object value) {
    Objects.requireNonNull(attribute, "attribute == null");
    Objects.requireNonNull(operator, "operator == null");
    if (!ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException(
          "invalid attribute name \""
              + attribute
              + "\"; use letters, digits and underscores, with dots for paths (job.id)");
    }
    String rendered;
    if (operator.takesList()) {
      if (!(value instanceof Collection) || ((Collection<?>) value).isEmpty()) {
        throw new IllegalArgumentException(
            operator + " needs a non-empty collection of values, e.g. List.of(0, 2)");
      }
      List<String> items = new ArrayList<>();
      for (Object item : (Collection<?>) value) {
        String s = scalar(item, attribute);
        if (!LIST_ITEM.matcher(s).matches()) {
          throw new IllegalArgumentException(
              "the value \""
                  + s
                  + "\" cannot be part of an "
                  + operator
                  + " list: accsyn lists are comma-separated and unquoted, so items may only"
                  + " hold letters, digits and _ . @ : + -; use OR of EQ conditions instead");
        }
        items.add(s);
      }
      rendered = String.join(",", items);
    } else {
      rendered = value instanceof CharSequence ? quote(value.toString()) : scalar(value, attribute);
    }
    return new Condition(attribute + operator.wire() + rendered, null);
  }

  /**
   * An expression written by hand, sent as it is. Prefer {@link #of} unless the expression comes
   * from a trusted source.
   *
   * @param expression e.g. {@code (status=failed OR status=aborted)}
   * @return the condition
   */
  public static Condition raw(String expression) {
    Objects.requireNonNull(expression, "expression == null");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("the expression is blank");
    }
    return new Condition(expression.strip(), "raw");
  }

  /**
   * Both this and the other condition.
   *
   * @param other the other condition
   * @return the conjunction
   */
  public Condition and(Condition other) {
    return combine("AND", other);
  }

  /**
   * This or the other condition.
   *
   * @param other the other condition
   * @return the disjunction
   */
  public Condition or(Condition other) {
    return combine("OR", other);
  }

  private Condition combine(String op, Condition other) {
    Objects.requireNonNull(other, "other == null");
    return new Condition(operand(op) + " " + op + " " + other.operand(op), op);
  }

  private String operand(String op) {
    return connective == null || connective.equals(op) ? text : "(" + text + ")";
  }

  /**
   * The expression text as written and sent.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /** The expression text, as sent. */
  @Override
  public String toString() {
    return text;
  }

  /** Two conditions are equal when they send the same text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Condition other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private static String scalar(Object value, String attribute) {
    if (value == null) {
      throw new IllegalArgumentException(
          "null is no query value (attribute " + attribute + "); compare with a string or number");
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("a query value must be finite, was " + d);
      }
      return new BigDecimal(value.toString()).toPlainString();
    }
    if (value instanceof CharSequence) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        "cannot compare "
            + attribute
            + " with a "
            + value.getClass().getName()
            + "; use a string, number or boolean");
  }

  private static String quote(String s) {
    if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "a query value cannot contain tabs or line breaks (accsyn's client rewrites them): "
              + s.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
    }
    if (s.indexOf('"') < 0) {
      return '"' + s + '"';
    }
    if (s.indexOf('\'') < 0) {
      return "'" + s + "'";
    }
    throw new IllegalArgumentException(
        "a query value cannot contain both \" and ' (accsyn's query language has no escapes): "
            + s);
  }
}
