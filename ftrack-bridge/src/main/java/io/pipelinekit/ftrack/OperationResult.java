package io.pipelinekit.ftrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The decoded result of one operation: entities merged across the whole response, datetimes as
 * {@link java.time.Instant}, plain JSON as maps and lists.
 *
 * <pre>{@code
 * OperationResult r = session.call(List.of(Operation.query("select id from Shot"))).get(0);
 * List<Entity> shots = r.entities();
 * OptionalLong next = r.nextOffset();
 * }</pre>
 */
public final class OperationResult {
  private final Object raw;

  OperationResult(Object raw) {
    this.raw = raw;
  }

  /**
   * The decoded element as the server sent it.
   *
   * @return a map, a list, a boolean, … or {@code null}
   */
  public Object raw() {
    return raw;
  }

  /**
   * The element as a map.
   *
   * @return the map, or an empty map if the element is not an object
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    return raw instanceof Map ? (Map<String, Object>) raw : Map.of();
  }

  /**
   * The entities in {@code data}: every entity of a query, or the one entity of a create/update.
   *
   * @return the entities, in wire order; empty otherwise
   */
  public List<Entity> entities() {
    Object data = asMap().get("data");
    if (data instanceof Entity) {
      return List.of((Entity) data);
    }
    if (data instanceof List) {
      List<Entity> out = new ArrayList<>();
      for (Object o : (List<?>) data) {
        if (o instanceof Entity) {
          out.add((Entity) o);
        }
      }
      return Collections.unmodifiableList(out);
    }
    return List.of();
  }

  /**
   * The {@code metadata.next.offset} of a query page.
   *
   * @return the offset of the next page; empty when the server says there is none
   */
  public OptionalLong nextOffset() {
    Object metadata = asMap().get("metadata");
    if (metadata instanceof Map) {
      Object next = ((Map<?, ?>) metadata).get("next");
      if (next instanceof Map) {
        Object offset = ((Map<?, ?>) next).get("offset");
        if (offset instanceof Number) {
          return OptionalLong.of(((Number) offset).longValue());
        }
      }
    }
    return OptionalLong.empty();
  }

  @Override
  public String toString() {
    Object action = asMap().get("action");
    return "OperationResult{" + (action == null ? "" : action + ", ") + entities().size() + "}";
  }
}
