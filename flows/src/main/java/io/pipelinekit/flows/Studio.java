package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.ftrack.FtrackSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The studio flows in one place: an accsyn client and an ftrack session, each with the key of the
 * person who runs the flow, and the studio layout as that person sees it. One call per flow, each
 * returning a typed result; every call also has a progress-listener and an async form.
 *
 * <pre>{@code
 * try (Studio studio = Studio.fromEnvironment()) {     // ACCSYN_* and FTRACK_* variables
 *   TransferResult r = studio.send(SendRequest.assetVersion(versionId).from("hq").to("la").build());
 * }
 * }</pre>
 *
 * <p>The roles the flows expect: {@link #setup} needs an accsyn admin; {@link #send} and {@link
 * #distributeReview} an employee account with access to the studio volume (setup grants it to the
 * pipeline account) or an admin; {@link #publishBack} runs as the vendor or remote employee
 * themselves. A user who lacks a right gets a {@link FlowException} of kind {@link
 * FlowException.Kind#PERMISSION_DENIED} that names the right and who can grant it.
 *
 * <p>Thread-safe: flows may run concurrently. Closing the studio closes the clients it opened (not
 * those given to {@link Builder#accsyn} or {@link Builder#ftrack}) and stops its async threads.
 */
public final class Studio implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final AccsynClient accsyn;
  private final FtrackSession ftrack;
  private final Supplier<StudioLayout> layout;
  private final Clock clock;
  private final boolean ownsClients;
  private final ExecutorService async;

  private Studio(Builder b) {
    this.accsyn =
        Objects.requireNonNull(b.accsyn, "accsyn client not set: Studio.builder().accsyn(...)");
    this.ftrack =
        Objects.requireNonNull(b.ftrack, "ftrack session not set: Studio.builder().ftrack(...)");
    this.clock = b.clock;
    this.ownsClients = b.ownsClients;
    StudioLayout given = b.layout;
    Map<String, String> env = b.environment;
    this.layout =
        given != null ? () -> given : new Lazy<>(() -> StudioLayout.fromAccsyn(accsyn, env));
    this.async =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "pipelinekit-flow-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A studio from the standard variables of the process: {@code ACCSYN_WORKSPACE}, {@code
   * ACCSYN_API_USER}, {@code ACCSYN_API_KEY} (and the other {@code ACCSYN_*} settings), {@code
   * FTRACK_SERVER}, {@code FTRACK_API_USER}, {@code FTRACK_API_KEY}, and the local mirror {@code
   * ACCSYN_<VOLUME>_PATH} where the user cannot see the volume's roots.
   *
   * @return the studio; close it
   * @throws io.pipelinekit.accsyn.AccsynConfigurationException if an accsyn setting is missing
   * @throws io.pipelinekit.ftrack.FtrackConfigurationException if an ftrack setting is missing
   */
  public static Studio fromEnvironment() {
    return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
  }

  /**
   * A studio from the given variables instead of the process environment.
   *
   * @param environment the variables
   * @param workingDir where accsyn's {@code .env} file is looked for
   * @return the studio; close it
   * @throws io.pipelinekit.accsyn.AccsynConfigurationException if an accsyn setting is missing
   * @throws io.pipelinekit.ftrack.FtrackConfigurationException if an ftrack setting is missing
   */
  public static Studio fromEnvironment(Map<String, String> environment, Path workingDir) {
    Objects.requireNonNull(environment, "environment == null");
    AccsynClient accsyn = AccsynClient.fromEnvironment(environment, workingDir);
    try {
      FtrackSession ftrack = FtrackSession.fromEnvironment(environment);
      Builder b = builder().accsyn(accsyn).ftrack(ftrack).environment(environment);
      b.ownsClients = true;
      return b.build();
    } catch (RuntimeException e) {
      accsyn.close();
      throw e;
    }
  }

  /**
   * A builder, for clients the caller made (and closes).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The accsyn client the flows run as.
   *
   * @return the client
   */
  public AccsynClient accsyn() {
    return accsyn;
  }

  /**
   * The ftrack session the flows run as.
   *
   * @return the session
   */
  public FtrackSession ftrack() {
    return ftrack;
  }

  /**
   * The studio layout, read from accsyn on first use as the API user sees it unless one was given.
   *
   * @return the layout
   * @throws FlowException if the user can see no volume or folder share
   */
  public StudioLayout layout() {
    return layout.get();
  }

  /**
   * Sends an ftrack selection from one location to another and, unless the request says not to
   * wait, waits for the files and registers them in the destination location.
   *
   * @param request what to send
   * @return what moved where and what was registered
   * @throws FlowException for bad input, missing rights, unknown entities or a timeout
   */
  public TransferResult send(SendRequest request) {
    return send(request, FlowProgress.NONE);
  }

  /**
   * {@link #send(SendRequest)} with a progress listener.
   *
   * @param request what to send
   * @param progress told about each step and every change of the accsyn job
   * @return what moved where and what was registered
   * @throws FlowException for bad input, missing rights, unknown entities or a timeout
   */
  public TransferResult send(SendRequest request, FlowProgress progress) {
    return SendFlow.of(accsyn, ftrack, layout(), clock).run(request, progress);
  }

  /**
   * {@link #send(SendRequest, FlowProgress)} on a background thread.
   *
   * @param request what to send
   * @param progress told about each step
   * @return the result, or the flow's exception
   */
  public CompletableFuture<TransferResult> sendAsync(SendRequest request, FlowProgress progress) {
    return supply(() -> send(request, progress));
  }

  /**
   * Gives every invitee of an ftrack review session the session's previews and files as accsyn
   * deliveries.
   *
   * @param request the review session and how to distribute it
   * @return each recipient's deliveries
   * @throws FlowException for bad input, missing rights or unknown entities
   */
  public Distribution distributeReview(ReviewRequest request) {
    return distributeReview(request, FlowProgress.NONE);
  }

  /**
   * {@link #distributeReview(ReviewRequest)} with a progress listener.
   *
   * @param request the review session and how to distribute it
   * @param progress told about each step
   * @return each recipient's deliveries
   * @throws FlowException for bad input, missing rights or unknown entities
   */
  public Distribution distributeReview(ReviewRequest request, FlowProgress progress) {
    return review().run(request, progress);
  }

  /**
   * {@link #distributeReview(ReviewRequest, FlowProgress)} on a background thread.
   *
   * @param request the review session and how to distribute it
   * @param progress told about each step
   * @return the distribution, or the flow's exception
   */
  public CompletableFuture<Distribution> distributeReviewAsync(
      ReviewRequest request, FlowProgress progress) {
    return supply(() -> distributeReview(request, progress));
  }

  /**
   * Adds recipients to a review session that was distributed before.
   *
   * @param request the review session
   * @param emails the new recipients
   * @param progress told about each step
   * @return the new recipients' deliveries
   * @throws FlowException if the session was not distributed yet, or for bad e-mails
   */
  public Distribution addReviewRecipients(
      ReviewRequest request, List<String> emails, FlowProgress progress) {
    return review().addRecipients(request, emails, progress);
  }

  /**
   * Cancels every accsyn job and delivery of a review session's distribution.
   *
   * @param reviewSessionId the ftrack review session
   * @param progress told about each step
   * @return what was cancelled
   * @throws FlowException if nothing of the session was distributed
   */
  public List<String> cancelReview(String reviewSessionId, FlowProgress progress) {
    return review().cancel(reviewSessionId, progress);
  }

  /**
   * Publishes a new version from the remote user's local mirror and sends it back to the studio,
   * registering it there once it has arrived. Runs with the remote user's own keys.
   *
   * @param request what to publish
   * @return what moved where and what was registered at the studio
   * @throws FlowException for missing files, missing write access or a timeout
   */
  public TransferResult publishBack(PublishBackRequest request) {
    return publishBack(request, FlowProgress.NONE);
  }

  /**
   * {@link #publishBack(PublishBackRequest)} with a progress listener.
   *
   * @param request what to publish
   * @param progress told about each step
   * @return what moved where and what was registered at the studio
   * @throws FlowException for missing files, missing write access or a timeout
   */
  public TransferResult publishBack(PublishBackRequest request, FlowProgress progress) {
    return PublishBackFlow.of(accsyn, ftrack, layout(), clock).run(request, progress);
  }

  /**
   * {@link #publishBack(PublishBackRequest, FlowProgress)} on a background thread.
   *
   * @param request what to publish
   * @param progress told about each step
   * @return the result, or the flow's exception
   */
  public CompletableFuture<TransferResult> publishBackAsync(
      PublishBackRequest request, FlowProgress progress) {
    return supply(() -> publishBack(request, progress));
  }

  /**
   * Prepares a project: accsyn sites, folder shares and access, ftrack locations. Needs an accsyn
   * admin key; safe to run again.
   *
   * @param request the project and who works on it
   * @param progress told about each step
   * @return every step, and whether it created something
   * @throws FlowException if the API user is not an admin
   */
  public List<SetupFlow.Step> setup(SetupFlow.Request request, FlowProgress progress) {
    Rights.requireAdmin(accsyn, "setup (sites, shares, users and access)");
    return SetupFlow.of(accsyn, ftrack, layout()).run(request, progress);
  }

  private ReviewDistributeFlow review() {
    return ReviewDistributeFlow.of(accsyn, ftrack, layout(), clock);
  }

  private <T> CompletableFuture<T> supply(Supplier<T> flow) {
    return CompletableFuture.supplyAsync(flow, async);
  }

  @Override
  public void close() {
    async.shutdownNow();
    if (ownsClients) {
      try {
        ftrack.close();
      } finally {
        accsyn.close();
      }
    }
  }

  @Override
  public String toString() {
    return "Studio{accsyn=" + accsyn.username() + ", ftrack=" + ftrack.apiUser() + "}";
  }

  /** Builds a {@link Studio}; not thread-safe. */
  public static final class Builder {
    private AccsynClient accsyn;
    private FtrackSession ftrack;
    private StudioLayout layout;
    private Clock clock = Clock.systemUTC();
    private Map<String, String> environment = System.getenv();
    private boolean ownsClients;

    private Builder() {}

    /**
     * The accsyn client the flows run as (the caller closes it).
     *
     * @param client the client
     * @return this
     */
    public Builder accsyn(AccsynClient client) {
      this.accsyn = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * The ftrack session the flows run as (the caller closes it).
     *
     * @param session the session
     * @return this
     */
    public Builder ftrack(FtrackSession session) {
      this.ftrack = Objects.requireNonNull(session, "session == null");
      return this;
    }

    /**
     * A layout to use instead of reading it from accsyn.
     *
     * @param layout the layout
     * @return this
     */
    public Builder layout(StudioLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout == null");
      return this;
    }

    /**
     * The clock that names the day's jobs (tests pin it).
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Where {@code ACCSYN_<VOLUME>_PATH} is read when the layout comes from accsyn (default: the
     * process environment).
     *
     * @param environment the variables
     * @return this
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * Whether closing the studio also closes the accsyn client and ftrack session given to this
     * builder (default false: the caller closes them).
     *
     * @param flag true to hand the clients over to the studio
     * @return this
     */
    public Builder closesClients(boolean flag) {
      this.ownsClients = flag;
      return this;
    }

    /**
     * Builds the studio.
     *
     * @return the studio
     * @throws NullPointerException without an accsyn client or an ftrack session
     */
    public Studio build() {
      return new Studio(this);
    }
  }

  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> source;
    private volatile T value;

    Lazy(Supplier<T> source) {
      this.source = source;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = source.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
