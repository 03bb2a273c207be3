package io.pipelinekit.ftrack;

/**
 * The API user may not do this (PermissionError). Grant the user a role on the project or use
 * another API user.
 */
public class FtrackPermissionException extends FtrackServerException {
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
  public FtrackPermissionException(
      String exceptionName, String content, String errorCode, int statusCode, String advice) {
    super(exceptionName, content, errorCode, statusCode, advice);
  }
}
