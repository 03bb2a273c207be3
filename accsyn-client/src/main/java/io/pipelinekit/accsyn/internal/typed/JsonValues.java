package io.pipelinekit.accsyn.internal.typed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and copies caller-supplied JSON-like values (metadata, hook data, extra fields). */
public final class JsonValues {
  private JsonValues() {}

  /**
   * Checks that a value is JSON: a string, finite number, boolean, null, or a map with string keys
   * or a list of such values.
   *
   * @param where what the value is, for the message
   * @param value the value
   * @throws IllegalArgumentException naming the path to the first bad value
   */
  public static void check(String where, Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof java.math.BigInteger
        || value instanceof java.math.BigDecimal) {
      return;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(where + " is " + d + ", which JSON cannot carry");
      }
      return;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(where + " has a non-string key " + e.getKey());
        }
        check(where + "." + e.getKey(), e.getValue());
      }
      return;
    }
    if (value instanceof List) {
      List<?> l = (List<?>) value;
      for (int i = 0; i < l.size(); i++) {
        check(where + "[" + i + "]", l.get(i));
      }
      return;
    }
    throw new IllegalArgumentException(
        where
            + " is a "
            + value.getClass().getName()
            + "; use strings, numbers, booleans, maps and lists (format dates as ISO text)");
  }

  /**
   * An insertion-ordered mutable map for building wire data.
   *
   * @return a new map
   */
  public static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /**
   * Freezes a map built with {@link #object()}.
   *
   * @param m the map
   * @return an unmodifiable view
   */
  public static Map<String, Object> freeze(Map<String, Object> m) {
    return Collections.unmodifiableMap(m);
  }
}
