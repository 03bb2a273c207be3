package io.pipelinekit.accsyn;

/**
 * accsyn did not accept the credentials: the login was refused, or a call was answered with HTTP
 * 401. Check the user (e-mail), the API key (keys belong to one user and one workspace; create one
 * at https://accsyn.io/developer) and the workspace code.
 */
public class AccsynAuthenticationException extends AccsynApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param operation the operation
   * @param statusCode the HTTP status
   * @param serverMessage accsyn's {@code message}
   * @param serverMessageHr accsyn's {@code message_hr}, or {@code null}
   */
  public AccsynAuthenticationException(
      String message,
      String operation,
      int statusCode,
      String serverMessage,
      String serverMessageHr) {
    super(message, operation, statusCode, serverMessage, serverMessageHr);
  }
}
