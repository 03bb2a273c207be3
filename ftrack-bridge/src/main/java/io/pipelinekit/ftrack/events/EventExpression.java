package io.pipelinekit.ftrack.events;

import io.pipelinekit.ftrack.events.internal.ExpressionParser;
import java.util.Map;
import java.util.Objects;

/**
 * A subscription or target expression (see docs/protocol/ftrack.md, "Subscriptions and
 * expressions"), parsed once and evaluated locally, so a subscriber only ever sees the events it
 * asked for even when the server sends more.
 *
 * <pre>{@code
 * EventExpression e = EventExpression.parse(
 *     "topic=ftrack.action.launch and data.actionIdentifier=accsyn.send");
 * e.matches(event);                 // against the event
 * EventExpression.parse("id=abc").matches(Map.of("id", "abc"));   // targets: subscriber metadata
 * }</pre>
 *
 * <p>Grammar: {@code field op value} with {@code field} a dotted path ({@code topic}, {@code
 * source.user.username}), {@code op} one of {@code = != >= <= > <}, {@code value} quoted ({@code
 * "…"} or {@code '…'}) or made of {@code A-Z a-z 0-9 - _ , . / * @ +}; {@code and}, {@code or},
 * {@code not} (any case; precedence not, and, or) and parentheses. Values compare as text, numbers
 * and booleans as their JSON literal; {@code < > <= >=} compare numerically when both sides are
 * numbers. A trailing {@code *} after {@code =} matches by prefix ({@code topic=ftrack.*}, {@code
 * topic=*}). A missing key never matches, whatever the operator. Immutable and thread-safe.
 */
public final class EventExpression {
  private final String text;
  private final ExpressionParser.Node node;

  private EventExpression(String text, ExpressionParser.Node node) {
    this.text = text;
    this.node = node;
  }

  /**
   * Parses an expression.
   *
   * @param text the expression
   * @return the parsed expression
   * @throws InvalidExpressionException if the text is not an expression, saying where and why
   */
  public static EventExpression parse(String text) {
    Objects.requireNonNull(text, "text == null");
    try {
      return new EventExpression(text, ExpressionParser.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidExpressionException(e.getMessage());
    }
  }

  /**
   * Whether an event matches.
   *
   * @param event the event
   * @return true on a match
   */
  public boolean matches(Event event) {
    return node.matches(event.toMap());
  }

  /**
   * Whether a tree matches (subscriber metadata for targets, or an event's wire map).
   *
   * @param tree a map tree
   * @return true on a match
   */
  public boolean matches(Map<String, ?> tree) {
    return node.matches(tree);
  }

  /**
   * The expression as written.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Quotes a value for use in an expression, escaping quotes and backslashes.
   *
   * @param value any text
   * @return the value in double quotes
   */
  public static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventExpression e && e.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
