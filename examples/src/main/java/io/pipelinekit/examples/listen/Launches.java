package io.pipelinekit.examples.listen;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Operation;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.actions.ClaimStore;
import io.pipelinekit.ftrack.events.actions.IdempotencyKey;
import io.pipelinekit.ftrack.events.actions.UserInterface;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both actions share once a form is submitted: claim the launch (so that one replica does the
 * work), run the flow on the listener's executor, finish the claim's ftrack Job with the outcome
 * and tell the user in their browser.
 */
final class Launches {
  private static final Logger LOG = LoggerFactory.getLogger(Launches.class);
  private static final JsonAdapter<String> JSON_STRING =
      new Moshi.Builder().build().adapter(String.class);

  /**
   * The outcome of a unit of work: success or not, one line for the user, and whether to tell them
   * (an auto-send that found nothing to send is not worth a notice).
   */
  record Outcome(boolean success, String message, boolean tellUser) {
    Outcome(boolean success, String message) {
      this(success, message, true);
    }
  }

  private final FtrackSession ftrack;
  private final EventHub hub;
  private final ExecutorService work;
  private final ClaimStore claims;
  private final Optional<ClaimStore> formClaims;

  Launches(
      FtrackSession ftrack,
      EventHub hub,
      ExecutorService work,
      ClaimStore claims,
      Optional<ClaimStore> formClaims) {
    this.ftrack = ftrack;
    this.hub = hub;
    this.work = work;
    this.claims = claims;
    this.formClaims = formClaims;
  }

  /** Whether this replica shows the form of a first click (always, without form claims). */
  boolean claimForm(IdempotencyKey key) {
    return formClaims.map(c -> c.tryClaim(key)).orElse(true);
  }

  /** Whether this replica does the work of a submitted form (or an assignment). */
  boolean claim(IdempotencyKey key) {
    return claims.tryClaim(key);
  }

  /**
   * Runs the work in the background. The claim's Job (when the claim store made one) is finished
   * with the outcome, and the user, if known, gets the outcome as a browser notice.
   */
  void submit(String what, IdempotencyKey key, Optional<String> userId, Supplier<Outcome> task) {
    LOG.info("{} [{}]: started for user {}", what, key, userId.orElse("?"));
    try {
      work.submit(() -> run(what, key, userId, task));
    } catch (RejectedExecutionException e) {
      finishClaimJob(key, new Outcome(false, what + ": the listener is shutting down"));
      throw FlowException.badInput("the action listener is shutting down; try again in a minute");
    }
  }

  private void run(String what, IdempotencyKey key, Optional<String> userId, Supplier<Outcome> t) {
    Outcome outcome;
    try {
      outcome = t.get();
    } catch (FlowException e) {
      outcome = new Outcome(false, what + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{} failed", what, e);
      outcome =
          new Outcome(
              false,
              what + " failed (" + e.getClass().getSimpleName() + "); see the listener's log");
    }
    LOG.info("{} [{}]: {}", what, key, outcome.message());
    Outcome o = outcome;
    // The notice first, then the Job: once the Job is finished, the notice has been sent.
    userId
        .filter(u -> o.tellUser())
        .ifPresent(
            u -> {
              try {
                hub.publish(UserInterface.message(u, o.success(), o.message()));
              } catch (RuntimeException e) {
                LOG.warn("could not tell user {} about {}", u, what, e);
              }
            });
    finishClaimJob(key, outcome);
  }

  /**
   * An {@code FtrackJobClaimStore} leaves a running Job whose id is the key's UUID; finish it so
   * the Jobs menu does not show the click as running forever. Nothing to do for other stores.
   */
  void finishClaimJob(IdempotencyKey key, Outcome outcome) {
    String id = key.uuid().toString();
    try {
      if (ftrack.query("select id from Job where id is \"" + id + "\"").all().isEmpty()) {
        return;
      }
      ftrack.call(
          Operation.update(
              EntityRef.of("Job", id),
              Map.of(
                  "status",
                  outcome.success() ? "done" : "failed",
                  "data",
                  "{\"description\": " + jsonString(outcome.message()) + "}")));
    } catch (RuntimeException e) {
      LOG.warn("could not finish ftrack Job {}", id, e);
    }
  }

  /** Job.data is a JSON string (docs/protocol/ftrack.md, "Jobs"); this quotes one value for it. */
  static String jsonString(String s) {
    return JSON_STRING.toJson(s);
  }
}
