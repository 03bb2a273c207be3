package io.pipelinekit.examples.listen;

import io.pipelinekit.flows.Distribution;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.flows.PlannedFile;
import io.pipelinekit.flows.ReviewDistributeFlow;
import io.pipelinekit.flows.ReviewRequest;
import io.pipelinekit.ftrack.events.actions.Action;
import io.pipelinekit.ftrack.events.actions.ActionHandler;
import io.pipelinekit.ftrack.events.actions.ActionRequest;
import io.pipelinekit.ftrack.events.actions.ActionResponse;
import io.pipelinekit.ftrack.events.actions.Form;
import io.pipelinekit.ftrack.events.actions.FormItem;
import io.pipelinekit.ftrack.events.actions.FormValues;
import io.pipelinekit.ftrack.events.actions.SelectedEntity;
import java.util.List;
import java.util.Locale;

/**
 * "Distribute review session" in the ftrack Actions menu (one review session selected): the first
 * click asks for the source location, the mode and extra recipients; submitting runs {@link
 * ReviewDistributeFlow} in the background and replies at once.
 */
public final class DistributeReviewAction implements ActionHandler {
  /** The action identifier. */
  public static final String IDENTIFIER = "pipelinekit.accsyn.review-distribute";

  private final ListenerContext context;

  DistributeReviewAction(ListenerContext context) {
    this.context = context;
  }

  @Override
  public Action action() {
    return Action.builder()
        .identifier(IDENTIFIER)
        .label("accsyn")
        .variant("Distribute review session")
        .description("Deliver the session's movies and frames to every invitee with accsyn")
        .appliesTo(SelectedEntity.Kind.REVIEW_SESSION)
        .build();
  }

  @Override
  public boolean discover(ActionRequest request) {
    return request.selection().size() == 1 && action().appliesTo(request);
  }

  @Override
  public ActionResponse launch(ActionRequest request) {
    if (request.values().isEmpty()) {
      if (!context.launches().claimForm(request.idempotencyKey())) {
        return ActionResponse.none();
      }
      return ActionResponse.form(form());
    }
    if (!context.launches().claim(request.idempotencyKey())) {
      return ActionResponse.none();
    }
    ReviewRequest review;
    try {
      review = request(request.selection(), request.values().get());
    } catch (FlowException e) {
      context
          .launches()
          .finishClaimJob(request.idempotencyKey(), new Launches.Outcome(false, e.getMessage()));
      return ActionResponse.failure(e.getMessage());
    }
    context
        .launches()
        .submit(
            "Review distribution",
            request.idempotencyKey(),
            request.user().id(),
            () -> outcome(review));
    return ActionResponse.success(
        "Distributing the review session from "
            + review.from()
            + " ("
            + review.mode().name().toLowerCase(Locale.ROOT).replace('_', '-')
            + ") to "
            + (review.recipients().isEmpty()
                ? "its invitees"
                : String.join(", ", review.recipients()))
            + "; see the Jobs menu for progress");
  }

  Launches.Outcome outcome(ReviewRequest review) {
    Distribution d =
        ReviewDistributeFlow.of(context.accsyn(), context.ftrack(), context.layout())
            .run(review, context.progress());
    String text =
        "Review session '"
            + d.reviewSessionName()
            + "': "
            + d.files().stream().mapToLong(PlannedFile::fileCount).sum()
            + " files to "
            + d.recipients().size()
            + (d.recipients().size() == 1 ? " recipient (" : " recipients (")
            + String.join(
                ", ",
                d.recipients().stream()
                    .map(r -> r.email() + " " + r.status().name().toLowerCase(Locale.ROOT))
                    .toList())
            + ")";
    return new Launches.Outcome(d.succeeded(), text);
  }

  private Form form() {
    return Form.builder()
        .title("Distribute review session")
        .submitButtonLabel("Distribute")
        .add(
            SendAction.enumerator(
                "from", "Files are in location", context.locations(), context.defaultFrom()))
        .add(
            FormItem.enumerator(
                    "mode",
                    "Mode",
                    List.of(
                        FormItem.option("On-prem: straight from the storage", "on-prem"),
                        FormItem.option("Cloud: upload once, then deliver", "cloud")))
                .withValue("on-prem"))
        .add(
            FormItem.textArea(
                "recipients", "Recipients (e-mails, one a line; leave empty for the invitees)"))
        .build();
  }

  ReviewRequest request(List<SelectedEntity> selection, FormValues values) {
    SelectedEntity session =
        selection.stream()
            .filter(s -> s.kind() == SelectedEntity.Kind.REVIEW_SESSION)
            .findFirst()
            .orElseThrow(() -> FlowException.badInput("select one review session"));
    String from = SendAction.required(values, "from", "the location that holds the files");
    String mode = values.choice("mode").orElse("on-prem");
    ReviewRequest.Builder b =
        context
            .reviewDefaults(ReviewRequest.builder())
            .reviewSession(session.entityId())
            .from(from)
            .mode(
                switch (mode) {
                  case "on-prem" -> ReviewRequest.Mode.ON_PREM;
                  case "cloud" -> ReviewRequest.Mode.CLOUD;
                  default -> throw FlowException.badInput("unknown mode '" + mode + "'");
                });
    values.text("recipients").ifPresent(t -> b.addAllRecipients(SendAction.lines(t)));
    return b.build();
  }
}
