package io.pipelinekit.accsyn;

/**
 * The root of every exception this module throws. All are unchecked, typed by meaning, and their
 * messages say what happened and what to do. No message contains the API key or the Authorization
 * header.
 *
 * <pre>{@code
 * try {
 *   client.find("transfer WHERE status=failed");
 * } catch (AccsynAuthenticationException e) {
 *   // fix ACCSYN_API_USER / ACCSYN_API_KEY
 * } catch (AccsynTransportException e) {
 *   // network: e.host(), e.port()
 * } catch (AccsynException e) {
 *   // anything else
 * }
 * }</pre>
 */
public class AccsynException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public AccsynException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public AccsynException(String message, Throwable cause) {
    super(message, cause);
  }
}
