package io.pipelinekit.ftrack;

/**
 * The bridge is configured wrongly: a missing or blank server URL, user or key, a malformed URL, a
 * location with no path configuration, and the like. The message says which setting to fix.
 */
public class FtrackConfigurationException extends FtrackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which setting is wrong and how to fix it
   */
  public FtrackConfigurationException(String message) {
    super(message);
  }
}
