package io.pipelinekit.ftrack.events.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The subscription and target expression language: {@code field op value} conditions joined by
 * {@code and}, {@code or}, {@code not} (case-insensitive; precedence not, and, or) and parentheses.
 * A hand-written recursive descent parser; nodes are immutable and thread-safe.
 */
public final class ExpressionParser {
  /** A parsed expression. */
  public sealed interface Node permits Condition, And, Or, Not {
    /**
     * Whether a tree matches.
     *
     * @param root the event's wire map, or subscriber metadata for targets
     * @return true on a match
     */
    boolean matches(Object root);
  }

  /**
   * {@code field op value}.
   *
   * @param field dotted path
   * @param op one of {@code = != >= <= > <}
   * @param value the value with quotes removed
   */
  public record Condition(String field, String op, String value) implements Node {
    @Override
    public boolean matches(Object root) {
      Optional<String> candidate = Trees.path(root, field).flatMap(Trees::text);
      if (candidate.isEmpty()) {
        return false;
      }
      String c = candidate.get();
      switch (op) {
        case "=":
          // A trailing * is a prefix wildcard, as the ftrack docs, JS and .NET clients do it
          // (Python tests containment; documented in docs/ftrack-actions.md).
          if (value.endsWith("*")) {
            return c.startsWith(value.substring(0, value.length() - 1));
          }
          return c.equals(value);
        case "!=":
          return !c.equals(value);
        default:
          int cmp = compare(c, value);
          return switch (op) {
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case ">=" -> cmp >= 0;
            default -> cmp <= 0;
          };
      }
    }

    private static int compare(String a, String b) {
      try {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
      } catch (NumberFormatException e) {
        return a.compareTo(b);
      }
    }

    @Override
    public String toString() {
      return field + op + (value.matches("[A-Za-z0-9\\-_,./*@+]+") ? value : quote(value));
    }
  }

  /**
   * Both hold.
   *
   * @param left left side
   * @param right right side
   */
  public record And(Node left, Node right) implements Node {
    @Override
    public boolean matches(Object root) {
      return left.matches(root) && right.matches(root);
    }

    @Override
    public String toString() {
      return "(" + left + " and " + right + ")";
    }
  }

  /**
   * Either holds.
   *
   * @param left left side
   * @param right right side
   */
  public record Or(Node left, Node right) implements Node {
    @Override
    public boolean matches(Object root) {
      return left.matches(root) || right.matches(root);
    }

    @Override
    public String toString() {
      return "(" + left + " or " + right + ")";
    }
  }

  /**
   * Negation.
   *
   * @param inner the negated expression
   */
  public record Not(Node inner) implements Node {
    @Override
    public boolean matches(Object root) {
      return !inner.matches(root);
    }

    @Override
    public String toString() {
      return "not " + inner;
    }
  }

  private final String text;
  private int pos;

  private ExpressionParser(String text) {
    this.text = text;
  }

  /**
   * Parses an expression.
   *
   * @param text e.g. {@code topic=ftrack.action.launch and data.actionIdentifier=my.action}
   * @return the tree
   * @throws IllegalArgumentException with the position and what was expected
   */
  public static Node parse(String text) {
    ExpressionParser p = new ExpressionParser(text);
    Node n = p.or();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("expected 'and', 'or' or the end");
    }
    return n;
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private Node or() {
    Node left = and();
    while (keyword("or")) {
      left = new Or(left, and());
    }
    return left;
  }

  private Node and() {
    Node left = not();
    while (keyword("and")) {
      left = new And(left, not());
    }
    return left;
  }

  private Node not() {
    int save = pos;
    if (keyword("not")) {
      skipSpace();
      // "not" followed by an operator is a field named "not".
      if (pos < text.length() && "=!<>".indexOf(text.charAt(pos)) < 0) {
        return new Not(not());
      }
      pos = save;
    }
    return primary();
  }

  private Node primary() {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      Node inner = or();
      skipSpace();
      if (pos >= text.length() || text.charAt(pos) != ')') {
        throw error("expected ')'");
      }
      pos++;
      return inner;
    }
    return condition();
  }

  private Node condition() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && isFieldChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a field such as topic or data.actionIdentifier");
    }
    String field = text.substring(start, pos);
    skipSpace();
    String op = operator();
    skipSpace();
    return new Condition(field, op, value());
  }

  private String operator() {
    for (String op : new String[] {"!=", ">=", "<=", "=", ">", "<"}) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    throw error("expected an operator (= != >= <= > <)");
  }

  private String value() {
    if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
      char quote = text.charAt(pos++);
      StringBuilder sb = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != quote) {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        sb.append(c);
      }
      if (pos >= text.length()) {
        throw error("unterminated quoted value");
      }
      pos++;
      return sb.toString();
    }
    int start = pos;
    while (pos < text.length() && isValueChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a value (quote values with spaces or other characters)");
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (end <= text.length()
        && text.substring(pos, end).toLowerCase(Locale.ROOT).equals(word)
        && (end == text.length() || !isFieldChar(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isFieldChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.');
  }

  private static boolean isValueChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || "-_,./*@+".indexOf(c) >= 0);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at position " + pos + " in: " + text);
  }
}
