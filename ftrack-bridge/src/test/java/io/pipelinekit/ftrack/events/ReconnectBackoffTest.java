package io.pipelinekit.ftrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  @Test
  void exponentialCappedScheduleWithoutJitter() {
    ReconnectBackoff b = ReconnectBackoff.builder().random(() -> 0.0).build();
    assertThat(IntStream.rangeClosed(1, 8).mapToObj(b::delay))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    assertThat(b.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterAddsUpToTheConfiguredFraction() {
    ReconnectBackoff high = ReconnectBackoff.builder().random(() -> 0.999999).jitter(0.5).build();
    ReconnectBackoff half = ReconnectBackoff.builder().random(() -> 0.5).jitter(0.5).build();
    assertThat(high.delay(3).toMillis()).isEqualTo(5999);
    assertThat(half.delay(3)).isEqualTo(Duration.ofSeconds(5));
    assertThat(half.delay(6)).isEqualTo(Duration.ofMillis(37_500));
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> ReconnectBackoff.builder().jitter(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReconnectBackoff.builder().multiplier(0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ReconnectBackoff.builder()
                    .initialDelay(Duration.ofSeconds(5))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shorter");
  }
}
