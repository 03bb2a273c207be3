package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.AccsynException;
import java.time.Duration;
import java.util.Optional;

/**
 * A watched job did not finish within the timeout. The job itself goes on; {@link #lastSeen()} is
 * its state at the last poll.
 *
 * <pre>{@code
 * try { transfers.awaitCompletion(id, Duration.ofMinutes(5), ProgressListener.NONE); }
 * catch (TransferTimeoutException e) { e.lastSeen().map(Transfer::progress) ... }
 * }</pre>
 */
public class TransferTimeoutException extends AccsynException {
  private static final long serialVersionUID = 1L;

  private final transient Transfer lastSeen;

  /**
   * Creates the exception.
   *
   * @param id the job id
   * @param timeout the timeout that passed
   * @param lastSeen the job at the last poll, or null
   */
  public TransferTimeoutException(String id, Duration timeout, Transfer lastSeen) {
    super(
        "transfer "
            + id
            + " did not finish within "
            + timeout
            + (lastSeen == null
                ? ""
                : " (last seen "
                    + lastSeen.statusText()
                    + ", "
                    + lastSeen.progress().percent()
                    + "%)")
            + "; it keeps running: watch it again, or abort it with transfers().abort(id)");
    this.lastSeen = lastSeen;
  }

  /**
   * The job at the last poll.
   *
   * @return the job, or empty if no poll succeeded
   */
  public Optional<Transfer> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }
}
