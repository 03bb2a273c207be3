package io.pipelinekit.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.FtrackUnexpectedResponseException;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One accsyn {@link RetryPolicy} object configures ftrack-bridge's read retries as well. */
class SharedRetryPolicyTest {
  @Test
  void accsynsRetryPolicyBoundsFtrackReads() {
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).build();
    try (FakeFtrack fake = FakeFtrack.builder().build();
        FtrackSession session =
            FtrackSession.builder()
                .fromEnvironment(fake.environment())
                .timezoneSupport(true)
                .retryPolicy(policy)
                .build()) {
      fake.faults().nextHttp(502, "bad gateway").nextHttp(502, "bad gateway");
      fake.faults().nextHttp(502, "bad gateway");
      fake.resetRequests();
      assertThatThrownBy(() -> session.query("select id from Project").all())
          .isInstanceOf(FtrackUnexpectedResponseException.class);
      assertThat(fake.requestCount()).isEqualTo(2);
    }
  }
}
