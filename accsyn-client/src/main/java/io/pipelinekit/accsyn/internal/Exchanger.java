package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynDeadlineExceededException;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.AccsynResponseTooLargeException;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Sleeper;
import io.pipelinekit.core.Deadline;
import io.pipelinekit.core.internal.BoundedBody;
import io.pipelinekit.core.internal.ConnectionFailures;
import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.core.internal.RedirectRefusedException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Exchange} to its end: waits for the rate limiter, sends, maps the answer, and
 * sends again after a backoff when the failure is transient and the exchange allows it. Logs one
 * DEBUG line per attempt and, at TRACE, the redacted bodies.
 *
 * <p>Every exchange runs under a {@link Deadline}: each attempt's OkHttp call timeout is the time
 * left (so a trickling body is cut), and no wait (rate limit, backoff, {@code Retry-After}) starts
 * that would end past it. Answers are read up to a byte limit. Any failure, an {@link Error}
 * included, completes the exchange's future: no caller waits on a callback that died.
 */
final class Exchanger {
  /** Request and response lines at DEBUG, bodies at TRACE. */
  static final Logger HTTP_LOG = LoggerFactory.getLogger("io.pipelinekit.accsyn.http");

  private final OkHttpClient http;
  private final RateLimiter limiter;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RetryDecision retries;
  private final ErrorMapper errors;
  private final Redactor redactor;
  private final Supplier<String> role;
  private final Duration callTimeout;
  private final long maxResponseBytes;

  Exchanger(
      OkHttpClient http,
      RateLimiter limiter,
      Sleeper sleeper,
      Clock clock,
      RetryDecision retries,
      ErrorMapper errors,
      Redactor redactor,
      Supplier<String> role,
      Duration callTimeout,
      long maxResponseBytes) {
    this.callTimeout = callTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.http = http;
    this.limiter = limiter;
    this.sleeper = sleeper;
    this.clock = clock;
    this.retries = retries;
    this.errors = errors;
    this.redactor = redactor;
    this.role = role;
  }

  /**
   * Runs the exchange.
   *
   * @param ex the exchange
   * @return the whole response object; failures complete it with an {@link AccsynException}
   */
  CompletableFuture<Json> run(Exchange ex) {
    return run(ex, Deadline.after(clock, callTimeout));
  }

  /**
   * Runs the exchange within a deadline shared with other exchanges of the same call.
   *
   * @param ex the exchange
   * @param deadline when the whole call must be over
   * @return the whole response object; failures complete it with an {@link AccsynException}
   */
  CompletableFuture<Json> run(Exchange ex, Deadline deadline) {
    CompletableFuture<Json> result = new CompletableFuture<>();
    guarded(result, () -> attempt(new Attempts(ex, clock.instant(), deadline), 1, result));
    return result;
  }

  /** An exchange, when its first attempt started and the deadline of the call it belongs to. */
  private record Attempts(Exchange exchange, Instant start, Deadline deadline) {}

