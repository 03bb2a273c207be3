package io.pipelinekit.accsyn.internal.typed;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Small helpers around {@link AccsynClient#call} for the operations the generic API lacks. */
public final class Calls {
  private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9]{24}");

  private Calls() {}

  /**
   * Sends an event and returns its {@code result}.
   *
   * @param client the client
   * @param method the HTTP method
   * @param uri the event uri
   * @param data the data (a map, a list, a {@link Json}, or null for JSON null)
   * @param query the query, or null
   * @param id the entity id, or null
   * @return the result, or JSON null if there was none
   */
  public static Json result(
      AccsynClient client, HttpMethod method, String uri, Object data, String query, String id) {
    Json d = data == null ? Json.nullValue() : Json.of(data);
    return client.call(method, uri, d, query, id).get("result").orElse(Json.nullValue());
  }

  /**
   * A result as a list: an array's elements, a single value as one element, null as none.
   *
   * @param result the result
   * @return the elements
   */
  public static List<Json> list(Json result) {
    if (result.isArray()) {
      return result.asList();
    }
    return result.isNull() ? List.of() : List.of(result);
  }

  /**
   * Whether a result means yes: {@code true}, a non-empty object or array, a non-zero number.
   *
   * @param result the result
   * @return the truth value, as Python's {@code bool(result)}
   */
  public static boolean truthy(Json result) {
    return switch (result.type()) {
      case BOOLEAN -> result.asBoolean();
      case NULL -> false;
      case NUMBER -> result.asDecimal().signum() != 0;
      case STRING -> !result.asString().isEmpty();
      case ARRAY, OBJECT -> result.size() > 0;
    };
  }

  /**
   * Whether text is a 24-character accsyn id (rather than a code or e-mail).
   *
   * @param text the text
   * @return true for an id
   */
  public static boolean isId(String text) {
    return text != null && ENTITY_ID.matcher(text).matches();
  }

  /**
   * An insertion-ordered data map from key/value pairs, skipping pairs whose value is null.
   *
   * @param kv alternating keys and values
   * @return the map
   */
  public static Map<String, Object> data(Object... kv) {
    Map<String, Object> m = JsonValues.object();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof Optional<?> o) {
        v = o.orElse(null);
      }
      if (v != null) {
        m.put((String) kv[i], v);
      }
    }
    return m;
  }
}
