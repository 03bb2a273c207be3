package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.internal.Engine;
import io.pipelinekit.accsyn.internal.RequestIdMetadata;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a job so that a flaky network never yields two: creates are not idempotent on the server,
 * so a blind resend after a timeout can make a duplicate job.
 *
 * <p>The job carries a client request id in {@code metadata.pipelinekit_request_id}. When an
 * attempt ends without a usable answer, the outcome decides:
 *
 * <ul>
 *   <li>no connection was made, or accsyn throttled the call (429): the job does not exist; send
 *       again after a backoff;
 *   <li>the connection broke after sending, timed out, or a gateway answered 5xx without accsyn's
 *       envelope: the job may exist; after a backoff, look the request id up (active jobs, then
 *       finished ones) and return what is found; send again only if nothing is;
 *   <li>accsyn answered with an error envelope: it decided; no resend.
 * </ul>
 *
 * <p>Bounded by the client's {@link RetryPolicy} (attempts and elapsed time). One residual window
 * remains: a server still working on a timed-out first request when the look-up runs.
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
  private final CompletableFuture<List<Json>> result = new CompletableFuture<>();
  private final long start = System.nanoTime();

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
  }

  CompletableFuture<List<Json>> run() {
    attempt(1);
    return result;
  }

  private void attempt(int n) {
    engine
        .event(HttpMethod.POST, uri, data, null, parentId)
        .whenComplete(
            (response, e) -> {
              if (e == null) {
                result.complete(AccsynAsync.createdList(response));
                return;
              }
              Throwable err = Engine.unwrap(e);
              if (!concernsCreate(err)) {
                // The lookup or login failed: the create itself was never sent.
                result.completeExceptionally(err);
              } else if (isCertainlyNotCreated(err)) {
                resendOrFail(n, err, backoff(n));
              } else if (isAmbiguous(err)) {
                LOG.debug(
                    "accsyn {}: answer lost ({}); looking up request id {}",
                    uri,
                    err.getClass().getSimpleName(),
                    requestId);
                engine
                    .config()
                    .sleeper()
                    .sleep(backoff(n))
                    .thenCompose(v -> lookup())
                    .whenComplete((found, le) -> afterLookup(n, err, found, le));
              } else {
                result.completeExceptionally(err);
              }
            });
  }

  private void afterLookup(int n, Throwable err, List<Json> found, Throwable lookupError) {
    if (lookupError != null) {
      AccsynException e =
          new AccsynException(
              uri
                  + ": the answer was lost and looking for the job failed too, so it is unknown"
                  + " whether it was created. Before creating it again, look for a "
                  + type
                  + " with metadata."
                  + AccsynAsync.REQUEST_ID_KEY
                  + "="
                  + requestId
                  + " (first failure: "
                  + err.getMessage()
                  + ")",
              err);
      e.addSuppressed(Engine.unwrap(lookupError));
      result.completeExceptionally(e);
      return;
    }
    if (!found.isEmpty()) {
      LOG.debug("accsyn {}: request id {} found, not sending again", uri, requestId);
      result.complete(found);
      return;
    }
    resendOrFail(n, err, Duration.ZERO);
  }

  private void resendOrFail(int n, Throwable err, Duration delay) {
    RetryPolicy policy = engine.config().retry();
    boolean timeLeft =
        Duration.ofNanos(System.nanoTime() - start).compareTo(policy.maxElapsed()) < 0;
    if (n >= policy.maxAttempts() || !timeLeft) {
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

  private CompletableFuture<List<Json>> lookup() {
    Query q =
        Query.of(type).where("metadata." + AccsynAsync.REQUEST_ID_KEY, Operator.EQ, requestId);
    return api.find(q)
        .thenCompose(
            active ->
                active.isEmpty()
                    ? api.find(q.finished(true))
                    : CompletableFuture.completedFuture(active));
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
