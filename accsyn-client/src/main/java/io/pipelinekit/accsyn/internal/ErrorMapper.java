package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynApiException;
import io.pipelinekit.accsyn.AccsynAuthenticationException;
import io.pipelinekit.accsyn.AccsynCertificateException;
import io.pipelinekit.accsyn.AccsynRateLimitedException;
import io.pipelinekit.accsyn.AccsynServerException;
import io.pipelinekit.accsyn.AccsynTransportException;
import io.pipelinekit.accsyn.AccsynTruncatedResponseException;
import io.pipelinekit.accsyn.AccsynUnexpectedResponseException;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.core.internal.ConnectionFailures;
import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.core.internal.RedirectRefusedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns accsyn's answers into results or typed exceptions (see docs/protocol/accsyn-v3.md,
 * "Errors"), with messages that say what happened and what to do, and never a secret.
 *
 * <p>Like the official client, the body decides: {@code exception} first, then {@code message} (its
 * mere presence means failure), else success. The HTTP status only picks the exception type (401 →
 * authentication, 429 → rate limited) and feeds the retry decision.
 */
final class ErrorMapper {
  private static final int EXCERPT = 300;

  private final Redactor redactor;
  private final String workspace;
  private final String username;

  ErrorMapper(Redactor redactor, String workspace, String username) {
    this.redactor = redactor;
    this.workspace = workspace;
    this.username = username;
  }

  Json map(
      String operation,
      HttpMethod method,
      String role,
      int status,
      String body,
      Duration retryAfter) {
    Json parsed;
    try {
      parsed = Json.parse(body);
    } catch (IllegalArgumentException e) {
      if (status == 429) {
        throw rateLimited(operation, status, null, retryAfter);
      }
      if (ConnectionFailures.truncatedJson(body)) {
        throw truncated(operation, method, status, body);
      }
      throw unexpected(operation, status, "a body that is not JSON", body);
    }
    return map(operation, method, role, status, parsed, retryAfter);
  }

  /**
   * Maps an answer already parsed (read from the body as it arrived).
   *
   * @param operation the operation
   * @param method the HTTP method
   * @param role the user's role
   * @param status the HTTP status
   * @param parsed the body
   * @param retryAfter the server's Retry-After, or null
   * @return the response object
   */
  Json map(
      String operation,
      HttpMethod method,
      String role,
      int status,
      Json parsed,
      Duration retryAfter) {
    if (!parsed.isObject()) {
      throw unexpected(operation, status, "JSON that is not an object", parsed.toJson());
    }
    if (parsed.has("exception")) {
      boolean privileged = role.equals("admin") || role.equals("support");
      String detail =
          privileged
              ? redactor.excerpt(
                  parsed.get("exception").map(j -> j.isNull() ? "" : textOf(j)).orElse(""), 2000)
              : null;
      throw new AccsynServerException(
          "accsyn failed internally while handling "
              + operation
              + " (HTTP "
              + status
              + ")."
              + (method == HttpMethod.GET
                  ? ""
                  : " The change may or may not have been applied; check before repeating it.")
              + " Retry later; if it keeps failing, contact the admin of workspace "
              + workspace
              + (privileged ? " with the server detail (serverDetail())." : "."),
          operation,
          status,
          detail);
    }
    if (parsed.has("message")) {
      String message = parsed.get("message").map(ErrorMapper::textOf).orElse("");
      String hr =
          parsed.get("message_hr").filter(j -> !j.isNull()).map(ErrorMapper::textOf).orElse(null);
      String shown = redactor.redact(hr != null && !hr.isBlank() ? hr : message);
      if (status == 429) {
        throw rateLimited(operation, status, shown, retryAfter);
      }
      if (status == 401 || operation.equals("login")) {
        throw new AccsynAuthenticationException(
            "accsyn refused the credentials of "
                + username
                + " for workspace "
                + workspace
                + " ("
                + operation
                + ", HTTP "
                + status
                + "): "
                + sentence(shown)
                + " Check the user e-mail (ACCSYN_API_USER), the API key (ACCSYN_API_KEY; a key"
                + " belongs to one user and one workspace, create one at"
                + " https://accsyn.io/developer) and the workspace (ACCSYN_WORKSPACE).",
            operation,
            status,
            redactor.redact(message),
            hr == null ? null : redactor.redact(hr));
      }
      if (operation.equals("lookup")) {
        throw new AccsynApiException(
            "accsyn's master lookup does not know workspace "
                + workspace
                + ": "
                + sentence(shown)
                + " Check the workspace code (ACCSYN_WORKSPACE or workspace(...)); it is the"
                + " first part of your accsyn address, <workspace>.accsyn.com.",
            operation,
            status,
            redactor.redact(message),
            hr == null ? null : redactor.redact(hr));
      }
      throw new AccsynApiException(
          "accsyn refused "
              + operation
              + " (HTTP "
              + status
              + "): "
              + sentence(shown)
              + " "
              + hint(status),
          operation,
          status,
          redactor.redact(message),
          hr == null ? null : redactor.redact(hr));
    }
    return parsed;
  }

  /** accsyn's message as a sentence: its own closing "!" or "." kept, a full stop added if none. */
  static String sentence(String message) {
    String m = message.strip();
    return m.endsWith(".") || m.endsWith("!") || m.endsWith("?") ? m : m + ".";
  }

