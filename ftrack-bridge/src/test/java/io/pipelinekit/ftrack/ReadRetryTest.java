package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.RetryRules;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads are retried after 5xx pages, drops and refusals; writes only when never sent. */
class ReadRetryTest {
  final FakeFtrack fake = FakeFtrack.builder().build();
  final VirtualPause pause = new VirtualPause();

  @StartStop final MockWebServer server = new MockWebServer();

  @AfterEach
  void close() {
    fake.close();
  }

  FtrackSession.Builder builder() {
    return VirtualPause.virtual(
        FtrackSession.builder().fromEnvironment(fake.environment()).timezoneSupport(true), pause);
  }

  @Test
  void aQueryGoesThroughA502AndADropWithThePolicysWaits() {
    fake.fixtures().project("demo");
    fake.faults().nextHttp(502, "<html>Bad gateway</html>").nextDrop();
    fake.resetRequests();
    try (FtrackSession s = builder().build()) {
      List<Entity> projects = s.query("select id, name from Project").all();
      assertThat(projects).extracting(e -> e.string("name").orElse("")).contains("demo");
    }
    assertThat(fake.requestCount()).isEqualTo(3);
    // Jitter pinned at its top: exactly the policy's backoff, 500 ms then 1 s.
    assertThat(pause.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void theSameAccsynStylePolicyObjectBoundsTheAttempts() {
    RetryRules policy = RetryRules.builder().maxAttempts(2).build();
    fake.faults().nextHttp(503, "busy").nextHttp(503, "busy").nextHttp(503, "busy");
    fake.resetRequests();
    try (FtrackSession s = builder().retryPolicy(policy).build()) {
      assertThatThrownBy(() -> s.query("select id from Project").all())
          .isInstanceOfSatisfying(
              FtrackUnexpectedResponseException.class,
              e -> assertThat(e.statusCode()).isEqualTo(503));
    }
    assertThat(fake.requestCount()).isEqualTo(2);
  }

  @Test
  void aServerErrorEnvelopeIsTheServersVerdictAndIsNotRetried() {
    fake.faults().nextException("ServerError", "database is down");
    fake.resetRequests();
    try (FtrackSession s = builder().build()) {
      assertThatThrownBy(() -> s.query("select id from Project").all())
          .isInstanceOf(FtrackServerException.class);
    }
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void aCreateIsNeverSentAgainAfterADropOrA502() {
    fake.faults().nextDrop().nextHttp(502, "<html>Bad gateway</html>");
    fake.resetRequests();
    try (FtrackSession s = builder().build()) {
      assertThatThrownBy(() -> s.call(Operation.create("Location", Map.of("name", "a"))))
          .isInstanceOf(FtrackIoException.class)
          .hasMessageContaining("may or may not have been applied");
      assertThatThrownBy(() -> s.call(Operation.create("Location", Map.of("name", "b"))))
          .isInstanceOf(FtrackUnexpectedResponseException.class);
    }
    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(pause.waits).isEmpty();
  }

  @Test
  void aBatchMixingAQueryAndAWriteCountsAsAWrite() {
    fake.faults().nextHttp(502, "<html>Bad gateway</html>");
    fake.resetRequests();
    try (FtrackSession s = builder().build()) {
      assertThatThrownBy(
              () ->
                  s.call(
                      List.of(
                          Operation.query("select id from Project"),
                          Operation.create("Location", Map.of("name", "c")))))
          .isInstanceOf(FtrackUnexpectedResponseException.class);
    }
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void aCreateIsSentAgainWhenTheConnectionWasRefusedBeforeSending() {
    AtomicInteger calls = new AtomicInteger();
    OkHttpClient refusingOnce =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  if (calls.getAndIncrement() == 0) {
                    throw new ConnectException("Connection refused");
                  }
                  return chain.proceed(chain.request());
                })
            .build();
    fake.resetRequests();
    try (FtrackSession s = builder().okHttpClient(refusingOnce).build()) {
      s.call(Operation.create("Location", Map.of("name", "once")));
    }
    assertThat(calls.get()).isEqualTo(2);
    assertThat(fake.entities("Location")).filteredOn(p -> "once".equals(p.get("name"))).hasSize(1);
    assertThat(pause.waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void aRetryAfterLongerThanThePolicyAllowsEndsTheCallAtOnce() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").body("slow").build());
    try (FtrackSession s =
        VirtualPause.virtual(
                FtrackSession.builder()
                    .serverUrl(server.url("/").toString())
                    .apiUser("u")
                    .apiKey("k")
                    .timezoneSupport(true),
                pause)
            .build()) {
      assertThatThrownBy(() -> s.query("select id from Project").all())
          .isInstanceOfSatisfying(
              FtrackUnexpectedResponseException.class,
              e -> assertThat(e.statusCode()).isEqualTo(429));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(pause.waits).isEmpty();
  }

  @Test
  void noRetryStartsAfterTheCallDeadline() {
    for (int i = 0; i < 10; i++) {
      fake.faults().nextHttp(502, "<html>Bad gateway</html>");
    }
    fake.resetRequests();
    RetryRules many =
        RetryRules.builder().maxAttempts(10).maxElapsed(Duration.ofMinutes(10)).build();
    try (FtrackSession s = builder().retryPolicy(many).callTimeout(Duration.ofSeconds(3)).build()) {
      assertThatThrownBy(() -> s.query("select id from Project").all())
          .isInstanceOf(FtrackUnexpectedResponseException.class);
    }
    // 0.5 s + 1 s waited; the next wait (2 s) would start the fourth attempt past 3 s.
    assertThat(pause.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(fake.requestCount()).isEqualTo(3);
  }
}
