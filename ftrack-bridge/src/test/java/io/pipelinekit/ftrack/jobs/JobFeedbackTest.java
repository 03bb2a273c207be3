package io.pipelinekit.ftrack.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.FtrackValidationException;
import io.pipelinekit.ftrack.model.Job;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobFeedbackTest {
  /** A clock tests move by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Nested
  class RequestShapes {
    @StartStop final MockWebServer server = new MockWebServer();

    @Test
    @SuppressWarnings("unchecked")
    void createUpdateAndFinishSendTheJobShapeOfTheSpec() throws Exception {
      String job = "{\"__entity_type__\":\"Job\",\"id\":\"j1\",\"status\":\"running\"}";
      for (int i = 0; i < 3; i++) {
        server.enqueue(
            new MockResponse.Builder()
                .body(
                    "[{\"action\":\""
                        + (i == 0 ? "create" : "update")
                        + "\",\"data\":"
                        + job
                        + "}]")
                .build());
      }
      ManualClock clock = new ManualClock();
      try (FtrackSession s =
          FtrackSession.builder()
              .serverUrl(server.url("/").toString())
              .apiUser("jane")
              .apiKey("k")
              .timezoneSupport(true)
              .build()) {
        JobFeedback jobs =
            JobFeedback.builder(s).clock(clock).minInterval(Duration.ofSeconds(2)).build();
        FeedbackJob j = jobs.start(EntityRef.of("User", "u1"), "Sending 3 files");
        clock.advance(Duration.ofSeconds(3));
        assertThat(j.update("Sending 3 files", 0.5)).isTrue();
        j.fail("accsyn job failed: disk full");
      }
      Map<String, Object> create =
          ((List<Map<String, Object>>) JsonTree.parse(server.takeRequest().getBody().utf8()))
              .get(0);
      assertThat(create).containsEntry("action", "create").containsEntry("entity_type", "Job");
      Map<String, Object> data = (Map<String, Object>) create.get("entity_data");
      assertThat(data)
          .containsEntry("__entity_type__", "Job")
          .containsEntry("status", "running")
          .containsEntry("user", Map.of("__entity_type__", "User", "id", "u1"))
          .containsEntry("data", "{\"description\":\"Sending 3 files\"}");
      assertThat(create.get("entity_key")).isEqualTo(List.of(data.get("id")));

      RecordedRequest progress = server.takeRequest();
      assertThat(JsonTree.parse(progress.getBody().utf8()))
          .isEqualTo(
              List.of(
                  Map.of(
                      "action",
                      "update",
                      "entity_type",
                      "Job",
                      "entity_key",
                      List.of("j1"),
                      "entity_data",
                      Map.of(
                          "__entity_type__",
                          "Job",
                          "data",
                          "{\"description\":\"Sending 3 files (50%)\",\"progress\":0.5}"))));
      assertThat(JsonTree.parse(server.takeRequest().getBody().utf8()))
          .isEqualTo(
              List.of(
                  Map.of(
                      "action",
                      "update",
                      "entity_type",
                      "Job",
                      "entity_key",
                      List.of("j1"),
                      "entity_data",
                      Map.of(
                          "__entity_type__",
                          "Job",
                          "status",
                          "failed",
                          "data",
                          "{\"description\":\"accsyn job failed: disk full\"}"))));
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  FakeFtrack fake = FakeFtrack.builder().build();
  FtrackSession session = FtrackSession.fromEnvironment(fake.environment());
  ManualClock clock = new ManualClock();
  JobFeedback jobs =
      JobFeedback.builder(session).clock(clock).minInterval(Duration.ofSeconds(2)).build();
  EntityRef user = EntityRef.of("User", fake.fixtures().user("jane@studio.example"));

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  Job stored(FeedbackJob j) {
    Map<String, Object> row = fake.entity(j.id()).orElseThrow();
    return Job.of(io.pipelinekit.ftrack.Entity.of("Job", row));
  }

  @Test
  void aFastTransferDoesNotFloodTheServerAndTheLastUpdateIsDelivered() {
    FeedbackJob j = jobs.start(user, "Sending 1000 files");
    fake.resetRequests();
    for (int i = 1; i <= 1000; i++) {
      clock.advance(Duration.ofMillis(10)); // 10 s in all
      j.update("Sending 1000 files", i / 1000.0);
    }
    // One request per 2 s at most: 10 s of updates -> 5 requests, not 1000.
    assertThat(fake.requestCount()).isEqualTo(5);
    assertThat(j.requestCount()).isEqualTo(6);
    assertThat(stored(j).description()).contains("Sending 1000 files (100%)");

    j.update("Registering 1000 components");
    assertThat(fake.requestCount()).isEqualTo(5); // held back: the last send was just now
    assertThat(stored(j).description()).contains("Sending 1000 files (100%)");
    assertThat(j.flush()).isTrue();
    assertThat(stored(j).description()).contains("Registering 1000 components");
    assertThat(j.flush()).isFalse(); // nothing new
    assertThat(fake.requestCount()).isEqualTo(6);
  }

  @Test
  void byDefaultALongTransferUpdatesItsJobAtMostSixTimesAMinute() {
    FeedbackJob j = JobFeedback.builder(session).clock(clock).build().start(user, "Sending");
    fake.resetRequests();
    for (int second = 1; second <= 120; second++) {
      clock.advance(Duration.ofSeconds(1));
      j.update("Sending", second / 120.0); // the progress changes every second
    }
    assertThat(fake.requestCount()).isEqualTo(12); // two minutes, six a minute
    assertThat(JobFeedback.DEFAULT_MIN_INTERVAL).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aHeldBackUpdateGoesOutWithTheNextOneAfterTheIntervalOrWithTheFinish() {
    FeedbackJob j = jobs.start(user, "Preparing");
    assertThat(j.update("Step 1")).isFalse();
    assertThat(j.update("Step 2")).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(j.update("Step 2")).isTrue(); // unchanged text, but never sent yet
    assertThat(j.update("Step 2")).isFalse(); // unchanged and sent: nothing to do
    assertThat(stored(j).description()).contains("Step 2");
    assertThat(j.update("Step 3")).isFalse();
    j.done();
    Job done = stored(j);
    assertThat(done.status()).isEqualTo(Job.Status.DONE);
    assertThat(done.description()).contains("Step 3");
    assertThat(done.entity().instant("finished_at")).isPresent();
    assertThat(j.finalStatus()).contains(Job.Status.DONE);
  }

  @Test
  void finishingAsDoneOrFailedStoresTheMessageAndTheStatusInOneRequest() {
    FeedbackJob ok = jobs.start(user, "Sending 3 files");
    FeedbackJob bad = jobs.start(user, "Sending 2 files");
    fake.resetRequests();
    ok.done("Sent 3 files to la");
    bad.fail("accsyn job failed: disk full at la");
    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(stored(ok).status()).isEqualTo(Job.Status.DONE);
    assertThat(stored(ok).description()).contains("Sent 3 files to la");
    assertThat(stored(bad).status()).isEqualTo(Job.Status.FAILED);
    assertThat(stored(bad).description()).contains("accsyn job failed: disk full at la");
    assertThat(stored(bad).userId()).contains(user.id());
    assertThatThrownBy(() -> ok.update("again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already done");
    assertThatThrownBy(() -> bad.done("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingAnUnfinishedJobMarksItFailedSoNothingStaysRunning() {
    FeedbackJob seen;
    try (FeedbackJob j = jobs.start(user, "Sending 3 files")) {
      seen = j;
      j.update("Sending 3 files", 0.25);
      // the work dies here without finishing the job
    }
    assertThat(stored(seen).status()).isEqualTo(Job.Status.FAILED);
    assertThat(stored(seen).description()).contains("Stopped before it finished: Sending 3 files");
    FeedbackJob finished;
    try (FeedbackJob j = jobs.start(user, "Sending")) {
      finished = j;
      j.done("Sent");
    }
    assertThat(stored(finished).status()).isEqualTo(Job.Status.DONE);
  }

  @Test
  void aFailingUpdateDoesNotBreakTheWorkAndIsRetriedWithTheNextOne() {
    FeedbackJob j = jobs.start(user, "Sending");
    clock.advance(Duration.ofSeconds(5));
    fake.faults().nextHttp(502, "<html>bad gateway</html>");
    assertThat(j.update("Sending", 0.5)).isFalse();
    clock.advance(Duration.ofSeconds(5));
    assertThat(j.update("Sending", 0.6)).isTrue();
    assertThat(stored(j).description()).contains("Sending (60%)");
  }

  @Test
  void badInputSaysWhatIsWrong() {
    assertThatThrownBy(() -> jobs.start(EntityRef.of("Project", "p"), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("User");
    assertThatThrownBy(() -> jobs.start(user, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    FeedbackJob j = jobs.start(user, "x");
    assertThatThrownBy(() -> j.update("x", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0.0 and 1.0");
    assertThatThrownBy(() -> JobFeedback.builder(session).minInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> jobs.start(EntityRef.of("User", "no-such-user"), "x"))
        .isInstanceOf(FtrackValidationException.class);
  }
}
