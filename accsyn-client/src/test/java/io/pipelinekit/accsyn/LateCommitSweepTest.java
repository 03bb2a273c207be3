package io.pipelinekit.accsyn;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates through the public API while accsyn commits them late and the client sees a failure: a
 * gateway's 504 at once, or no answer past the read timeout. Every duration of the default
 * configuration (60 s deadline, 0.5 s to 8 s backoff) and every commit delay (0 to 10 s) is divided
 * by {@link #SCALE}, so the sweep runs in seconds of real time with the same ratios; the stalled
 * variant uses a read timeout of 6 s (scaled) so the stall can pass it.
 */
class LateCommitSweepTest {
  // 1/5 of real time and 25 concurrent creates per delay: the fake's own time per create is not
  // scaled, so a faster clock or more creates in flight would eat into the settle window the
  // client is given, and the sweep would measure the fake's queue instead of the client.
  static final int SCALE = 5;
  static final int CREATES_PER_DELAY = 25;
  static final double[] DELAYS_S = {0, 0.5, 1, 2.5, 5, 10};

  @TempDir Path root;
  FakeAccsyn fake;

  @BeforeEach
  void start() throws Exception {
    fake =
        FakeAccsyn.builder()
            .root(root)
            .deterministic()
            .site("hq")
            .site("la")
            .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
            .build();
    Path dir = fake.volumeDir("hq", "storage").resolve("p");
    Files.createDirectories(dir);
    Files.write(dir.resolve("a.bin"), new byte[10]);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static Duration scaled(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000 / SCALE));
  }

  AccsynClient client(Duration readTimeout) {
    Credentials c = fake.adminCredentials();
    return AccsynClient.builder()
        .endpoint(c.baseUrl())
        .workspace(c.workspace())
        .username(c.username())
        .apiKey(c.apiKey())
        .readTimeout(readTimeout)
        .callTimeout(scaled(60))
        .retryPolicy(
            RetryPolicy.builder()
                .initialBackoff(scaled(0.5))
                .maxBackoff(scaled(8))
                .maxElapsed(scaled(60))
                .build())
        // The fake enforces no rate limit here; the client's own would stretch the scaled time.
        .rateLimit(RateLimit.of(100_000, 100_000, 100))
        .build();
  }

  /** Figures of one delay. */
  record Round(
      double delayS, int creates, int sends, int lookups, int dups, int lost, int hung, long ms) {}

  @Test
  void gatewayTimeoutsWithLateCommitsLeaveExactlyOneJobPerRequest() throws Exception {
    List<Round> rounds = new ArrayList<>();
    try (AccsynClient c = client(scaled(120))) {
      for (double d : DELAYS_S) {
        fake.faults().gatewayTimeoutThenCommit("transfer/create", CREATES_PER_DELAY, scaled(d));
        rounds.add(round(c, d));
      }
    }
    report("504 then commit", rounds);
  }

  @Test
  void readTimeoutsWithLateCommitsLeaveExactlyOneJobPerRequest() throws Exception {
    List<Round> rounds = new ArrayList<>();
    Duration readTimeout = scaled(8);
    try (AccsynClient c = client(readTimeout)) {
      for (double d : DELAYS_S) {
        fake.faults()
            .stallThenCommit(
                "transfer/create", CREATES_PER_DELAY, readTimeout.multipliedBy(2), scaled(d));
        rounds.add(round(c, d));
      }
    }
    report("read timeout then commit", rounds);
  }

  private Round round(AccsynClient c, double delayS) throws Exception {
    c.find(Query.of("site")); // logged in and warm before the clock starts
    long t0 = System.nanoTime();
    List<CompletableFuture<JobCreation>> futures = new ArrayList<>();
    for (int i = 0; i < CREATES_PER_DELAY; i++) {
      futures.add(
          c.async()
              .createJob(
                  "transfer",
                  null,
                  Json.of(
                      Map.of(
                          "source",
                          "share=storage/p/a.bin",
                          "destination",
                          "site=la",
                          "allow_duplicates",
                          true))));
    }
    int sends = 0;
    int lookups = 0;
    int hung = 0;
    List<JobCreation> done = new ArrayList<>();
    for (CompletableFuture<JobCreation> f : futures) {
      try {
        JobCreation j = f.get(30, TimeUnit.SECONDS);
        done.add(j);
        sends += j.sends();
        lookups += j.lookups();
      } catch (java.util.concurrent.TimeoutException e) {
        hung++;
      } catch (java.util.concurrent.ExecutionException e) {
        // A failed create counts as lost below: its request has no job the caller knows of.
        System.out.println("create failed: " + e.getCause());
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // Count only once every commit the fake scheduled has landed.
    fake.awaitLateCommits(Duration.ofSeconds(30));
    // One listing of every live (active, not deleted) job, grouped by request id.
    Map<String, List<String>> live = new HashMap<>();
    for (Json j : c.find(Query.of("transfer"))) {
      j.get("metadata")
          .flatMap(m -> m.string(AccsynAsync.REQUEST_ID_KEY))
          .ifPresent(
              id ->
                  live.computeIfAbsent(id, k -> new ArrayList<>()).add(j.string("id").orElse("")));
    }
    int dups = 0;
    int lost = CREATES_PER_DELAY - done.size();
    for (JobCreation j : done) {
      List<String> ids = live.getOrDefault(j.requestId(), List.of());
      dups += Math.max(0, ids.size() - 1);
      if (!ids.contains(j.entities().get(0).string("id").orElse("?"))) {
        lost++;
      }
    }
    return new Round(delayS, CREATES_PER_DELAY, sends, lookups, dups, lost, hung, ms);
  }

  private static void report(String fault, List<Round> rounds) {
    StringBuilder sb = new StringBuilder("late-commit sweep, " + fault + " (1/" + SCALE + " time)");
    for (Round r : rounds) {
      sb.append(
          String.format(
              "%n  commit after %5.1f s: creates %d, sends %d, look-ups %d, duplicates %d,"
                  + " lost %d, hung %d; %d ms",
              r.delayS(),
              r.creates(),
              r.sends(),
              r.lookups(),
              r.dups(),
              r.lost(),
              r.hung(),
              r.ms()));
    }
    System.out.println(sb);
    assertThat(rounds).allSatisfy(r -> assertThat(r.dups()).as("duplicates").isZero());
    assertThat(rounds).allSatisfy(r -> assertThat(r.lost()).as("lost").isZero());
    assertThat(rounds).allSatisfy(r -> assertThat(r.hung()).as("hung").isZero());
  }
}
