package io.pipelinekit.testkit.accsyn.internal.query;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.query.Expr.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses accsyn query expressions (the part after {@code WHERE}): {@code AND}/{@code OR} (AND binds
 * tighter), parentheses, {@code = != <> < > <= >= in, not in, contains, not contains, matches, not
 * matches}, values bare or quoted with {@code "} or {@code '}, and comma lists for {@code in}.
 * Keywords are case-insensitive. A leading {@code <entitytype> WHERE} is accepted and skipped (the
 * client's {@code access()} sends {@code acl WHERE ...}).
 */
public final class QueryParser {
  private final String text;
  private int pos;

  private QueryParser(String text) {
    this.text = text;
  }

  /** Parses an expression or throws a validation error naming the problem. */
  public static Expr parse(String expression) {
    QueryParser p = new QueryParser(expression);
    p.skipEntityPrefix();
    Expr e = p.or();
    p.ws();
    if (p.pos < p.text.length()) {
      throw p.error("unexpected '" + p.text.substring(p.pos) + "'");
    }
    return e;
  }

  private void skipEntityPrefix() {
    String lower = text.toLowerCase(Locale.ROOT);
    int where = lower.indexOf(" where ");
    if (where > 0 && text.substring(0, where).trim().matches("[A-Za-z_]+")) {
      pos = where + " where ".length();
    }
  }

  private Expr or() {
    Expr left = and();
    while (keyword("or")) {
      left = new Expr.Or(left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = unary();
    while (keyword("and")) {
      left = new Expr.And(left, unary());
    }
    return left;
  }

  private Expr unary() {
    ws();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      Expr inner = or();
      ws();
      if (pos >= text.length() || text.charAt(pos) != ')') {
        throw error("missing closing parenthesis");
      }
      pos++;
      return inner;
    }
    return comparison();
  }

  private Expr comparison() {
    ws();
    int start = pos;
    while (pos < text.length() && isAttributeChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error(
          pos >= text.length()
              ? "expression ends where an attribute was expected"
              : "expected an attribute at '" + text.substring(pos) + "'");
    }
    String attribute = text.substring(start, pos).toLowerCase(Locale.ROOT);
    ws();
    Op op = operator(attribute);
    ws();
    List<String> values = new ArrayList<>();
    if (op == Op.IN || op == Op.NOT_IN) {
      boolean paren = pos < text.length() && text.charAt(pos) == '(';
      if (paren) {
        pos++;
      }
      do {
        ws();
        values.add(value(true));
        ws();
      } while (pos < text.length() && text.charAt(pos) == ',' && ++pos > 0);
      if (paren) {
        if (pos >= text.length() || text.charAt(pos) != ')') {
          throw error("missing ')' after the 'in' list");
        }
        pos++;
      }
    } else {
      values.add(value(false));
    }
    return new Expr.Comparison(attribute, op, values);
  }

  private Op operator(String attribute) {
    String[][] symbols = {
      {"!=", "NE"}, {"<>", "NE"}, {"<=", "LE"}, {">=", "GE"}, {"=", "EQ"}, {"<", "LT"}, {">", "GT"}
    };
    for (String[] s : symbols) {
      if (text.startsWith(s[0], pos)) {
        pos += s[0].length();
        return Op.valueOf(s[1]);
      }
    }
    if (keyword("not")) {
      if (keyword("in")) {
        return Op.NOT_IN;
      }
      if (keyword("contains")) {
        return Op.NOT_CONTAINS;
      }
      if (keyword("matches")) {
        return Op.NOT_MATCHES;
      }
      throw error("expected 'in', 'contains' or 'matches' after 'not'");
    }
    if (keyword("in")) {
      return Op.IN;
    }
    if (keyword("contains")) {
      return Op.CONTAINS;
    }
    if (keyword("matches")) {
      return Op.MATCHES;
    }
    throw error("expected an operator after '" + attribute + "'");
  }

  private String value(boolean inList) {
    if (pos >= text.length()) {
      throw error("expression ends where a value was expected");
    }
    char c = text.charAt(pos);
    if (c == '"' || c == '\'') {
      int end = text.indexOf(c, pos + 1);
      if (end < 0) {
        throw error("unterminated quoted value");
      }
      String v = text.substring(pos + 1, end);
      pos = end + 1;
      return v;
    }
    int start = pos;
    while (pos < text.length()) {
      char x = text.charAt(pos);
      if (Character.isWhitespace(x) || x == ')' || (inList && x == ',')) {
        break;
      }
      pos++;
    }
    if (start == pos) {
      throw error("expected a value at '" + text.substring(pos) + "'");
    }
    return text.substring(start, pos);
  }

  private boolean keyword(String word) {
    ws();
    int end = pos + word.length();
    if (end <= text.length()
        && text.substring(pos, end).equalsIgnoreCase(word)
        && (end == text.length()
            || Character.isWhitespace(text.charAt(end))
            || text.charAt(end) == '(')) {
      pos = end;
      return true;
    }
    return false;
  }

  private void ws() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isAttributeChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private AccsynError error(String detail) {
    return AccsynError.of(
        AccsynError.Kind.VALIDATION,
        "Invalid query '" + text + "': " + detail + "!",
        "Invalid query syntax, " + detail + "!");
  }
}
