package io.pipelinekit.ftrack.files;

import java.util.Locale;
import org.immutables.value.Value;

/**
 * One selected entity as an action event carries it: {@code {"entityId": …, "entityType": …}}.
 * Types are the web UI's legacy lower-case names ({@code show}, {@code task} for any context,
 * {@code assetversion}, {@code reviewsession}, {@code list}, {@code asset}, {@code component});
 * schema names ({@code Project}, {@code Shot}, {@code AssetVersion}, {@code FileComponent}, …) are
 * accepted too, in any case.
 *
 * <pre>{@code
 * SelectionItem shot = SelectionItem.of("task", "bad9…");
 * SelectionItem version = SelectionItem.of("AssetVersion", "01ac…");
 * }</pre>
 */
@Value.Immutable
public interface SelectionItem {
  /** What a selection item stands for. */
  enum Kind {
    /** A project ({@code show}). */
    PROJECT,
    /** Any TypedContext: sequence, shot, task, folder, … ({@code task}). */
    CONTEXT,
    /** An asset. */
    ASSET,
    /** An asset version. */
    VERSION,
    /** A component. */
    COMPONENT,
    /** A review session. */
    REVIEW_SESSION,
    /** A list of versions or contexts. */
    LIST
  }

  /**
   * The entity id.
   *
   * @return the id
   */
  String entityId();

  /**
   * The entity type as sent.
   *
   * @return e.g. {@code task}
   */
  String entityType();

  /**
   * What the item stands for.
   *
   * @return the kind
   * @throws IllegalArgumentException if the type is not one a transfer can start from
   */
  @Value.Derived
  default Kind kind() {
    String t = entityType().toLowerCase(Locale.ROOT).replace("_", "");
    switch (t) {
      case "show":
      case "project":
        return Kind.PROJECT;
      case "task":
      case "typedcontext":
      case "shot":
      case "sequence":
      case "episode":
      case "folder":
      case "assetbuild":
      case "milestone":
        return Kind.CONTEXT;
      case "asset":
        return Kind.ASSET;
      case "assetversion":
        return Kind.VERSION;
      case "component":
      case "filecomponent":
      case "sequencecomponent":
      case "containercomponent":
        return Kind.COMPONENT;
      case "reviewsession":
        return Kind.REVIEW_SESSION;
      case "list":
      case "assetversionlist":
      case "typedcontextlist":
        return Kind.LIST;
      default:
        throw new IllegalArgumentException(
            "cannot collect files from a selected '"
                + entityType()
                + "': select a project, a context (sequence, shot, task, …), an asset, a version,"
                + " a component, a review session or a list");
    }
  }

  /**
   * An item.
   *
   * @param entityType the type as sent, e.g. {@code task}
   * @param entityId the id
   * @return the item
   */
  static SelectionItem of(String entityType, String entityId) {
    return ImmutableSelectionItem.builder().entityType(entityType).entityId(entityId).build();
  }
}
