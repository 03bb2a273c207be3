package io.pipelinekit.ftrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One operation of an ftrack {@code /api} batch: {@code {"action": "query", "expression": …}},
 * {@code create}, {@code update}, {@code delete}, {@code query_server_information}, or any other
 * action through {@link #of}.
 *
 * <p>Attribute values in {@code create}/{@code update} data may be strings, numbers, booleans,
 * {@code null}, {@link java.time.Instant} and {@link java.time.LocalDate} (sent in the wire's
 * {@code __type__} form), {@link EntityRef} or {@link Entity} (sent as references), lists of those,
 * and maps (sent as JSON objects).
 *
 * <pre>{@code
 * List<OperationResult> results = session.call(List.of(
 *     Operation.query("select id from Location where name is \"hq\""),
 *     Operation.create("Job", Map.of("status", "running", "data", "{\"description\": \"…\"}"))));
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Operation {
  private final String action;
  private final Map<String, Object> fields;
  private final EntityRef target;

  private Operation(String action, Map<String, Object> fields, EntityRef target) {
    this.action = Objects.requireNonNull(action, "action == null");
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.target = target;
  }

  /**
   * A {@code query} operation. No paging is added: use {@link FtrackSession#query} for that.
   *
   * @param expression the query, e.g. {@code select id from Project}
   * @return the operation
   */
  public static Operation query(String expression) {
    Objects.requireNonNull(expression, "expression == null");
    return new Operation("query", Map.of("expression", expression), null);
  }

  /**
   * A {@code query_server_information} operation for the server's default values.
   *
   * @return the operation
   */
  public static Operation serverInformation() {
    return new Operation("query_server_information", Map.of(), null);
  }

  /**
   * A {@code create}. The id is generated client-side (a random UUID) unless {@code data} has one,
   * so later operations of the same batch can refer to the new entity through {@link #target()}.
   *
   * @param type the entity type, e.g. {@code AssetVersion}
   * @param data the attributes to set
   * @return the operation
   */
  public static Operation create(String type, Map<String, ?> data) {
    Objects.requireNonNull(type, "type == null");
    Map<String, Object> d = new LinkedHashMap<>(data);
    List<String> keyNames = PrimaryKeys.of(type);
    if (keyNames.equals(List.of("id")) && d.get("id") == null) {
      d.put("id", UUID.randomUUID().toString());
    }
    List<String> keyValues = new ArrayList<>();
    for (String k : keyNames) {
      Object v = d.get(k);
      if (v == null) {
        throw new IllegalArgumentException("create " + type + " needs a value for " + k);
      }
      keyValues.add(String.valueOf(v));
    }
    EntityRef ref = EntityRef.of(type, keyNames, keyValues);
    Map<String, Object> entityData = new LinkedHashMap<>();
    entityData.put("__entity_type__", type);
    entityData.putAll(d);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("entity_type", type);
    f.put("entity_key", keyValues);
    f.put("entity_data", entityData);
    return new Operation("create", f, ref);
  }

  /**
   * An {@code update} of the given attributes only.
   *
   * @param entity the entity to change
   * @param data the attributes to set
   * @return the operation
   */
  public static Operation update(EntityRef entity, Map<String, ?> data) {
    Objects.requireNonNull(entity, "entity == null");
    Map<String, Object> entityData = new LinkedHashMap<>();
    entityData.put("__entity_type__", entity.type());
    entityData.putAll(data);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("entity_type", entity.type());
    f.put("entity_key", entity.keyValues());
    f.put("entity_data", entityData);
    return new Operation("update", f, entity);
  }

  /**
   * A {@code delete}.
   *
   * @param entity the entity to delete
   * @return the operation
   */
  public static Operation delete(EntityRef entity) {
    Objects.requireNonNull(entity, "entity == null");
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("entity_type", entity.type());
    f.put("entity_key", entity.keyValues());
    return new Operation("delete", f, entity);
  }

  /**
   * Any other action, for operations this module does not type (escape hatch).
   *
   * @param action the action name, e.g. {@code send_review_session_invite}
   * @param fields the other fields of the operation
   * @return the operation
   */
  public static Operation of(String action, Map<String, ?> fields) {
    return new Operation(action, new LinkedHashMap<>(fields), null);
  }

  /**
   * The action name.
   *
   * @return e.g. {@code query}
   */
  public String action() {
    return action;
  }

  /**
   * The fields sent next to {@code action}, before wire encoding.
   *
   * @return a read-only map
   */
  public Map<String, Object> fields() {
    return fields;
  }

  /**
   * The entity a create, update or delete works on.
   *
   * @return the reference; empty for other actions
   */
  public Optional<EntityRef> target() {
    return Optional.ofNullable(target);
  }

  @Override
  public String toString() {
    return "Operation{" + action + (target == null ? "" : " " + target) + "}";
  }
}
