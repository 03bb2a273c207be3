package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Sleeper;
import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.core.internal.RedirectRefusedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Exchange} to its end: waits for the rate limiter, sends, maps the answer, and
 * sends again after a backoff when the failure is transient and the exchange allows it. Logs one
 * DEBUG line per attempt and, at TRACE, the redacted bodies.
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

  Exchanger(
      OkHttpClient http,
      RateLimiter limiter,
      Sleeper sleeper,
      Clock clock,
      RetryDecision retries,
      ErrorMapper errors,
      Redactor redactor,
      Supplier<String> role) {
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
    CompletableFuture<Json> result = new CompletableFuture<>();
    attempt(new Attempts(ex, clock.instant()), 1, result);
    return result;
  }

  /** An exchange and when its first attempt started: the policy bounds the time of all. */
  private record Attempts(Exchange exchange, Instant start) {}

  private void attempt(Attempts a, int n, CompletableFuture<Json> result) {
    if (result.isDone()) {
      return;
    }
    Duration wait = limiter.reserve();
    CompletableFuture<Void> gate =
        wait.isZero() ? CompletableFuture.completedFuture(null) : sleeper.sleep(wait);
    gate.whenComplete(
        (v, e) -> {
          if (e != null) {
            result.completeExceptionally(Engine.unwrap(e));
            return;
          }
          send(a, n, result);
        });
  }

  private void send(Attempts a, int n, CompletableFuture<Json> result) {
    Exchange ex = a.exchange();
    long t0 = System.nanoTime();
    if (HTTP_LOG.isTraceEnabled()) {
      HTTP_LOG.trace(
          "accsyn {} {} request event {}",
          ex.method(),
          ex.operation(),
          redactor.redact(ex.payload()));
    }
    Call call = http.newCall(ex.request());
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            handle(a, n, t0, result, null, e);
          }

          @Override
          public void onResponse(Call c, Response response) {
            Answer answer;
            try (response) {
              ResponseBody body = response.body();
              String text = body == null ? "" : body.string();
              answer = new Answer(response.code(), text, response.header("Retry-After"));
            } catch (IOException e) {
              handle(a, n, t0, result, null, e);
              return;
            }
            handle(a, n, t0, result, answer, null);
          }
        });
  }

  /** Status, body and Retry-After of an answer. */
  private record Answer(int status, String body, String retryAfter) {}

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
        response =
            errors.map(
                ex.operation(),
                ex.method(),
                role.get(),
                answer.status(),
                answer.body(),
                retryAfter);
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
    Optional<Duration> delay =
        ex.retryable() && transientFailure && !refused(failure)
            ? retries.delay(n, retryAfter, Duration.between(a.start(), clock.instant()))
            : Optional.empty();
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
                attempt(a, n + 1, result);
              }
            });
  }

  /** A refused redirect answers the same way every time: sending again cannot help. */
  private static boolean refused(IOException failure) {
    return failure instanceof RedirectRefusedException;
  }
}
