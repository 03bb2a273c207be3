package io.pipelinekit.accsyn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The official client's client-side query processing ({@code _decode_query}; see
 * docs/protocol/accsyn-v3.md, "Query expressions"), reproduced step by step (in our own code)
 * because the server receives its output.
 *
 * <p>The splitting is reproduced literally, quirks included: tabs become spaces and newlines
 * vanish; the text is split at a space that is outside double quotes and parentheses and follows a
 * non-space; the further spaces of a run stay at the start of the next part (so the expression
 * keeps them). The entity type is lower-cased. Unlike the official client, the expression keeps its
 * case: a value is the caller's, and the server compares case-insensitively anyway.
 */
public final class QueryText {
  private QueryText() {}

  /** A decoded query. */
  public static final class Decoded {
    private final String entityType;
    private final String expression;

    Decoded(String entityType, String expression) {
      this.entityType = entityType;
      this.expression = expression;
    }

    /**
     * The entity type, lower-cased.
     *
     * @return e.g. {@code transfer}
     */
    public String entityType() {
      return entityType;
    }

    /**
     * The expression after {@code WHERE}, case kept, as sent in the event's {@code query}.
     *
     * @return the expression, or empty when the query has no WHERE clause
     */
    public Optional<String> expression() {
      return Optional.ofNullable(expression);
    }
  }

  /**
   * Decodes {@code <entitytype>} or {@code <entitytype> WHERE <expression>}.
   *
   * @param query the query text
   * @return the entity type and expression
   * @throws IllegalArgumentException if the query is empty, has two parts, or its second part is
   *     not {@code WHERE}
   */
  public static Decoded decode(String query) {
    String q = (query == null ? "" : query).replace("\t", " ").replace("\n", "").strip();
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    boolean atWhitespace = false;
    int partStart = 0;
    int depth = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == ' ') {
        if (!quoted && depth == 0 && !atWhitespace) {
          atWhitespace = true;
          if (partStart < i) {
            parts.add(q.substring(partStart, i));
            partStart = i + 1;
          }
        }
      } else {
        atWhitespace = false;
        if (c == '"') {
          quoted = !quoted;
        } else if (c == '(' && !quoted) {
          depth++;
        } else if (c == ')' && !quoted) {
          depth--;
        }
      }
    }
    if (partStart < q.length()) {
      parts.add(q.substring(partStart));
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          "empty query; write \"<entitytype>\" or \"<entitytype> WHERE <expression>\","
              + " e.g. \"transfer WHERE status=failed\"");
    }
    if (parts.size() == 2) {
      throw new IllegalArgumentException(
          "query \""
              + q
              + "\" has invalid syntax; write \"<entitytype>\" or \"<entitytype> WHERE"
              + " <expression>\", e.g. \"transfer WHERE status=failed\"");
    }
    String entityType = parts.get(0).toLowerCase(Locale.ROOT);
    if (parts.size() == 1) {
      return new Decoded(entityType, null);
    }
    if (!parts.get(1).strip().toLowerCase(Locale.ROOT).equals("where")) {
      throw new IllegalArgumentException(
          "invalid query \""
              + q
              + "\": the second word must be WHERE, as in \"<entitytype> WHERE <expression>\"");
    }
    String expression = String.join(" ", parts.subList(2, parts.size()));
    return new Decoded(entityType, expression);
  }
}
