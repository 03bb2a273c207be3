package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.RetryRules;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.tls.TestCertificates;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Each failure gets its own type and a message that says what happened: an untrusted or wrong-host
 * certificate is a server that was reached, JSON cut short is not a wrong address, a malformed
 * query is reported in the caller's words, a huge or trickling answer is bounded.
 */
class HonestErrorsTest {
  static FtrackSession.Builder to(MockWebServer server) {
    return FtrackSession.builder()
        .serverUrl(server.url("/").toString())
        .apiUser("jane")
        .apiKey("the-api-key")
        .timezoneSupport(true)
        .retryPolicy(RetryRules.none());
  }

  static MockWebServer https(String alias) throws Exception {
    MockWebServer server = new MockWebServer();
    server.useHttps(TestCertificates.serverSocketFactory(alias));
    server.start();
    return server;
  }

  static final String EMPTY_PAGE =
      "[{\"action\":\"query\",\"data\":[],\"metadata\":{\"next\":{\"offset\":null}}}]";

  @Test
  void aSelfSignedCertificateSaysTheServerWasReachedAndHowToTrustACa() throws Exception {
    try (MockWebServer server = https("studio");
        FtrackSession s = to(server).build()) {
      assertThatThrownBy(() -> s.call(Operation.create("Location", java.util.Map.of("name", "x"))))
          .isInstanceOfSatisfying(
              FtrackCertificateException.class,
              e -> {
                assertThat(e.hostnameMismatch()).isFalse();
                assertThat(e.getMessage())
                    .contains("was reached", "not trusted", "Trusting a studio CA")
                    .contains("Nothing was sent")
                    .doesNotContain("no answer", "firewall", "may or may not");
              });
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void aCertificateForAnotherHostIsNotAnUnknownOutcome() throws Exception {
    try (MockWebServer server = https("elsewhere");
        FtrackSession s =
            to(server)
                .okHttpClient(TestCertificates.trusting(TestCertificates.certificate("elsewhere")))
                .build()) {
      assertThatThrownBy(() -> s.call(Operation.create("Location", java.util.Map.of("name", "x"))))
          .isInstanceOfSatisfying(
              FtrackCertificateException.class,
              e -> {
                assertThat(e.hostnameMismatch()).isTrue();
                assertThat(e.getMessage())
                    .contains("another host name", "Nothing was sent")
                    .doesNotContain("may or may not");
              });
    }
  }

  @Test
  void aStudioCaTrustedThroughTheOkHttpClientWorks() throws Exception {
    try (MockWebServer server = https("studio")) {
      server.enqueue(new MockResponse.Builder().body(EMPTY_PAGE).build());
      OkHttpClient client = TestCertificates.trusting(TestCertificates.certificate("studio"));
      try (FtrackSession s = to(server).okHttpClient(client).build()) {
        assertThat(s.query("select id from Project").all()).isEmpty();
      }
    }
  }

  @Test
  void jsonCutShortIsATruncatedAnswerNotAWrongAddress() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse.Builder()
              .body("[{\"action\":\"query\",\"data\":[{\"__entity_type__\":\"Shot\",\"id\":\"a")
              .build());
      server.start();
      try (FtrackSession s = to(server).build()) {
        assertThatThrownBy(() -> s.query("select id from Shot").all())
            .isInstanceOfSatisfying(
                FtrackTruncatedResponseException.class,
                e -> {
                  assertThat(e.statusCode()).isEqualTo(200);
                  assertThat(e.getMessage())
                      .contains("cut short", "address is right")
                      .doesNotContain("FTRACK_SERVER is the ftrack site URL");
                });
      }
    }
  }

  @Test
  void aConnectionThatBreaksMidBodyIsATruncatedAnswer() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse.Builder()
              .body("[" + "{\"a\":1},".repeat(20_000) + "{\"a\":1}]")
              .onResponseBody(new SocketEffect.CloseSocket())
              .build());
      server.start();
      try (FtrackSession s = to(server).build()) {
        assertThatThrownBy(() -> s.call(Operation.create("Location", java.util.Map.of("n", 1))))
            .isInstanceOfSatisfying(
                FtrackTruncatedResponseException.class,
                e -> {
                  assertThat(e.getCause()).isNotNull();
                  assertThat(e.getMessage()).contains("cut short", "may or may not");
                });
      }
    }
  }

  @Test
  void aMalformedQueryIsReportedInTheCallersWords() {
    try (FakeFtrack fake = FakeFtrack.builder().build();
        FtrackSession s = FtrackSession.fromEnvironment(fake.environment())) {
      assertThatThrownBy(() -> s.query("select id from Shot where name is").all())
          .isInstanceOfSatisfying(
              FtrackQueryException.class,
              e -> {
                assertThat(e.expression()).isEqualTo("select id from Shot where name is");
                assertThat(e.sentExpression()).endsWith("offset 0 limit 500");
                assertThat(e.getMessage())
                    .contains("The query was: select id from Shot where name is")
                    .contains("to page the results", "ends too early");
              });
    }
  }

  @Test
  void anAnswerPastTheLimitIsRefusedWithoutBufferingIt() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      String big = "[" + "1,".repeat(2_000) + "1]";
      server.enqueue(new MockResponse.Builder().body(big).build());
      server.enqueue(new MockResponse.Builder().chunkedBody(big, 100).build());
      server.start();
      try (FtrackSession s = to(server).maxResponseBytes(1_000).build()) {
        assertThatThrownBy(() -> s.query("select id from Shot").all())
            .isInstanceOfSatisfying(
                FtrackResponseTooLargeException.class,
                e -> {
                  assertThat(e.limit()).isEqualTo(1_000);
                  assertThat(e.declaredLength()).isEqualTo(big.length());
                });
        assertThatThrownBy(() -> s.query("select id from Shot").all())
            .isInstanceOfSatisfying(
                FtrackResponseTooLargeException.class,
                e -> assertThat(e.declaredLength()).isEqualTo(-1));
      }
    }
  }

  @Test
  void aTricklingBodyEndsAtTheCallDeadline() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      // 60 bytes at one byte per 0.5 s would take 30 s, well within a 10 s read timeout per read.
      server.enqueue(
          new MockResponse.Builder()
              .body(EMPTY_PAGE.substring(0, 60))
              .throttleBody(1, 500, TimeUnit.MILLISECONDS)
              .build());
      server.start();
      long start = System.nanoTime();
      try (FtrackSession s =
          to(server).timeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(2)).build()) {
        assertThatThrownBy(() -> s.query("select id from Shot").all())
            .isInstanceOfSatisfying(
                FtrackDeadlineExceededException.class,
                e -> {
                  assertThat(e.deadline()).isEqualTo(Duration.ofSeconds(2));
                  assertThat(e.attempts()).isEqualTo(1);
                });
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
  }
}
