package io.pipelinekit.ftrack;

import java.io.IOException;
import java.time.Duration;

/**
 * A call did not complete within its total deadline ({@code FtrackSession.Builder.callTimeout}):
 * the attempts, the waits between them, a server's {@code Retry-After} and a slowly arriving body
 * all count against it. A batch with writes may or may not have been applied.
 */
public class FtrackDeadlineExceededException extends FtrackIoException {
  private static final long serialVersionUID = 1L;

  private final Duration deadline;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param deadline the deadline that passed
   * @param attempts the attempts made
   * @param cause the last I/O failure, or {@code null}
   */
  public FtrackDeadlineExceededException(
      String message, Duration deadline, int attempts, IOException cause) {
    super(message, cause);
    this.deadline = deadline;
    this.attempts = attempts;
  }

  /**
   * The deadline that passed.
   *
   * @return the deadline
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * The attempts made before the deadline passed.
   *
   * @return at least 1
   */
  public int attempts() {
    return attempts;
  }
}
