package io.pipelinekit.testkit.ftrack.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON trees for the fake ftrack server. Integral numbers are {@link Long} and the others {@link
 * BigDecimal}, so sizes and versions never turn into doubles on their way through the fake.
 */
public final class WireJson {
  private WireJson() {}

  /** Parses JSON text; throws {@link IllegalArgumentException} when it is not JSON. */
  public static Object parse(String text) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      Object v = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("trailing data after the JSON value");
      }
      return v;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static Object read(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          m.put(r.nextName(), read(r));
        }
        r.endObject();
        return m;
      case BEGIN_ARRAY:
        List<Object> l = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          l.add(read(r));
        }
        r.endArray();
        return l;
      case STRING:
        return r.nextString();
      case NUMBER:
        String s = r.nextString();
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
          try {
            return Long.parseLong(s);
          } catch (NumberFormatException e) {
            return new BigDecimal(new BigInteger(s));
          }
        }
        return new BigDecimal(s);
      case BOOLEAN:
        return r.nextBoolean();
      case NULL:
        return r.nextNull();
      default:
        throw new IOException("unexpected " + r.peek());
    }
  }

  /** Writes a tree as compact JSON, nulls included. */
  public static String write(Object value) {
    Buffer b = new Buffer();
    try (JsonWriter w = JsonWriter.of(b)) {
      w.setSerializeNulls(true);
      write(w, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.readUtf8();
  }

  /** Writes one value to a writer, nulls included if the writer serializes them. */
  static void write(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Map<?, ?> m) {
      w.beginObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof Iterable<?> l) {
      w.beginArray();
      for (Object o : l) {
        write(w, o);
      }
      w.endArray();
    } else if (v instanceof Boolean bool) {
      w.value(bool);
    } else if (v instanceof Number n) {
      w.value(n instanceof Double || n instanceof Float ? new BigDecimal(n.toString()) : n);
    } else {
      w.value(String.valueOf(v));
    }
  }
}
