package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.files.SelectionItem;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entity of an action's selection, {@code {"entityId": …, "entityType": …}}. The web UI sends
 * legacy lower-case types ({@code task} for any context, {@code show} for a project, {@code
 * assetversion}, {@code reviewsession}, …); the component sidebar sends {@code Component} or {@code
 * FileComponent}. {@link #kind()} and {@link #schemaType()} normalise them the way ayon does: lower
 * case, underscores removed. Immutable.
 *
 * <pre>{@code
 * for (SelectedEntity e : request.selection()) {
 *   if (e.kind() == SelectedEntity.Kind.VERSION) { ... e.entityId() ... }
 * }
 * }</pre>
 */
public final class SelectedEntity {
  /** What a selected entity is. */
  public enum Kind {
    /** A project ({@code show}). */
    PROJECT("Project"),
    /** Any TypedContext: sequence, shot, task, folder… ({@code task}). */
    CONTEXT("TypedContext"),
    /** An asset. */
    ASSET("Asset"),
    /** An asset version. */
    VERSION("AssetVersion"),
    /** A component. */
    COMPONENT("Component"),
    /** A review session. */
    REVIEW_SESSION("ReviewSession"),
    /** A list. */
    LIST("List"),
    /** A user. */
    USER("User"),
    /** Anything else ({@code socialfeed}, {@code team}, …); see {@link #entityType()}. */
    OTHER("");

    private final String schemaType;

    Kind(String schemaType) {
      this.schemaType = schemaType;
    }
  }

  private final String entityId;
  private final String entityType;

  private SelectedEntity(String entityType, String entityId) {
    this.entityType = entityType;
    this.entityId = entityId;
  }

  /**
   * A selected entity.
   *
   * @param entityType the type as sent, e.g. {@code task}
   * @param entityId the id
   * @return the entity
   */
  public static SelectedEntity of(String entityType, String entityId) {
    return new SelectedEntity(
        Objects.requireNonNull(entityType, "entityType == null"),
        Objects.requireNonNull(entityId, "entityId == null"));
  }

  /**
   * The id.
   *
   * @return the entity id
   */
  public String entityId() {
    return entityId;
  }

  /**
   * The type as sent.
   *
   * @return e.g. {@code task}
   */
  public String entityType() {
    return entityType;
  }

  /**
   * What the entity is.
   *
   * @return the kind; {@link Kind#OTHER} for types actions do not handle
   */
  public Kind kind() {
    if (entityType.toLowerCase(Locale.ROOT).equals("user")) {
      return Kind.USER;
    }
    // The selection-to-files code owns the table of ftrack's selection type names.
    return SelectionItem.kindOf(entityType).map(k -> Kind.valueOf(k.name())).orElse(Kind.OTHER);
  }

  /**
   * The schema type to query, e.g. {@code TypedContext} for {@code task}, {@code Project} for
   * {@code show}. Types sent in schema spelling ({@code FileComponent}) are kept as sent.
   *
   * @return the type, empty for {@link Kind#OTHER}
   */
  public Optional<String> schemaType() {
    Kind k = kind();
    if (k == Kind.OTHER) {
      return Optional.empty();
    }
    boolean legacy = entityType.equals(entityType.toLowerCase(Locale.ROOT));
    return Optional.of(legacy ? k.schemaType : entityType);
  }

  /**
   * The entity as a selection for {@link io.pipelinekit.ftrack.files.SelectionResolver}.
   *
   * @return the item, empty for users and other types that hold no files
   */
  public Optional<SelectionItem> toSelectionItem() {
    Kind k = kind();
    if (k == Kind.USER || k == Kind.OTHER) {
      return Optional.empty();
    }
    return Optional.of(SelectionItem.of(entityType, entityId));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectedEntity s
        && s.entityId.equals(entityId)
        && s.entityType.equals(entityType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entityId, entityType);
  }

  @Override
  public String toString() {
    return entityType + ":" + entityId;
  }
}
