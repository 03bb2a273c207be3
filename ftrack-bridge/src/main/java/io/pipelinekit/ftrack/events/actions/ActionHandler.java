package io.pipelinekit.ftrack.events.actions;

/**
 * One action of the ftrack Actions menu. Register it with {@link ActionService#register}.
 *
 * <pre>{@code
 * final class SendAction implements ActionHandler {
 *   public Action action() {
 *     return Action.builder().identifier("studio.send").label("Send")
 *         .appliesTo(SelectedEntity.Kind.VERSION).build();
 *   }
 *
 *   public ActionResponse launch(ActionRequest request) {
 *     if (request.values().isEmpty()) {
 *       return ActionResponse.form(Form.builder().title("Send to")
 *           .add(FormItem.text("to", "Recipient")).build());
 *     }
 *     String to = request.values().get().text("to").orElseThrow();
 *     executor.submit(() -> send(request.selection(), to));   // slow work off the hub thread
 *     return ActionResponse.success("Sending to " + to);
 *   }
 * }
 * }</pre>
 *
 * <p>Both methods run on the hub's dispatch thread: answer quickly (the web UI waits only a few
 * seconds) and start slow work elsewhere, with an ftrack Job for progress.
 */
public interface ActionHandler {
  /**
   * The menu entry and which selections it applies to.
   *
   * @return the action
   */
  Action action();

  /**
   * Whether to show the action for a discover. Default: {@link Action#appliesTo(ActionRequest)}.
   *
   * @param request the discover request
   * @return true to show it
   */
  default boolean discover(ActionRequest request) {
    return action().appliesTo(request);
  }

  /**
   * Handles a launch: the first click ({@code values()} empty) or a submitted form.
   *
   * @param request the launch request
   * @return a message, a form, or nothing
   */
  ActionResponse launch(ActionRequest request);
}
