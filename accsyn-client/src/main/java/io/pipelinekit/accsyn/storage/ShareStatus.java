package io.pipelinekit.accsyn.storage;

import java.util.Locale;

/**
 * The status of a volume or share: enabled, disabled, offline (its server is offline), or both.
 *
 * <pre>{@code
 * ShareStatus.fromWire("disabled-offline");   // DISABLED_OFFLINE
 * }</pre>
 */
public enum ShareStatus {
  /** In use. */
  ENABLED("enabled"),
  /** Switched off by an admin. */
  DISABLED("disabled"),
  /** Its serving server is offline. */
  OFFLINE("offline"),
  /** Disabled, and its server is offline. */
  DISABLED_OFFLINE("disabled-offline"),
  /** A status this client does not know. */
  UNKNOWN("");

  private final String wire;

  ShareStatus(String wire) {
    this.wire = wire;
  }

  /**
   * The wire text.
   *
   * @return e.g. {@code enabled}
   */
  public String wire() {
    return wire;
  }

  /**
   * Reads a status, ignoring case.
   *
   * @param text the text, or null
   * @return the status, {@link #UNKNOWN} if not known
   */
  public static ShareStatus fromWire(String text) {
    if (text != null) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      for (ShareStatus s : values()) {
        if (s != UNKNOWN && s.wire.equals(t)) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }
}
