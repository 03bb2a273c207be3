package io.pipelinekit.ftrack.events.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Operation;
import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas claim the same clicks while one replica never sees the answer to its creates: the
 * server applies them, then the connection times out. Every click must still be handled exactly
 * once, and no claim Job may stay {@code running}.
 */
class ReplicaClaimsTest {
  final FakeFtrack fake = FakeFtrack.builder().build();
  final AtomicInteger lostAnswers = new AtomicInteger();

  @AfterEach
  void close() {
    fake.close();
  }

  IdempotencyKey click(int i) {
    return IdempotencyKey.of(
        Event.builder()
            .id("click-" + i)
            .topic("ftrack.action.launch")
            .source(Map.of("user", Map.of("id", fake.apiUserId())))
            .build());
  }

  /** A client whose creates reach the server and are applied, but whose answers never arrive. */
  OkHttpClient answersOfCreatesLost() {
    return new OkHttpClient.Builder()
        .addInterceptor(
            chain -> {
              Buffer body = new Buffer();
              chain.request().body().writeTo(body);
              boolean create = body.readUtf8().contains("\"action\":\"create\"");
              Response response = chain.proceed(chain.request());
              if (create) {
                response.close();
                lostAnswers.incrementAndGet();
                throw new SocketTimeoutException("timeout");
              }
              return response;
            })
        .build();
  }

  FtrackSession session(OkHttpClient client) {
    FtrackSession.Builder b = FtrackSession.builder().fromEnvironment(fake.environment());
    return client == null ? b.build() : b.okHttpClient(client).build();
  }

  @Test
  void twentyClicksWithOneReplicasCreatesTimingOutAfterBeingApplied() throws Exception {
    Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (FtrackSession flaky = session(answersOfCreatesLost());
        FtrackSession healthy = session(null)) {
      List<FtrackJobClaimStore> replicas =
          List.of(
              new FtrackJobClaimStore(flaky, "replica A"),
              new FtrackJobClaimStore(healthy, "replica B"));
      List<FtrackSession> sessions = List.of(flaky, healthy);
      for (int i = 0; i < 20; i++) {
        IdempotencyKey key = click(i);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
          FtrackJobClaimStore store = replicas.get(r);
          FtrackSession own = sessions.get(r);
          claims.add(
              pool.submit(
                  () -> {
                    go.await();
                    boolean mine = store.tryClaim(key);
                    if (mine) {
                      // The work, then what Launches does when it ends: the Job is finished.
                      handled
                          .computeIfAbsent(key.value(), k -> new AtomicInteger())
                          .incrementAndGet();
                      finish(own, key);
                    }
                    return mine;
                  }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> f : claims) {
          winners += f.get() ? 1 : 0;
        }
        assertThat(winners).as("click %d", i).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(handled).hasSize(20);
    assertThat(handled.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(lostAnswers.get()).isEqualTo(20);
    List<Map<String, Object>> jobs = fake.entities("Job");
    assertThat(jobs).hasSize(20);
    assertThat(jobs).noneMatch(j -> "running".equals(j.get("status")));
  }

  /** Finishing can itself lose its answer on the flaky replica; an update is safe to repeat. */
  private void finish(FtrackSession own, IdempotencyKey key) {
    own.call(
        Operation.update(EntityRef.of("Job", key.uuid().toString()), Map.of("status", "done")));
  }

  @Test
  void aCreateThatNeverArrivedIsSentAgainAfterTheLookUpFindsNothing() {
    fake.faults().nextDrop();
    try (FtrackSession s = session(null)) {
      assertThat(new FtrackJobClaimStore(s, "replica").tryClaim(click(1))).isTrue();
    }
    assertThat(fake.entities("Job")).hasSize(1);
  }

  @Test
  void aGatewayErrorPageOnTheCreateIsSettledByLookingTheJobUp() {
    fake.faults().nextHttp(504, "<html>Gateway Time-out</html>");
    try (FtrackSession s = session(null)) {
      assertThat(new FtrackJobClaimStore(s, "replica").tryClaim(click(3))).isTrue();
    }
    assertThat(fake.entities("Job")).hasSize(1);
  }

  @Test
  void aClaimWhoseWorkerDiedIsFailedOnceItsLeaseHasPassed() {
    MovableClock clock = new MovableClock();
    try (FtrackSession s = session(null)) {
      FtrackJobClaimStore died =
          new FtrackJobClaimStore(s, "replica", Duration.ofMinutes(10), clock);
      FtrackJobClaimStore alive =
          new FtrackJobClaimStore(s, "replica", Duration.ofMinutes(10), clock);
      assertThat(died.tryClaim(click(1))).isTrue();
      assertThat(alive.tryClaim(click(2))).isTrue();
      clock.now = clock.now.plus(Duration.ofMinutes(9));
      assertThat(alive.renew(click(2))).isTrue();
      assertThat(died.failAbandoned()).isZero();
      clock.now = clock.now.plus(Duration.ofMinutes(2));
      assertThat(alive.failAbandoned()).isEqualTo(1);
    }
    assertThat(fake.entity(click(1).uuid().toString()).orElseThrow().get("status"))
        .isEqualTo("failed");
    assertThat(fake.entity(click(2).uuid().toString()).orElseThrow().get("status"))
        .isEqualTo("running");
  }

  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-01T10:00:00Z");

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
}
