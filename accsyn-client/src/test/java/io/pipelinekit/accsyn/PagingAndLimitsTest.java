package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.event;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Lazy paging with limit/skip, and the client-side rate limiter on real calls. */
class PagingAndLimitsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  static String page(int from, int count) {
    return java.util.stream.IntStream.range(from, from + count)
        .mapToObj(i -> "{\"n\": " + i + "}")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  @Test
  void streamPagesLazilyWithLimitAndSkip() throws Exception {
    login(server, "admin");
    ok(server, page(0, 2));
    ok(server, page(2, 2));
    ok(server, page(4, 1)); // short page: the end
    try (AccsynClient c = MockAccsyn.client(server, time).pageSize(2).build()) {
      Iterator<Json> it = c.iterate(Query.of("transfer")).iterator();
      assertThat(server.getRequestCount()).isZero(); // nothing fetched before asked
      assertThat(it.next().integer("n")).contains(0L);
      assertThat(server.getRequestCount()).isEqualTo(2); // login + first page only
      List<Long> rest = new java.util.ArrayList<>();
      it.forEachRemaining(j -> rest.add(j.integer("n").orElseThrow()));
      assertThat(rest).containsExactly(1L, 2L, 3L, 4L);
    }
    server.takeRequest();
    Json p1 = event(server.takeRequest()).get("data").orElseThrow();
    Json p2 = event(server.takeRequest()).get("data").orElseThrow();
    Json p3 = event(server.takeRequest()).get("data").orElseThrow();
    assertThat(p1.integer("limit")).contains(2L);
    assertThat(p1.has("skip")).isFalse(); // skip 0 is not sent
    assertThat(p2.integer("skip")).contains(2L);
    assertThat(p3.integer("skip")).contains(4L);
  }

  @Test
  void theQueryLimitCapsTheStreamAndItsSkipIsTheStart() throws Exception {
    login(server, "admin");
    ok(server, page(10, 2));
    ok(server, page(12, 1));
    try (AccsynClient c = MockAccsyn.client(server, time).pageSize(2).build()) {
      List<Json> all = c.stream(Query.of("transfer").skip(10).limit(3)).toList();
      assertThat(all).hasSize(3);
    }
    server.takeRequest();
    Json p1 = event(server.takeRequest()).get("data").orElseThrow();
    Json p2 = event(server.takeRequest()).get("data").orElseThrow();
    assertThat(p1.integer("skip")).contains(10L);
    assertThat(p2.integer("skip")).contains(12L);
    assertThat(p2.integer("limit")).contains(1L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void theClientKeepsToItsRateLimit() {
    login(server, "admin");
    for (int i = 0; i < 4; i++) {
      ok(server, "[]");
    }
    try (AccsynClient c =
        MockAccsyn.client(server, time).rateLimit(RateLimit.of(2, 2, 10)).build()) {
      for (int i = 0; i < 4; i++) {
        c.find("site");
      }
    }
    // Burst of 2 (login + 1st find), then one request per 0.5 s.
    assertThat(time.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void noMoreCallsAreInFlightThanTheConnectionCap() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    // Held calls wait (bounded) for one call more than the cap: a client that ignored its cap
    // would send it while they wait, and the peak would show it.
    CountDownLatch overCap = new CountDownLatch(3);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().endsWith("/login")) {
              return okResponse("{\"role\": \"admin\", \"id\": \"u1\", \"session_id\": \"s1\"}");
            }
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            overCap.countDown();
            overCap.await(300, TimeUnit.MILLISECONDS);
            inFlight.decrementAndGet();
            return okResponse("[]");
          }
        });
    try (AccsynClient c =
        MockAccsyn.client(server, time).rateLimit(RateLimit.of(1000, 1000, 2)).build()) {
      List<CompletableFuture<List<Json>>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(c.async().find("site"));
      }
      for (CompletableFuture<List<Json>> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS)).isEmpty();
      }
    }
    assertThat(peak.get()).isEqualTo(2); // concurrent up to the cap, never beyond
  }

  private static MockResponse okResponse(String resultJson) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "application/json")
        .body("{\"result\": " + resultJson + "}")
        .build();
  }
}
