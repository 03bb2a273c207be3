package io.pipelinekit.testkit.ftrack.hub;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fake server's own reading of the subscription/target language (see docs/protocol/ftrack.md,
 * "Subscriptions and expressions"): tokens first, then precedence climbing. Written separately from
 * the bridge's parser on purpose.
 */
final class HubExpression {
  private interface Test {
    boolean on(Object root);
  }

  private final Test test;

  private HubExpression(Test test) {
    this.test = test;
  }

  static HubExpression parse(String text) {
    List<String> tokens = tokenize(text);
    int[] at = {0};
    Test t = or(tokens, at);
    if (at[0] != tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + tokens.get(at[0]) + "' in " + text);
    }
    return new HubExpression(t);
  }

  boolean matches(Object root) {
    return test.on(root);
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"' || c == '\'') {
        StringBuilder sb = new StringBuilder("\u0000");
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          if (s.charAt(j) == '\\' && j + 1 < s.length()) {
            j++;
          }
          sb.append(s.charAt(j++));
        }
        if (j >= s.length()) {
          throw new IllegalArgumentException("unterminated quote in " + s);
        }
        out.add(sb.toString()); // a leading NUL marks a quoted literal
        i = j + 1;
      } else if ("=!<>".indexOf(c) >= 0) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '=') {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "()=!<>\"'".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static boolean word(List<String> t, int[] at, String w) {
    if (at[0] < t.size() && t.get(at[0]).toLowerCase(Locale.ROOT).equals(w)) {
      at[0]++;
      return true;
    }
    return false;
  }

  private static Test or(List<String> t, int[] at) {
    Test left = and(t, at);
    while (word(t, at, "or")) {
      Test l = left;
      Test r = and(t, at);
      left = root -> l.on(root) || r.on(root);
    }
    return left;
  }

  private static Test and(List<String> t, int[] at) {
    Test left = not(t, at);
    while (word(t, at, "and")) {
      Test l = left;
      Test r = not(t, at);
      left = root -> l.on(root) && r.on(root);
    }
    return left;
  }

  private static Test not(List<String> t, int[] at) {
    if (at[0] + 1 < t.size()
        && t.get(at[0]).equalsIgnoreCase("not")
        && "=!<>".indexOf(t.get(at[0] + 1).charAt(0)) < 0) {
      at[0]++;
      Test inner = not(t, at);
      return root -> !inner.on(root);
    }
    if (word(t, at, "(")) {
      Test inner = or(t, at);
      if (!word(t, at, ")")) {
        throw new IllegalArgumentException("missing )");
      }
      return inner;
    }
    if (at[0] + 3 > t.size()) {
      throw new IllegalArgumentException("incomplete condition");
    }
    String field = t.get(at[0]++);
    String op = t.get(at[0]++);
    String raw = t.get(at[0]++);
    String value = raw.startsWith("\u0000") ? raw.substring(1) : raw;
    return root -> compare(lookup(root, field), op, value);
  }

  private static Object lookup(Object root, String field) {
    Object cur = root;
    for (String k : field.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m) || !m.containsKey(k)) {
        return null;
      }
      cur = m.get(k);
    }
    return cur;
  }

  private static boolean compare(Object candidate, String op, String value) {
    if (candidate == null || candidate instanceof Map || candidate instanceof List) {
      return false;
    }
    String c = candidate instanceof BigDecimal d ? d.toPlainString() : String.valueOf(candidate);
    switch (op) {
      case "=":
        return value.endsWith("*")
            ? c.startsWith(value.substring(0, value.length() - 1))
            : c.equals(value);
      case "!=":
        return !c.equals(value);
      default:
        int cmp;
        try {
          cmp = new BigDecimal(c).compareTo(new BigDecimal(value));
        } catch (NumberFormatException e) {
          cmp = c.compareTo(value);
        }
        return switch (op) {
          case "<" -> cmp < 0;
          case ">" -> cmp > 0;
          case "<=" -> cmp <= 0;
          case ">=" -> cmp >= 0;
          default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    }
  }
}
