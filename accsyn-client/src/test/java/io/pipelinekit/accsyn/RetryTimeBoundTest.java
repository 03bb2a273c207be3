package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.json;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** No retry starts later than {@code maxElapsed} after the first attempt, on the injected clock. */
class RetryTimeBoundTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  @Test
  void retriesStopWhenTheNextOneWouldStartPastMaxElapsed() {
    login(server, "admin");
    for (int i = 0; i < 10; i++) {
      json(server, 503, "{\"message\": \"busy\"}");
    }
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(10)
            .initialBackoff(Duration.ofSeconds(1))
            .maxBackoff(Duration.ofSeconds(60))
            .maxElapsed(Duration.ofSeconds(5))
            .build();
    try (AccsynClient c = MockAccsyn.client(server, time).retryPolicy(policy).build()) {
      // The call's deadline defaults to maxElapsed: it ends the retries and says so.
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOf(AccsynDeadlineExceededException.class)
          .hasCauseInstanceOf(AccsynServiceException.class);
    }
    // 1 s and 2 s fit in 5 s; the next wait (4 s) would start the fourth attempt at 7 s.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(1 + 3);
  }
}
