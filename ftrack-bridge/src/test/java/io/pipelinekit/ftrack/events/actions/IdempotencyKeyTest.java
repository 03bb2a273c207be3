package io.pipelinekit.ftrack.events.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.ftrack.events.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {
  private static Event launch(String id) {
    return Event.builder()
        .id(id)
        .topic("ftrack.action.launch")
        .source(Map.of("user", Map.of("id", "u1")))
        .build();
  }

  @Test
  void sameEventSameKeyOtherEventOtherKey() {
    IdempotencyKey a = IdempotencyKey.of(launch("e1"));
    assertThat(IdempotencyKey.of(launch("e1"))).isEqualTo(a);
    assertThat(IdempotencyKey.of(launch("e1")).uuid()).isEqualTo(a.uuid());
    assertThat(IdempotencyKey.of(launch("e2"))).isNotEqualTo(a);
    assertThat(a.value()).hasSize(32).matches("[0-9a-f]+");
    assertThat(a.userId()).contains("u1");
    assertThat(a.eventId()).isEqualTo("e1");
  }

  @Test
  void inMemoryClaimsAreFirstWinsUntilExpiry() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    InMemoryClaimStore store = InMemoryClaimStore.create(Duration.ofMinutes(5), clock);
    IdempotencyKey k = IdempotencyKey.of(launch("e1"));
    assertThat(store.tryClaim(k)).isTrue();
    assertThat(store.tryClaim(k)).isFalse();
    assertThat(store.tryClaim(IdempotencyKey.of(launch("e2")))).isTrue();
    now.set(now.get().plus(Duration.ofMinutes(6)));
    assertThat(store.tryClaim(k)).isTrue();
  }
}
