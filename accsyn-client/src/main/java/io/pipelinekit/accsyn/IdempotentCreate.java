package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.internal.Engine;
import io.pipelinekit.accsyn.internal.RequestIdMetadata;
import io.pipelinekit.core.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a job so that a flaky network never leaves two: creates are not idempotent on the server,
 * so a blind resend after a timeout can make a duplicate job.
 *
 * <p>The job carries a client request id in {@code metadata.pipelinekit_request_id}. When an
 * attempt ends without a usable answer, the outcome decides:
 *
 * <ul>
 *   <li>no connection was made, or accsyn throttled the call (429): the job does not exist; send
 *       again after a backoff;
 *   <li>the connection broke after sending, timed out, or a gateway answered 5xx without accsyn's
 *       envelope: the job may exist, or may still be made by a server that is slow to commit. The
 *       request id is looked up (active jobs, then finished ones) with growing pauses for a settle
 *       window of one read timeout (at most half the call's deadline); what is found is returned.
 *       Only when the window passes with nothing found is the create sent again;
 *   <li>accsyn answered with an error envelope: it decided; no resend.
 * </ul>
 *
 * <p>After any resend, and whenever a look-up finds more than one job, the jobs carrying the
 * request id are reconciled: the oldest is kept, the others are aborted and deleted, and {@link
 * JobCreation} says so. Bounded by the client's {@link RetryPolicy} attempts and the call's
 * deadline. One residual window remains: a first request that the server applies later than the
 * settle window and after the reconciliation.
 */
final class IdempotentCreate {
  private static final Logger LOG = LoggerFactory.getLogger(IdempotentCreate.class);

  private final AccsynAsync api;
  private final Engine engine;
  private final String type;
  private final String uri;
  private final String parentId;
  private final Map<String, Object> data;
  private final String requestId;
  private final CompletableFuture<JobCreation> result = new CompletableFuture<>();
  private final Deadline deadline;
  private final AtomicInteger sends = new AtomicInteger();
  private final AtomicInteger lookups = new AtomicInteger();

  @SuppressWarnings("unchecked")
  IdempotentCreate(AccsynAsync api, String type, String uri, String parentId, Object plain) {
    this.api = api;
    this.engine = api.engine();
    this.type = type;
    this.uri = uri;
    this.parentId = parentId;
    Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) plain);
    Object meta = d.get("metadata");
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (meta instanceof Map) {
      metadata.putAll((Map<String, Object>) meta);
    } else if (meta != null) {
      throw new IllegalArgumentException(
          "the job's metadata must be a JSON object to carry the request id, got: " + meta);
    }
    Object given = metadata.get(AccsynAsync.REQUEST_ID_KEY);
    // Request ids are kept in one case, the case of the generated ones.
    this.requestId =
        given instanceof String && !((String) given).isBlank()
            ? ((String) given).strip().toLowerCase(java.util.Locale.ROOT)
            : AccsynAsync.newRequestId();
    d.put(
        "metadata",
        new RequestIdMetadata(
            d.containsKey("metadata") ? metadata : null, AccsynAsync.REQUEST_ID_KEY, requestId));
    this.data = d;
    this.deadline = engine.newDeadline();
  }

  CompletableFuture<JobCreation> run() {
    attempt(1);
    return result;
  }

  private void attempt(int n) {
    sends.incrementAndGet();
    engine
        .event(HttpMethod.POST, uri, data, null, parentId, deadline)
        .whenComplete(
            (response, e) -> {
              try {
                if (e == null) {
                  List<Json> created = AccsynAsync.createdList(response);
                  if (n > 1) {
                    // An earlier send may have been applied after all: look before answering.
                    lookupAll()
                        .whenComplete(
                            (all, le) -> {
                              if (le != null) {
                                LOG.warn(
                                    "accsyn {}: created after a resend, but the check for an"
                                        + " earlier job with request id {} failed: {}",
                                    uri,
                                    requestId,
                                    Engine.unwrap(le).getMessage());
                                finish(created, List.of());
                              } else {
                                reconcile(merge(all, created));
                              }
                            });
                  } else {
                    finish(created, List.of());
                  }
                  return;
                }
                failed(n, Engine.unwrap(e));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
  }

  private void failed(int n, Throwable err) {
    if (!concernsCreate(err)) {
      // The lookup or login failed: the create itself was never sent.
      result.completeExceptionally(err);
    } else if (isCertainlyNotCreated(err)) {
      Duration delay = backoff(n);
      if (err instanceof AccsynRateLimitedException) {
        Duration asked = ((AccsynRateLimitedException) err).retryAfter().orElse(Duration.ZERO);
        if (asked.compareTo(delay) > 0) {
          delay = asked;
        }
        if (n < engine.config().retry().maxAttempts() && !deadline.allows(delay)) {
          result.completeExceptionally(
              new AccsynDeadlineExceededException(
                  uri
                      + " was not created: accsyn asked to wait "
                      + delay.toSeconds()
                      + " s before trying again (Retry-After), past the call's deadline of "
                      + deadline.budget().toSeconds()
                      + " s. Try later, or raise the deadline with"
                      + " AccsynClient.builder().callTimeout(..)",
                  String.valueOf(engine.config().apiHost()),
                  engine.config().apiPort() == null ? -1 : engine.config().apiPort(),
                  uri,
                  false,
                  deadline.budget(),
                  err));
          return;
        }
      }
      resendOrFail(n, err, delay);
    } else if (isAmbiguous(err)) {
      Duration window = settleWindow();
      LOG.debug(
          "accsyn {}: answer lost ({}); looking up request id {} for up to {} ms",
          uri,
          err.getClass().getSimpleName(),
          requestId,
          window.toMillis());
      settle(n, err, engine.config().clock().instant().plus(window), 1);
    } else {
      result.completeExceptionally(err);
    }
  }

  /**
   * How long a server may still apply a request whose answer was lost: one read timeout (the
   * longest the client itself waits for a server at work), but never more than half the call's
   * deadline, so a resend still fits.
   */
  private Duration settleWindow() {
    Duration half = deadline.budget().dividedBy(2);
    Duration read = engine.config().readTimeout();
    return read.compareTo(half) < 0 ? read : half;
  }

  private void settle(int n, Throwable err, Instant until, int round) {
    Duration left = Duration.between(engine.config().clock().instant(), until);
    Duration pause = backoff(round);
    if (pause.compareTo(left) > 0) {
      pause = left.isNegative() ? Duration.ZERO : left;
    }
    if (!deadline.allows(pause)) {
      unknown(err, null);
      return;
    }
    engine
        .config()
        .sleeper()
        .sleep(pause)
        .thenCompose(
            v -> {
              lookups.incrementAndGet();
              return lookup();
            })
        .whenComplete(
            (found, le) -> {
              try {
                if (le != null) {
                  unknown(err, Engine.unwrap(le));
                } else if (!found.isEmpty()) {
                  LOG.debug("accsyn {}: request id {} found, not sending again", uri, requestId);
                  reconcile(found);
                } else if (engine.config().clock().instant().isBefore(until)) {
                  settle(n, err, until, round + 1);
                } else {
                  resendOrFail(n, err, Duration.ZERO);
                }
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
  }

  private void unknown(Throwable err, Throwable lookupError) {
    AccsynException e =
        new AccsynException(
            uri
                + ": the answer was lost and "
                + (lookupError != null
                    ? "looking for the job failed too"
                    : "the call's deadline ran out while looking for the job")
                + ", so it is unknown whether it was created. Before creating it again, look"
                + " for a "
                + type
                + " with metadata."
                + AccsynAsync.REQUEST_ID_KEY
                + "="
                + requestId
                + " (first failure: "
                + err.getMessage()
                + ")",
            err);
    if (lookupError != null) {
      e.addSuppressed(lookupError);
    }
    result.completeExceptionally(e);
  }

  private void resendOrFail(int n, Throwable err, Duration delay) {
    RetryPolicy policy = engine.config().retry();
    if (n >= policy.maxAttempts() || !deadline.allows(delay)) {
      result.completeExceptionally(err);
      return;
    }
    LOG.debug("accsyn {}: no job with request id {}, sending again", uri, requestId);
    engine
        .config()
        .sleeper()
        .sleep(delay)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                result.completeExceptionally(Engine.unwrap(e));
              } else {
                attempt(n + 1);
              }
            });
  }

  /** Keeps the oldest job carrying the request id; aborts and deletes the others. */
  private void reconcile(List<Json> jobs) {
    if (jobs.size() <= 1) {
      finish(jobs, List.of());
      return;
    }
    List<Json> sorted = new ArrayList<>(jobs);
    sorted.sort(OLDEST_FIRST);
    Json keep = sorted.get(0);
    List<Json> extra = sorted.subList(1, sorted.size());
    LOG.warn(
        "accsyn {}: {} jobs carry request id {} (a create the server applied late); keeping {},"
            + " aborting and deleting {}",
        uri,
        jobs.size(),
        requestId,
        id(keep),
        extra.stream().map(IdempotentCreate::id).toList());
    List<String> removed = new ArrayList<>();
    List<String> left = new ArrayList<>();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Json j : extra) {
      String jid = id(j);
      chain =
          chain.thenCompose(
              v ->
                  api.update(type, jid, Json.of(Map.of("status", "aborted")))
                      .handle((r, e) -> null)
                      .thenCompose(x -> api.delete(type, jid, true))
                      .handle(
                          (r, e) -> {
                            synchronized (removed) {
                              if (e == null) {
                                removed.add(jid);
                              } else {
                                LOG.warn(
                                    "accsyn {}: could not remove duplicate job {}: {}",
                                    uri,
                                    jid,
                                    Engine.unwrap(e).getMessage());
                                left.add(jid);
                              }
                            }
                            return null;
                          }));
    }
    chain.whenComplete(
        (v, e) -> {
          synchronized (removed) {
            finish(List.of(keep), List.copyOf(removed), List.copyOf(left));
          }
        });
  }

  private void finish(List<Json> entities, List<String> removed) {
    finish(entities, removed, List.of());
  }

  private void finish(List<Json> entities, List<String> removed, List<String> left) {
    result.complete(
        ImmutableJobCreation.builder()
            .entities(entities)
            .requestId(requestId)
            .sends(sends.get())
            .lookups(lookups.get())
            .duplicatesRemoved(removed)
            .duplicatesLeft(left)
            .build());
  }

  private static final Comparator<Json> OLDEST_FIRST =
      Comparator.comparing((Json j) -> j.string("created").orElse("\uffff"))
          .thenComparing(IdempotentCreate::id);

  private static String id(Json j) {
    return j.string("id").orElse("");
  }

  /** The jobs of both lists, each id once. */
  private static List<Json> merge(List<Json> a, List<Json> b) {
    Map<String, Json> byId = new LinkedHashMap<>();
    for (Json j : a) {
      byId.putIfAbsent(id(j), j);
    }
    for (Json j : b) {
      byId.putIfAbsent(id(j), j);
    }
    return new ArrayList<>(byId.values());
  }

  /** Active jobs with the request id, or finished ones when there is no active one. */
  private CompletableFuture<List<Json>> lookup() {
    Query q = query();
    return api.find(q, deadline)
        .thenCompose(
            active ->
                active.isEmpty()
                    ? api.find(q.finished(true), deadline)
                    : CompletableFuture.completedFuture(active));
  }

  /** Every job with the request id, active and finished. */
  private CompletableFuture<List<Json>> lookupAll() {
    Query q = query();
    return api.find(q, deadline)
        .thenCombine(api.find(q.finished(true), deadline), IdempotentCreate::merge);
  }

  private Query query() {
    return Query.of(type).where("metadata." + AccsynAsync.REQUEST_ID_KEY, Operator.EQ, requestId);
  }

  private Duration backoff(int n) {
    Duration base = engine.config().retry().backoff(n);
    double factor = 0.75 + 0.25 * engine.config().jitter().getAsDouble();
    return Duration.ofNanos((long) (base.toNanos() * factor));
  }

  private boolean concernsCreate(Throwable e) {
    if (e instanceof AccsynTransportException) {
      return ((AccsynTransportException) e).operation().equals(uri);
    }
    if (e instanceof AccsynServiceException) {
      return ((AccsynServiceException) e).operation().equals(uri);
    }
    return false;
  }

  private static boolean isCertainlyNotCreated(Throwable e) {
    return (e instanceof AccsynTransportException
            && !((AccsynTransportException) e).requestMayHaveReachedServer())
        || e instanceof AccsynRateLimitedException;
  }

  private static boolean isAmbiguous(Throwable e) {
    return e instanceof AccsynTransportException
        || (e instanceof AccsynUnexpectedResponseException
            && ((AccsynUnexpectedResponseException) e).statusCode() >= 500);
  }
}
