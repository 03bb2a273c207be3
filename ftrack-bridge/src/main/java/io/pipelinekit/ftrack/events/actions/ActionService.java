package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.ftrack.events.EventExpression;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ActionHandler}s on an event hub: answers {@code ftrack.action.discover} with the
 * actions that apply to the selection, and {@code ftrack.action.launch} with what the handler
 * returns. A handler that throws is answered with a failure notice (the exception is logged, not
 * shown to the user).
 *
 * <pre>{@code
 * try (EventHub hub = session.eventHub().build()) {
 *   ActionService actions = ActionService.builder(hub)
 *       .launchClaims(new FtrackJobClaimStore(session, "Sending files"))   // replicas
 *       .build();
 *   actions.register(new SendAction());
 *   hub.connect();
 *   Thread.currentThread().join();   // serve until the process is stopped
 * }
 * }</pre>
 *
 * <p>Replicas: when several processes serve the same action, each receives every discover and
 * launch. With {@link Builder#launchClaims}, only the replica that claims a launch's {@link
 * IdempotencyKey} runs the handler and replies, so one click is one unit of work. Thread-safe.
 */
public final class ActionService {
  private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);

  private final EventHub hub;
  private final ClaimStore launchClaims;
  private final ClaimStore discoverClaims;
  private final String onlyUser;

  private ActionService(Builder b) {
    this.hub = b.hub;
    this.launchClaims = b.launchClaims;
    this.discoverClaims = b.discoverClaims;
    this.onlyUser = b.onlyUser;
  }

  /**
   * A builder.
   *
   * @param hub the hub to serve on
   * @return a new builder
   */
  public static Builder builder(EventHub hub) {
    return new Builder(hub);
  }

  /** A registered handler; closing it unsubscribes both its subscriptions. */
  public interface Registration extends AutoCloseable {
    /** Stops serving the action. Idempotent. */
    @Override
    void close();
  }

  /**
   * Serves a handler (from now on, and after every reconnection).
   *
   * @param handler the handler
   * @return the registration
   */
  public Registration register(ActionHandler handler) {
    Objects.requireNonNull(handler, "handler == null");
    Action action = handler.action();
    String user =
        onlyUser == null ? "" : " and source.user.username=" + EventExpression.quote(onlyUser);
    Subscription discover =
        hub.subscribe("topic=ftrack.action.discover" + user, e -> discover(handler, e));
    Subscription launch =
        hub.subscribe(
            "topic=ftrack.action.launch and data.actionIdentifier="
                + EventExpression.quote(action.identifier())
                + user,
            e -> launch(handler, e));
    return () -> {
      discover.unsubscribe();
      launch.unsubscribe();
    };
  }

  private void discover(ActionHandler handler, Event event) {
    ActionRequest request = ActionRequest.of(event);
    boolean applies;
    try {
      applies = handler.discover(request);
    } catch (RuntimeException e) {
      LOG.warn("discover of {} failed on {}", handler.action(), event, e);
      return;
    }
    if (!applies) {
      return;
    }
    if (discoverClaims != null && !discoverClaims.tryClaim(IdempotencyKey.of(event))) {
      return;
    }
    reply(event, Map.of("items", List.of(handler.action().toItem())));
  }

  private void launch(ActionHandler handler, Event event) {
    ActionRequest request = ActionRequest.of(event);
    if (launchClaims != null) {
      boolean mine;
      try {
        mine = launchClaims.tryClaim(request.idempotencyKey());
      } catch (RuntimeException e) {
        LOG.warn("could not claim {} of {}; not launching it", event, handler.action(), e);
        reply(
            event,
            ActionResponse.failure(handler.action().label() + " could not start; try again")
                .toReplyData()
                .orElseThrow());
        return;
      }
      if (!mine) {
        LOG.debug("{} of {} is served by another replica", event, handler.action());
        return;
      }
    }
    ActionResponse response;
    try {
      response = handler.launch(request);
    } catch (RuntimeException e) {
      LOG.warn("{} failed on {}", handler.action(), request, e);
      response =
          ActionResponse.failure(
              handler.action().label()
                  + " failed ("
                  + e.getClass().getSimpleName()
                  + "); see the action listener's log");
    }
    Optional<Map<String, Object>> data =
        (response == null ? ActionResponse.none() : response).toReplyData();
    data.ifPresent(d -> reply(event, d));
  }

  private void reply(Event event, Map<String, ?> data) {
    try {
      hub.publishReply(event, data);
    } catch (RuntimeException e) {
      LOG.warn("could not reply to {}", event, e);
    }
  }

  /** Builds an {@link ActionService}; not thread-safe. */
  public static final class Builder {
    private final EventHub hub;
    private ClaimStore launchClaims;
    private ClaimStore discoverClaims;
    private String onlyUser;

    private Builder(EventHub hub) {
      this.hub = Objects.requireNonNull(hub, "hub == null");
    }

    /**
     * Runs a launch only in the replica that claims it. Default: every replica runs it.
     *
     * @param claims the claim store, shared by the replicas
     * @return this builder
     */
    public Builder launchClaims(ClaimStore claims) {
      this.launchClaims = Objects.requireNonNull(claims, "claims == null");
      return this;
    }

    /**
     * Answers a discover only in the replica that claims it, so the action is listed once. Use a
     * cheap store (not {@link FtrackJobClaimStore}, which would create a Job per menu opening).
     * Default: every replica answers.
     *
     * @param claims the claim store
     * @return this builder
     */
    public Builder discoverClaims(ClaimStore claims) {
      this.discoverClaims = Objects.requireNonNull(claims, "claims == null");
      return this;
    }

    /**
     * Serves only one user's clicks (a personal, per-machine action). Default: everyone's.
     *
     * @param username the user name
     * @return this builder
     */
    public Builder onlyUser(String username) {
      this.onlyUser = Objects.requireNonNull(username, "username == null");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     */
    public ActionService build() {
      return new ActionService(this);
    }
  }
}