  /** Runs a step; whatever it throws, {@link Error}s included, completes the future. */
  private static void guarded(CompletableFuture<Json> result, Runnable step) {
    try {
      step.run();
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  private void attempt(Attempts a, int n, CompletableFuture<Json> result) {
    if (result.isDone()) {
      return;
    }
    if (a.deadline().expired()) {
      result.completeExceptionally(deadline(a, n > 1, "no time was left for attempt " + n, null));
      return;
    }
    Duration wait = limiter.reserve();
    if (!wait.isZero() && !a.deadline().allows(wait)) {
      result.completeExceptionally(
          deadline(
              a,
              n > 1,
              "the client-side rate limit would have held the request "
                  + wait.toMillis()
                  + " ms, past the deadline",
              null));
      return;
    }
    CompletableFuture<Void> gate =
        wait.isZero() ? CompletableFuture.completedFuture(null) : sleeper.sleep(wait);
    gate.whenComplete(
        (v, e) -> {
          if (e != null) {
            result.completeExceptionally(Engine.unwrap(e));
            return;
          }
          guarded(result, () -> send(a, n, result));
        });
  }

  private AccsynDeadlineExceededException deadline(
      Attempts a, boolean maySent, String why, Throwable cause) {
    Exchange ex = a.exchange();
    HttpUrl url = ex.request().url();
    return new AccsynDeadlineExceededException(
        "accsyn "
            + ex.operation()
            + " at "
            + url.host()
            + ":"
            + url.port()
            + " did not finish within its deadline of "
            + seconds(a.deadline().budget())
            + ": "
            + why
            + ". Raise the deadline with AccsynClient.builder().callTimeout(..) if the server is"
            + " known to be this slow"
            + (cause == null ? "" : " (last failure: " + redactor.redact(cause.getMessage()) + ")"),
        url.host(),
        url.port(),
        ex.operation(),
        maySent,
        a.deadline().budget(),
        cause);
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  private void send(Attempts a, int n, CompletableFuture<Json> result) {
    Exchange ex = a.exchange();
    long t0 = System.nanoTime();
    if (HTTP_LOG.isTraceEnabled()) {
      HTTP_LOG.trace(
          "accsyn {} {} request event {}",
          ex.method(),
          ex.operation(),
          redactor.redact(ex.payload().get()));
    }
    Call call = http.newCall(ex.request());
    // OkHttp's call timeout spans connect, send and the whole body: a trickling answer is cut.
    call.timeout().timeout(Math.max(1, a.deadline().remaining().toMillis()), TimeUnit.MILLISECONDS);
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    if (Engine.callerWaits() && dispatcherHasRoom()) {
      // The caller blocks for this answer anyway: send and read on its thread.
      Response response;
      try (InterruptWatch.Watched w = InterruptWatch.watch(call)) {
        response = call.execute();
      } catch (IOException e) {
        guarded(result, () -> failed(a, n, t0, result, call, e));
        return;
      }
      guarded(result, () -> answered(a, n, t0, result, call, response));
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            guarded(result, () -> failed(a, n, t0, result, c, e));
          }

          @Override
          public void onResponse(Call c, Response response) {
            guarded(result, () -> answered(a, n, t0, result, c, response));
          }
        });
  }

  /**
   * Whether a call on the caller's thread stays within the dispatcher's bound on calls in flight
   * (the connections accsyn allows); if not, it queues behind the others like any async call.
   */
  private boolean dispatcherHasRoom() {
    Dispatcher d = http.dispatcher();
    return d.runningCallsCount() < d.getMaxRequests();
  }

  private void failed(
      Attempts a, int n, long t0, CompletableFuture<Json> result, Call c, IOException e) {
    if (Engine.callerWaits() && Thread.currentThread().isInterrupted()) {
      // The waiting caller was interrupted: it wants no answer, and no retry either.
      result.completeExceptionally(
          new AccsynException("interrupted while waiting for accsyn; the call was cancelled", e));
      return;
    }
    if (c.isCanceled() && !result.isDone()) {
      // Only the deadline's call timeout cancels a call whose caller still waits.
      HTTP_LOG.debug(
          "accsyn {} {} -> deadline reached ({} ms, attempt {})",
          a.exchange().method(),
          a.exchange().operation(),
          (System.nanoTime() - t0) / 1_000_000,
          n);
      result.completeExceptionally(
          deadline(
              a,
              RetryDecision.mayHaveReachedServer(e),
              "no complete answer came in time (a stalled or slow answer)",
              e));
      return;
    }
    handle(a, n, t0, result, null, e);
  }

  private void answered(
      Attempts a, int n, long t0, CompletableFuture<Json> result, Call c, Response response) {
    Answer answer;
    try (response) {
      String retryAfter = response.header("Retry-After");
      if (response.isSuccessful() && !HTTP_LOG.isTraceEnabled() && utf8(response.body())) {
        answer = streamed(a.exchange(), response, retryAfter);
      } else {
        String text = BoundedBody.read(response.body(), maxResponseBytes);
        answer = new Answer(response.code(), text, null, null, retryAfter);
      }
    } catch (BoundedBody.BodyTooLargeException e) {
      result.completeExceptionally(tooLarge(a.exchange(), response.code(), e));
      return;
    } catch (IOException e) {
      failed(a, n, t0, result, c, e);
      return;
    }
    handle(a, n, t0, result, answer, null);
  }

  /**
   * Reads a successful answer into its tree as the bytes arrive, within the byte limit: a 100,000
   * task answer is never held as text as well. Only the first bytes are kept, for messages.
   */
  private Answer streamed(Exchange ex, Response response, String retryAfter) throws IOException {
    ResponseBody body = response.body();
    int status = response.code();
    if (body == null) {
      return new Answer(status, "", null, null, retryAfter);
    }
    BoundedBody.Counted counted = BoundedBody.counted(body, maxResponseBytes);
    BufferedSource source = Okio.buffer(counted);
    try {
      return new Answer(status, null, Json.parse(source.inputStream()), null, retryAfter);
    } catch (EOFException | IllegalArgumentException e) {
      // Read what is left (within the limit) so that the message tells what came.
      source.readAll(Okio.blackhole());
      String head = counted.head();
      boolean cut =
          counted.count() <= BoundedBody.Counted.HEAD
              ? ConnectionFailures.truncatedJson(head)
              : e instanceof EOFException
                  || String.valueOf(e.getMessage()).contains("Unterminated");
      AccsynException error =
          cut
              ? errors.truncated(ex.operation(), ex.method(), status, counted.count())
              : errors.unexpected(ex.operation(), status, "a body that is not JSON", head);
      return new Answer(status, head, null, error, retryAfter);
    }
  }

  /** Whether a body is UTF-8, the only text the streaming reader takes (and accsyn's). */
  private static boolean utf8(ResponseBody body) {
    MediaType type = body == null ? null : body.contentType();
    Charset charset = type == null ? null : type.charset(null);
    return charset == null || charset.equals(StandardCharsets.UTF_8);
  }

  private AccsynResponseTooLargeException tooLarge(
      Exchange ex, int status, BoundedBody.BodyTooLargeException e) {
    HTTP_LOG.debug(
        "accsyn {} {} -> failed, HTTP {} body over {} bytes",
        ex.method(),
        ex.operation(),
        status,
        e.limit());
    return new AccsynResponseTooLargeException(
        "accsyn's answer to "
            + ex.operation()
            + " (HTTP "
            + status
            + ") is "
            + (e.announced() >= 0 ? e.announced() + " bytes, " : "")
            + "larger than the client's limit of "
            + e.limit()
            + " bytes; it was not read. Narrow the request (a WHERE clause, limit, or stream()"
            + " for pages), or raise the limit with AccsynClient.builder().maxResponseBytes(..)",
        ex.operation(),
        status,
        e.limit());
  }

  /**
   * Status, body and Retry-After of an answer: its text, or its tree when it was read as it came
   * (with the mapped failure when that text was not JSON).
   */
  private record Answer(
      int status, String body, Json parsed, AccsynException error, String retryAfter) {}

  private void handle(
      Attempts a,
      int n,
      long t0,
      CompletableFuture<Json> result,
      Answer answer,
      IOException failure) {
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Exchange ex = a.exchange();
    HttpUrl url = ex.request().url();
    AccsynException error;
    Json response = null;
    Duration retryAfter = null;
    boolean transientFailure;
    if (failure != null) {
      boolean maybeSent = RetryDecision.mayHaveReachedServer(failure);
      error =
          errors.transport(ex.operation(), ex.method(), url.host(), url.port(), maybeSent, failure);
      transientFailure = true;
    } else {
      if (HTTP_LOG.isTraceEnabled()) {
        HTTP_LOG.trace(
            "accsyn {} {} response HTTP {} {}",
            ex.method(),
            ex.operation(),
            answer.status(),
            redactor.redact(answer.body()));
      }
      retryAfter = ErrorMapper.retryAfter(answer.retryAfter(), clock).orElse(null);
      AccsynException mapped = null;
      try {
        if (answer.error() != null) {
          mapped = answer.error();
        } else if (answer.parsed() != null) {
          response =
              errors.map(
                  ex.operation(),
                  ex.method(),
                  role.get(),
                  answer.status(),
                  answer.parsed(),
                  retryAfter);
        } else {
          response =
              errors.map(
                  ex.operation(),
                  ex.method(),
                  role.get(),
                  answer.status(),
                  answer.body(),
                  retryAfter);
        }
      } catch (AccsynException e) {
        mapped = e;
      }
      error = mapped;
      transientFailure = RetryDecision.isTransient(answer.status());
    }
    if (error == null) {
      if (HTTP_LOG.isDebugEnabled()) {
        HTTP_LOG.debug(
            "accsyn {} {} -> ok, HTTP {} ({} ms{})",
            ex.method(),
            ex.operation(),
            answer.status(),
            ms,
            n > 1 ? ", attempt " + n : "");
      }
      result.complete(response);
      return;
    }
    boolean retry = ex.retryable() && transientFailure && !refused(failure);
    Optional<Duration> wanted = retry ? retries.wait(n, retryAfter) : Optional.empty();
    if (wanted.isPresent() && !a.deadline().allows(wanted.get())) {
      result.completeExceptionally(
          deadline(
              a,
              failure == null || RetryDecision.mayHaveReachedServer(failure),
              retryAfter != null && retryAfter.equals(wanted.get())
                  ? "the server asked to wait "
                      + seconds(retryAfter)
                      + " before trying again (Retry-After), past the "
                      + seconds(a.deadline().remaining())
                      + " left"
                  : "the backoff of "
                      + wanted.get().toMillis()
                      + " ms before attempt "
                      + (n + 1)
                      + " would end past the deadline",
              error));
      return;
    }
    Optional<Duration> delay =
        wanted.filter(
            d -> retries.withinPolicyTime(d, Duration.between(a.start(), clock.instant())));
    if (HTTP_LOG.isDebugEnabled()) {
      HTTP_LOG.debug(
          "accsyn {} {} -> failed, {} ({} ms, attempt {}){}",
          ex.method(),
          ex.operation(),
          answer == null
              ? error.getClass().getSimpleName()
              : "HTTP " + answer.status() + " " + error.getClass().getSimpleName(),
          ms,
          n,
          delay.map(d -> ", retrying in " + d.toMillis() + " ms").orElse(""));
    }
    if (delay.isEmpty()) {
      result.completeExceptionally(error);
      return;
    }
    sleeper
        .sleep(delay.get())
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                result.completeExceptionally(Engine.unwrap(e));
              } else {
                guarded(result, () -> attempt(a, n + 1, result));
              }
            });
  }

  /** A refused redirect answers the same way every time: sending again cannot help. */
  private static boolean refused(IOException failure) {
    return failure instanceof RedirectRefusedException;
  }
}
