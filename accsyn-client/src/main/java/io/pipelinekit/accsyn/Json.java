package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.internal.PyJson;
import io.pipelinekit.accsyn.internal.PyJsonWriter;
import io.pipelinekit.accsyn.internal.WireData;
import io.pipelinekit.accsyn.internal.WireTime;
import io.pipelinekit.core.internal.JsonSyntaxException;
import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.core.internal.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import okio.Okio;

/**
 * An immutable JSON value: what accsyn sends back, and what the generic API sends.
 *
 * <p>accsyn entities are open-ended dictionaries whose fields depend on the caller's role, so the
 * generic API does not guess types: it hands out this tree with typed accessors. Numbers stay exact
 * ({@link Long} for integers, {@link BigDecimal} otherwise), so ids, byte counts and sizes never
 * pass through a {@code double}.
 *
 * <pre>{@code
 * Json job = client.get("transfer", id).orElseThrow();
 * String status = job.string("status").orElse("?");
 * long size = job.get("size").map(Json::asLong).orElse(0L);
 * Json patch = Json.objectBuilder().put("status", "paused").build();
 * }</pre>
 *
 * <p>{@link #toString()} hides the values of fields named like secrets ({@code api_key}, {@code
 * password}, {@code *_token}); {@link #toJson()} gives the exact text.
 */
public final class Json {
  private static final Json NULL = new Json(null);
  private static final Json TRUE = new Json(Boolean.TRUE);
  private static final Json FALSE = new Json(Boolean.FALSE);

  /** The kind of a JSON value. */
  public enum Type {
    /** A JSON object (keys in the order received or inserted). */
    OBJECT,
    /** A JSON array. */
    ARRAY,
    /** A string. */
    STRING,
    /** A number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code null}. */
    NULL
  }

  // A plain tree: unmodifiable Map<String, Object> / List<Object>, String, Long, BigDecimal,
  // Double (only if a caller passed one), Boolean or null.
  private final Object value;

  private Json(Object value) {
    this.value = value;
  }

  /**
   * Wraps a value, copying it deeply.
   *
   * <p>Accepts {@link Json}, {@link Map} (keys become strings), {@link Iterable}, {@link
   * CharSequence}, {@link Boolean}, {@link Number}, {@code null}, and date-times ({@link Instant},
   * {@link OffsetDateTime}, {@link ZonedDateTime}), which become accsyn's UTC text {@code
   * yyyy-MM-ddTHH:mm:ss}.
   *
   * @param value the value
   * @return the JSON value
   * @throws IllegalArgumentException for any other type, or a NaN or infinite number
   */
  public static Json of(Object value) {
    if (value instanceof Json) {
      return (Json) value;
    }
    return wrap(plain(value));
  }

