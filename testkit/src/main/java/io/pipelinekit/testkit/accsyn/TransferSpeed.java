package io.pipelinekit.testkit.accsyn;

/**
 * How fast the fake's workers copy bytes: as fast as the disk allows, or throttled to N bytes per
 * second per task so that {@code progress}, {@code speed} and {@code etr} can be watched.
 *
 * <pre>{@code
 * FakeAccsyn.builder().speed(TransferSpeed.bytesPerSecond(256 * 1024));
 * }</pre>
 */
public final class TransferSpeed {
  private static final TransferSpeed UNLIMITED = new TransferSpeed(0);
  private final long bytesPerSecond;

  private TransferSpeed(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** No throttling. */
  public static TransferSpeed unlimited() {
    return UNLIMITED;
  }

  /** At most this many bytes per second per running task. */
  public static TransferSpeed bytesPerSecond(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond must be > 0: " + bytesPerSecond);
    }
    return new TransferSpeed(bytesPerSecond);
  }

  /** Whether copying is unthrottled. */
  public boolean isUnlimited() {
    return bytesPerSecond == 0;
  }

  /** The limit in bytes per second; 0 when unlimited. */
  public long limit() {
    return bytesPerSecond;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransferSpeed t && t.bytesPerSecond == bytesPerSecond;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytesPerSecond);
  }

  @Override
  public String toString() {
    return isUnlimited() ? "TransferSpeed{unlimited}" : "TransferSpeed{" + bytesPerSecond + " B/s}";
  }
}
