package io.pipelinekit.accsyn.users;

import java.util.Locale;

/**
 * A user's role (clearance). {@code client} is read as the legacy name of {@link #STANDARD}.
 *
 * <pre>{@code
 * Role.fromWire("employee");   // EMPLOYEE
 * }</pre>
 */
public enum Role {
  /** Reads and writes everything. */
  ADMIN("admin"),
  /** Staff: transfers, deliveries, folders; volumes only through ACLs. */
  EMPLOYEE("employee"),
  /** Restricted (e.g. a vendor or client): own jobs and ACL-granted shares only. */
  STANDARD("standard"),
  /** accsyn support. */
  SUPPORT("support"),
  /** A role this client does not know. */
  UNKNOWN("");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  /**
   * The wire text.
   *
   * @return e.g. {@code standard}
   */
  public String wire() {
    return wire;
  }

  /**
   * Reads a role, ignoring case.
   *
   * @param text the text, or null
   * @return the role, {@link #UNKNOWN} if not known
   */
  public static Role fromWire(String text) {
    if (text != null) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.equals("client") || t.equals("user")) {
        return STANDARD;
      }
      for (Role r : values()) {
        if (r != UNKNOWN && r.wire.equals(t)) {
          return r;
        }
      }
    }
    return UNKNOWN;
  }
}
