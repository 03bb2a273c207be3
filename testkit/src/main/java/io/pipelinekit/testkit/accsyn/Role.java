package io.pipelinekit.testkit.accsyn;

import java.util.Locale;

/**
 * A user's role (accsyn "clearance"), which decides what the fake lets them see and do.
 *
 * <pre>{@code
 * FakeAccsyn.builder().user("ops@studio.com", Role.ADMIN);
 * }</pre>
 */
public enum Role {
  /** Reads and writes everything. */
  ADMIN,
  /** Staff: transfers, deliveries, ACLs; volumes only through ACLs. */
  EMPLOYEE,
  /** Restricted end user (vendor, client): own jobs and ACL-granted shares only. */
  STANDARD;

  /** The wire name: {@code admin}, {@code employee} or {@code standard}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; {@code client} and {@code user} are legacy names for standard. */
  public static Role parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "admin":
        return ADMIN;
      case "employee":
        return EMPLOYEE;
      case "standard":
      case "client":
      case "user":
        return STANDARD;
      default:
        throw new IllegalArgumentException("Unknown role '" + name + "'");
    }
  }
}
