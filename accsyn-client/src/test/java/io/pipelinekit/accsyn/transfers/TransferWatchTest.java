package io.pipelinekit.accsyn.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.typed.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Progress watching: cadence, fallback to get, outcome with failed tasks, timeout, cancel. */
class TransferWatchTest {
  static final String JOB = "614d660de50d45bb027c9bdd";

  final Wire wire = new Wire();
  final Transfers transfers = Transfers.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  static String job(String status, int progress) {
    return "[{\"id\": \""
        + JOB
        + "\", \"status\": \""
        + status
        + "\", \"progress\": "
        + progress
        + ", \"size\": 1000, \"speed\": 5.0, \"etr\": \"0h:00m:10s\"}]";
  }

  WatchOptions fakeTime(Duration timeout) {
    WatchOptions.Builder b = WatchOptions.builder().sleeper(wire.time).clock(wire.time);
    if (timeout != null) {
      b.timeout(timeout);
    }
    return b.build();
  }

  @Test
  void pollsBacksOffFallsBackToGetAndListsFailedTasks() {
    wire.ok(job("running", 10)); // findOne
    wire.ok(job("running", 10)); // findOne, unchanged: back off
    wire.ok("[]"); // findOne: the job left the active set
    wire.ok(job("done", 100)); // get
    wire.ok(
        "[{\"id\": \"t-0\", \"status\": \"done\"}, {\"id\": \"t-1\", \"status\": \"failed\","
            + " \"source\": {\"path\": \"proj/b.mov\"}}]");
    List<Integer> seen = new ArrayList<>();

    TransferOutcome o =
        Transfers.await(
            transfers.watch(JOB, fakeTime(null), t -> seen.add(t.progress().percent())));

    assertThat(o.status()).isEqualTo(TransferStatus.DONE);
    assertThat(o.failedTasks()).extracting(Task::id).containsExactly("t-1");
    assertThat(o.succeeded()).isFalse();
    assertThat(o.polls()).isEqualTo(3);
    assertThat(seen).containsExactly(10, 100); // told only about changes
    assertThat(wire.time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));

    wire.next()
        .is("GET", "transfer/find", "{\"single_entity_query\": true}")
        .withQuery("id=\"" + JOB + "\"");
    wire.next().is("GET", "transfer/find", "{\"single_entity_query\": true}");
    wire.next().is("GET", "transfer/find", "{\"single_entity_query\": true}");
    wire.next().is("GET", "transfer/find", "{}").withId(JOB);
    wire.next().is("GET", "task/find", "{\"parent\": \"" + JOB + "\"}");
  }

  static String moving(int progress, String etr) {
    return "[{\"id\": \""
        + JOB
        + "\", \"status\": \"running\", \"progress\": "
        + progress
        + ", \"size\": 1000, \"speed\": 5.0, \"etr\": \""
        + etr
        + "\"}]";
  }

  @Test
  void aMovingTransferIsPolledAtMostSixTimesAMinuteAndSoonerNearItsEnd() {
    // Progress changes on every poll, as it does during a long transfer.
    for (int p = 1; p <= 12; p++) {
      wire.ok(moving(p, "1h:00m:00s"));
    }
    wire.ok(moving(97, "0h:00m:04s"));
    wire.ok(moving(99, "0h:00m:01s"));
    wire.ok(job("done", 100));
    wire.ok("[]"); // tasks
    List<Integer> seen = new ArrayList<>();

    TransferOutcome o =
        Transfers.await(
            transfers.watch(JOB, fakeTime(null), t -> seen.add(t.progress().percent())));

    assertThat(o.status()).isEqualTo(TransferStatus.DONE);
    assertThat(seen).hasSize(15); // every change is still reported
    List<Duration> sleeps = wire.time.sleeps();
    // 2 s, then growing by 1.5 to the 10 s cap, whatever the progress does ...
    assertThat(sleeps.subList(0, 6))
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofMillis(4500),
            Duration.ofMillis(6750),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10));
    // ... so that once steady, a minute holds at most six polls ...
    assertThat(sleeps.subList(4, 12))
        .allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(10)));
    // ... and near the end the next poll comes when the job should be done, never under 2 s.
    assertThat(sleeps.subList(12, 14))
        .containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(2));
  }

  @Test
  void abortedIsNeverSuccess() {
    wire.ok(job("aborted", 40));
    wire.ok("[]");
    TransferOutcome o =
        transfers.awaitCompletion(JOB, Duration.ofMinutes(1), ProgressListener.NONE);
    assertThat(o.status()).isEqualTo(TransferStatus.ABORTED);
    assertThat(o.failedTasks()).isEmpty();
    assertThat(o.succeeded()).isFalse();
  }

  @Test
  void timesOutWithTheLastSeenState() {
    wire.ok(job("running", 10)).ok(job("running", 10)).ok(job("running", 10));
    TransferWatch w = transfers.watch(JOB, fakeTime(Duration.ofSeconds(5)), ProgressListener.NONE);
    assertThatThrownBy(() -> Transfers.await(w))
        .isInstanceOf(TransferTimeoutException.class)
        .hasMessageContaining("did not finish within PT5S")
        .satisfies(
            e ->
                assertThat(((TransferTimeoutException) e).lastSeen())
                    .map(t -> t.progress().percent())
                    .contains(10));
    // 0 s, 2 s, then the last 3 s exactly to the deadline: never past it.
    assertThat(wire.time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void cancelStopsPollingWithoutTouchingTheJob() throws Exception {
    CompletableFuture<Void> never = new CompletableFuture<>();
    wire.ok(job("running", 10));
    List<Integer> seen = new ArrayList<>();
    TransferWatch w =
        transfers.watch(JOB, WatchOptions.builder().sleeper(d -> never).build(), t -> seen.add(1));
    wire.next(); // the first poll went out
    awaitTrue(() -> !seen.isEmpty());
    assertThat(w.latest()).isPresent();
    assertThat(w.cancel()).isTrue();
    assertThat(w.cancel()).isFalse();
    assertThatThrownBy(() -> Transfers.await(w)).isInstanceOf(CancellationException.class);
    assertThat(wire.server.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aVanishedJobIsAClearError() {
    wire.ok("[]").ok("[]");
    assertThatThrownBy(() -> Transfers.await(transfers.watch(JOB, fakeTime(null), t -> {})))
        .isInstanceOf(AccsynException.class)
        .hasMessageContaining("no longer exists");
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> WatchOptions.builder().pollInterval(Duration.ZERO).build())
        .hasMessageContaining("positive");
    assertThatThrownBy(
            () ->
                WatchOptions.builder()
                    .pollInterval(Duration.ofSeconds(5))
                    .maxPollInterval(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("maxPollInterval");
  }

  private static void awaitTrue(java.util.function.BooleanSupplier c) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }
}
