package io.pipelinekit.ftrack;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One ftrack entity as the server returned it: its concrete type ({@code Shot}, {@code
 * FileComponent}, …), its primary key and the attributes that were loaded.
 *
 * <p>Attributes keep three states apart, as the wire does: <em>absent</em> (not loaded: {@link
 * #has} is false), <em>null</em> ({@link #isNull}) and a value. Values are {@link String}, {@link
 * Long} (integers never become doubles), {@link BigDecimal}, {@link Boolean}, {@link Instant}
 * (datetimes), {@link LocalDate} (dates), {@code Entity} (relations), {@link List} (collections)
 * and {@link Map} (other JSON objects). Relations point at the same {@code Entity} object wherever
 * the entity occurs in one response, because responses are merged by (type, primary key).
 *
 * <pre>{@code
 * Entity version = session.query("select version, asset.name from AssetVersion").first().get();
 * long number = version.integer("version").orElse(0L);
 * String asset = version.entity("asset").flatMap(a -> a.string("name")).orElse("?");
 * Optional<Object> anything = version.path("asset.parent.name");
 * }</pre>
 *
 * <p>Entities are immutable once a response has been decoded, so they may be shared between
 * threads.
 */
public final class Entity {
  private final String type;
  private final List<String> keyNames;
  // Filled while one response is decoded (normalised responses mention an entity several times),
  // then never changed; only read-only views escape.
  private final Map<String, Object> attributes = new LinkedHashMap<>();

  Entity(String type, List<String> keyNames) {
    this.type = Objects.requireNonNull(type, "type == null");
    this.keyNames = List.copyOf(keyNames);
  }

  /**
   * An entity built by hand, for tests and for code that prepares data: relations may be other
   * entities.
   *
   * @param type the entity type
   * @param attributes its attributes, which must include {@code id}
   * @return the entity
   */
  public static Entity of(String type, Map<String, ?> attributes) {
    Entity e = new Entity(type, PrimaryKeys.of(type));
    for (Map.Entry<String, ?> a : attributes.entrySet()) {
      e.attributes.put(a.getKey(), a.getValue());
    }
    e.ref(); // validates the key
    return e;
  }

  void merge(String name, Object value) {
    attributes.put(name, value);
  }

  /**
   * The concrete entity type, e.g. {@code Shot} for a row of {@code TypedContext}.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * The {@code id}, or the first key value for composite-key types.
   *
   * @return the id
   */
  public String id() {
    return ref().id();
  }

  /**
   * A reference to this entity, for use in creates and updates.
   *
   * @return the reference
   */
  public EntityRef ref() {
    List<String> values = new ArrayList<>(keyNames.size());
    for (String k : keyNames) {
      Object v = attributes.get(k);
      if (v == null) {
        throw new IllegalStateException(type + " has no value for its key attribute " + k);
      }
      values.add(String.valueOf(v));
    }
    return EntityRef.of(type, keyNames, values);
  }

  /**
   * Whether the attribute was loaded (its value may be null).
   *
   * @param attribute the attribute name
   * @return true if present
   */
  public boolean has(String attribute) {
    return attributes.containsKey(attribute);
  }

  /**
   * Whether the attribute was loaded and is null.
   *
   * @param attribute the attribute name
   * @return true if present and null
   */
  public boolean isNull(String attribute) {
    return attributes.containsKey(attribute) && attributes.get(attribute) == null;
  }

  /**
   * Every loaded attribute, in wire order. Null values are kept.
   *
   * @return a read-only view
   */
  public Map<String, Object> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  /**
   * An attribute's value.
   *
   * @param attribute the attribute name
   * @return the value; empty if absent or null
   */
  public Optional<Object> value(String attribute) {
    return Optional.ofNullable(attributes.get(attribute));
  }

  /**
   * A string attribute.
   *
   * @param attribute the attribute name
   * @return the value; empty if absent, null or not a string
   */
  public Optional<String> string(String attribute) {
    Object v = attributes.get(attribute);
    return v instanceof String ? Optional.of((String) v) : Optional.empty();
  }

  /**
   * An integer attribute.
   *
   * @param attribute the attribute name
   * @return the value; empty if absent, null or not an integral number
   */
  public Optional<Long> integer(String attribute) {
    Object v = attributes.get(attribute);
    if (v instanceof Long) {
      return Optional.of((Long) v);
    }
    if (v instanceof Integer) {
      return Optional.of(((Integer) v).longValue());
    }
    if (v instanceof BigDecimal) {
      try {
        return Optional.of(((BigDecimal) v).longValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A boolean attribute.
   *
   * @param attribute the attribute name
   * @return the value; empty if absent, null or not a boolean
   */
  public Optional<Boolean> bool(String attribute) {
    Object v = attributes.get(attribute);
    return v instanceof Boolean ? Optional.of((Boolean) v) : Optional.empty();
  }

  /**
   * A datetime attribute.
   *
   * @param attribute the attribute name
   * @return the instant; empty if absent, null or not a datetime
   */
  public Optional<Instant> instant(String attribute) {
    Object v = attributes.get(attribute);
    return v instanceof Instant ? Optional.of((Instant) v) : Optional.empty();
  }

  /**
   * A date attribute.
   *
   * @param attribute the attribute name
   * @return the date; empty if absent, null or not a date
   */
  public Optional<LocalDate> date(String attribute) {
    Object v = attributes.get(attribute);
    return v instanceof LocalDate ? Optional.of((LocalDate) v) : Optional.empty();
  }

  /**
   * A relation to one entity.
   *
   * @param attribute the attribute name, e.g. {@code asset}
   * @return the entity; empty if absent, null or not an entity
   */
  public Optional<Entity> entity(String attribute) {
    Object v = attributes.get(attribute);
    return v instanceof Entity ? Optional.of((Entity) v) : Optional.empty();
  }

  /**
   * A collection relation.
   *
   * @param attribute the attribute name, e.g. {@code components}
   * @return the entities in wire order; empty if absent, null or not a collection
   */
  public List<Entity> entities(String attribute) {
    Object v = attributes.get(attribute);
    if (!(v instanceof List)) {
      return List.of();
    }
    List<Entity> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o instanceof Entity) {
        out.add((Entity) o);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Follows a dotted path through single relations: {@code path("version.asset.name")}.
   *
   * @param dottedPath attribute names separated by dots
   * @return the value at the end; empty if any step is absent, null or not an entity
   */
  public Optional<Object> path(String dottedPath) {
    Entity current = this;
    String[] parts = dottedPath.split("\\.", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      Optional<Entity> next = current.entity(parts[i]);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return current.value(parts[parts.length - 1]);
  }

  /**
   * Equal when type and primary key are equal, whatever was loaded.
   *
   * @param o another object
   * @return whether it is the same entity
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Entity && ref().equals(((Entity) o).ref());
  }

  @Override
  public int hashCode() {
    return ref().hashCode();
  }

  /** The type, key and name (when loaded); relations are not followed, so cycles are safe. */
  @Override
  public String toString() {
    Object name = attributes.get("name");
    StringBuilder sb = new StringBuilder(type).append('{');
    for (int i = 0; i < keyNames.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(keyNames.get(i)).append('=');
      sb.append(attributes.get(keyNames.get(i)));
    }
    if (name instanceof String) {
      sb.append(", name=").append(name);
    }
    return sb.append('}').toString();
  }
}
