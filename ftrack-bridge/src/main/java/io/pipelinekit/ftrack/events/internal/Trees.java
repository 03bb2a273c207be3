package io.pipelinekit.ftrack.events.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helpers for JSON trees (maps, lists, strings, numbers, booleans, nulls). */
public final class Trees {
  private Trees() {}

  /**
   * A deep, unmodifiable copy of a tree; key order is kept.
   *
   * @param value a tree
   * @return the frozen copy
   * @throws IllegalArgumentException if a value is not JSON-like
   */
  public static Object freeze(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      if (n instanceof Double || n instanceof Float) {
        return new BigDecimal(n.toString());
      }
      return n;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), freeze(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof Iterable<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(freeze(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Enum<?> en) {
      return en.name();
    }
    if (value instanceof CharSequence cs) {
      return cs.toString();
    }
    throw new IllegalArgumentException(
        "event data must be a JSON tree (maps, lists, strings, numbers, booleans, null), not a "
            + value.getClass().getName());
  }

  /**
   * A frozen map.
   *
   * @param map a map tree, or null for an empty map
   * @return the frozen copy
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freezeMap(Map<String, ?> map) {
    return map == null ? Map.of() : (Map<String, Object>) freeze(map);
  }

  /**
   * Walks a dotted path ({@code source.user.id}) through nested maps.
   *
   * @param root the tree
   * @param path dot-separated keys
   * @return the value, empty when a key is missing or a step is not a map
   */
  public static Optional<Object> path(Object root, String path) {
    Object current = root;
    int start = 0;
    while (true) {
      int dot = path.indexOf('.', start);
      String key = dot < 0 ? path.substring(start) : path.substring(start, dot);
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return Optional.empty();
      }
      current = m.get(key);
      if (dot < 0) {
        return Optional.ofNullable(current);
      }
      start = dot + 1;
    }
  }

  /**
   * A scalar as text: strings as they are, numbers as their literal, booleans as {@code
   * true}/{@code false}.
   *
   * @param value a scalar
   * @return the text, empty for null, maps and lists
   */
  public static Optional<String> text(Object value) {
    if (value instanceof String s) {
      return Optional.of(s);
    }
    if (value instanceof BigDecimal d) {
      return Optional.of(d.toPlainString());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    return Optional.empty();
  }
}
