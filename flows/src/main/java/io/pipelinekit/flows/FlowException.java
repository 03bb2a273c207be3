package io.pipelinekit.flows;

import java.util.Objects;

/**
 * A flow could not do what it was asked. The message is one line saying what is wrong and how to
 * fix it; {@link #kind()} says which exit code a command-line tool should use.
 *
 * <pre>{@code
 * try {
 *   flow.run(request, FlowProgress.NONE);
 * } catch (FlowException e) {
 *   System.err.println(e.getMessage());   // "location 'paris' is not an accsyn site, ..."
 * }
 * }</pre>
 */
public final class FlowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem it is. */
  public enum Kind {
    /** The request itself is wrong: unknown location, unmapped path. */
    BAD_INPUT,
    /**
     * The API user lacks an accsyn right the flow needs; the message names the right and who can
     * grant it.
     */
    PERMISSION_DENIED,
    /** Something the request names does not exist. */
    NOT_FOUND,
    /** The transfer ran but did not deliver every file. */
    TRANSFER_FAILED,
    /** The transfer did not finish in time. */
    TIMEOUT
  }

  private final Kind kind;

  private FlowException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind == null");
  }

  /**
   * A bad request.
   *
   * @param message what is wrong and how to fix it
   * @return the exception
   */
  public static FlowException badInput(String message) {
    return new FlowException(Kind.BAD_INPUT, message, null);
  }

  /**
   * The API user lacks a right.
   *
   * @param who the API user and role, e.g. {@code pipeline@studio.com (employee)}
   * @param right the right, e.g. {@code full read and write access to volume 'projects'}
   * @param neededFor what needs it, e.g. {@code site-to-site sends}
   * @param grantedBy who can grant it and how
   * @return the exception
   */
  public static FlowException permissionDenied(
      String who, String right, String neededFor, String grantedBy) {
    return new FlowException(
        Kind.PERMISSION_DENIED,
        who + " lacks " + right + ", which " + neededFor + " need; " + grantedBy,
        null);
  }

  /**
   * A bad request caused by another exception.
   *
   * @param message what is wrong and how to fix it
   * @param cause the cause
   * @return the exception
   */
  public static FlowException badInput(String message, Throwable cause) {
    return new FlowException(Kind.BAD_INPUT, message, cause);
  }

  /**
   * Something named does not exist.
   *
   * @param message what is missing and how to fix it
   * @return the exception
   */
  public static FlowException notFound(String message) {
    return new FlowException(Kind.NOT_FOUND, message, null);
  }

  /**
   * A transfer that did not deliver.
   *
   * @param message what failed
   * @return the exception
   */
  public static FlowException transferFailed(String message) {
    return new FlowException(Kind.TRANSFER_FAILED, message, null);
  }

  /**
   * A transfer that did not finish in time.
   *
   * @param message which job and how long
   * @param cause the cause
   * @return the exception
   */
  public static FlowException timeout(String message, Throwable cause) {
    return new FlowException(Kind.TIMEOUT, message, cause);
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
