package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults and the request log. */
class FaultsAndObservationTest {
  private FakeAccsyn fake;
  private RawAccsyn admin;

  @BeforeEach
  void start() throws Exception {
    fake = FakeAccsyn.builder().site("hq").site("la").build();
    Files.createDirectories(fake.volumeDir("hq", "storage").resolve("p"));
    Files.writeString(fake.volumeDir("hq", "storage").resolve("p/a.txt"), "a");
    Files.writeString(fake.volumeDir("hq", "storage").resolve("p/b.txt"), "b");
    admin = new RawAccsyn(fake.adminCredentials());
    admin.login();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private RawAccsyn.Reply create() {
    return admin.event(
        "POST",
        "transfer/create",
        map("source", "share=storage/p/a.txt", "destination", "site=la"),
        null,
        null);
  }

  @Test
  void aGatewayTimeoutAnswers504NowAndCommitsTheCreateLater() throws Exception {
    fake.faults().gatewayTimeoutThenCommit("transfer/create", 1, Duration.ofMillis(300));
    long t0 = System.nanoTime();
    RawAccsyn.Reply r = create();
    assertThat(r.status()).isEqualTo(504);
    boolean answeredBeforeCommit = (System.nanoTime() - t0) / 1_000_000 < 300;
    if (answeredBeforeCommit) {
      assertThat(fake.state().entities("transfer")).isEmpty();
    }
    fake.awaitLateCommits(Duration.ofSeconds(10));
    assertThat(fake.state().entities("transfer")).hasSize(1);
    assertThat(fake.calls())
        .filteredOn(c -> c.operation().equals("transfer/create"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.fault()).contains("gateway-timeout-late-commit");
              assertThat(c.status()).isEqualTo(504);
            });
    // The fault is used up: the next create answers normally.
    assertThat(create().status()).isEqualTo(200);
    assertThat(fake.state().entities("transfer")).hasSize(2);
  }

