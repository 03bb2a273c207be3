package io.pipelinekit.ftrack;

import java.util.Objects;
import java.util.Optional;

/**
 * The ftrack server reported an error: the {@code {"exception": …, "content": …, "error_code": …}}
 * envelope, sent with HTTP 200 (default) or an error status (strict API mode). The whole batch it
 * answered was rolled back by the server.
 *
 * <p>Subclasses say what kind of error it was: {@link FtrackAuthenticationException}, {@link
 * FtrackPermissionException}, {@link FtrackValidationException}.
 */
public class FtrackServerException extends FtrackException {
  private static final long serialVersionUID = 1L;

  private final String exceptionName;
  private final String content;
  private final String errorCode;
  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param exceptionName the server's exception name, e.g. {@code ServerError}
   * @param content the server's human message
   * @param errorCode the server's error code, or {@code null}
   * @param statusCode the HTTP status of the answer
   * @param advice what the caller can do about it, appended to the message
   */
  public FtrackServerException(
      String exceptionName, String content, String errorCode, int statusCode, String advice) {
    super(
        "ftrack server reported "
            + exceptionName
            + " (HTTP "
            + statusCode
            + (errorCode == null ? "" : ", error code " + errorCode)
            + "): "
            + content
            + (advice.isEmpty() ? "" : ". " + advice));
    this.exceptionName = Objects.requireNonNull(exceptionName, "exceptionName == null");
    this.content = Objects.requireNonNull(content, "content == null");
    this.errorCode = errorCode;
    this.statusCode = statusCode;
  }

  /**
   * The server's exception name, e.g. {@code ValidationError}.
   *
   * @return the name
   */
  public String exceptionName() {
    return exceptionName;
  }

  /**
   * The server's message.
   *
   * @return the message, possibly empty
   */
  public String content() {
    return content;
  }

  /**
   * The server's error code.
   *
   * @return the code, if the server sent one
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The HTTP status of the answer: 200 in the default mode, an error status in strict mode.
   *
   * @return the status
   */
  public int statusCode() {
    return statusCode;
  }
}
