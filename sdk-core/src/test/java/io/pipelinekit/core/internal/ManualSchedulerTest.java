package io.pipelinekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  @Test
  void tasksRunInTimeOrderOnlyWhenTimeIsAdvanced() {
    ManualScheduler s = new ManualScheduler();
    List<String> ran = new ArrayList<>();
    long t0 = s.nanoTime();
    s.schedule(() -> ran.add("b@" + (s.nanoTime() - t0)), Duration.ofNanos(20));
    s.schedule(() -> ran.add("a@" + (s.nanoTime() - t0)), Duration.ofNanos(10));
    Scheduler.Cancellable c = s.schedule(() -> ran.add("never"), Duration.ofNanos(15));
    c.cancel();
    assertThat(ran).isEmpty();
    s.advance(Duration.ofNanos(30));
    assertThat(ran).containsExactly("a@10", "b@20");
    assertThat(s.nanoTime() - t0).isEqualTo(30);
  }

  @Test
  void repeatingTasksKeepTheirPeriodUntilCancelled() {
    ManualScheduler s = new ManualScheduler();
    List<Long> at = new ArrayList<>();
    long t0 = s.nanoTime();
    Scheduler.Cancellable c =
        s.every(() -> at.add((s.nanoTime() - t0) / 1_000_000), Duration.ofMillis(100));
    s.advance(Duration.ofMillis(350));
    assertThat(at).containsExactly(100L, 200L, 300L);
    c.cancel();
    s.advance(Duration.ofSeconds(1));
    assertThat(at).hasSize(3);
    assertThat(s.pending()).isEmpty();
  }
}
