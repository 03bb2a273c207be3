package io.pipelinekit.examples.listen;

import io.pipelinekit.flows.FlowException;
import io.pipelinekit.flows.SendFlow;
import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.TransferResult;
import io.pipelinekit.ftrack.events.actions.Action;
import io.pipelinekit.ftrack.events.actions.ActionHandler;
import io.pipelinekit.ftrack.events.actions.ActionRequest;
import io.pipelinekit.ftrack.events.actions.ActionResponse;
import io.pipelinekit.ftrack.events.actions.Form;
import io.pipelinekit.ftrack.events.actions.FormItem;
import io.pipelinekit.ftrack.events.actions.FormValues;
import io.pipelinekit.ftrack.events.actions.IdempotencyKey;
import io.pipelinekit.ftrack.events.actions.SelectedEntity;
import io.pipelinekit.ftrack.files.SelectionItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * "accsyn Send" in the ftrack Actions menu: the first click asks for the source and destination
 * location and extra files; submitting runs {@link SendFlow} in the background (progress on an
 * ftrack Job) and replies at once.
 */
public final class SendAction implements ActionHandler {
  /** The action identifier. */
  public static final String IDENTIFIER = "pipelinekit.accsyn.send";

  private final ListenerContext context;

  SendAction(ListenerContext context) {
    this.context = context;
  }

  @Override
  public Action action() {
    return Action.builder()
        .identifier(IDENTIFIER)
        .label("accsyn")
        .variant("Send")
        .description("Send the selected files to another location with accsyn")
        .appliesTo(
            SelectedEntity.Kind.PROJECT,
            SelectedEntity.Kind.CONTEXT,
            SelectedEntity.Kind.VERSION,
            SelectedEntity.Kind.ASSET,
            SelectedEntity.Kind.COMPONENT,
            SelectedEntity.Kind.LIST)
        .build();
  }

  @Override
  public ActionResponse launch(ActionRequest request) {
    if (request.values().isEmpty()) {
      if (!context.launches().claimForm(request.idempotencyKey())) {
        return ActionResponse.none();
      }
      return ActionResponse.form(form(request));
    }
    if (!context.launches().claim(request.idempotencyKey())) {
      return ActionResponse.none(); // another replica does it
    }
    SendRequest send;
    try {
      send = request(request.selection(), request.values().get(), request.idempotencyKey());
    } catch (FlowException e) {
      context
          .launches()
          .finishClaimJob(request.idempotencyKey(), new Launches.Outcome(false, e.getMessage()));
      return ActionResponse.failure(e.getMessage());
    }
    String what = "accsyn Send " + send.from() + " > " + send.to();
    context
        .launches()
        .submit(what, request.idempotencyKey(), request.user().id(), () -> outcome(send));
    return ActionResponse.success(
        "Sending "
            + request.selection().size()
            + " selected item(s) from "
            + send.from()
            + " to "
            + send.to()
            + " with accsyn; see the Jobs menu for progress");
  }

  Launches.Outcome outcome(SendRequest send) {
    TransferResult r =
        SendFlow.of(context.accsyn(), context.ftrack(), context.layout(), context.clock())
            .run(send, context.progress());
    String text =
        r.filesArrived()
            + " of "
            + r.files().stream().mapToLong(f -> f.files()).sum()
            + " files arrived in "
            + send.to()
            + " (accsyn job "
            + r.jobId()
            + ", "
            + r.status().name().toLowerCase(java.util.Locale.ROOT)
            + "), "
            + r.registered()
            + (r.registered() == 1 ? " component registered" : " components registered");
    return new Launches.Outcome(r.succeeded(), text);
  }

  private Form form(ActionRequest request) {
    List<String> locations = context.locations();
    return Form.builder()
        .title("accsyn Send: " + request.selection().size() + " item(s)")
        .submitButtonLabel("Send")
        .add(enumerator("from", "From location", locations, context.defaultFrom()))
        .add(enumerator("to", "To location", locations, Optional.empty()))
        .add(FormItem.textArea("files", "Additional files (one path per line, optional)"))
        .build();
  }

  static FormItem enumerator(
      String name, String label, List<String> locations, Optional<String> preset) {
    FormItem.Enumerator e =
        FormItem.enumerator(
            name, label, locations.stream().map(l -> FormItem.option(l, l)).toList());
    return preset.filter(locations::contains).map(e::withValue).orElse(e);
  }

  SendRequest request(List<SelectedEntity> selection, FormValues values, IdempotencyKey key) {
    String from = required(values, "from", "the source location");
    String to = required(values, "to", "the destination location");
    SendRequest.Builder b =
        context
            .sendDefaults(SendRequest.builder())
            .from(from)
            .to(to)
            .requestKey(key.value()); // one click, one set of accsyn tasks, even on a retry
    b.selection(selectionItems(selection, SelectedEntity::toSelectionItem));
    values.text("files").ifPresent(t -> lines(t).forEach(b::addAdditionalFile));
    return b.build();
  }

  static List<SelectionItem> selectionItems(
      List<SelectedEntity> selection, Function<SelectedEntity, Optional<SelectionItem>> f) {
    List<SelectionItem> items = new ArrayList<>();
    for (SelectedEntity s : selection) {
      items.add(
          f.apply(s)
              .orElseThrow(
                  () ->
                      FlowException.badInput(
                          "cannot send a "
                              + s.entityType()
                              + "; select versions, tasks or shots")));
    }
    return items;
  }

  static String required(FormValues values, String name, String what) {
    return values
        .choice(name)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> FlowException.badInput("pick " + what + " in the form"));
  }

  static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
