package io.pipelinekit.ftrack.events;

import io.pipelinekit.ftrack.events.internal.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of an {@code ftrack.update} event's {@code data.entities}: which entity changed, how,
 * and the old and new values. Change keys are the server's legacy column names ({@code statusid},
 * not {@code status_id}). Immutable.
 *
 * <pre>{@code
 * for (EntityChange c : EntityChanges.of(event)) {
 *   if (c.is("Task") && c.changes().containsKey("statusid")) { ... }
 * }
 * }</pre>
 */
public final class EntityChange {
  /** What happened to the entity. */
  public enum Kind {
    /** Created. */
    ADD,
    /** Attributes changed. */
    UPDATE,
    /** Deleted. */
    REMOVE,
    /** Moved to another parent. */
    MOVE,
    /** A value this version does not know; see {@link #action()}. */
    UNKNOWN
  }

  /**
   * An old and a new value.
   *
   * @param oldValue the value before, if any
   * @param newValue the value after, if any
   */
  public record Change(Optional<Object> oldValue, Optional<Object> newValue) {}

  private final Map<String, Object> raw;

  private EntityChange(Map<String, Object> raw) {
    this.raw = raw;
  }

  static EntityChange of(Map<String, Object> raw) {
    return new EntityChange(raw);
  }

  /**
   * The entity id.
   *
   * @return the id, empty string when the server sent none
   */
  public String entityId() {
    return Trees.text(raw.get("entityId")).orElse("");
  }

  /**
   * The legacy lower-case type, e.g. {@code task} (any context), {@code show}, {@code
   * assetversion}.
   *
   * @return the type as sent
   */
  public String entityType() {
    return Trees.text(raw.get("entityType")).orElse("");
  }

  /**
   * The schema type, e.g. {@code Task}, {@code Shot}, {@code AssetVersion}.
   *
   * @return the type, when sent
   */
  public Optional<String> schemaType() {
    return Trees.text(raw.get("entity_type"));
  }

  /**
   * Whether the entity is of a type, by schema name or legacy name, ignoring case and underscores.
   *
   * @param type e.g. {@code Task} or {@code assetversion}
   * @return true when it is
   */
  public boolean is(String type) {
    String t = normalise(type);
    return t.equals(normalise(entityType()))
        || t.equals(schemaType().map(EntityChange::normalise).orElse(""));
  }

  private static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "");
  }

  /**
   * What happened.
   *
   * @return the kind
   */
  public Kind kind() {
    switch (action()) {
      case "add":
        return Kind.ADD;
      case "update":
        return Kind.UPDATE;
      case "remove":
      case "delete":
        return Kind.REMOVE;
      case "move":
        return Kind.MOVE;
      default:
        return Kind.UNKNOWN;
    }
  }

  /**
   * The action as sent.
   *
   * @return e.g. {@code update}
   */
  public String action() {
    return Trees.text(raw.get("action")).orElse("").toLowerCase(Locale.ROOT);
  }

  /**
   * The changed attributes.
   *
   * @return legacy attribute names
   */
  public List<String> keys() {
    List<String> out = new ArrayList<>();
    if (raw.get("keys") instanceof List<?> l) {
      l.forEach(k -> Trees.text(k).ifPresent(out::add));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Old and new values by legacy attribute name.
   *
   * @return the changes, possibly empty
   */
  public Map<String, Change> changes() {
    Map<String, Change> out = new LinkedHashMap<>();
    if (raw.get("changes") instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() instanceof Map<?, ?> c) {
          out.put(
              String.valueOf(e.getKey()),
              new Change(Optional.ofNullable(c.get("old")), Optional.ofNullable(c.get("new"))));
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The new value of an attribute, as text, trying each spelling (e.g. {@code context_id} and
   * {@code contextid}).
   *
   * @param names attribute names to try in order
   * @return the first new value found
   */
  public Optional<String> newValue(String... names) {
    Map<String, Change> c = changes();
    for (String n : names) {
      Change ch = c.get(n);
      if (ch != null && ch.newValue().isPresent()) {
        return ch.newValue().flatMap(Trees::text);
      }
    }
    return Optional.empty();
  }

  /**
   * The parent's id.
   *
   * @return the id, when sent
   */
  public Optional<String> parentId() {
    return Trees.text(raw.get("parentId"));
  }

  /**
   * The project the entity belongs to: the parent entry of type {@code show}.
   *
   * @return the project id, when the parents were sent
   */
  public Optional<String> projectId() {
    if (raw.get("parents") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> p && "show".equals(p.get("entityType"))) {
          return Trees.text(p.get("entityId"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The entry as received.
   *
   * @return an unmodifiable tree
   */
  public Map<String, Object> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "EntityChange{"
        + action()
        + " "
        + schemaType().orElse(entityType())
        + " "
        + entityId()
        + "}";
  }
}
