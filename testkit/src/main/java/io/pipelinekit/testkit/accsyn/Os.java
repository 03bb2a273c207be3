package io.pipelinekit.testkit.accsyn;

import java.util.Locale;

/**
 * Operating system of a fake server or app, as accsyn names it ({@code windows}, {@code linux},
 * {@code mac}). It picks which of a volume's paths applies, and how absolute paths are read.
 *
 * <pre>{@code
 * FakeAccsyn.builder().employee("anna@studio.com", u -> u.app("anna-ws", Os.WINDOWS));
 * }</pre>
 */
public enum Os {
  /** Windows: drive letters and UNC paths, case-insensitive. */
  WINDOWS,
  /** Linux. */
  LINUX,
  /** macOS. */
  MAC;

  /** The wire name: {@code windows}, {@code linux} or {@code mac}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name (case-insensitive; {@code darwin}/{@code macos} are read as mac). */
  public static Os parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "windows":
      case "win":
        return WINDOWS;
      case "linux":
        return LINUX;
      case "mac":
      case "macos":
      case "darwin":
        return MAC;
      default:
        throw new IllegalArgumentException("Unknown OS '" + name + "'");
    }
  }
}
