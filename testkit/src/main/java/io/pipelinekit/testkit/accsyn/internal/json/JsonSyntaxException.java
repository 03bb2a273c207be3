package io.pipelinekit.testkit.accsyn.internal.json;

/** Malformed JSON in a request. */
public final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the parser's detail. */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
