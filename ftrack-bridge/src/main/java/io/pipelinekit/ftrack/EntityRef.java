package io.pipelinekit.ftrack;

import java.util.List;
import java.util.Objects;

/**
 * A reference to an ftrack entity: its type and primary key, as written on the wire ({@code
 * {"__entity_type__": "User", "id": "…"}}). Use it as an attribute value in creates and updates.
 *
 * <pre>{@code
 * EntityRef user = EntityRef.of("User", "d3c1…");
 * uow.create("Job", Map.of("user", user, "status", "running"));
 * }</pre>
 *
 * <p>Immutable; equal when type and key are equal.
 */
public final class EntityRef {
  private final String type;
  private final List<String> keyNames;
  private final List<String> keyValues;

  private EntityRef(String type, List<String> keyNames, List<String> keyValues) {
    this.type = requireText(type, "type");
    this.keyNames = List.copyOf(keyNames);
    this.keyValues = List.copyOf(keyValues);
    if (this.keyNames.isEmpty() || this.keyNames.size() != this.keyValues.size()) {
      throw new IllegalArgumentException("a key needs one value per key attribute: " + keyNames);
    }
    for (String v : this.keyValues) {
      requireText(v, "key value");
    }
  }

  private static String requireText(String s, String what) {
    Objects.requireNonNull(s, what + " == null");
    if (s.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    return s;
  }

  /**
   * A reference by {@code id}, the primary key of almost every type.
   *
   * @param type the entity type, e.g. {@code AssetVersion}
   * @param id the id
   * @return the reference
   */
  public static EntityRef of(String type, String id) {
    return new EntityRef(type, List.of("id"), List.of(id));
  }

  /**
   * A reference by a composite key, e.g. {@code JobComponent} by {@code component_id} and {@code
   * job_id}.
   *
   * @param type the entity type
   * @param keyNames the key attributes, in the schema's order
   * @param keyValues one value per key attribute
   * @return the reference
   */
  public static EntityRef of(String type, List<String> keyNames, List<String> keyValues) {
    return new EntityRef(type, keyNames, keyValues);
  }

  /**
   * The entity type.
   *
   * @return the type name, e.g. {@code Shot}
   */
  public String type() {
    return type;
  }

  /**
   * The primary-key attribute names.
   *
   * @return usually {@code [id]}
   */
  public List<String> keyNames() {
    return keyNames;
  }

  /**
   * The primary-key values, as sent in {@code entity_key}.
   *
   * @return one value per key attribute
   */
  public List<String> keyValues() {
    return keyValues;
  }

  /**
   * The first key value: the id for single-key types.
   *
   * @return the id
   */
  public String id() {
    return keyValues.get(0);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntityRef)) {
      return false;
    }
    EntityRef other = (EntityRef) o;
    return type.equals(other.type)
        && keyNames.equals(other.keyNames)
        && keyValues.equals(other.keyValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, keyNames, keyValues);
  }

  @Override
  public String toString() {
    return type + keyValues;
  }
}
