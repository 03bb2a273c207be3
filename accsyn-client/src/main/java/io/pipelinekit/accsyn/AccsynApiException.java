package io.pipelinekit.accsyn;

import java.util.Optional;

/**
 * accsyn refused the call with its error envelope {@code {"message": ..., "message_hr": ...}}: an
 * unknown entity, a bad query, a permission problem, a missing id. The message shows accsyn's
 * human-readable text ({@code message_hr}, else {@code message}), the operation and the status.
 */
public class AccsynApiException extends AccsynServiceException {
  private static final long serialVersionUID = 1L;

  private final String serverMessage;
  private final String serverMessageHr;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param serverMessage accsyn's {@code message}
   * @param serverMessageHr accsyn's {@code message_hr}, or {@code null}
   */
  public AccsynApiException(
      String message,
      String operation,
      int statusCode,
      String serverMessage,
      String serverMessageHr) {
    super(message, operation, statusCode);
    this.serverMessage = serverMessage;
    this.serverMessageHr = serverMessageHr;
  }

  /**
   * accsyn's technical {@code message}.
   *
   * @return the message
   */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * accsyn's human-readable {@code message_hr}, if it sent one.
   *
   * @return the text
   */
  public Optional<String> serverMessageHr() {
    return Optional.ofNullable(serverMessageHr);
  }
}
