package io.pipelinekit.ftrack;

/**
 * The API user or key was refused (InvalidCredentialsError, FTAuthenticationError). Check {@code
 * FTRACK_API_USER} and {@code FTRACK_API_KEY}.
 */
public class FtrackAuthenticationException extends FtrackServerException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param exceptionName the server's exception name
   * @param content the server's human message
   * @param errorCode the server's error code, or {@code null}
   * @param statusCode the HTTP status of the answer
   * @param advice what the caller can do about it
   */
  public FtrackAuthenticationException(
      String exceptionName, String content, String errorCode, int statusCode, String advice) {
    super(exceptionName, content, errorCode, statusCode, advice);
  }
}
