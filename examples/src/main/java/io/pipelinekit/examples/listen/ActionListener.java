package io.pipelinekit.examples.listen;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.StudioLayout;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.events.EntityChanges;
import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.Subscription;
import io.pipelinekit.ftrack.events.actions.ActionService;
import io.pipelinekit.ftrack.events.actions.ClaimStore;
import io.pipelinekit.ftrack.events.actions.FtrackJobClaimStore;
import io.pipelinekit.ftrack.events.actions.IdempotencyKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves "accsyn Send" and "Distribute review session" on an ftrack event hub, and optionally sends
 * a task's files when someone is assigned to it. The CLI's {@code listen} is a thin layer over it.
 *
 * <pre>{@code
 * try (FtrackSession ftrack = FtrackSession.fromEnvironment();
 *      AccsynClient accsyn = AccsynClient.fromEnvironment();
 *      EventHub hub = ftrack.eventHub().build();
 *      ActionListener listener = ActionListener.builder(accsyn, ftrack, hub)
 *          .layout(StudioLayout.fromAccsyn(accsyn))
 *          .autoSendOnAssign("hq", "la")
 *          .build()) {
 *   listener.start();           // subscribes and connects; returns at once
 *   ...                         // serve until stopped
 * }
 * }</pre>
 *
 * <p>Replicas: every listener process receives every click. A submitted form (and an assignment) is
 * claimed with a {@link ClaimStore} keyed on the event, by default an {@link FtrackJobClaimStore},
 * so exactly one replica does the work; its claim Job is finished with the outcome. The first
 * click's form is shown by every replica unless {@link Builder#formClaims(ClaimStore)} is set (see
 * docs/ftrack-actions.md, "Replicas").
 */
