package io.pipelinekit.accsyn;

import java.util.Optional;

/**
 * The accsyn backend failed while handling the call (its {@code {"exception": ...}} envelope). Not
 * your fault; retry later, and contact the workspace admin if it persists. The server's own text is
 * kept only for admin and support logins, as accsyn's client does.
 */
public class AccsynServerException extends AccsynServiceException {
  private static final long serialVersionUID = 1L;

  private final String serverDetail;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param serverDetail the server's exception text (redacted), or {@code null}
   */
  public AccsynServerException(
      String message, String operation, int statusCode, String serverDetail) {
    super(message, operation, statusCode);
    this.serverDetail = serverDetail;
  }

  /**
   * The server's exception text, for admin and support logins.
   *
   * @return the text
   */
  public Optional<String> serverDetail() {
    return Optional.ofNullable(serverDetail);
  }
}
