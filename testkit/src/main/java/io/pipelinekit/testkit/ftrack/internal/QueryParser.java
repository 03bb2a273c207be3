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
import io.pipelinekit.testkit.ftrack.internal.QueryLexer.Kind;
import io.pipelinekit.testkit.ftrack.internal.QueryLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the query language (see docs/protocol/ftrack.md, "Query language"): {@code select <paths>
 * from <Type> [where <criteria>] [order by <path> [asc|desc], …] [offset N] [limit M]}, also
 * without {@code select … from}. Criteria combine {@code and}, {@code or}, {@code not} and
 * parentheses ({@code and} binds tighter); conditions use {@code is}, {@code is_not}, {@code =},
 * {@code !=}, {@code >}, {@code <}, {@code >=}, {@code <=}, {@code after}, {@code before}, {@code
 * greater_than}, {@code less_than}, {@code like}, {@code not_like}, {@code in}, {@code not_in}
 * (lists or sub-queries), {@code has} and {@code any}.
 */
public final class QueryParser {
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final Map<String, String> OPS =
      Map.ofEntries(
          Map.entry("is", "is"),
          Map.entry("=", "is"),
          Map.entry("is_not", "is_not"),
          Map.entry("!=", "is_not"),
          Map.entry(">", ">"),
          Map.entry("after", ">"),
          Map.entry("greater_than", ">"),
          Map.entry("<", "<"),
          Map.entry("before", "<"),
          Map.entry("less_than", "<"),
          Map.entry(">=", ">="),
          Map.entry("<=", "<="),
          Map.entry("like", "like"),
          Map.entry("not_like", "not_like"));

  private final List<Token> tokens;
  private int pos;

  private QueryParser(String text) {
    this.tokens = QueryLexer.lex(text);
  }

  /** Parses a whole query; throws {@link FtrackError} (ServerError) on bad syntax. */
  public static Select parse(String text) {
    QueryParser p = new QueryParser(text);
    Select s = p.select();
    if (p.peek().kind() != Kind.END) {
      throw p.error("Unexpected '" + p.peek().text() + "'");
    }
    return s;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private FtrackError error(String message) {
    return FtrackError.server(message + " at position " + peek().position() + " of the query");
  }

  private void expectWord(String w) {
    if (!peek().isWord(w)) {
      throw error("Expected '" + w + "' but found '" + peek().text() + "'");
    }
    pos++;
  }

  private void expect(Kind kind, String what) {
    if (peek().kind() != kind) {
      throw error("Expected " + what + " but found '" + peek().text() + "'");
    }
    pos++;
  }

  private String path() {
    Token t = next();
    if (t.kind() != Kind.WORD || !PATH.matcher(t.text()).matches()) {
      pos--;
      throw error("Expected an attribute but found '" + t.text() + "'");
    }
    return t.text();
  }

  private Select select() {
    List<String> projections = new ArrayList<>();
    if (peek().isWord("select")) {
      pos++;
      projections.add(path());
      while (peek().kind() == Kind.COMMA) {
        pos++;
        projections.add(path());
      }
      expectWord("from");
    }
    String type = path();
    if (type.contains(".")) {
      throw error("Expected an entity type but found '" + type + "'");
    }
    Node where = null;
    if (peek().isWord("where")) {
      pos++;
      where = or();
    }
    List<OrderItem> order = new ArrayList<>();
    if (peek().isWord("order")) {
      pos++;
      expectWord("by");
      do {
        if (peek().kind() == Kind.COMMA) {
          pos++;
        }
        String p = path();
        boolean desc = false;
        if (peek().isWord("desc") || peek().isWord("descending")) {
          desc = true;
          pos++;
        } else if (peek().isWord("asc") || peek().isWord("ascending")) {
          pos++;
        }
        order.add(new OrderItem(p, desc));
      } while (peek().kind() == Kind.COMMA);
    }
    Long offset = null;
    Long limit = null;
    while (peek().isWord("offset") || peek().isWord("limit")) {
      boolean isOffset = next().isWord("offset");
      Token n = next();
      if (n.kind() != Kind.WORD || !n.text().matches("\\d+")) {
        pos--;
        throw error("Expected a number");
      }
      if (isOffset) {
        offset = Long.parseLong(n.text());
      } else {
        limit = Long.parseLong(n.text());
      }
    }
    return new Select(projections, type, where, order, offset, limit);
  }

  private Node or() {
    List<Node> parts = new ArrayList<>();
    parts.add(and());
    while (peek().isWord("or")) {
      pos++;
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Or(parts);
  }

  private Node and() {
    List<Node> parts = new ArrayList<>();
    parts.add(not());
    while (peek().isWord("and")) {
      pos++;
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  private Node not() {
    if (peek().isWord("not")) {
      pos++;
      return new Not(not());
    }
    if (peek().kind() == Kind.LPAREN) {
      pos++;
      Node inner = or();
      expect(Kind.RPAREN, "')'");
      return inner;
    }
    return condition();
  }

  private Node condition() {
    String path = path();
    Token op = next();
    String word = op.text().toLowerCase(Locale.ROOT);
    if (op.kind() == Kind.WORD && (word.equals("has") || word.equals("any"))) {
      expect(Kind.LPAREN, "'('");
      Node inner = null;
      if (peek().kind() != Kind.RPAREN) {
        inner = or();
      }
      expect(Kind.RPAREN, "')'");
      return new Relation(path, word, inner);
    }
    if (op.kind() == Kind.WORD && (word.equals("in") || word.equals("not_in"))) {
      boolean negated = word.equals("not_in");
      expect(Kind.LPAREN, "'('");
      if (peek().isWord("select")) {
        Select sub = select();
        expect(Kind.RPAREN, "')'");
        return new InQuery(path, negated, sub);
      }
      List<Object> values = new ArrayList<>();
      if (peek().kind() != Kind.RPAREN) {
        values.add(value());
        while (peek().kind() == Kind.COMMA) {
          pos++;
          values.add(value());
        }
      }
      expect(Kind.RPAREN, "')'");
      return new InList(path, negated, values);
    }
    String canonical = OPS.get(op.kind() == Kind.OP ? op.text() : word);
    if (canonical == null || (op.kind() != Kind.OP && op.kind() != Kind.WORD)) {
      pos--;
      throw error("Expected an operator after '" + path + "' but found '" + op.text() + "'");
    }
    return new Compare(path, canonical, value());
  }

  /** A literal: a quoted string, a number, None, true/false, or a bare word kept as text. */
  private Object value() {
    Token t = next();
    if (t.kind() == Kind.STRING) {
      return t.text();
    }
    if (t.kind() != Kind.WORD) {
      pos--;
      throw error("Expected a value but found '" + t.text() + "'");
    }
    String s = t.text();
    if (s.equals("None") || s.equalsIgnoreCase("null")) {
      return null;
    }
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.valueOf(s.toLowerCase(Locale.ROOT));
    }
    if (NUMBER.matcher(s).matches()) {
      return new BigDecimal(s);
    }
    return s;
  }
}
