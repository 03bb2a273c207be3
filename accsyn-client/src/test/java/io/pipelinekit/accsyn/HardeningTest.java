package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.event;
import static io.pipelinekit.accsyn.MockAccsyn.json;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** Hostile answers: lost create answers applied late, huge and slow bodies, long Retry-After. */
class HardeningTest {
  static final String A = "aaaaaaaaaaaaaaaaaaaaaaaa";
  static final String B = "bbbbbbbbbbbbbbbbbbbbbbbb";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  static void gatewayTimeout(MockWebServer server) {
    server.enqueue(
        new MockResponse.Builder()
            .code(504)
            .setHeader("Content-Type", "text/html")
            .body("<html><body><h1>504 Gateway Time-out</h1></body></html>")
            .build());
  }

  static String job(String id, String created) {
    return "{\"id\": \"" + id + "\", \"status\": \"waiting\", \"created\": \"" + created + "\"}";
  }

  // ------------------------------------------------------------- late commits after a 504

  @Test
  void aCreateCommittedLateWithinTheSettleWindowIsFoundAndNotSentAgain() {
    login(server, "admin");
    gatewayTimeout(server); // accsyn will commit, but only after the gateway gave up
    ok(server, "[]"); // 0.5 s: not yet among active jobs
    ok(server, "[]"); // nor finished ones
    ok(server, "[" + job(A, "2026-11-23T00:16:27") + "]"); // 1.5 s: there it is
    JobCreation c;
    try (AccsynClient client =
        MockAccsyn.client(server, time).readTimeout(Duration.ofSeconds(10)).build()) {
      c = client.createJob("transfer", null, Json.of(Map.of("source", "share=p/a.mov")));
    }
    assertThat(c.entities()).singleElement().satisfies(j -> assertThat(j.string("id")).contains(A));
    assertThat(c.sends()).isEqualTo(1);
    assertThat(c.lookups()).isEqualTo(2);
    assertThat(c.duplicatesRemoved()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void afterAResendEveryJobWithTheRequestIdIsReconciledKeepingTheOldest() throws Exception {
    login(server, "admin");
    gatewayTimeout(server);
    for (int i = 0; i < 6; i++) {
      ok(server, "[]"); // three look-ups in the 2 s settle window find nothing
    }
    ok(server, "[" + job(B, "2026-11-23T00:16:29") + "]"); // the resend creates B
    // Meanwhile the first create was applied too: two jobs carry the request id.
    ok(server, "[" + job(B, "2026-11-23T00:16:29") + ", " + job(A, "2026-11-23T00:16:27") + "]");
    ok(server, "[]");
    ok(server, job(B, "2026-11-23T00:16:29")); // abort B
    ok(server, "true"); // delete B
    JobCreation c;
    try (AccsynClient client =
        MockAccsyn.client(server, time).readTimeout(Duration.ofSeconds(2)).build()) {
      c = client.createJob("transfer", null, Json.of(Map.of("source", "share=p/a.mov")));
    }
    assertThat(c.entities()).singleElement().satisfies(j -> assertThat(j.string("id")).contains(A));
    assertThat(c.sends()).isEqualTo(2);
    assertThat(c.lookups()).isEqualTo(3);
    assertThat(c.duplicatesRemoved()).containsExactly(B);
    assertThat(c.duplicatesLeft()).isEmpty();
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      uris.add(event(server.takeRequest()).string("uri").orElse("login"));
    }
    assertThat(uris.subList(uris.size() - 2, uris.size()))
        .containsExactly("transfer/edit", "transfer/delete");
    assertThat(uris.stream().filter("transfer/create"::equals)).hasSize(2);
  }

  // -------------------------------------------------------------------------- body limits

  @Test
  void anAnswerOverTheConfiguredLimitFailsWithATypedErrorNamingTheLimit() {
    login(server, "admin");
    ok(server, "[\"" + "x".repeat(10_000) + "\"]");
    server.enqueue(
        new MockResponse.Builder()
            .chunkedBody("{\"result\": [\"" + "y".repeat(10_000) + "\"]}", 512)
            .build());
    try (AccsynClient c = MockAccsyn.client(server, time).maxResponseBytes(4096).build()) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> c.find("site"))
            .isExactlyInstanceOf(AccsynResponseTooLargeException.class)
            .hasMessageContaining("4096 bytes")
            .hasMessageContaining("maxResponseBytes")
            .satisfies(
                e -> assertThat(((AccsynResponseTooLargeException) e).limit()).isEqualTo(4096));
      }
    }
    // Not retried: the same request gets the same answer.
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void anErrorThrownWhileReadingTheAnswerCompletesTheFuture() throws Exception {
    login(server, "admin");
    ok(server, "[]");
    OkHttpClient failing =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Response r = chain.proceed(chain.request());
                  if (!chain.request().url().encodedPath().endsWith("/event")) {
                    return r;
                  }
                  return r.newBuilder().body(new OutOfMemoryBody(r.body())).build();
                })
            .build();
    try (AccsynClient c = MockAccsyn.client(server, time).okHttpClient(failing).build()) {
      CompletableFuture<List<Json>> f = c.async().find(Query.of("site"));
      assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(OutOfMemoryError.class);
    } finally {
      failing.dispatcher().executorService().shutdown();
      failing.connectionPool().evictAll();
    }
  }

  /** A body whose reading fails the way a heap too small for it does. */
  static final class OutOfMemoryBody extends ResponseBody {
    private final ResponseBody delegate;

    OutOfMemoryBody(ResponseBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public BufferedSource source() {
      return Okio.buffer(
          new ForwardingSource(delegate.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
              throw new OutOfMemoryError("Java heap space (simulated)");
            }
          });
    }
  }

  // ---------------------------------------------------------------------------- deadlines

  @Test
  void aRetryAfterLongerThanTheDeadlineFailsAtOnceSayingWhy() {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "3600")
            .setHeader("Content-Type", "application/json")
            .body("{\"message\": \"Rate limit exceeded\"}")
            .build());
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOf(AccsynDeadlineExceededException.class)
          .hasMessageContaining("deadline of 60 s")
          .hasMessageContaining("Retry-After")
          .hasMessageContaining("3600 s")
          .hasMessageContaining("callTimeout")
          .hasCauseInstanceOf(AccsynRateLimitedException.class)
          .satisfies(
              e ->
                  assertThat(((AccsynDeadlineExceededException) e).deadline())
                      .isEqualTo(Duration.ofSeconds(60)));
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aThrottledCreateWithARetryAfterPastTheDeadlineFailsAtOnceAndWasNotApplied() {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "3600")
            .setHeader("Content-Type", "application/json")
            .body("{\"message\": \"Rate limit exceeded\"}")
            .build());
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      assertThatThrownBy(() -> c.create("transfer", Map.of("source", "share=p/a.mov")))
          .isInstanceOf(AccsynDeadlineExceededException.class)
          .hasMessageContaining("Retry-After")
          .hasMessageContaining("3600 s")
          .hasCauseInstanceOf(AccsynRateLimitedException.class)
          .satisfies(
              e ->
                  assertThat(((AccsynTransportException) e).requestMayHaveReachedServer())
                      .isFalse());
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesStopWhenTheNextBackoffWouldEndPastTheDeadline() {
    login(server, "admin");
    for (int i = 0; i < 3; i++) {
      json(server, 503, "{\"message\": \"busy\"}");
    }
    try (AccsynClient c =
        MockAccsyn.client(server, time)
            .retryPolicy(RetryPolicy.builder().maxAttempts(10).build())
            .callTimeout(Duration.ofSeconds(2))
            .build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOf(AccsynDeadlineExceededException.class)
          .hasMessageContaining("deadline of 2 s")
          .hasMessageContaining("backoff of 2000 ms before attempt 4");
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aTricklingBodyIsCutAtTheDeadline() {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/json")
            .body("{\"result\": [" + " ".repeat(40) + "]}")
            .throttleBody(1, 500, TimeUnit.MILLISECONDS) // about 26 s for the whole body
            .build());
    long t0 = System.nanoTime();
    try (AccsynClient c =
        MockAccsyn.client(server, time)
            .readTimeout(Duration.ofSeconds(1))
            .callTimeout(Duration.ofSeconds(2))
            .build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOf(AccsynDeadlineExceededException.class)
          .hasMessageContaining("deadline of 2 s")
          .hasMessageContaining("stalled or slow answer");
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).isLessThan(8_000);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