  @Test
  void aStallHoldsTheAnswerWhileTheCreateIsCommitted() throws Exception {
    fake.faults()
        .stallThenCommit("transfer/create", 1, Duration.ofMillis(400), Duration.ofMillis(50));
    long t0 = System.nanoTime();
    RawAccsyn.Reply r = create();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.status()).isEqualTo(504);
    assertThat(ms).isGreaterThanOrEqualTo(400);
    fake.awaitLateCommits(Duration.ofSeconds(10));
    assertThat(fake.state().entities("transfer")).hasSize(1);
  }

  @Test
  void waitingForLateCommitsGivesUpWithTheCountStillPending() throws Exception {
    fake.faults().gatewayTimeoutThenCommit("transfer/create", 2, Duration.ofSeconds(30));
    assertThat(create().status()).isEqualTo(504);
    assertThat(create().status()).isEqualTo(504);
    assertThatThrownBy(() -> fake.awaitLateCommits(Duration.ofMillis(20)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 late commits still pending");
  }

  @Test
  void throttlingAnswers429WithAMessageThenRecovers() {
    fake.faults().throttle("transfer/find", 2);
    for (int i = 0; i < 2; i++) {
      RawAccsyn.Reply r = admin.find("transfer/find", map(), null, null);
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.message()).startsWith("Rate limit exceeded");
    }
    assertThat(admin.find("transfer/find", map(), null, null).status()).isEqualTo(200);
    assertThat(fake.calls()).filteredOn(c -> c.fault().isPresent()).hasSize(2);
  }

  @Test
  void rateLimitThrottlesBurstsOverTheBucket() {
    fake.faults().rateLimit(0.001, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(admin.find("site/find", map(), null, null).status()).isEqualTo(200);
    }
    RawAccsyn.Reply r = admin.find("site/find", map(), null, null);
    assertThat(r.status()).isEqualTo(429);
    assertThat(fake.calls()).last().satisfies(c -> assertThat(c.fault()).contains("rate-limit"));
    fake.faults().clear();
    assertThat(admin.find("site/find", map(), null, null).status()).isEqualTo(200);
  }

  @Test
  void offlineClientsCannotBeTransferPartiesAndAppsHaveSites() {
    FakeAccsyn f =
        FakeAccsyn.builder()
            .employee(
                "anna@studio.com",
                u -> u.app("anna-ws", Os.LINUX, a -> a.site("hq").mapShare("storage", "/s")))
            .acl("anna@studio.com", "storage", "/", true, true)
            .build();
    try {
      RawAccsyn anna = new RawAccsyn(f.credentials("anna@studio.com"));
      anna.login();
      assertThat(
              anna.find("app/find", map(), "site=hq and os=linux and status=online", null).list())
          .hasSize(1);
      f.clientOnline("anna-ws", false);
      assertThat(
              anna.event(
                      "POST",
                      "transfer/create",
                      map("source", "share=storage/x", "destination", "anna@studio.com"),
                      null,
                      null)
                  .message())
          .isEqualTo("User 'anna@studio.com' has no online client (desktop app or user server)!");
    } finally {
      f.close();
    }
  }

  @Test
  void serverErrorsUseTheExceptionEnvelopeOrANonJsonPage() {
    fake.faults().serverError("user/find", 1).badGateway("site/find", 1);
    RawAccsyn.Reply e = admin.find("user/find", map(), null, null);
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.body()).containsKey("exception").doesNotContainKey("result");
    RawAccsyn.Reply g = admin.find("site/find", map(), null, null);
    assertThat(g.status()).isEqualTo(502);
    assertThat(g.body()).containsKey("_raw");
    assertThat(g.raw()).contains("502 Bad Gateway");
  }

  @Test
  void droppedBeforeCommitCreatesNothing() {
    fake.faults().dropBeforeCommit("transfer/create", 1);
    assertThatThrownBy(this::create).isInstanceOf(UncheckedIOException.class);
    assertThat(fake.state().entities("transfer")).isEmpty();
    assertThat(fake.calls()).last().satisfies(c -> assertThat(c.status()).isZero());
  }

  @Test
  void droppedAfterCommitLeavesTheJobCreated() {
    fake.faults().dropAfterCommit("transfer/create", 1);
    assertThatThrownBy(this::create).isInstanceOf(UncheckedIOException.class);
    assertThat(fake.state().entities("transfer")).hasSize(1);
    assertThat(create().first()).containsKey("id");
    assertThat(fake.state().entities("transfer")).hasSize(2);
    assertThat(fake.roundTrips("transfer/create")).isEqualTo(2);
  }

  @Test
  void latencyDelaysResponses() {
    fake.faults().latency("site/find", Duration.ofMillis(300));
    long t0 = System.nanoTime();
    assertThat(admin.find("site/find", map(), null, null).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(fake.calls()).last().satisfies(c -> assertThat(c.fault()).isEmpty());
  }

  @Test
  void chosenTasksFail() {
    fake.faults().failTasks("*/b.txt");
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "tasks",
                        List.of("share=storage/p/a.txt", "share=storage/p/b.txt"),
                        "destination",
                        "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(id, Duration.ofSeconds(20))).containsEntry("status", "failed");
    assertThat(fake.state().tasks(id))
        .extracting(t -> t.get("status"))
        .containsExactly("done", "failed");
    assertThat((String) fake.state().tasks(id).get(1).get("error")).startsWith("E#J005");
    Path la = fake.volumeDir("la", "storage");
    assertThat(la.resolve("p/a.txt")).hasContent("a");
    assertThat(la.resolve("p/b.txt")).doesNotExist();
  }

  @Test
  void everyRequestIsRecordedAndCounted() {
    admin.find("site/find", map(), null, null);
    admin.find("site/find", map(), "code=hq", null);
    create();
    assertThat(fake.roundTrips()).isEqualTo(4);
    assertThat(fake.roundTrips("login")).isEqualTo(1);
    assertThat(fake.roundTrips("site/find")).isEqualTo(2);
    assertThat(fake.calls())
        .extracting(RecordedCall::operation)
        .containsExactly("login", "site/find", "site/find", "transfer/create");
    RecordedCall find = fake.calls().get(2);
    assertThat(find.method()).isEqualTo("GET");
    assertThat(find.event()).containsEntry("query", "code=hq");
    assertThat(find.responseBody()).contains("\"code\":\"hq\"");
    assertThat(find.toString()).contains("site/find");
    fake.clearCalls();
    assertThat(fake.calls()).isEmpty();
    assertThat(fake.roundTrips()).isZero();
  }

  @Test
  void awaitTransferTimesOutWithAHelpfulMessage() {
    FakeAccsyn manual = FakeAccsyn.builder().deterministic().build();
    try {
      RawAccsyn a = new RawAccsyn(manual.adminCredentials());
      a.login();
      String id =
          (String)
              a.event(
                      "POST",
                      "transfer/create",
                      map("source", "share=storage/x", "destination", "proj/y", "status", "paused"),
                      null,
                      null)
                  .first()
                  .get("id");
      assertThatThrownBy(() -> manual.awaitTransfer(id, Duration.ofMillis(100)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("status is paused");
    } finally {
      manual.close();
    }
  }
}
