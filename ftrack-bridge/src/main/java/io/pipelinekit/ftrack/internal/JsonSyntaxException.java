package io.pipelinekit.ftrack.internal;

/** Text that is not valid JSON. */
public final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
