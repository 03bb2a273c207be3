package io.pipelinekit.accsyn.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text the way Python's {@code json.dumps} does (see {@link PyJson}) straight into an
 * output stream through a small buffer of its own, so that a large payload never exists as one
 * string; call {@link #flush} at the end. Values are written with {@link #value}; {@link WireData}
 * writes its own parts through {@link #beginObject}, {@link #name} and the other structural
 * methods, which place the {@code ", "} and {@code ": "} separators.
 */
public final class PyJsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private static final int MAX_BUFFER = 16 * 1024;

  private final OutputStream out;
  // Small to start with, as most events are a few hundred bytes; grows for large payloads.
  private byte[] buf = new byte[256];
  private int pos;
  // Per open container: whether its next element is the first (no separator before it).
  private boolean[] first = new boolean[16];
  private int depth;
  private boolean afterName;

  /**
   * A writer into a stream; the caller flushes this writer, then closes the stream.
   *
   * @param out the stream
   */
  public PyJsonWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Passes everything written so far on to the stream (without flushing the stream).
   *
   * @throws IOException when the stream fails
   */
  public void flush() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      if (pos == buf.length && buf.length < MAX_BUFFER) {
        buf = new byte[buf.length * 4];
      }
      pos = 0;
    }
  }

  /**
   * Opens an object.
   *
   * @throws IOException when the stream fails
   */
  public void beginObject() throws IOException {
    beforeValue();
    raw('{');
    push();
  }

  /**
   * Closes the innermost object.
   *
   * @throws IOException when the stream fails
   */
  public void endObject() throws IOException {
    depth--;
    raw('}');
  }

  /**
   * Opens an array.
   *
   * @throws IOException when the stream fails
   */
  public void beginArray() throws IOException {
    beforeValue();
    raw('[');
    push();
  }

  /**
   * Closes the innermost array.
   *
   * @throws IOException when the stream fails
   */
  public void endArray() throws IOException {
    depth--;
    raw(']');
  }

  /**
   * Writes an object key; the next call writes its value.
   *
   * @param name the key
   * @throws IOException when the stream fails
   */
  public void name(String name) throws IOException {
    separator();
    string(name);
    raw(':');
    raw(' ');
    afterName = true;
  }

  /**
   * Writes a tree of {@link Map}, {@link List}, {@link CharSequence}, {@link Boolean}, {@link
   * Number}, {@link WireData} and {@code null}.
   *
   * @param value the value
   * @throws IOException when the stream fails
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
      raw(NULL);
    } else if (value instanceof CharSequence) {
      string(value.toString());
    } else if (value instanceof Boolean) {
      raw(((Boolean) value) ? TRUE : FALSE);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      decimal(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      ascii(PyJson.pythonFloat(((Number) value).doubleValue()));
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      ascii(value.toString());
    } else {
      throw new IllegalArgumentException(
          "cannot send a " + value.getClass().getName() + " as JSON");
    }
  }

  /**
   * Writes an integer.
   *
   * @param value the value
   * @throws IOException when the stream fails
   */
  public void value(long value) throws IOException {
    beforeValue();
    decimal(value);
  }

  /**
   * Writes a string value whose characters the callback writes straight into the stream, such as
   * base64 text. They must be printable ASCII without quotes or backslashes, which JSON would
   * escape.
   *
   * @param text writes the characters
   * @throws IOException when the stream fails
   */
  public void rawStringValue(RawText text) throws IOException {
    beforeValue();
    raw('"');
    flush();
    text.writeTo(out);
    raw('"');
  }

  /** Writes the characters of a string value. */
  @FunctionalInterface
  public interface RawText {
    /**
     * Writes the characters.
     *
     * @param out the stream, to be left open
     * @throws IOException when the stream fails
     */
    void writeTo(OutputStream out) throws IOException;
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
        raw(',');
        raw(' ');
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
    raw('"');
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (pos == buf.length) {
        flush();
      }
      // The common case, printable ASCII, is copied in a tight loop over locals.
      byte[] b = buf;
      int p = pos;
      int end = Math.min(n, i + (b.length - p));
      char c = 0;
      for (; i < end; i++) {
        c = s.charAt(i);
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
          break;
        }
        b[p++] = (byte) c;
      }
      pos = p;
      if (i < end) {
        special(c);
        i++;
      }
    }
    raw('"');
  }

  private void special(char c) throws IOException {
    switch (c) {
      case '"' -> escape('"');
      case '\\' -> escape('\\');
      case '\n' -> escape('n');
      case '\r' -> escape('r');
      case '\t' -> escape('t');
      case '\b' -> escape('b');
      case '\f' -> escape('f');
      // Java strings are UTF-16 already, so astral characters come out as surrogate pairs
      // exactly like Python's ensure_ascii.
      default -> {
        escape('u');
        raw(HEX[(c >> 12) & 0xf]);
        raw(HEX[(c >> 8) & 0xf]);
        raw(HEX[(c >> 4) & 0xf]);
        raw(HEX[c & 0xf]);
      }
    }
  }

  private void escape(char c) throws IOException {
    raw('\\');
    raw(c);
  }

  private void raw(char c) throws IOException {
    raw((byte) c);
  }

  private void raw(byte b) throws IOException {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = b;
  }

  private void raw(byte[] bytes) throws IOException {
    for (byte b : bytes) {
      raw(b);
    }
  }

  /** Text known to be ASCII: numbers. */
  private void ascii(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      raw((byte) s.charAt(i));
    }
  }

  private void decimal(long v) throws IOException {
    if (v == Long.MIN_VALUE) {
      ascii(Long.toString(v));
      return;
    }
    if (v < 0) {
      raw('-');
      v = -v;
    }
    long div = 1;
    while (div <= v / 10) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      raw((byte) ('0' + (v / div) % 10));
    }
  }
}