public final class ActionListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ActionListener.class);

  /**
   * Rehearsed discovers per action at start: enough for the JIT to compile the discover path (about
   * 0.1 s of start-up on two cores).
   */
  static final int WARM_UP_ROUNDS = 500;

  private final EventHub hub;
  private final ListenerContext context;
  private final ExecutorService work;
  private final Optional<AutoSend> autoSend;
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private final Duration closeGrace;
  private final ClaimStore claims;
  private final ScheduledExecutorService sweeper;
  private boolean closed;

  private ActionListener(Builder b) {
    this.hub = b.hub;
    this.work = Executors.newFixedThreadPool(b.workers, daemonThreads());
    this.closeGrace = b.closeGrace;
    this.autoSend =
        b.autoSendTo == null ? Optional.empty() : Optional.of(new AutoSend(b.from, b.autoSendTo));
    this.claims =
        b.claims != null
            ? b.claims
            : new FtrackJobClaimStore(b.ftrack, "accsyn action (pipelinekit listener)");
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pipelinekit-listener-claims");
              t.setDaemon(true);
              return t;
            });
    Launches launches =
        new Launches(b.ftrack, b.hub, work, claims, Optional.ofNullable(b.formClaims));
    this.context =
        new ListenerContext(
            b.accsyn,
            b.ftrack,
            b.layout != null ? b.layout : StudioLayout.fromAccsyn(b.accsyn),
            b.clock,
            b.progress,
            Optional.ofNullable(b.from),
            b.timeout,
            b.pollInterval,
            launches);
  }

  /**
   * A builder.
   *
   * @param accsyn the accsyn client the work runs as (an admin or employee)
   * @param ftrack the ftrack session
   * @param hub the event hub (not yet connected; {@link #start()} connects it)
   * @return a builder
   */
  public static Builder builder(AccsynClient accsyn, FtrackSession ftrack, EventHub hub) {
    return new Builder(
        Objects.requireNonNull(accsyn, "accsyn == null"),
        Objects.requireNonNull(ftrack, "ftrack == null"),
        Objects.requireNonNull(hub, "hub == null"));
  }

  /**
   * Marks claim Jobs whose worker died as failed (then every 15 minutes), registers the actions
   * (and the assignment listener) and connects the hub. Returns at once; the hub reconnects by
   * itself until {@link #close()}.
   *
   * @return this
   */
  public synchronized ActionListener start() {
    ActionService actions = ActionService.builder(hub).build();
    registrations.add(actions.register(new SendAction(context)));
    registrations.add(actions.register(new DistributeReviewAction(context)));
    LOG.info(
        "serving ftrack actions '{}' and '{}'",
        SendAction.IDENTIFIER,
        DistributeReviewAction.IDENTIFIER);
    autoSend.ifPresent(
        a -> {
          Subscription s = EntityChanges.onTaskAssigned(hub, this::onAssigned);
          registrations.add(s::unsubscribe);
          LOG.info("auto-send on task assignment: {} > {}", a.from(), a.to());
        });
    if (claims instanceof FtrackJobClaimStore jobs) {
      // A replica that died while working left its claim Job running; nobody else finishes it.
      failAbandoned(jobs);
      long every = CLAIM_SWEEP.toMinutes();
      sweeper.scheduleWithFixedDelay(() -> failAbandoned(jobs), every, every, TimeUnit.MINUTES);
    }
    // Before connecting: the first menus a fresh process serves then find the discover path
    // loaded and compiled instead of waiting for it.
    actions.warmUp(WARM_UP_ROUNDS);
    hub.connect();
    return this;
  }

  private static void failAbandoned(FtrackJobClaimStore jobs) {
    try {
      int n = jobs.failAbandoned();
      if (n > 0) {
        LOG.info("marked {} abandoned claim Jobs as failed (their lease had passed)", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not look for abandoned claim Jobs; trying again later", e);
    }
  }

  private void onAssigned(EntityChanges.TaskAssignment a, Event event) {
    String from = autoSend.orElseThrow().from();
    String to = autoSend.orElseThrow().to();
    // One key per assignment (an event may carry several), the same in every replica.
    IdempotencyKey key =
        IdempotencyKey.of(
            Event.builder()
                .topic("pipelinekit.auto-send")
                .id(event.id() + "/" + a.appointmentId())
                .build());
    if (!context.launches().claim(key)) {
      LOG.debug("assignment {} is served by another replica", a);
      return;
    }
    LOG.info(
        "task {} assigned to user {}: sending its files {} > {}", a.taskId(), a.userId(), from, to);
    SendRequest request;
    try {
      request =
          context
              .sendDefaults(SendRequest.builder())
              .select("task", a.taskId())
              .requestKey(key.value())
              .from(from)
              .to(to)
              .build();
    } catch (FlowException e) {
      context.launches().finishClaimJob(key, new Launches.Outcome(false, e.getMessage()));
      LOG.warn("auto-send of task {}: {}", a.taskId(), e.getMessage());
      return;
    }
    SendAction send = new SendAction(context);
    context
        .launches()
        .submit(
            "auto-send of task " + a.taskId() + " " + from + " > " + to,
            key,
            Optional.of(a.userId()),
            () -> {
              try {
                return send.outcome(request);
              } catch (FlowException e) {
                if (e.kind() != FlowException.Kind.BAD_INPUT) {
                  throw e;
                }
                // Most tasks have nothing published when someone is assigned: not an error, and
                // not worth a notice to the user.
                return new Launches.Outcome(
                    true, "auto-send of task " + a.taskId() + ": " + e.getMessage(), false);
              }
            });
  }

  /**
   * Stops serving: unsubscribes, lets running work finish for a short grace period, then interrupts
   * it (accsyn jobs keep running on the server; their ftrack Jobs stay as they were). Does not
   * close the hub, the session or the client: their owner does.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    sweeper.shutdownNow();
    for (AutoCloseable r : registrations) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.debug("unsubscribe failed", e);
      }
    }
    registrations.clear();
    work.shutdown();
    try {
      if (!work.awaitTermination(closeGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        int queued = work.shutdownNow().size();
        LOG.warn(
            "stopping with work unfinished ({} not started); started accsyn jobs continue on the"
                + " server, without registration at their destination",
            queued);
      }
    } catch (InterruptedException e) {
      work.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("action listener stopped");
  }

  /** Where auto-send sends a newly assigned task's files. */
  private record AutoSend(String from, String to) {}

  /** How often a listener looks for claim Jobs whose worker died. */
  static final Duration CLAIM_SWEEP = Duration.ofMinutes(15);

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "pipelinekit-listener-work-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds an {@link ActionListener}; not thread-safe. */
  public static final class Builder {
    private final AccsynClient accsyn;
    private final FtrackSession ftrack;
    private final EventHub hub;
    private StudioLayout layout;
    private ClaimStore claims;
    private ClaimStore formClaims;
    private String from;
    private String autoSendTo;
    private Clock clock = Clock.systemUTC();
    private FlowProgress progress = FlowProgress.NONE;
    private Duration timeout = Duration.ofHours(12);
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration closeGrace = Duration.ofSeconds(10);
    private int workers = 4;

    private Builder(AccsynClient accsyn, FtrackSession ftrack, EventHub hub) {
      this.accsyn = accsyn;
      this.ftrack = ftrack;
      this.hub = hub;
    }

    /**
     * The studio layout (default: read from the accsyn workspace).
     *
     * @param layout the layout
     * @return this
     */
    public Builder layout(StudioLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout == null");
      return this;
    }

    /**
     * Who does a submitted form's work when several replicas run (default: an {@link
     * FtrackJobClaimStore}, which needs nothing but ftrack).
     *
     * @param claims a store shared by the replicas
     * @return this
     */
    public Builder claims(ClaimStore claims) {
      this.claims = Objects.requireNonNull(claims, "claims == null");
      return this;
    }

    /**
     * Who shows the form of a first click (default: every replica). Use a cheap store shared by the
     * replicas, never an {@link FtrackJobClaimStore} (one Job per menu click).
     *
     * @param claims a store shared by the replicas
     * @return this
     */
    public Builder formClaims(ClaimStore claims) {
      this.formClaims = Objects.requireNonNull(claims, "claims == null");
      return this;
    }

    /**
     * The source location the forms propose (and auto-send uses).
     *
     * @param location e.g. {@code hq}
     * @return this
     */
    public Builder defaultFrom(String location) {
      this.from = Objects.requireNonNull(location, "location == null").strip();
      return this;
    }

    /**
     * Sends a task's files when a user is assigned to it.
     *
     * @param from the source location, e.g. {@code hq}
     * @param to the destination location, e.g. {@code la}
     * @return this
     */
    public Builder autoSendOnAssign(String from, String to) {
      defaultFrom(from);
      this.autoSendTo = Objects.requireNonNull(to, "to == null").strip();
      return this;
    }

    /**
     * Told about each step of every flow (default: nothing).
     *
     * @param progress the progress sink; called from several threads
     * @return this
     */
    public Builder progress(FlowProgress progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /**
     * The clock that decides the day's accsyn job name.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How long one unit of work waits for its transfer (default 12 h) and its first poll interval
     * (default 5 s).
     *
     * @param timeout the deadline
     * @param pollInterval the first poll interval
     * @return this
     */
    public Builder waiting(Duration timeout, Duration pollInterval) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval == null");
      return this;
    }

    /**
     * How many units of work run at once (default 4); more are queued.
     *
     * @param workers at least 1
     * @return this
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * How long {@link #close()} lets running work finish (default 10 s).
     *
     * @param grace the grace period
     * @return this
     */
    public Builder closeGrace(Duration grace) {
      this.closeGrace = Objects.requireNonNull(grace, "grace == null");
      return this;
    }

    /**
     * Builds the listener (not started).
     *
     * @return the listener
     * @throws FlowException BAD_INPUT when auto-send has the same source and destination
     */
    public ActionListener build() {
      if (autoSendTo != null && autoSendTo.equalsIgnoreCase(from)) {
        throw FlowException.badInput(
            "auto-send from '" + from + "' to '" + autoSendTo + "': pick two different locations");
      }
      return new ActionListener(this);
    }
  }
}
