package io.pipelinekit.accsyn.transfers;

import java.util.Locale;
import java.util.Objects;

/**
 * The status of a transfer job (see docs/protocol/accsyn-v3.md, "Statuses"). Survives statuses
 * added later: they read as {@link #UNKNOWN}, and {@link Transfer#statusText()} keeps the text the
 * server sent.
 *
 * <pre>{@code
 * TransferStatus.fromWire("running");   // RUNNING
 * TransferStatus.fromWire("archiving"); // UNKNOWN
 * TransferStatus.DONE.isFinal();        // true
 * }</pre>
 */
public enum TransferStatus {
  /** Initialising; the size is being measured. */
  INIT("init"),
  /** Waiting for a destination (a receiver choosing a download location). */
  PENDING("pending"),
  /** Queued, waiting for resources. Setting it resumes or retries a job. */
  WAITING("waiting"),
  /** Transferring. */
  RUNNING("running"),
  /** On hold. */
  PAUSED("paused"),
  /** Failed; accsyn may retry it later by itself. */
  FAILED("failed"),
  /** Aborted; finished. */
  ABORTED("aborted"),
  /** Every task is done. */
  DONE("done"),
  /** A status this client does not know; see the entity's raw status text. */
  UNKNOWN("");

  private final String wire;

  TransferStatus(String wire) {
    this.wire = wire;
  }

  /**
   * The status text on the wire.
   *
   * @return e.g. {@code paused}; empty for {@link #UNKNOWN}
   */
  public String wire() {
    return wire;
  }

  /**
   * Whether the job has stopped for good unless someone retries it: {@code done}, {@code aborted}
   * or {@code failed}.
   *
   * @return true for the final statuses
   */
  public boolean isFinal() {
    return this == DONE || this == ABORTED || this == FAILED;
  }

  /**
   * Reads a status, ignoring case.
   *
   * @param text the wire text
   * @return the status, or {@link #UNKNOWN}
   */
  public static TransferStatus fromWire(String text) {
    Objects.requireNonNull(text, "status == null");
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (TransferStatus s : values()) {
      if (s != UNKNOWN && s.wire.equals(t)) {
        return s;
      }
    }
    return UNKNOWN;
  }
}
