package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A discover or launch event of the Actions menu, decoded: who, what was selected, and for a
 * submitted form the values. Immutable.
 *
 * <pre>{@code
 * public ActionResponse launch(ActionRequest request) {
 *   if (request.values().isEmpty()) {
 *     return ActionResponse.form(askWhere());
 *   }
 *   String site = request.values().get().choice("site").orElseThrow();
 *   ...
 * }
 * }</pre>
 */
public final class ActionRequest {
  private final Event event;
  private final ActionUser user;
  private final List<SelectedEntity> selection;
  private final FormValues values;

  private ActionRequest(Event event) {
    this.event = event;
    this.user =
        new ActionUser(
            event.string("source.user.id"), event.string("source.user.username").orElse(""));
    List<SelectedEntity> s = new ArrayList<>();
    if (event.data().get("selection") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m && m.get("entityId") != null && m.get("entityType") != null) {
          s.add(SelectedEntity.of(m.get("entityType").toString(), m.get("entityId").toString()));
        }
      }
    }
    this.selection = Collections.unmodifiableList(s);
    this.values =
        event.data().get("values") instanceof Map<?, ?> v ? FormValues.of(castMap(v)) : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> castMap(Map<?, ?> m) {
    return (Map<String, ?>) m;
  }

  /**
   * Decodes an event.
   *
   * @param event an {@code ftrack.action.discover} or {@code ftrack.action.launch} event
   * @return the request
   */
  public static ActionRequest of(Event event) {
    return new ActionRequest(event);
  }

  /**
   * The event as received.
   *
   * @return the event
   */
  public Event event() {
    return event;
  }

  /**
   * Who asked.
   *
   * @return the user
   */
  public ActionUser user() {
    return user;
  }

  /**
   * What was selected, in order.
   *
   * @return the selection, possibly empty
   */
  public List<SelectedEntity> selection() {
    return selection;
  }

  /**
   * The action identifier of a launch.
   *
   * @return the identifier; empty for a discover
   */
  public Optional<String> actionIdentifier() {
    return event.string("data.actionIdentifier");
  }

  /**
   * The values of a submitted form.
   *
   * @return the values; empty for a first launch (no form submitted yet) and for a discover
   */
  public Optional<FormValues> values() {
    return Optional.ofNullable(values);
  }

  /**
   * The idempotency key of this launch: the same for every replica that receives it.
   *
   * @return the key
   */
  public IdempotencyKey idempotencyKey() {
    return IdempotencyKey.of(event);
  }

  @Override
  public String toString() {
    return "ActionRequest{"
        + event.topic()
        + ", user="
        + user.username()
        + ", selection="
        + selection
        + (values == null ? "" : ", values=" + values.names())
        + "}";
  }
}
