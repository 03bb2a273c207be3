package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.ftrack.events.EventExpression;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

  private static final String DISCOVER = "topic=ftrack.action.discover";

  /** The entity types a web UI selection has most often, rehearsed in turn. */
  private static final List<String> REHEARSED_TYPES =
      List.of("assetversion", "task", "show", "reviewsession", "list", "component", "asset");

  private final EventHub hub;
  private final ClaimStore launchClaims;
  private final ClaimStore discoverClaims;
  private final String onlyUser;
  private final List<ActionHandler> handlers = new CopyOnWriteArrayList<>();

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
    Subscription discover = hub.subscribe(DISCOVER + user, e -> discover(handler, e));
    Subscription launch =
        hub.subscribe(
            "topic=ftrack.action.launch and data.actionIdentifier="
                + EventExpression.quote(action.identifier())
                + user,
            e -> launch(handler, e));
    handlers.add(handler);
    return () -> {
      handlers.remove(handler);
      discover.unsubscribe();
      launch.unsubscribe();
    };
  }

  /**
   * Rehearses the discover of every registered action on made-up selections, without calling the
   * handlers and without sending anything: the hub's decoding, matching and reply encoding ({@link
   * EventHub#rehearse}), the request's decoding, and each action's own {@link
   * Action#appliesTo(ActionRequest)} and menu item. A listener that does this before it connects
   * answers the first menus without making a user wait while the JVM loads and compiles that code.
   *
   * @param rounds how many discovers to rehearse per action; a few hundred let the JIT compile the
   *     path
   * @return how many rehearsed discovers reached a discover subscription on the hub, as a check
   *     that the rehearsal took the real path
   */
  public int warmUp(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds < 0: " + rounds);
    }
    Map<String, Object> source =
        Map.of(
            "id",
            "rehearsal",
            "user",
            Map.of("id", "rehearsal", "username", onlyUser != null ? onlyUser : hub.apiUser()));
    int reached = 0;
    for (ActionHandler handler : handlers) {
      Action action = handler.action();
      Map<String, ?> reply = Map.of("items", List.of(action.toItem()));
      for (int i = 0; i < rounds; i++) {
        Event discover =
            Event.builder()
                .topic("ftrack.action.discover")
                .id("rehearsal-" + i)
                .data(
                    Map.of(
                        "selection",
                        List.of(
                            Map.of(
                                "entityId",
                                "00000000-0000-4000-8000-" + (100_000_000_000L + i),
                                "entityType",
                                REHEARSED_TYPES.get(i % REHEARSED_TYPES.size())))))
                .source(source)
                .build();
        if (hub.rehearse(discover, reply).stream().anyMatch(e -> e.startsWith(DISCOVER))) {
          reached++;
        }
        action.appliesTo(ActionRequest.of(discover));
      }
    }
    return reached;
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
