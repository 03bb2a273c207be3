package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.ftrack.FakeFtrack;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Datetimes in queries are written as the server reads them: naive UTC on a server with timezone
 * support, naive server-local time on one without, the same zone the session writes entity data in.
 */
class QueryDatetimeZoneTest {
  static final Instant CREATED = Instant.parse("2026-06-01T12:00:00Z"); // 14:00 in Stockholm

  static List<Entity> createdAfter(FtrackSession session, Instant t) {
    return session
        .query(Query.select("id").from("Job").where(Criteria.attr("created_at").greaterThan(t)))
        .all();
  }

  static FtrackSession session(FakeFtrack fake, ZoneId serverZone) {
    Map<String, String> env = fake.environment();
    return FtrackSession.builder()
        .serverUrl(env.get("FTRACK_SERVER"))
        .apiUser(env.get("FTRACK_API_USER"))
        .apiKey(env.get("FTRACK_API_KEY"))
        .serverZone(serverZone)
        .build();
  }

  @Test
  void withoutTimezoneSupportQueryDatetimesAreServerLocal() {
    ZoneId stockholm = ZoneId.of("Europe/Stockholm");
    try (FakeFtrack fake =
            FakeFtrack.builder().timezoneSupport(false).serverZone(stockholm).build();
        FtrackSession session = session(fake, stockholm)) {
      fake.fixtures().create("Job", Map.of("id", "j", "status", "done", "created_at", CREATED));
      assertThat(createdAfter(session, CREATED.minusSeconds(60))).hasSize(1);
      assertThat(createdAfter(session, CREATED.plusSeconds(60))).isEmpty();
      // The expression itself says 14:01, the server's wall clock.
      assertThat(
              session.expression(
                  Query.select("id")
                      .from("Job")
                      .where(Criteria.attr("created_at").greaterThan(CREATED.plusSeconds(60)))))
          .endsWith("created_at > \"2026-06-01T14:01:00\"");
    }
  }

  @Test
  void withTimezoneSupportQueryDatetimesAreUtc() {
    try (FakeFtrack fake = FakeFtrack.builder().timezoneSupport(true).build();
        FtrackSession session = session(fake, ZoneId.of("Europe/Stockholm"))) {
      fake.fixtures().create("Job", Map.of("id", "j", "status", "done", "created_at", CREATED));
      assertThat(createdAfter(session, CREATED.minusSeconds(60))).hasSize(1);
      assertThat(createdAfter(session, CREATED.plusSeconds(60))).isEmpty();
    }
    assertThat(
            Query.select("id")
                .from("Job")
                .where(Criteria.attr("created_at").greaterThan(CREATED))
                .toExpression(ZoneOffset.UTC))
        .endsWith("created_at > \"2026-06-01T12:00:00\"");
  }
}
