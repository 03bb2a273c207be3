package io.pipelinekit.ftrack;

/**
 * The server (or a proxy in front of it) answered with something that is neither a result list nor
 * an ftrack error: HTML from a gateway, an empty body, a list of the wrong length. The message
 * holds the HTTP status and the start of the body.
 */
public class FtrackUnexpectedResponseException extends FtrackException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param statusCode the HTTP status
   * @param bodyExcerpt the start of the body, already free of secrets
   * @param what what was wrong with it
   */
  public FtrackUnexpectedResponseException(int statusCode, String bodyExcerpt, String what) {
    super(
        "ftrack answered HTTP "
            + statusCode
            + " with "
            + what
            + ": "
            + (bodyExcerpt.isEmpty() ? "(empty body)" : bodyExcerpt)
            + ". Check that FTRACK_SERVER is the ftrack site URL (https://<studio>.ftrackapp.com)"
            + " and that no proxy rewrites the answer.");
    this.statusCode = statusCode;
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * The HTTP status.
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The first characters of the body.
   *
   * @return the excerpt, possibly empty
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
