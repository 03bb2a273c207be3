package io.pipelinekit.accsyn.transfers;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A snapshot of a job's progress as accsyn reports it (see docs/protocol/accsyn-v3.md, "Progress"):
 * percent, bytes, speed and remaining time, each empty while accsyn does not know it (size {@code
 * -1}, {@code 0} or {@code null} during init; speed {@code -1} when idle; {@code etr} empty when
 * not running).
 *
 * <pre>{@code
 * TransferProgress p = client.transfers().get(id).orElseThrow().progress();
 * p.percent();                 // 42
 * p.bytesDone();               // OptionalLong[4509715660], estimated from percent and size
 * p.remaining();               // Optional[PT1H2M5S], parsed from etr "1h:02m:05s"
 * }</pre>
 */
@Value.Immutable
public interface TransferProgress {
  /**
   * The job's status.
   *
   * @return the status
   */
  TransferStatus status();

  /**
   * Percent done, 0–100 ({@code progress}).
   *
   * @return the percentage; 0 when not reported
   */
  @Value.Default
  default int percent() {
    return 0;
  }

  /**
   * Total bytes of the tasks that are not excluded ({@code size}).
   *
   * @return the total, or empty while unknown
   */
  OptionalLong bytesTotal();

  /**
   * Bytes done, estimated as {@code size * progress / 100} (accsyn reports no byte counter).
   *
   * @return the estimate, or empty while the size is unknown
   */
  @Value.Derived
  default OptionalLong bytesDone() {
    OptionalLong total = bytesTotal();
    if (total.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        java.math.BigInteger.valueOf(total.getAsLong())
            .multiply(java.math.BigInteger.valueOf(percent()))
            .divide(java.math.BigInteger.valueOf(100))
            .longValue());
  }

  /**
   * Current speed in MB/s ({@code speed}).
   *
   * @return the speed, or empty when idle
   */
  OptionalDouble speedMegabytesPerSecond();

  /**
   * Estimated time remaining, parsed from {@code etr}.
   *
   * @return the time, or empty when not running or not understood
   */
  Optional<Duration> remaining();

  /**
   * The {@code etr} text as sent.
   *
   * @return the text; empty when not sent
   */
  @Value.Default
  default String etrText() {
    return "";
  }

  /** Checks the percentage. */
  @Value.Check
  default void check() {
    if (percent() < 0 || percent() > 100) {
      throw new IllegalArgumentException("percent must be 0-100, was " + percent());
    }
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TransferProgress}; not thread-safe. */
  final class Builder extends ImmutableTransferProgress.Builder {}
}
