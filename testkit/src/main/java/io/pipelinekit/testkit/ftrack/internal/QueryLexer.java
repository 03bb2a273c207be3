package io.pipelinekit.testkit.ftrack.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens: words (names, dotted paths, bare values such as UUIDs, {@code None},
 * {@code NOT_STARTED}), quoted strings ({@code "…"} or {@code '…'}, backslash escapes), operators
 * and punctuation.
 */
final class QueryLexer {
  enum Kind {
    WORD,
    STRING,
    OP,
    LPAREN,
    RPAREN,
    COMMA,
    END
  }

  record Token(Kind kind, String text, int position) {
    boolean isWord(String w) {
      return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }
  }

  private QueryLexer() {}

  static List<Token> lex(String q) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = q.length();
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(Kind.LPAREN, "(", i++));
      } else if (c == ')') {
        out.add(new Token(Kind.RPAREN, ")", i++));
      } else if (c == ',') {
        out.add(new Token(Kind.COMMA, ",", i++));
      } else if (c == '"' || c == '\'') {
        int start = i++;
        StringBuilder sb = new StringBuilder();
        boolean closed = false;
        while (i < n) {
          char d = q.charAt(i++);
          if (d == '\\' && i < n) {
            sb.append(q.charAt(i++));
          } else if (d == c) {
            closed = true;
            break;
          } else {
            sb.append(d);
          }
        }
        if (!closed) {
          throw FtrackError.server("Unterminated string starting at position " + start);
        }
        out.add(new Token(Kind.STRING, sb.toString(), start));
      } else if (c == '=' || c == '!' || c == '<' || c == '>') {
        int start = i++;
        if (i < n && q.charAt(i) == '=') {
          i++;
        }
        String op = q.substring(start, i);
        if (op.equals("!")) {
          throw FtrackError.server("Unexpected '!' at position " + start);
        }
        out.add(new Token(Kind.OP, op, start));
      } else {
        int start = i;
        while (i < n) {
          char d = q.charAt(i);
          if (Character.isWhitespace(d) || "(),\"'=!<>".indexOf(d) >= 0) {
            break;
          }
          i++;
        }
        out.add(new Token(Kind.WORD, q.substring(start, i), start));
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }
}
