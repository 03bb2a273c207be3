package io.pipelinekit.testkit.accsyn.internal;

/**
 * A failure the fake reports in accsyn's error envelope: {@code {"message": ..., "message_hr":
 * ...}}. The HTTP status is a courtesy for humans; accsyn clients read the body only.
 */
public final class AccsynError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, which picks the HTTP status. */
  public enum Kind {
    /** Bad credentials or headers. */
    AUTHENTICATION(401),
    /** The caller's role or ACLs do not allow the operation. */
    PERMISSION(403),
    /** An entity, share, party or path that does not exist. */
    NOT_FOUND(404),
    /** Malformed or invalid input. */
    VALIDATION(400),
    /** Throttled. */
    RATE_LIMITED(429);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    /** The HTTP status sent with this kind of error. */
    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String messageHr;

  private AccsynError(Kind kind, String message, String messageHr) {
    super(message);
    this.kind = kind;
    this.messageHr = messageHr;
  }

  /** An error whose human-readable text equals its message. */
  public static AccsynError of(Kind kind, String message) {
    return new AccsynError(kind, message, message);
  }

  /** An error with a separate human-readable text. */
  public static AccsynError of(Kind kind, String message, String messageHr) {
    return new AccsynError(kind, message, messageHr);
  }

  /** Shortcut for {@link Kind#VALIDATION}. */
  public static AccsynError invalid(String message) {
    return of(Kind.VALIDATION, message);
  }

  /** Shortcut for {@link Kind#VALIDATION} with a separate human-readable text. */
  public static AccsynError invalid(String message, String messageHr) {
    return of(Kind.VALIDATION, message, messageHr);
  }

  /** Shortcut for {@link Kind#NOT_FOUND} with a separate human-readable text. */
  public static AccsynError notFound(String message, String messageHr) {
    return of(Kind.NOT_FOUND, message, messageHr);
  }

  /** Shortcut for {@link Kind#NOT_FOUND}. */
  public static AccsynError notFound(String message) {
    return of(Kind.NOT_FOUND, message);
  }

  /** Shortcut for {@link Kind#PERMISSION}. */
  public static AccsynError denied(String message) {
    return of(Kind.PERMISSION, "Permission denied - " + message, message);
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The human-readable text ({@code message_hr}). */
  public String messageHr() {
    return messageHr;
  }
}
