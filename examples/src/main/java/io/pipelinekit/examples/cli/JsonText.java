package io.pipelinekit.examples.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the {@code --json} summaries with Moshi: maps, lists, strings, numbers and booleans, with
 * an empty {@link Optional} written as {@code null}.
 */
final class JsonText {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private JsonText() {}

  static String write(Object value) {
    return ADAPTER.toJson(plain(value));
  }

  /** Moshi writes maps, lists and scalars; Optionals become their value or null. */
  private static Object plain(Object v) {
    if (v instanceof Optional<?> o) {
      return plain(o.orElse(null));
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(JsonText::plain).toList();
    }
    if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
      return v;
    }
    return String.valueOf(v);
  }
}
