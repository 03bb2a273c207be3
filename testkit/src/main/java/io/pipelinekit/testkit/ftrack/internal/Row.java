package io.pipelinekit.testkit.ftrack.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored entity: its concrete type and its scalar attributes (foreign keys included).
 * Immutable; an update stores a new row.
 */
public final class Row {
  private final String type;
  private final Map<String, Object> attributes;

  /** Creates a row; the attributes are copied. */
  public Row(String type, Map<String, Object> attributes) {
    this.type = type;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The concrete type. */
  public String type() {
    return type;
  }

  /** The id. */
  public String id() {
    return (String) attributes.get("id");
  }

  /** The attributes. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** One attribute, or null. */
  public Object get(String name) {
    return attributes.get(name);
  }

  /** A string attribute, or null. */
  public String str(String name) {
    Object v = attributes.get(name);
    return v == null ? null : String.valueOf(v);
  }

  /** A copy with some attributes replaced. */
  public Row with(Map<String, Object> changes) {
    Map<String, Object> m = new LinkedHashMap<>(attributes);
    m.putAll(changes);
    return new Row(type, m);
  }

  @Override
  public String toString() {
    return type + attributes;
  }
}
