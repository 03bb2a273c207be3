package io.pipelinekit.ftrack.files;

import java.util.Locale;
import java.util.Optional;
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
    return kindOf(entityType())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot collect files from a selected '"
                        + entityType()
                        + "': select a project, a context (sequence, shot, task, …), an asset, a"
                        + " version, a component, a review session or a list"));
  }

  /**
   * What a selected entity type is, as ftrack names it in selections ({@code show}, {@code task},
   * {@code assetversion}, …; case and underscores ignored). The one place that knows these names:
   * actions classify their selections with it too.
   *
   * @param entityType the type as sent
   * @return the kind, or empty for a type files cannot be collected from (a user, a note, …)
   */
  static Optional<Kind> kindOf(String entityType) {
    switch (entityType.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "show":
      case "project":
        return Optional.of(Kind.PROJECT);
      case "task":
      case "typedcontext":
      case "context":
      case "shot":
      case "sequence":
      case "episode":
      case "folder":
      case "assetbuild":
      case "milestone":
        return Optional.of(Kind.CONTEXT);
      case "asset":
        return Optional.of(Kind.ASSET);
      case "assetversion":
        return Optional.of(Kind.VERSION);
      case "component":
      case "filecomponent":
      case "sequencecomponent":
      case "containercomponent":
        return Optional.of(Kind.COMPONENT);
      case "reviewsession":
        return Optional.of(Kind.REVIEW_SESSION);
      case "list":
      case "assetversionlist":
      case "typedcontextlist":
        return Optional.of(Kind.LIST);
      default:
        return Optional.empty();
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
