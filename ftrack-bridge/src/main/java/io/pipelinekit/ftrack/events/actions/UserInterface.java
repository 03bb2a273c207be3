package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.ftrack.events.EventExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events that show something in one user's browser outside a reply (see docs/protocol/ftrack.md,
 * "Actions and forms"): a notice, or a pop-up form. Publish them with {@link
 * io.pipelinekit.ftrack.events.EventHub#publish}. Needs ftrack server 3.3.31 or later.
 *
 * <pre>{@code
 * hub.publish(UserInterface.message(userId, true, "Transfer of sh010 finished"));
 * hub.publish(UserInterface.form(userId, form, "studio.send", request.selection()));
 * }</pre>
 */
public final class UserInterface {
  /** The topic of pushed UI. */
  public static final String TOPIC = "ftrack.action.trigger-user-interface";

  private UserInterface() {}

  /**
   * The target that reaches one user's web browser.
   *
   * @param userId the User id
   * @return {@code applicationId=ftrack.client.web and user.id="<id>"}
   */
  public static String browserOf(String userId) {
    Objects.requireNonNull(userId, "userId == null");
    return "applicationId=ftrack.client.web and user.id=" + EventExpression.quote(userId);
  }

  /**
   * A success or failure notice.
   *
   * @param userId the User id
   * @param success true for a success notice
   * @param message the text
   * @return the event to publish
   */
  public static Event message(String userId, boolean success, String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "message");
    data.put("success", success);
    data.put("message", Objects.requireNonNull(message, "message == null"));
    return Event.builder().topic(TOPIC).data(data).target(browserOf(userId)).build();
  }

  /**
   * A pop-up form that only shows (submitting it triggers nothing).
   *
   * @param userId the User id
   * @param form the form
   * @return the event to publish
   */
  public static Event form(String userId, Form form) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "widget");
    data.putAll(form.toMap());
    return Event.builder().topic(TOPIC).data(data).target(browserOf(userId)).build();
  }

  /**
   * A pop-up form whose submission launches an action with the values.
   *
   * @param userId the User id
   * @param form the form
   * @param actionIdentifier the action to launch on submit
   * @param selection the selection the launch carries
   * @return the event to publish
   */
  public static Event form(
      String userId, Form form, String actionIdentifier, List<SelectedEntity> selection) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "widget");
    data.putAll(form.toMap());
    data.put("actionIdentifier", Objects.requireNonNull(actionIdentifier, "actionIdentifier"));
    List<Object> s = new ArrayList<>();
    for (SelectedEntity e : selection) {
      s.add(Map.of("entityId", e.entityId(), "entityType", e.entityType()));
    }
    data.put("selection", s);
    return Event.builder().topic(TOPIC).data(data).target(browserOf(userId)).build();
  }
}
