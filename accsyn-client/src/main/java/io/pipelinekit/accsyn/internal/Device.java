package io.pipelinekit.accsyn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** Who is calling: the SDK name and version, platform and host name, as accsyn's audit shows it. */
public final class Device {
  /** The SDK's name in the device string. */
  public static final String SDK = "pipelinekit-accsyn-client";

  private static final String VERSION = readVersion();

  private Device() {}

  /**
   * This SDK's version.
   *
   * @return e.g. {@code 0.1.0}
   */
  public static String version() {
    return VERSION;
  }

  /**
   * The {@code X-Accsyn-Device} value, shaped like the Python client's {@code PythonAPI v3.3.0-0 @
   * linux myhost(posix)}.
   *
   * @param hostname the local host name
   * @return e.g. {@code pipelinekit-accsyn-client v0.1.0 @ linux myhost(posix)}
   */
  public static String deviceString(String hostname) {
    return SDK + " v" + VERSION + " @ " + platform() + " " + hostname + "(" + osName() + ")";
  }

  /**
   * Python's {@code sys.platform} for this OS.
   *
   * @return {@code linux}, {@code darwin} or {@code win32}
   */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return "win32";
    }
    if (os.startsWith("mac") || os.contains("darwin")) {
      return "darwin";
    }
    return os.isEmpty() ? "unknown" : os.replace(' ', '_');
  }

  private static String osName() {
    return platform().equals("win32") ? "nt" : "posix";
  }

  /**
   * The local host name: {@code HOSTNAME}/{@code COMPUTERNAME} if set, else the JDK's answer.
   *
   * @param env the environment
   * @return the name, never blank
   */
  public static String localHostname(Map<String, String> env) {
    for (String key : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String v = env.get(key);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    try {
      String h = InetAddress.getLocalHost().getHostName();
      if (h != null && !h.isBlank()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // fall through: the name is informational only
    }
    return "localhost";
  }

  private static String readVersion() {
    try (InputStream in = Device.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.startsWith("$")) {
          return v.strip();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "dev";
  }
}
