package io.pipelinekit.accsyn.sites;

import java.util.Locale;

/**
 * The status of an accsyn client; a client is offline 15 minutes after its last check-in.
 *
 * <pre>{@code
 * ClientStatus.fromWire("online").isRunning();   // true
 * }</pre>
 */
public enum ClientStatus {
  /** Starting. */
  INIT("init"),
  /** Running and checking in. */
  ONLINE("online"),
  /** Not checking in. */
  OFFLINE("offline"),
  /** Disabled by an admin, but running. */
  DISABLED("disabled"),
  /** Disabled and not running. */
  DISABLED_OFFLINE("disabled-offline"),
  /** A status this client does not know. */
  UNKNOWN("");

  private final String wire;

  ClientStatus(String wire) {
    this.wire = wire;
  }

  /**
   * The wire text.
   *
   * @return e.g. {@code online}
   */
  public String wire() {
    return wire;
  }

  /**
   * Whether the software is running (online, or disabled but running), as accsyn's {@code
   * app_is_running} counts it.
   *
   * @return true for online and disabled
   */
  public boolean isRunning() {
    return this == ONLINE || this == DISABLED;
  }

  /**
   * Reads a status, ignoring case.
   *
   * @param text the text, or null
   * @return the status, {@link #UNKNOWN} if not known
   */
  public static ClientStatus fromWire(String text) {
    if (text != null) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      for (ClientStatus s : values()) {
        if (s != UNKNOWN && s.wire.equals(t)) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }
}
