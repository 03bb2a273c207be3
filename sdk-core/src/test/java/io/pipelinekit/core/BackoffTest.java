package io.pipelinekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff b = Backoff.of(Duration.ofMillis(500), Duration.ofSeconds(8), 2, 0.75, 1);

  @Test
  void growsExponentiallyUpToTheCap() {
    assertThat(b.base(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(b.base(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.base(5)).isEqualTo(Duration.ofSeconds(8));
    assertThat(b.base(10_000)).isEqualTo(Duration.ofSeconds(8));
    assertThat(b.base(0)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void theRandomValuePicksAFactorWithinTheRange() {
    assertThat(b.delay(3, 0)).isEqualTo(Duration.ofMillis(1500));
    assertThat(b.delay(3, 1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.delay(3, 0.5)).isEqualTo(Duration.ofMillis(1750));
    assertThat(b.delay(3, 7)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.of(Duration.ZERO, Duration.ZERO, 0.5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.of(Duration.ZERO, Duration.ZERO, 2, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