  private static String hint(int status) {
    switch (status) {
      case 403:
        return "Your accsyn user lacks the permission; ask the workspace admin for access.";
      case 404:
        return "Check the entity type and id (find the entity first).";
      case 400:
        return "Check the data, query and id you sent.";
      default:
        return "Fix the request as accsyn's message says and try again.";
    }
  }

  private static String textOf(Json j) {
    return j.type() == Json.Type.STRING ? j.asString() : j.toJson();
  }

  AccsynRateLimitedException rateLimited(
      String operation, int status, String serverMessage, Duration retryAfter) {
    return new AccsynRateLimitedException(
        "accsyn throttled "
            + operation
            + " (HTTP "
            + status
            + (serverMessage == null ? "" : ": " + serverMessage)
            + "). accsyn allows 30 requests/s, bursts of 60 and 100 connections per IP address;"
            + " slow down, or lower the client's RateLimit if several processes share an"
            + " address"
            + (retryAfter == null
                ? "."
                : "; the server asks to wait " + retryAfter.toMillis() + " ms."),
        operation,
        status,
        retryAfter);
  }

  AccsynUnexpectedResponseException unexpected(
      String operation, int status, String what, String body) {
    return new AccsynUnexpectedResponseException(
        "accsyn answered "
            + operation
            + " with HTTP "
            + status
            + " and "
            + what
            + ": "
            + redactor.excerpt(body, EXCERPT)
            + (status >= 500
                ? " A proxy or load balancer in front of accsyn may be failing; retry later."
                : " Check the host and port the client talks to (proxy, host override)."),
        operation,
        status);
  }

  AccsynTransportException transport(
      String operation,
      HttpMethod method,
      String host,
      int port,
      boolean maySent,
      IOException cause) {
    if (cause instanceof RedirectRefusedException) {
      // Not a reachability problem: the server answered, with a redirect the client refuses.
      return new AccsynTransportException(
          "accsyn at "
              + host
              + ":"
              + port
              + " answered "
              + operation
              + " with a redirect to "
              + ((RedirectRefusedException) cause).target()
              + " that was not followed: "
              + redactor.redact(cause.getMessage()),
          host,
          port,
          operation,
          false,
          cause);
    }
    if (ConnectionFailures.untrustedCertificate(cause) || ConnectionFailures.wrongHostname(cause)) {
      return certificate(operation, host, port, cause);
    }
    String detail = cause.getClass().getSimpleName();
    if (cause.getMessage() != null) {
      detail += ": " + redactor.redact(cause.getMessage());
    }
    return new AccsynTransportException(
        "Could not reach "
            + host
            + ":"
            + port
            + " for "
            + operation
            + " ("
            + detail
            + "). Make sure "
            + host
            + " can be reached from this machine and no firewall blocks outgoing TCP traffic"
            + " to port "
            + port
            + "; check ACCSYN_PROXY or the host override if you use one."
            + (maySent && method != HttpMethod.GET
                ? " The request may have reached accsyn: check whether it was applied before"
                    + " repeating it."
                : ""),
        host,
        port,
        operation,
        maySent,
        cause);
  }

  private AccsynCertificateException certificate(
      String operation, String host, int port, IOException cause) {
    boolean hostname = ConnectionFailures.wrongHostname(cause);
    String detail =
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + redactor.redact(cause.getMessage()));
    return new AccsynCertificateException(
        (hostname
                ? "The server at "
                    + host
                    + ":"
                    + port
                    + " presented a certificate for another host name ("
                    + detail
                    + "). Check the host override or ACCSYN_PROXY: the address must be one the"
                    + " certificate was issued for."
                : "The server at "
                    + host
                    + ":"
                    + port
                    + " was reached, but its TLS certificate is not trusted by this Java runtime ("
                    + detail
                    + "). If the studio uses its own certificate authority or a TLS-inspecting"
                    + " proxy, trust that CA (see docs/accsyn-client.md, \"Trusting a studio"
                    + " CA\"); otherwise the certificate may be self-signed or expired.")
            + " Nothing was sent for "
            + operation
            + ", so nothing was applied.",
        host,
        port,
        operation,
        hostname,
        cause);
  }

  AccsynTruncatedResponseException truncated(
      String operation, HttpMethod method, int status, String body) {
    return truncated(
        operation, method, status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  AccsynTruncatedResponseException truncated(
      String operation, HttpMethod method, int status, long bytes) {
    return new AccsynTruncatedResponseException(
        "accsyn's answer to "
            + operation
            + " (HTTP "
            + status
            + ") is JSON cut short after "
            + bytes
            + " bytes: the connection broke or a proxy in between stopped it. The host and port"
            + " are right; retry."
            + (method == HttpMethod.GET
                ? ""
                : " The change may or may not have been applied; check before repeating it."),
        operation,
        status,
        bytes);
  }

  /**
   * Parses {@code Retry-After}: seconds, or an HTTP date.
   *
   * @param header the header, or null
   * @param clock now
   * @return the delay
   */
  static Optional<Duration> retryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String h = header.strip();
    try {
      long s = Long.parseLong(h);
      return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(s, 3600)));
    } catch (NumberFormatException e) {
      // an HTTP date
    }
    try {
      ZonedDateTime t = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), t.toInstant());
      return d.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
