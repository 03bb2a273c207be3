package io.pipelinekit.accsyn;

/**
 * accsyn (or something between us and accsyn, such as a proxy or load balancer) answered with a
 * body that is not accsyn's JSON envelope, e.g. an HTML error page. The message shows the status
 * and the start of the body (redacted).
 */
public class AccsynUnexpectedResponseException extends AccsynServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param operation the operation
   * @param statusCode the HTTP status
   */
  public AccsynUnexpectedResponseException(String message, String operation, int statusCode) {
    super(message, operation, statusCode);
  }
}
