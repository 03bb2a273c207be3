package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.event;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
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
}
