package io.pipelinekit.ftrack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes operations and decodes responses (see docs/protocol/ftrack.md, "Encoding entities").
 *
 * <p>It lives next to {@link Entity} rather than in {@code internal} because decoding merges
 * attributes into entities while a response is read, which only this package may do.
 */
final class WireCodec {
  private static final DateTimeFormatter NAIVE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** The zone naive datetimes are in: UTC when the server has timezone support. */
  private final ZoneId zone;

  WireCodec(ZoneId zone) {
    this.zone = zone;
  }

  // ---------------------------------------------------------------- encoding

  List<Object> encode(List<Operation> operations) {
    List<Object> out = new ArrayList<>(operations.size());
    for (Operation op : operations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", op.action());
      for (Map.Entry<String, Object> f : op.fields().entrySet()) {
        if (f.getKey().equals("entity_data")) {
          m.put(f.getKey(), encodeData(f.getValue()));
        } else {
          m.put(f.getKey(), encodeValue(f.getValue()));
        }
      }
      out.add(m);
    }
    return out;
  }

  private Object encodeData(Object data) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) data).entrySet()) {
      out.put(String.valueOf(e.getKey()), encodeValue(e.getValue()));
    }
    return out;
  }

  Object encodeValue(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
      return v;
    }
    if (v instanceof Instant) {
      // Naive, second precision, in the server's zone (UTC with timezone support), as [docs] ask.
      LocalDateTime t =
          LocalDateTime.ofInstant(((Instant) v).truncatedTo(ChronoUnit.SECONDS), zone);
      return typed("datetime", NAIVE.format(t));
    }
    if (v instanceof OffsetDateTime) {
      return encodeValue(((OffsetDateTime) v).toInstant());
    }
    if (v instanceof LocalDate) {
      return typed("date", v.toString());
    }
    if (v instanceof Entity) {
      return encodeValue(((Entity) v).ref());
    }
    if (v instanceof EntityRef) {
      EntityRef r = (EntityRef) v;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("__entity_type__", r.type());
      for (int i = 0; i < r.keyNames().size(); i++) {
        m.put(r.keyNames().get(i), r.keyValues().get(i));
      }
      return m;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(encodeValue(o));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), encodeValue(e.getValue()));
      }
      return out;
    }
    throw new IllegalArgumentException(
        "cannot send a "
            + v.getClass().getName()
            + " to ftrack: use a string, number, boolean,"
            + " Instant, LocalDate, EntityRef, list or map");
  }

  private static Map<String, Object> typed(String type, String value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__type__", type);
    m.put("value", value);
    return m;
  }

  // ---------------------------------------------------------------- decoding

  /**
   * Decodes a whole response. One identity map serves all results, so an entity mentioned in
   * several results (or several times in one) is one object with the attributes of all mentions.
   */
  List<OperationResult> decode(List<?> response) {
    Map<String, Entity> identity = new HashMap<>();
    List<OperationResult> out = new ArrayList<>(response.size());
    for (Object element : response) {
      out.add(new OperationResult(decodeValue(element, identity)));
    }
    return Collections.unmodifiableList(out);
  }

  private Object decodeValue(Object v, Map<String, Entity> identity) {
    if (v instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) v;
      Object entityType = m.get("__entity_type__");
      if (entityType instanceof String) {
        return decodeEntity((String) entityType, m, identity);
      }
      Object typeTag = m.get("__type__");
      if (typeTag instanceof String && m.size() == 2 && m.get("value") instanceof String) {
        String value = (String) m.get("value");
        if (typeTag.equals("datetime")) {
          return parseDateTime(value);
        }
        if (typeTag.equals("date")) {
          return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), decodeValue(e.getValue(), identity));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(decodeValue(o, identity));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  private Entity decodeEntity(String type, Map<?, ?> m, Map<String, Entity> identity) {
    List<String> keyNames = PrimaryKeys.of(type);
    StringBuilder key = new StringBuilder(type);
    for (String k : keyNames) {
      Object value = m.get(k);
      if (value == null) {
        throw new IllegalArgumentException(type + " without its key attribute " + k);
      }
      key.append(',').append(value);
    }
    Entity entity = identity.get(key.toString());
    if (entity == null) {
      entity = new Entity(type, keyNames);
      identity.put(key.toString(), entity);
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (!name.equals("__entity_type__")) {
        entity.merge(name, decodeValue(e.getValue(), identity));
      }
    }
    return entity;
  }

  /** Accepts naive values (in {@link #zone}) and values with an offset or {@code Z}. */
  Instant parseDateTime(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        // Some servers send a space instead of the T.
        return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
      }
    }
  }

  static ZoneId zoneFor(boolean timezoneSupport, ZoneId serverZone) {
    return timezoneSupport ? ZoneOffset.UTC : serverZone;
  }
}
