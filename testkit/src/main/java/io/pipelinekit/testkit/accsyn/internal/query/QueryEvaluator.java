package io.pipelinekit.testkit.accsyn.internal.query;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.query.Expr.Comparison;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Ids;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.state.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates a parsed {@link Expr} against an entity's wire view, the way accsyn does:
 * case-insensitive, {@code *} wildcards with {@code =}, numeric comparison when both sides are
 * numbers, dotted paths that follow references ({@code job.id}, {@code parent.code}), and
 * human-readable values for references ({@code user=anna@studio.com} matches a user id, {@code
 * destination=la} matches {@code site:<id of la>}, {@code target=share:storage} matches by code).
 * Call under the store lock.
 */
public final class QueryEvaluator {
  private final Store store;

  /** Creates an evaluator over a store. */
  public QueryEvaluator(Store store) {
    this.store = store;
  }

  /** Whether the view satisfies the expression. */
  public boolean test(Expr expr, Map<String, Object> view) {
    if (expr instanceof Expr.And and) {
      return test(and.left(), view) && test(and.right(), view);
    }
    if (expr instanceof Expr.Or or) {
      return test(or.left(), view) || test(or.right(), view);
    }
    return compare((Comparison) expr, view);
  }

  private boolean compare(Comparison c, Map<String, Object> view) {
    List<Object> values = resolve(c.attribute(), view);
    String v = c.values().get(0);
    switch (c.op()) {
      case EQ:
        return anyEquals(values, v);
      case NE:
        return !anyEquals(values, v);
      case IN:
        return c.values().stream().anyMatch(x -> anyEquals(values, x));
      case NOT_IN:
        return c.values().stream().noneMatch(x -> anyEquals(values, x));
      case CONTAINS:
        return contains(values, v);
      case NOT_CONTAINS:
        return !contains(values, v);
      case MATCHES:
        return matches(values, v);
      case NOT_MATCHES:
        return !matches(values, v);
      default:
        return ordered(values, c.op(), v);
    }
  }

  /** The candidate values of an attribute: the raw value, and for references their labels. */
  private List<Object> resolve(String attribute, Map<String, Object> view) {
    String[] parts = attribute.split("\\.");
    Object current = lookup(view, parts[0]);
    for (int i = 1; i < parts.length; i++) {
      Map<String, Object> next = asView(current);
      if (next == null) {
        return new ArrayList<>(java.util.Collections.singletonList(null));
      }
      current = lookup(next, parts[i]);
    }
    List<Object> out = new ArrayList<>();
    out.add(current);
    if (parts.length == 1) {
      Object hr = view.get(parts[0] + "_hr");
      if (hr != null) {
        out.add(hr);
      }
    }
    if (current instanceof String s) {
      Optional<String> label = Views.humanReadable(store, s);
      label.ifPresent(out::add);
      if (s.contains(":") && Ids.isId(s.substring(s.indexOf(':') + 1))) {
        String type = s.substring(0, s.indexOf(':'));
        Views.humanReadable(store, s).ifPresent(l -> out.add(type + ":" + l));
      }
    }
    return out;
  }

  private static Object lookup(Map<String, Object> view, String key) {
    for (Map.Entry<String, Object> e : view.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> asView(Object value) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    if (value instanceof String s) {
      String id = s.contains(":") ? s.substring(s.indexOf(':') + 1) : s;
      if (Ids.isId(id)) {
        Optional<Entity> e = store.byId(id);
        if (e.isPresent()) {
          return Views.of(store, e.get());
        }
      }
    }
    return null;
  }

  private boolean anyEquals(List<Object> candidates, String wanted) {
    for (Object c : candidates) {
      if (equalsOne(c, wanted)) {
        return true;
      }
    }
    return false;
  }

  private boolean equalsOne(Object candidate, String wanted) {
    String w = wanted.toLowerCase(Locale.ROOT);
    if (candidate == null) {
      return w.equals("null") || w.equals("none");
    }
    if (candidate instanceof List<?> list) {
      for (Object o : list) {
        if (equalsOne(o, wanted)) {
          return true;
        }
      }
      return false;
    }
    if (candidate instanceof Boolean b) {
      return w.equals(b.toString()) || (w.equals("1") && b) || (w.equals("0") && !b);
    }
    if (candidate instanceof Number n) {
      Double d = number(w);
      return d != null && d == n.doubleValue();
    }
    String s = String.valueOf(candidate).toLowerCase(Locale.ROOT);
    if (w.contains("*")) {
      return glob(w).matcher(s).matches();
    }
    return s.equals(w);
  }

  private static Pattern glob(String wildcard) {
    List<String> quoted = new ArrayList<>();
    for (String part : wildcard.split("\\*", -1)) {
      quoted.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", quoted), Pattern.DOTALL);
  }

  private boolean contains(List<Object> candidates, String wanted) {
    Object c = candidates.get(0);
    if (c instanceof List<?> list) {
      return list.stream().anyMatch(o -> equalsOne(o, wanted));
    }
    for (Object x : candidates) {
      if (x != null
          && String.valueOf(x).toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(List<Object> candidates, String regex) {
    Pattern p;
    try {
      p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    } catch (PatternSyntaxException e) {
      throw AccsynError.of(
          AccsynError.Kind.VALIDATION,
          "Invalid query: bad regular expression '" + regex + "': " + e.getDescription() + "!",
          "Invalid regular expression in query!");
    }
    for (Object c : candidates) {
      if (c instanceof List<?> list) {
        for (Object o : list) {
          if (o != null && p.matcher(String.valueOf(o)).find()) {
            return true;
          }
        }
      } else if (c != null && p.matcher(String.valueOf(c)).find()) {
        return true;
      }
    }
    return false;
  }

  private boolean ordered(List<Object> candidates, Expr.Op op, String wanted) {
    Object c = candidates.get(0);
    if (c == null || c instanceof Map || c instanceof List) {
      return false;
    }
    int cmp;
    Double right = number(wanted);
    Double left =
        c instanceof Number n ? Double.valueOf(n.doubleValue()) : number(String.valueOf(c));
    if (left != null && right != null) {
      cmp = Double.compare(left, right);
    } else {
      cmp = String.valueOf(c).toLowerCase(Locale.ROOT).compareTo(wanted.toLowerCase(Locale.ROOT));
    }
    switch (op) {
      case LT:
        return cmp < 0;
      case GT:
        return cmp > 0;
      case LE:
        return cmp <= 0;
      default:
        return cmp >= 0;
    }
  }

  private static Double number(String s) {
    try {
      return Double.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
