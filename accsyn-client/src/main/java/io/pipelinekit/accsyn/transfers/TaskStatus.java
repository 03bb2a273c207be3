package io.pipelinekit.accsyn.transfers;

import java.util.Locale;
import java.util.Objects;

/**
 * The status of one task of a job (see docs/protocol/accsyn-v3.md, "Statuses"). Only {@code
 * queued}, {@code onhold}, {@code excluded}, {@code failed} and {@code done} can be written;
 * unknown statuses read as {@link #UNKNOWN}.
 *
 * <pre>{@code
 * TaskStatus.fromWire("onhold");   // ONHOLD
 * TaskStatus.EXCLUDED.isWritable(); // true
 * }</pre>
 */
public enum TaskStatus {
  /** Waiting for the receiver to choose a path. */
  PENDING("pending", false),
  /** Waiting to be dispatched; writing it retries or re-includes the task. */
  QUEUED("queued", true),
  /** Initialising on the endpoints. */
  BOOTING("booting", false),
  /** Transferring or executing. */
  EXECUTING("executing", false),
  /** Failed. */
  FAILED("failed", true),
  /** Held. */
  ONHOLD("onhold", true),
  /** Excluded: how a task is "deleted" (tasks are never deleted). */
  EXCLUDED("excluded", true),
  /** Finished. */
  DONE("done", true),
  /** A status this client does not know; see the task's raw status text. */
  UNKNOWN("", false);

  private final String wire;
  private final boolean writable;

  TaskStatus(String wire, boolean writable) {
    this.wire = wire;
    this.writable = writable;
  }

  /**
   * The status text on the wire.
   *
   * @return e.g. {@code onhold}
   */
  public String wire() {
    return wire;
  }

  /**
   * Whether a client may set this status.
   *
   * @return true for queued, onhold, excluded, failed and done
   */
  public boolean isWritable() {
    return writable;
  }

  /**
   * Whether the task will not run again by itself.
   *
   * @return true for done, failed and excluded
   */
  public boolean isFinal() {
    return this == DONE || this == FAILED || this == EXCLUDED;
  }

  /**
   * Reads a status, ignoring case.
   *
   * @param text the wire text
   * @return the status, or {@link #UNKNOWN}
   */
  public static TaskStatus fromWire(String text) {
    Objects.requireNonNull(text, "status == null");
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (TaskStatus s : values()) {
      if (s != UNKNOWN && s.wire.equals(t)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
