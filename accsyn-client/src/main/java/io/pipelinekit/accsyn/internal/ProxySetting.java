package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynConfigurationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed {@code ACCSYN_PROXY} (see docs/protocol/accsyn-v3.md, "Timeouts, retries and proxies"):
 * {@code host} (accsyn proxy on port 80), {@code host:port} (accsyn proxy), or {@code
 * type:host:port} with type {@code accsyn}, {@code socks} or {@code socks5}.
 */
public final class ProxySetting {
  /** Host names and IPv4 addresses: letters, digits, dots, hyphens and underscores. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}");

  /** The kinds of proxy. */
  public enum Kind {
    /** An accsyn daemon acting as network proxy: requests go to it over plain http. */
    ACCSYN,
    /** A SOCKS5 proxy: requests tunnel through it, TLS stays end to end. */
    SOCKS
  }

  private final Kind kind;
  private final String host;
  private final int port;

  private ProxySetting(Kind kind, String host, int port) {
    this.kind = kind;
    this.host = host;
    this.port = port;
  }

  /**
   * Parses the setting.
   *
   * @param value the text
   * @param name where it came from, for messages ({@code ACCSYN_PROXY} or {@code proxy(...)})
   * @return the proxy
   * @throws AccsynConfigurationException if malformed
   */
  public static ProxySetting parse(String value, String name) {
    String v = value.strip();
    String[] parts = v.split(":", -1);
    String type;
    String host;
    String port;
    if (parts.length == 1) {
      type = "accsyn";
      host = parts[0];
      port = "80";
    } else if (parts.length == 2) {
      type = "accsyn";
      host = parts[0];
      port = parts[1];
    } else if (parts.length == 3) {
      type = parts[0].toLowerCase(Locale.ROOT);
      host = parts[1];
      port = parts[2];
    } else {
      throw malformed(name, v, "it has more than two ':'");
    }
    Kind kind;
    if (type.equals("accsyn")) {
      kind = Kind.ACCSYN;
    } else if (type.equals("socks") || type.equals("socks5")) {
      kind = Kind.SOCKS;
    } else {
      throw malformed(name, v, "the part before the first ':' is not a proxy type");
    }
    if (host.isBlank()) {
      throw malformed(name, v, "it has no host");
    }
    if (!HOST.matcher(host.strip()).matches()) {
      throw malformed(name, v, "the host has characters a host name or address cannot have");
    }
    int p;
    try {
      p = Integer.parseInt(port.strip());
    } catch (NumberFormatException e) {
      throw malformed(name, v, "the port is not a number");
    }
    if (p < 1 || p > 65535) {
      throw malformed(name, v, "the port is not between 1 and 65535");
    }
    return new ProxySetting(kind, host.strip(), p);
  }

  /**
   * Never echoes the value: a setting that does not parse is often something pasted into the wrong
   * variable, such as an API key.
   */
  private static AccsynConfigurationException malformed(String name, String v, String why) {
    return new AccsynConfigurationException(
        name
            + " is not a proxy setting: "
            + why
            + " (its "
            + v.length()
            + " characters are not shown, in case a secret was pasted there). Use host,"
            + " host:port (an accsyn proxy), or accsyn:host:port, socks:host:port or"
            + " socks5:host:port");
  }

  /**
   * The kind.
   *
   * @return accsyn or SOCKS
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The proxy host.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  /**
   * The proxy port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + host + ":" + port;
  }
}
