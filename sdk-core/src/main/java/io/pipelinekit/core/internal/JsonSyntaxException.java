package io.pipelinekit.core.internal;

/** Text that is not one JSON value. */
public final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong
   */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
