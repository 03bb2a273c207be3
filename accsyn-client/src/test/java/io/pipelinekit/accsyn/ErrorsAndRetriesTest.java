package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.event;
import static io.pipelinekit.accsyn.MockAccsyn.json;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Error envelopes, read retries, no blind write retries, idempotent creates. */
class ErrorsAndRetriesTest {
  static final String ID = "614d660de50d45bb027c9bdd";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  AccsynClient client() {
    return MockAccsyn.client(server, time).build();
  }

  AccsynClient client(RetryPolicy policy) {
    return MockAccsyn.client(server, time).retryPolicy(policy).build();
  }

  static void drop(MockWebServer server) {
    // The request is read, then the socket closes before any answer: an ambiguous failure.
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
  }

  // ----------------------------------------------------------------------- error envelopes

  @Test
  void messageEnvelopeBecomesApiExceptionPreferringMessageHr() {
    login(server, "admin");
    json(
        server, 404, "{\"message\": \"Transfer 'x' not found!\", \"message_hr\": \"No such job\"}");
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.update("transfer", ID, Map.of("status", "paused")))
          .isExactlyInstanceOf(AccsynApiException.class)
          .hasMessageContaining("No such job")
          .hasMessageContaining("transfer/edit")
          .hasMessageContaining("HTTP 404")
          .hasMessageContaining("Check the entity type and id")
          .satisfies(
              e -> {
                AccsynApiException a = (AccsynApiException) e;
                assertThat(a.serverMessage()).isEqualTo("Transfer 'x' not found!");
                assertThat(a.serverMessageHr()).contains("No such job");
                assertThat(a.statusCode()).isEqualTo(404);
                assertThat(a.operation()).isEqualTo("transfer/edit");
              });
    }
  }

  @Test
  void messageMeansFailureEvenWithResultAndA200() {
    login(server, "admin");
    json(server, 200, "{\"result\": [], \"message\": \"Invalid query 'x'!\"}");
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.find("transfer WHERE (x"))
          .isInstanceOf(AccsynApiException.class)
          .hasMessageContaining("Invalid query 'x'! Fix the request")
          .hasMessageNotContaining("!.");
    }
  }

  @Test
  void exceptionEnvelopeIsServerExceptionWithDetailOnlyForAdmins() {
    login(server, "admin");
    json(server, 500, "{\"exception\": \"Traceback: KeyError 'x'\"}");
    try (AccsynClient c = client(RetryPolicy.none())) {
      assertThatThrownBy(() -> c.find("site"))
          .isExactlyInstanceOf(AccsynServerException.class)
          .hasMessageContaining("site/find")
          .hasMessageContaining("contact the admin of workspace acme")
          .satisfies(
              e ->
                  assertThat(((AccsynServerException) e).serverDetail())
                      .contains("Traceback: KeyError 'x'"));
    }
  }

  @Test
  void exceptionDetailIsHiddenFromEmployees() {
    login(server, "employee");
    json(server, 500, "{\"exception\": \"Traceback: KeyError 'x'\"}");
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.update("transfer", ID, Map.of("status", "paused")))
          .isExactlyInstanceOf(AccsynServerException.class)
          .hasMessageContaining("may or may not have been applied")
          .satisfies(e -> assertThat(((AccsynServerException) e).serverDetail()).isEmpty());
    }
    assertThat(server.getRequestCount()).isEqualTo(2); // a write: not retried
  }

  @Test
  void nonJsonBodyIsUnexpectedResponse() {
    login(server, "admin");
    json(server, 502, "<html><h1>502 Bad Gateway</h1></html>");
    try (AccsynClient c = client(RetryPolicy.none())) {
      assertThatThrownBy(() -> c.find("site"))
          .isExactlyInstanceOf(AccsynUnexpectedResponseException.class)
          .hasMessageContaining("HTTP 502")
          .hasMessageContaining("502 Bad Gateway")
          .hasMessageContaining("retry later");
    }
  }

  @Test
  void status401AndRefusedLoginAreAuthenticationErrors() {
    json(
        server,
        401,
        "{\"message\": \"Authentication failed\", \"message_hr\": \"Check your key\"}");
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.find("site"))
          .isExactlyInstanceOf(AccsynAuthenticationException.class)
          .hasMessageContaining("john@user.com")
          .hasMessageContaining("ACCSYN_API_KEY")
          .hasMessageContaining("Check your key")
          .satisfies(e -> assertThat(((AccsynApiException) e).operation()).isEqualTo("login"));
      // A failed login is not cached: the next call logs in again.
      login(server, "admin");
      ok(server, "[]");
      assertThat(c.find("site")).isEmpty();
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void throttlingIsRateLimitedWithRetryAfter() {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "3")
            .body("{\"message\": \"Rate limit exceeded\"}")
            .build());
    try (AccsynClient c = client(RetryPolicy.none())) {
      assertThatThrownBy(() -> c.find("site"))
          .isExactlyInstanceOf(AccsynRateLimitedException.class)
          .hasMessageContaining("30 requests/s")
          .satisfies(
              e ->
                  assertThat(((AccsynRateLimitedException) e).retryAfter())
                      .contains(Duration.ofSeconds(3)));
    }
  }

  @Test
  void unreachableHostIsTransportErrorNamingHostAndPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (AccsynClient c =
        AccsynClient.builder()
            .workspace("acme")
            .username("u@x.com")
            .apiKey("KEY-123456")
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .sleeper(time)
            .clock(time)
            .jitter(() -> 1.0)
            .build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isExactlyInstanceOf(AccsynTransportException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("firewall")
          .satisfies(
              e -> {
                AccsynTransportException t = (AccsynTransportException) e;
                assertThat(t.host()).isEqualTo("127.0.0.1");
                assertThat(t.port()).isEqualTo(port);
                assertThat(t.requestMayHaveReachedServer()).isFalse();
              });
    }
    // The login (a read-like call) was tried three times with backoff 0.5 s then 1 s.
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  // -------------------------------------------------------------------------------- retries

  @Test
  void readsAreRetriedWithExponentialBackoffOnThrottlingAnd5xx() throws Exception {
    login(server, "admin");
    json(server, 503, "{\"message\": \"busy\"}");
    json(server, 429, "{\"message\": \"Rate limit exceeded\"}");
    ok(server, "[{\"code\": \"hq\"}]");
    try (AccsynClient c = client()) {
      assertThat(c.find("site")).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void retriesAreBoundedInCount() {
    login(server, "admin");
    for (int i = 0; i < 5; i++) {
      json(server, 503, "{\"message\": \"busy\"}");
    }
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.find("site")).isInstanceOf(AccsynApiException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1 + 3);
  }

  @Test
  void jitterScalesTheBackoffAndRetryAfterWins() {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "5")
            .body("{\"message\": \"slow down\"}")
            .build());
    json(server, 502, "bad gateway");
    ok(server, "[]");
    try (AccsynClient c = MockAccsyn.client(server, time).jitter(() -> 0.0).build()) {
      c.find("site");
    }
    // Retry-After 5 s beats 0.5 s; then 1 s x 0.75 (jitter at its low end).
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(750));
  }

  @Test
  void readsAreRetriedAfterADroppedConnection() throws Exception {
    login(server, "admin");
    drop(server);
    ok(server, "[]");
    try (AccsynClient c = client()) {
      assertThat(c.find("site")).isEmpty();
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void writesAreNeverRetriedBlindly() {
    login(server, "admin");
    json(server, 503, "{\"message\": \"busy\"}");
    drop(server);
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.update("transfer", ID, Map.of("status", "paused")))
          .isInstanceOf(AccsynApiException.class);
      assertThatThrownBy(() -> c.delete("transfer", ID, false))
          .isExactlyInstanceOf(AccsynTransportException.class)
          .hasMessageContaining("may have reached accsyn");
      // User creates carry no request id and are not repeated either.
      json(server, 503, "{\"message\": \"busy\"}");
      assertThatThrownBy(() -> c.create("user", Map.of("code", "a@b.com")))
          .isInstanceOf(AccsynApiException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).isEmpty();
  }

  // -------------------------------------------------------------------- idempotent creates

  @Test
  void droppedCreateIsLookedUpAndNotSentTwice() throws Exception {
    login(server, "admin");
    drop(server); // the job was created, the answer lost
    ok(server, "[{\"id\": \"" + ID + "\", \"status\": \"waiting\"}]"); // the lookup finds it
    List<Json> created;
    try (AccsynClient c = client()) {
      created = c.create("transfer", Map.of("source", "share=p/a.mov", "destination", "la"));
    }
    assertThat(created).singleElement().satisfies(j -> assertThat(j.string("id")).contains(ID));
    server.takeRequest();
    RecordedRequest post = server.takeRequest();
    String requestId =
        event(post)
            .get("data")
            .flatMap(d -> d.get("metadata"))
            .flatMap(m -> m.string("pipelinekit_request_id"))
            .orElseThrow();
    RecordedRequest lookup = server.takeRequest();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(event(lookup).string("query"))
        .contains("metadata.pipelinekit_request_id=\"" + requestId + "\"");
    assertThat(event(lookup).string("uri")).contains("transfer/find");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void droppedCreateThatNeverArrivedIsSentAgainWithTheSameRequestIdAfterTheSettleWindow()
      throws Exception {
    login(server, "admin");
    drop(server);
    // The settle window is one read timeout (2 s here): look-ups at 0.5 s, 1.5 s and 2 s, each
    // among active jobs, then finished ones.
    for (int i = 0; i < 6; i++) {
      ok(server, "[]");
    }
    ok(server, "[{\"id\": \"" + ID + "\"}]"); // the second create
    ok(server, "[{\"id\": \"" + ID + "\"}]"); // after a resend: every job with the id, active
    ok(server, "[]"); // and finished
    try (AccsynClient c =
        MockAccsyn.client(server, time).readTimeout(Duration.ofSeconds(2)).build()) {
      Json meta = Json.objectBuilder().put("shot", "sh010").build();
      assertThat(
              c.create(
                  "transfer",
                  Json.objectBuilder()
                      .put("source", "share=p/a.mov")
                      .put("metadata", meta)
                      .build()))
          .hasSize(1);
    }
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ZERO);
    server.takeRequest();
    Json first = event(server.takeRequest());
    Json active = event(server.takeRequest());
    Json finished = event(server.takeRequest());
    for (int i = 0; i < 4; i++) {
      assertThat(event(server.takeRequest()).string("uri")).contains("transfer/find");
    }
    Json second = event(server.takeRequest());
    assertThat(active.get("data").orElseThrow().has("finished")).isFalse();
    assertThat(finished.get("data").orElseThrow().bool("finished")).contains(true);
    assertThat(second.string("uri")).contains("transfer/create");
    assertThat(second.get("data")).isEqualTo(first.get("data"));
    assertThat(first.get("data").flatMap(d -> d.get("metadata")).flatMap(m -> m.string("shot")))
        .contains("sh010");
    assertThat(second.string("eid")).isNotEqualTo(first.string("eid"));
    assertThat(server.getRequestCount()).isEqualTo(11);
  }

  @Test
  void createRejectedByAccsynIsNotRepeated() {
    login(server, "admin");
    json(server, 400, "{\"message\": \"Source path does not exist\"}");
    try (AccsynClient c = client()) {
      assertThatThrownBy(() -> c.create("transfer", Map.of("source", "share=p/x")))
          .isExactlyInstanceOf(AccsynApiException.class)
          .hasMessageContaining("Source path does not exist");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------- async

  @Test
  void asyncCallsDoNotBlockTheCaller() throws Exception {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(300, TimeUnit.MILLISECONDS)
            .body("{\"result\": [{\"code\": \"hq\"}]}")
            .build());
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      long t0 = System.nanoTime();
      CompletableFuture<List<Json>> f = c.async().find(Query.of("site"));
      long returnedAfterMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(f).isNotDone();
      assertThat(returnedAfterMs).isLessThan(250);
      assertThat(f.get(10, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  @Test
  void asyncFailuresCompleteTheFutureWithTheTypedException() {
    login(server, "admin");
    json(server, 403, "{\"message\": \"Permission denied\"}");
    try (AccsynClient c = client()) {
      CompletableFuture<Json> f = c.async().update("transfer", ID, Json.of(Map.of("a", 1)));
      assertThatThrownBy(f::join).hasCauseInstanceOf(AccsynApiException.class);
    }
  }
}
