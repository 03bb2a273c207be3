package io.pipelinekit.ftrack;

import java.util.List;

/**
 * The server refused the data of an operation: a {@code ValidationError} envelope, or the 422
 * answer {@code {"detail": [{"loc": […], "msg": "…", "type": "…"}]}} for a payload that does not
 * match the operation's shape. {@link #details()} lists the 422 messages.
 */
public class FtrackValidationException extends FtrackServerException {
  private static final long serialVersionUID = 1L;

  private final List<String> details;

  /**
   * Creates the exception.
   *
   * @param exceptionName the server's exception name, {@code ValidationError} or {@code
   *     UnprocessableEntity} for a 422
   * @param content the server's human message
   * @param errorCode the server's error code, or {@code null}
   * @param statusCode the HTTP status of the answer
   * @param details one line per 422 detail ({@code loc: msg}); empty for an envelope
   * @param advice what the caller can do about it
   */
  public FtrackValidationException(
      String exceptionName,
      String content,
      String errorCode,
      int statusCode,
      List<String> details,
      String advice) {
    super(exceptionName, content, errorCode, statusCode, advice);
    this.details = List.copyOf(details);
  }

  /**
   * The 422 validation details, one {@code location: message} line each.
   *
   * @return the details, empty for a {@code ValidationError} envelope
   */
  public List<String> details() {
    return details;
  }
}
