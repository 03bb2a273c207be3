package io.pipelinekit.testkit.accsyn.internal.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored entity: its type, id and attribute map. Mutated only while holding the {@link Store}
 * lock; readers get copies through {@link Store} views.
 */
public final class Entity {
  private final String type;
  private final String id;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private boolean inactive;
  private boolean archived;

  Entity(String type, String id) {
    this.type = type;
    this.id = id;
    fields.put("id", id);
  }

  /** The canonical entity type, e.g. {@code transfer}. */
  public String type() {
    return type;
  }

  /** The 24-hex id (a UUID for tasks). */
  public String id() {
    return id;
  }

  /** The live attribute map (hold the store lock). */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Reads an attribute as a string, or null. */
  public String str(String key) {
    Object v = fields.get(key);
    return v == null ? null : String.valueOf(v);
  }

  /** Reads a boolean attribute (false when absent). */
  public boolean bool(String key) {
    return Boolean.TRUE.equals(fields.get(key));
  }

  /** Sets an attribute and returns this entity. */
  public Entity put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /** The {@code code} attribute, or null. */
  public String code() {
    return str("code");
  }

  /** Whether the entity was deactivated. */
  public boolean inactive() {
    return inactive;
  }

  /** Marks the entity (de)activated. */
  public void inactive(boolean value) {
    inactive = value;
  }

  /** Whether the entity was deleted (archived). */
  public boolean archived() {
    return archived;
  }

  /** Marks the entity archived. */
  public void archived(boolean value) {
    archived = value;
  }
}
