package io.pipelinekit.accsyn.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okio.BufferedSink;

/**
 * Writes JSON text the way Python's {@code json.dumps} does (see {@link PyJson}) straight into an
 * okio sink, so that a large payload never exists as one string. Values are written with {@link
 * #value}; {@link WireData} writes its own parts through {@link #beginObject}, {@link #name} and
 * the other structural methods, which place the {@code ", "} and {@code ": "} separators.
 */
public final class PyJsonWriter {
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final BufferedSink sink;
  // Per open container: whether its next element is the first (no separator before it).
  private boolean[] first = new boolean[16];
  private int depth;
  private boolean afterName;

  /**
   * A writer into a sink; the caller flushes and closes the sink.
   *
   * @param sink the sink
   */
  public PyJsonWriter(BufferedSink sink) {
    this.sink = sink;
  }

  /**
   * Opens an object.
   *
   * @throws IOException when the sink fails
   */
  public void beginObject() throws IOException {
    beforeValue();
    sink.writeByte('{');
    push();
  }

  /**
   * Closes the innermost object.
   *
   * @throws IOException when the sink fails
   */
  public void endObject() throws IOException {
    depth--;
    sink.writeByte('}');
  }

  /**
   * Opens an array.
   *
   * @throws IOException when the sink fails
   */
  public void beginArray() throws IOException {
    beforeValue();
    sink.writeByte('[');
    push();
  }

  /**
   * Closes the innermost array.
   *
   * @throws IOException when the sink fails
   */
  public void endArray() throws IOException {
    depth--;
    sink.writeByte(']');
  }

  /**
   * Writes an object key; the next call writes its value.
   *
   * @param name the key
   * @throws IOException when the sink fails
   */
  public void name(String name) throws IOException {
    separator();
    string(name);
    sink.writeByte(':').writeByte(' ');
    afterName = true;
  }

  /**
   * Writes a tree of {@link Map}, {@link List}, {@link CharSequence}, {@link Boolean}, {@link
   * Number}, {@link WireData} and {@code null}.
   *
   * @param value the value
   * @throws IOException when the sink fails
   * @throws IllegalArgumentException for any other kind of value, or a non-finite number
   */
  public void value(Object value) throws IOException {
    if (value instanceof WireData) {
      ((WireData) value).writeTo(this);
      return;
    }
    if (value instanceof Map) {
      beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        name(String.valueOf(e.getKey()));
        value(e.getValue());
      }
      endObject();
      return;
    }
    if (value instanceof List) {
      beginArray();
      for (Object item : (List<?>) value) {
        value(item);
      }
      endArray();
      return;
    }
    beforeValue();
    if (value == null) {
      sink.writeUtf8("null");
    } else if (value instanceof CharSequence) {
      string(value.toString());
    } else if (value instanceof Boolean) {
      sink.writeUtf8(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      sink.writeDecimalLong(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      sink.writeUtf8(PyJson.pythonFloat(((Number) value).doubleValue()));
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      sink.writeUtf8(value.toString());
    } else {
      throw new IllegalArgumentException(
          "cannot send a " + value.getClass().getName() + " as JSON");
    }
  }

  /**
   * Writes an integer.
   *
   * @param value the value
   * @throws IOException when the sink fails
   */
  public void value(long value) throws IOException {
    beforeValue();
    sink.writeDecimalLong(value);
  }

  /**
   * Writes a string value whose characters the callback writes straight into the sink, such as
   * base64 text. They must be printable ASCII without quotes or backslashes, which JSON would
   * escape.
   *
   * @param text writes the characters
   * @throws IOException when the sink fails
   */
  public void rawStringValue(RawText text) throws IOException {
    beforeValue();
    sink.writeByte('"');
    text.writeTo(sink);
    sink.writeByte('"');
  }

  /** Writes the characters of a string value. */
  @FunctionalInterface
  public interface RawText {
    /**
     * Writes the characters.
     *
     * @param sink the sink
     * @throws IOException when the sink fails
     */
    void writeTo(BufferedSink sink) throws IOException;
  }

  private void push() {
    depth++;
    if (depth == first.length) {
      first = Arrays.copyOf(first, depth * 2);
    }
    first[depth] = true;
  }

  private void separator() throws IOException {
    if (depth > 0) {
      if (first[depth]) {
        first[depth] = false;
      } else {
        sink.writeByte(',').writeByte(' ');
      }
    }
  }

  private void beforeValue() throws IOException {
    if (afterName) {
      afterName = false;
    } else {
      separator();
    }
  }

  private void string(String s) throws IOException {
    sink.writeByte('"');
    int n = s.length();
    int run = 0; // start of the pending run of characters written as they are
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
        continue;
      }
      if (run < i) {
        sink.writeUtf8(s, run, i);
      }
      run = i + 1;
      switch (c) {
        case '"' -> sink.writeByte('\\').writeByte('"');
        case '\\' -> sink.writeByte('\\').writeByte('\\');
        case '\n' -> sink.writeByte('\\').writeByte('n');
        case '\r' -> sink.writeByte('\\').writeByte('r');
        case '\t' -> sink.writeByte('\\').writeByte('t');
        case '\b' -> sink.writeByte('\\').writeByte('b');
        case '\f' -> sink.writeByte('\\').writeByte('f');
        // Java strings are UTF-16 already, so astral characters come out as surrogate pairs
        // exactly like Python's ensure_ascii.
        default ->
            sink.writeByte('\\')
                .writeByte('u')
                .writeByte(HEX[(c >> 12) & 0xf])
                .writeByte(HEX[(c >> 8) & 0xf])
                .writeByte(HEX[(c >> 4) & 0xf])
                .writeByte(HEX[c & 0xf]);
      }
    }
    if (run == 0) {
      sink.writeUtf8(s);
    } else if (run < n) {
      sink.writeUtf8(s, run, n);
    }
    sink.writeByte('"');
  }
}
