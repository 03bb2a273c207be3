package io.pipelinekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  /** A clock moved by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void countsDownOnTheInjectedClockAndNeverGoesNegative() {
    HandClock clock = new HandClock();
    Deadline d = Deadline.after(clock, Duration.ofSeconds(60));
    assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(60));
    clock.now = clock.now.plusSeconds(45);
    assertThat(d.elapsed()).isEqualTo(Duration.ofSeconds(45));
    assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(15));
    assertThat(d.allows(Duration.ofSeconds(14))).isTrue();
    assertThat(d.allows(Duration.ofSeconds(15))).isFalse();
    assertThat(d.allows(Duration.ofHours(1))).isFalse();
    assertThat(d.cap(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(15));
    assertThat(d.cap(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.expired()).isFalse();
    clock.now = clock.now.plusSeconds(3600);
    assertThat(d.remaining()).isZero();
    assertThat(d.expired()).isTrue();
  }

  @Test
  void refusesAnEmptyBudget() {
    assertThatThrownBy(() -> Deadline.after(Clock.systemUTC(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
