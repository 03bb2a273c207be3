package io.pipelinekit.accsyn.sites;

/**
 * The kind of an accsyn client (the {@code type} number).
 *
 * <pre>{@code
 * ClientType.fromCode(1);   // SERVER
 * }</pre>
 */
public enum ClientType {
  /** The desktop app (0). */
  APP(0),
  /** A site or workspace server (1). */
  SERVER(1),
  /** A user server: a daemon on a user's always-on machine (2). */
  USER_SERVER(2),
  /** A web browser (3). */
  BROWSER(3),
  /** A compute lane (4 in accsyn's code; its docs say 5). */
  LANE(4),
  /** A type this client does not know. */
  UNKNOWN(-1);

  private final int code;

  ClientType(int code) {
    this.code = code;
  }

  /**
   * The number on the wire.
   *
   * @return the type number; -1 for {@link #UNKNOWN}
   */
  public int code() {
    return code;
  }

  /**
   * Reads a type number.
   *
   * @param code the number
   * @return the type, {@link #UNKNOWN} if not known
   */
  public static ClientType fromCode(long code) {
    for (ClientType t : values()) {
      if (t.code == code && t != UNKNOWN) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
