package io.pipelinekit.accsyn.internal.typed;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads an accsyn entity leniently and remembers which keys were read, so that everything else
 * lands in the value type's {@code extra()} map. Lenient means: a field that is absent, {@code
 * null} or of an unexpected shape reads as empty rather than failing the whole entity, because
 * accsyn's entities vary by role and version; only a missing id is an error.
 */
public final class Fields {
  private static final String OBJECT_ID = "ObjectId:";

  private final Json object;
  private final String what;
  // A decoder reads a dozen keys or so: a list searched in order costs less than hashing them, and
  // a
  // large answer decodes one of these per entity.
  private final List<String> read = new ArrayList<>(16);

  private Fields(Json object, String what) {
    this.object = object;
    this.what = what;
  }

  /**
   * Starts reading an entity.
   *
   * @param json the entity
   * @param what its type, for messages (e.g. {@code transfer})
   * @return the reader
   * @throws AccsynException if the value is not an object
   */
  public static Fields of(Json json, String what) {
    if (json == null || !json.isObject()) {
      throw new AccsynException(
          "accsyn sent a " + what + " that is not a JSON object: " + abbreviate(json));
    }
    return new Fields(json, what);
  }

  /**
   * The entity id; required.
   *
   * @return the id, without an {@code ObjectId:} prefix
   * @throws AccsynException if there is none
   */
  public String requiredId() {
    return id("id")
        .orElseThrow(
            () ->
                new AccsynException(
                    "accsyn sent a " + what + " without an id: " + abbreviate(object)));
  }

  /**
   * A string; numbers and booleans are given as their text.
   *
   * @param key the key
   * @return the text, or empty
   */
  public Optional<String> string(String key) {
    return raw(key)
        .flatMap(
            j ->
                switch (j.type()) {
                  case STRING -> Optional.of(j.asString());
                  case NUMBER -> Optional.of(j.asDecimal().toPlainString());
                  case BOOLEAN -> Optional.of(Boolean.toString(j.asBoolean()));
                  default -> Optional.empty();
                });
  }

  /**
   * An id or reference, with accsyn's {@code ObjectId:} prefix removed.
   *
   * @param key the key
   * @return the id, or empty (also for an empty string)
   */
  public Optional<String> id(String key) {
    return string(key)
        .map(s -> s.startsWith(OBJECT_ID) ? s.substring(OBJECT_ID.length()) : s)
        .filter(s -> !s.isEmpty());
  }

  /**
   * An integer; numeric strings and whole decimals are accepted.
   *
   * @param key the key
   * @return the value, or empty
   */
  public OptionalLong longValue(String key) {
    Optional<BigDecimal> d = decimal(key);
    if (d.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(d.get().longValueExact());
    } catch (ArithmeticException fractionOrOverflow) {
      // A fraction is dropped (1.5 reads as 1); only a value outside long is empty.
    }
    try {
      return OptionalLong.of(d.get().toBigInteger().longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * An int; see {@link #longValue}.
   *
   * @param key the key
   * @return the value, or empty if absent or out of int range
   */
  public OptionalInt intValue(String key) {
    OptionalLong l = longValue(key);
    if (l.isEmpty() || l.getAsLong() < Integer.MIN_VALUE || l.getAsLong() > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((int) l.getAsLong());
  }

  /**
   * A floating-point number; numeric strings are accepted.
   *
   * @param key the key
   * @return the value, or empty
   */
  public OptionalDouble doubleValue(String key) {
    Optional<BigDecimal> d = decimal(key);
    return d.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(d.get().doubleValue());
  }

  private Optional<BigDecimal> decimal(String key) {
    Optional<Json> j = raw(key);
    if (j.isEmpty()) {
      return Optional.empty();
    }
    Json v = j.get();
    if (v.type() == Json.Type.NUMBER) {
      return Optional.of(v.asDecimal());
    }
    if (v.type() == Json.Type.STRING) {
      try {
        return Optional.of(new BigDecimal(v.asString().strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A boolean; the strings {@code true}/{@code false} (any case) are accepted.
   *
   * @param key the key
   * @return the value, or empty
   */
  public Optional<Boolean> bool(String key) {
    return raw(key)
        .flatMap(
            j -> {
              if (j.type() == Json.Type.BOOLEAN) {
                return Optional.of(j.asBoolean());
              }
              if (j.type() == Json.Type.STRING) {
                String s = j.asString().strip();
                if (s.equalsIgnoreCase("true")) {
                  return Optional.of(true);
                }
                if (s.equalsIgnoreCase("false")) {
                  return Optional.of(false);
                }
              }
              return Optional.empty();
            });
  }

  /**
   * A date-time: ISO-8601 text with or without an offset (none means UTC, as accsyn sends it).
   *
   * @param key the key
   * @return the instant, or empty if absent or not a date-time
   */
  public Optional<Instant> instant(String key) {
    return raw(key)
        .filter(j -> j.type() == Json.Type.STRING && !j.asString().isBlank())
        .flatMap(
            j -> {
              try {
                return Optional.of(j.asInstant());
              } catch (IllegalStateException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * An object member as a map.
   *
   * @param key the key
   * @return the members, or an empty map if absent or not an object
   */
  public Map<String, Json> object(String key) {
    return raw(key).filter(Json::isObject).map(Json::asMap).orElse(Map.of());
  }

  /**
   * An object member as a JSON value.
   *
   * @param key the key
   * @return the object, or empty if absent or not an object
   */
  public Optional<Json> objectValue(String key) {
    return raw(key).filter(Json::isObject);
  }

  /**
   * An array member.
   *
   * @param key the key
   * @return the elements, or an empty list if absent or not an array
   */
  public List<Json> list(String key) {
    return raw(key).filter(Json::isArray).map(Json::asList).orElse(List.of());
  }

  /**
   * A member of any type, marked as read.
   *
   * @param key the key
   * @return the value, or empty if absent or JSON null
   */
  public Optional<Json> raw(String key) {
    read.add(key);
    return object.get(key).filter(j -> !j.isNull());
  }

  /**
   * Marks keys as read without reading them (e.g. derived or deliberately dropped fields).
   *
   * @param keys the keys
   */
  public void skip(String... keys) {
    Collections.addAll(read, keys);
  }

  /**
   * Every member not read so far, in the order received.
   *
   * @return an unmodifiable map
   */
  public Map<String, Json> rest() {
    // Walks the keys rather than a copy of the whole object: most entities have few unread fields.
    Map<String, Json> out = null;
    for (String key : object.keys()) {
      if (!read.contains(key)) {
        if (out == null) {
          out = new LinkedHashMap<>();
        }
        out.put(key, object.get(key).orElseThrow());
      }
    }
    return out == null ? Map.of() : Collections.unmodifiableMap(out);
  }

  private static String abbreviate(Json json) {
    String s = String.valueOf(json);
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
