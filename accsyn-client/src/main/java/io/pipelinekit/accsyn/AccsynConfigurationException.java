package io.pipelinekit.accsyn;

/**
 * A setting is missing or malformed. Thrown when the client is built, before any network call; the
 * message names the setting (builder method or environment variable) and how to fix it.
 */
public class AccsynConfigurationException extends AccsynException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which setting is wrong and how to fix it
   */
  public AccsynConfigurationException(String message) {
    super(message);
  }
}
