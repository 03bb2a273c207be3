package io.pipelinekit.ftrack;

/**
 * The root of every exception this module throws. All are unchecked, typed by meaning, and their
 * messages never contain the API key.
 *
 * <pre>{@code
 * try {
 *   session.query("select id from Project").all();
 * } catch (FtrackAuthenticationException e) {
 *   // fix FTRACK_API_USER / FTRACK_API_KEY
 * } catch (FtrackException e) {
 *   // anything else went wrong talking to ftrack
 * }
 * }</pre>
 */
public class FtrackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public FtrackException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public FtrackException(String message, Throwable cause) {
    super(message, cause);
  }
}