  /**
   * Parses JSON text.
   *
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException if the text is not one JSON value
   */
  public static Json parse(String text) {
    Objects.requireNonNull(text, "text == null");
    try {
      return wrap(JsonTree.parseFrozen(text));
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses one JSON value from a stream of UTF-8 text as it is read, without holding the text: a
   * large answer costs only its tree.
   *
   * @param in the stream; read to the end of the value, not closed
   * @return the value
   * @throws IllegalArgumentException if the text is not one JSON value
   * @throws java.io.EOFException if the text ends inside the value
   * @throws IOException if reading fails
   */
  public static Json parse(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in == null");
    try {
      return wrap(JsonTree.parseFrozen(Okio.buffer(Okio.source(in))));
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The JSON {@code null}.
   *
   * @return the null value
   */
  public static Json nullValue() {
    return NULL;
  }

  /**
   * An empty object.
   *
   * @return {@code {}}
   */
  public static Json emptyObject() {
    return new Json(Map.of());
  }

  /**
   * A builder for an object whose keys keep their insertion order.
   *
   * @return a new builder
   */
  public static ObjectBuilder objectBuilder() {
    return new ObjectBuilder();
  }

  /** Builds a JSON object; not thread-safe. */
  public static final class ObjectBuilder {
    private final Map<String, Object> map = new LinkedHashMap<>();

    private ObjectBuilder() {}

    /**
     * Sets a member.
     *
     * @param key the key
     * @param value any value {@link Json#of} accepts
     * @return this builder
     */
    public ObjectBuilder put(String key, Object value) {
      map.put(Objects.requireNonNull(key, "key == null"), plain(value));
      return this;
    }

    /**
     * Copies every member of an object.
     *
     * @param object a JSON object
     * @return this builder
     * @throws IllegalArgumentException if it is not an object
     */
    public ObjectBuilder putAll(Json object) {
      map.putAll(object.asMapPlain());
      return this;
    }

    /**
     * The object.
     *
     * @return an immutable JSON object
     */
    public Json build() {
      return new Json(Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }
  }

  static Json wrap(Object plain) {
    if (plain == null) {
      return NULL;
    }
    if (plain instanceof Boolean) {
      return ((Boolean) plain) ? TRUE : FALSE;
    }
    return new Json(plain);
  }

  private static Object plain(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Json) {
      return ((Json) v).value;
    }
    if (v instanceof WireData && v instanceof List) {
      // A list that writes itself from typed values (a job's tasks): copying it would build the
      // very tree it exists to avoid.
      return new WireList((List<?>) v);
    }
    if (v instanceof CharSequence) {
      return v.toString();
    }
    if (v instanceof Boolean) {
      return v;
    }
    if (v instanceof Long || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d + "; pass a finite number");
      }
      return d;
    }
    if (v instanceof Instant) {
      return WireTime.format((Instant) v);
    }
    if (v instanceof OffsetDateTime) {
      return WireTime.format(((OffsetDateTime) v).toInstant());
    }
    if (v instanceof ZonedDateTime) {
      return WireTime.format(((ZonedDateTime) v).toInstant());
    }
    if (v instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        m.put(String.valueOf(Objects.requireNonNull(e.getKey(), "null key")), plain(e.getValue()));
      }
      return Collections.unmodifiableMap(m);
    }
    if (v instanceof Iterable) {
      List<Object> l = new ArrayList<>();
      for (Object o : (Iterable<?>) v) {
        l.add(plain(o));
      }
      return Collections.unmodifiableList(l);
    }
    throw new IllegalArgumentException(
        "cannot turn a "
            + v.getClass().getName()
            + " into JSON; use maps, lists, strings, numbers, booleans, Instant or null");
  }

  /**
   * A list that writes itself, seen as a plain list: each element is made plain when read, and the
   * request is written by the list itself.
   */
  private static final class WireList extends AbstractList<Object>
      implements RandomAccess, WireData {
    private final List<?> list;

    WireList(List<?> list) {
      this.list = list instanceof WireList ? ((WireList) list).list : list;
    }

    @Override
    public Object get(int index) {
      return plain(list.get(index));
    }

    @Override
    public int size() {
      return list.size();
    }

    @Override
    public long estimate(long stopAbove) {
      return ((WireData) list).estimate(stopAbove);
    }

    @Override
    public void writeTo(PyJsonWriter out) throws IOException {
      ((WireData) list).writeTo(out);
    }
  }

  /**
   * The kind of this value.
   *
   * @return the type
   */
  public Type type() {
    if (value == null) {
      return Type.NULL;
    }
    if (value instanceof Map) {
      return Type.OBJECT;
    }
    if (value instanceof List) {
      return Type.ARRAY;
    }
    if (value instanceof String) {
      return Type.STRING;
    }
    if (value instanceof Boolean) {
      return Type.BOOLEAN;
    }
    return Type.NUMBER;
  }

  /**
   * Whether this is a JSON object.
   *
   * @return true for an object
   */
  public boolean isObject() {
    return value instanceof Map;
  }

  /**
   * Whether this is a JSON array.
   *
   * @return true for an array
   */
  public boolean isArray() {
    return value instanceof List;
  }

  /**
   * Whether this is JSON {@code null}.
   *
   * @return true for null
   */
  public boolean isNull() {
    return value == null;
  }

  /**
   * A member of an object.
   *
   * @param key the key
   * @return the member (possibly JSON null), or empty if absent or this is not an object
   */
  public Optional<Json> get(String key) {
    if (value instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) value;
      if (m.containsKey(key)) {
        return Optional.of(wrap(m.get(key)));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an object has a member.
   *
   * @param key the key
   * @return true if this is an object with that key
   */
  public boolean has(String key) {
    return value instanceof Map && ((Map<?, ?>) value).containsKey(key);
  }

  /**
   * A string member.
   *
   * @param key the key
   * @return its text, or empty if absent, null or not a string
   */
  public Optional<String> string(String key) {
    return get(key).filter(j -> j.value instanceof String).map(Json::asString);
  }

  /**
   * An integral member.
   *
   * @param key the key
   * @return its value, or empty if absent, null or not an integer that fits a long
   */
  public Optional<Long> integer(String key) {
    return get(key)
        .filter(j -> j.value instanceof Number)
        .flatMap(
            j -> {
              try {
                return Optional.of(j.asLong());
              } catch (IllegalStateException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * A boolean member.
   *
   * @param key the key
   * @return its value, or empty if absent, null or not a boolean
   */
  public Optional<Boolean> bool(String key) {
    return get(key).filter(j -> j.value instanceof Boolean).map(Json::asBoolean);
  }

  /**
   * An element of an array.
   *
   * @param index the index
   * @return the element
   * @throws IllegalStateException if this is not an array
   * @throws IndexOutOfBoundsException if there is no such element
   */
  public Json at(int index) {
    return wrap(list().get(index));
  }

  /**
   * The number of members of an object or elements of an array.
   *
   * @return the size
   * @throws IllegalStateException for any other type
   */
  public int size() {
    if (value instanceof Map) {
      return ((Map<?, ?>) value).size();
    }
    return list().size();
  }

  /**
   * The text of a string.
   *
   * @return the text
   * @throws IllegalStateException if this is not a string
   */
  public String asString() {
    if (value instanceof String) {
      return (String) value;
    }
    throw wrongType(Type.STRING);
  }

  /**
   * An integer value.
   *
   * @return the value
   * @throws IllegalStateException if this is not a number, has a fraction, or exceeds a long
   */
  public long asLong() {
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof Number) {
      try {
        return asDecimal().longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalStateException("the number " + value + " is not an integer in long range");
      }
    }
    throw wrongType(Type.NUMBER);
  }

  /**
   * A number, exactly.
   *
   * @return the value
   * @throws IllegalStateException if this is not a number
   */
  public BigDecimal asDecimal() {
    if (value instanceof Long) {
      return BigDecimal.valueOf((Long) value);
    }
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof Double) {
      return new BigDecimal(value.toString());
    }
    throw wrongType(Type.NUMBER);
  }

  /**
   * A boolean.
   *
   * @return the value
   * @throws IllegalStateException if this is not a boolean
   */
  public boolean asBoolean() {
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(Type.BOOLEAN);
  }

  /**
   * A date-time string as an instant. Text without an offset is UTC, as accsyn sends it ({@code
   * 2026-11-23T00:16:26}, optionally with millis); text with an offset is honoured.
   *
   * @return the instant
   * @throws IllegalStateException if this is not a string holding an ISO-8601 date-time
   */
  public Instant asInstant() {
    return WireTime.parse(asString())
        .orElseThrow(() -> new IllegalStateException("not a date-time: " + value));
  }

  /**
   * The elements of an array.
   *
   * @return an immutable list
   * @throws IllegalStateException if this is not an array
   */
  public List<Json> asList() {
    List<Object> l = list();
    List<Json> out = new ArrayList<>(l.size());
    for (Object o : l) {
      out.add(wrap(o));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The members of an object.
   *
   * @return an immutable map in key order
   * @throws IllegalStateException if this is not an object
   */
  public Map<String, Json> asMap() {
    Map<String, Object> m = asMapPlain();
    Map<String, Json> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out.put(e.getKey(), wrap(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The keys of an object.
   *
   * @return the keys in order
   * @throws IllegalStateException if this is not an object
   */
  public Set<String> keys() {
    return asMapPlain().keySet();
  }

  /**
   * The value as plain Java: unmodifiable {@code Map<String, Object>} and {@code List<Object>},
   * {@link String}, {@link Long}, {@link BigDecimal}, {@link Boolean} or {@code null}.
   *
   * @return the plain tree
   */
  public Object toPlain() {
    return value;
  }

  /**
   * The JSON text, formatted as Python's {@code json.dumps} would.
   *
   * @return the text
   */
  public String toJson() {
    return PyJson.write(value);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> asMapPlain() {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw wrongType(Type.OBJECT);
  }

  @SuppressWarnings("unchecked")
  private List<Object> list() {
    if (value instanceof List) {
      return (List<Object>) value;
    }
    throw wrongType(Type.ARRAY);
  }

  private IllegalStateException wrongType(Type wanted) {
    String text = Redactor.fields(toJson());
    if (text.length() > 80) {
      text = text.substring(0, 80) + "…";
    }
    return new IllegalStateException(
        "expected a " + wanted + " but found a " + type() + ": " + text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Json && Objects.equals(value, ((Json) o).value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  /** The JSON text with the values of secret-looking fields hidden. */
  @Override
  public String toString() {
    return Redactor.fields(toJson());
  }
}
