package io.pipelinekit.testkit.accsyn.internal.transfer;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code [<party>:]<path>} endpoint. Parties: the workspace (omitted, or its code), {@code
 * site=<code|id>}, {@code client=<id>}, a user e-mail, or {@code <email>@<hostname>}.
 *
 * @param kind {@code workspace}, {@code site}, {@code client}, {@code user} or {@code none}
 * @param ident the site code/id, client id or e-mail
 * @param host the hostname for {@code <email>@<hostname>}, else null
 * @param path the path, or null when omitted (mirror) or {@code null} (placeholder)
 */
public record Party(String kind, String ident, String host, String path) {

  /** Parses an endpoint string. */
  public static Party parse(String raw, String workspaceCode) {
    String s = raw.trim();
    String head;
    String rest;
    int colon = s.indexOf(':');
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("site=") || lower.startsWith("client=")) {
      head = colon < 0 ? s : s.substring(0, colon);
      rest = colon < 0 ? null : s.substring(colon + 1);
      String kind = head.substring(0, head.indexOf('=')).toLowerCase(Locale.ROOT);
      return new Party(kind, head.substring(head.indexOf('=') + 1), null, path(rest));
    }
    String candidate = colon < 0 ? s : s.substring(0, colon);
    if (candidate.matches("[^/\\\\\\s=]+@[^/\\\\\\s=]+")) {
      int at = candidate.indexOf('@');
      int second = candidate.indexOf('@', at + 1);
      String email = second < 0 ? candidate : candidate.substring(0, second);
      String host = second < 0 ? null : candidate.substring(second + 1);
      return new Party(
          "user",
          email.toLowerCase(Locale.ROOT),
          host,
          path(colon < 0 ? null : s.substring(colon + 1)));
    }
    if (colon > 1 && candidate.equalsIgnoreCase(workspaceCode)) {
      return new Party("workspace", workspaceCode, null, path(s.substring(colon + 1)));
    }
    if (s.equalsIgnoreCase(workspaceCode)) {
      return new Party("workspace", workspaceCode, null, null);
    }
    return new Party("none", null, null, path(s));
  }

  private static String path(String p) {
    if (p == null || p.isBlank() || p.trim().equalsIgnoreCase("null")) {
      return null;
    }
    return p.trim();
  }

  /** The path, if any. */
  public Optional<String> optionalPath() {
    return Optional.ofNullable(path);
  }

  /** Whether the path ends with a separator ("put inside this folder"). */
  public boolean trailingSlash() {
    return path != null && (path.endsWith("/") || path.endsWith("\\"));
  }
}
