package io.pipelinekit.flows;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a flow waits for its accsyn transfer; every request that starts a transfer has these.
 *
 * <pre>{@code
 * SendRequest.assetVersion(id).from("hq").to("la")
 *     .await(true).timeout(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 */
public interface TransferWait {
  /**
   * Whether to wait for the transfer and register what arrived (default true).
   *
   * @return true to wait
   */
  @Value.Default
  default boolean await() {
    return true;
  }

  /**
   * How long to wait at most (default 12 hours).
   *
   * @return the timeout
   */
  @Value.Default
  default Duration timeout() {
    return Duration.ofHours(12);
  }

  /**
   * The first pause between two looks at the transfer (default 2 seconds); the watch backs off from
   * there.
   *
   * @return the interval
   */
  @Value.Default
  default Duration pollInterval() {
    return Duration.ofSeconds(2);
  }

  /**
   * Checks that both durations are positive.
   *
   * @param wait the values to check
   * @throws FlowException if one is zero or negative
   */
  static void check(TransferWait wait) {
    if (wait.timeout().isNegative() || wait.timeout().isZero()) {
      throw FlowException.badInput("the timeout must be positive, was " + wait.timeout());
    }
    if (wait.pollInterval().isNegative() || wait.pollInterval().isZero()) {
      throw FlowException.badInput(
          "the poll interval must be positive, was " + wait.pollInterval());
    }
  }
}
