package io.pipelinekit.testkit.accsyn.internal.json;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Untyped JSON for the fake: objects become {@code LinkedHashMap<String, Object>}, arrays {@code
 * ArrayList<Object>}, integral numbers {@code Long}, other numbers {@code Double}. Nulls are
 * written, because the real service returns them (e.g. {@code "finished": null}).
 */
public final class Json {

  private Json() {}

  /** Parses one JSON value; throws {@link JsonSyntaxException} on malformed input. */
  public static Object parse(String text) {
    try {
      Buffer buffer = new Buffer().writeUtf8(text);
      JsonReader reader = JsonReader.of(buffer);
      reader.setLenient(false);
      Object value = normalize(reader.readJsonValue());
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonSyntaxException("Trailing data after the JSON value");
      }
      return value;
    } catch (IOException | com.squareup.moshi.JsonDataException e) {
      throw new JsonSyntaxException(e.getMessage());
    }
  }

  /** Parses a JSON object; throws {@link JsonSyntaxException} if the text is not an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonSyntaxException("Expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /** Writes a value as compact JSON, nulls included. */
  public static String write(Object value) {
    try {
      Buffer buffer = new Buffer();
      JsonWriter writer = JsonWriter.of(buffer);
      writer.setSerializeNulls(true);
      writeValue(writer, value);
      writer.close();
      return asciiOnly(buffer.readUtf8());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Escapes every non-ASCII character as {@code \\uXXXX}, as Python's {@code json.dumps} does by
   * default, so responses are pure ASCII whatever charset a client assumes. Safe on JSON text
   * because non-ASCII characters can only occur inside strings.
   */
  static String asciiOnly(String json) {
    StringBuilder sb = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c > 0x7e) {
        if (sb == null) {
          sb = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        sb.append(String.format("\\u%04x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? json : sb.toString();
  }

  private static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        writeValue(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable<?> list) {
      writer.beginArray();
      for (Object o : list) {
        writeValue(writer, o);
      }
      writer.endArray();
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else if (value instanceof Double || value instanceof Float) {
      writer.value(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      writer.value(n.longValue());
    } else {
      writer.value(String.valueOf(value));
    }
  }

  /** Deep copy with Moshi's doubles turned into longs where they are integral. */
  public static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), normalize(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(normalize(o));
      }
      return out;
    }
    if (value instanceof Double d
        && d == Math.rint(d)
        && !Double.isInfinite(d)
        && Math.abs(d) < 9.0e15) {
      return d.longValue();
    }
    return value;
  }
}
