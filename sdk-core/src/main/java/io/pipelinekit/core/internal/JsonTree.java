package io.pipelinekit.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads and writes JSON trees of {@link Map}, {@link List}, {@link String}, {@link Boolean}, {@code
 * null} and numbers.
 *
 * <p>Why not {@code JsonReader.readJsonValue()}: Moshi turns every number into a {@code Double}, so
 * a 20-digit size or an integer id would silently lose precision or come back as {@code 3.0}. Here
 * integral numbers become {@link Long} (or {@link BigDecimal} past the long range) and the others
 * {@link BigDecimal}, exactly as written.
 */
public final class JsonTree {
  private JsonTree() {}

  /**
   * Parses JSON text into mutable maps and lists.
   *
   * @param text the JSON text
   * @return the tree; objects keep their key order
   * @throws JsonSyntaxException if the text is not one JSON value
   */
  public static Object parse(String text) {
    return parse(text, false);
  }

  /**
   * Parses JSON text into unmodifiable maps and lists.
   *
   * @param text the JSON text
   * @return the tree; objects keep their key order
   * @throws JsonSyntaxException if the text is not one JSON value
   */
  public static Object parseFrozen(String text) {
    return parse(text, true);
  }

  /**
   * Parses one JSON value from a source into unmodifiable maps and lists, reading the source as it
   * goes: a large answer is never held as text.
   *
   * @param source the source, read up to the end of the value and the whitespace after it
   * @return the tree; objects keep their key order
   * @throws JsonSyntaxException if the text is not one JSON value
   * @throws java.io.EOFException if the text ends inside the value
   * @throws IOException if reading the source fails
   */
  public static Object parseFrozen(BufferedSource source) throws IOException {
    JsonReader reader = JsonReader.of(source);
    try {
      Object value = read(reader, true);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonSyntaxException("trailing data after the JSON value");
      }
      return value;
    } catch (JsonDataException | JsonEncodingException e) {
      throw new JsonSyntaxException(e.getMessage());
    }
  }

  private static Object parse(String text, boolean frozen) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      Object value = read(reader, frozen);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonSyntaxException("trailing data after the JSON value");
      }
      return value;
    } catch (JsonDataException | JsonEncodingException e) {
      throw new JsonSyntaxException(e.getMessage());
    } catch (IOException e) {
      throw new JsonSyntaxException(e.getMessage());
    }
  }

  private static Object read(JsonReader reader, boolean frozen) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          map.put(name, read(reader, frozen));
        }
        reader.endObject();
        return frozen ? Collections.unmodifiableMap(map) : map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader, frozen));
        }
        reader.endArray();
        return frozen ? Collections.unmodifiableList(list) : list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonSyntaxException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /**
   * Converts a JSON number literal without loss.
   *
   * @param literal the literal as written
   * @return a {@link Long} when integral and in range, else a {@link BigDecimal}
   */
  public static Number number(String literal) {
    boolean integral =
        literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
    if (integral) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException e) {
        return new BigDecimal(new BigInteger(literal));
      }
    }
    return new BigDecimal(literal);
  }

  /**
   * Writes a tree as compact JSON.
   *
   * @param value a tree of maps, lists, strings, numbers, booleans and nulls
   * @return the JSON text
   * @throws IllegalArgumentException for any other kind of value, or a non-finite number
   */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        write(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      writer.value(new BigDecimal(value.toString()));
    } else if (value instanceof Number n) {
      writer.value(n);
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }
}
