package io.pipelinekit.accsyn;

import java.time.Duration;

/**
 * A call did not end within its total deadline ({@link AccsynClient.Builder#callTimeout}): every
 * attempt, backoff, {@code Retry-After} wait and body read of one call share that budget. The
 * message says why the time ran out (a stalled or slow answer, or a wait the server asked for that
 * would end past the deadline). The cause, when present, is the last failure before it.
 *
 * <p>For a write, {@link #requestMayHaveReachedServer()} says whether it may have been applied.
 */
public class AccsynDeadlineExceededException extends AccsynTransportException {
  private static final long serialVersionUID = 1L;

  private final Duration deadline;

  /**
   * Creates the exception.
   *
   * @param message what happened, why, and how to raise the deadline
   * @param host the host that was called
   * @param port the port that was called
   * @param operation the accsyn operation
   * @param mayHaveReachedServer whether a request of this call may have been received
   * @param deadline the call's total deadline
   * @param cause the last failure before the deadline, or null
   */
  public AccsynDeadlineExceededException(
      String message,
      String host,
      int port,
      String operation,
      boolean mayHaveReachedServer,
      Duration deadline,
      Throwable cause) {
    super(message, host, port, operation, mayHaveReachedServer, cause);
    this.deadline = deadline;
  }

  /**
   * The call's total deadline.
   *
   * @return the budget that ran out
   */
  public Duration deadline() {
    return deadline;
  }
}
