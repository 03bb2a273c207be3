package io.pipelinekit.ftrack;

/**
 * The server could not run a query (a syntax error, an unknown attribute or type). The message
 * quotes the query as the caller wrote it; the text actually sent (the caller's query with the
 * {@code offset … limit …} the session adds to page) is in {@link #sentExpression()}, since the
 * server's own message refers to positions in that text.
 */
public class FtrackQueryException extends FtrackServerException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final String sentExpression;

  /**
   * Creates the exception.
   *
   * @param expression the query as the caller wrote it
   * @param sentExpression the text sent, with the paging the session added
   * @param cause the server's error
   */
  public FtrackQueryException(
      String expression, String sentExpression, FtrackServerException cause) {
    super(
        cause.exceptionName(),
        cause.content(),
        cause.errorCode().orElse(null),
        cause.statusCode(),
        advice(expression, sentExpression));
    this.expression = expression;
    this.sentExpression = sentExpression;
    initCause(cause);
  }

  private static String advice(String expression, String sent) {
    String added = sent.startsWith(expression) ? sent.substring(expression.length()).strip() : "";
    return "The query was: "
        + expression
        + (added.isEmpty()
            ? ""
            : ". The session sent it followed by \""
                + added
                + "\" to page the results; positions and words in the server's message refer to"
                + " that text, so an error at \""
                + added.split(" ")[0]
                + "\" means the query ends too early (e.g. an operator without a value)")
        + ". Nothing was changed";
  }

  /**
   * The query as the caller wrote it.
   *
   * @return the expression
   */
  public String expression() {
    return expression;
  }

  /**
   * The text sent to the server.
   *
   * @return the caller's expression with the paging the session added, if any
   */
  public String sentExpression() {
    return sentExpression;
  }
}
