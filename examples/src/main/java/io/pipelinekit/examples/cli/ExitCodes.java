package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.AccsynApiException;
import io.pipelinekit.accsyn.AccsynAuthenticationException;
import io.pipelinekit.accsyn.AccsynConfigurationException;
import io.pipelinekit.accsyn.AccsynRateLimitedException;
import io.pipelinekit.accsyn.AccsynServerException;
import io.pipelinekit.accsyn.AccsynServiceException;
import io.pipelinekit.accsyn.AccsynTransportException;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.ftrack.FtrackAuthenticationException;
import io.pipelinekit.ftrack.FtrackConfigurationException;
import io.pipelinekit.ftrack.FtrackIoException;
import io.pipelinekit.ftrack.FtrackPermissionException;
import io.pipelinekit.ftrack.FtrackResultCountException;
import io.pipelinekit.ftrack.FtrackServerException;
import io.pipelinekit.ftrack.FtrackUnexpectedResponseException;
import io.pipelinekit.ftrack.UnknownLocationException;
import io.pipelinekit.ftrack.publish.PublishException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every command, so that a Jenkins job can tell what went wrong. Each code has a
 * {@link #kind(int) kind}, the {@code error.kind} of the {@code --json} output.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>kind</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>ok</td><td>success</td></tr>
 *   <tr><td>1</td><td>internal</td><td>unexpected error (a bug)</td></tr>
 *   <tr><td>2</td><td>bad_input</td><td>usage, configuration, unknown location, unmapped path,
 *       missing permission</td></tr>
 *   <tr><td>3</td><td>authentication</td><td>accsyn or ftrack refused the credentials</td></tr>
 *   <tr><td>4</td><td>not_found</td><td>entity, site, user, distribution</td></tr>
 *   <tr><td>5</td><td>transfer_failed</td><td>some or all files did not arrive</td></tr>
 *   <tr><td>6</td><td>timeout</td><td>the transfer keeps running</td></tr>
 *   <tr><td>7</td><td>unavailable</td><td>a server could not be reached or kept failing; retry
 *       later</td></tr>
 * </table>
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Unexpected error. */
  public static final int ERROR = 1;

  /** Bad input. */
  public static final int BAD_INPUT = 2;

  /** Authentication failed. */
  public static final int AUTHENTICATION = 3;

  /** Not found. */
  public static final int NOT_FOUND = 4;

  /** Transfer failed. */
  public static final int TRANSFER_FAILED = 5;

  /** Timeout. */
  public static final int TIMEOUT = 6;

  /** A server was unreachable or kept failing (unknown host, refused connection, 5xx). */
  public static final int UNAVAILABLE = 7;

  private static final Map<Integer, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(OK, "ok");
    KINDS.put(ERROR, "internal");
    KINDS.put(BAD_INPUT, "bad_input");
    KINDS.put(AUTHENTICATION, "authentication");
    KINDS.put(NOT_FOUND, "not_found");
    KINDS.put(TRANSFER_FAILED, "transfer_failed");
    KINDS.put(TIMEOUT, "timeout");
    KINDS.put(UNAVAILABLE, "unavailable");
  }

  private ExitCodes() {}

  /**
   * Every exit code with its kind, in code order.
   *
   * @return kinds by code
   */
  public static Map<Integer, String> kinds() {
    return java.util.Collections.unmodifiableMap(KINDS);
  }

  /**
   * The kind of an exit code, as {@code error.kind} in the JSON output.
   *
   * @param code an exit code
   * @return e.g. {@code bad_input}
   */
  public static String kind(int code) {
    return KINDS.getOrDefault(code, "internal");
  }

  /**
   * The exit code for an exception.
   *
   * @param e what was thrown
   * @return the code
   */
  public static int of(Throwable e) {
    if (unavailable(e)) {
      return UNAVAILABLE;
    }
    if (e instanceof CliException c) {
      return c.exitCode();
    }
    if (e instanceof FlowException f) {
      return switch (f.kind()) {
        case BAD_INPUT, PERMISSION_DENIED -> BAD_INPUT;
        case NOT_FOUND -> NOT_FOUND;
        case TRANSFER_FAILED -> TRANSFER_FAILED;
        case TIMEOUT -> TIMEOUT;
      };
    }
    if (e instanceof AccsynAuthenticationException || e instanceof FtrackAuthenticationException) {
      return AUTHENTICATION;
    }
    if (e instanceof AccsynConfigurationException
        || e instanceof FtrackConfigurationException
        || e instanceof FtrackPermissionException
        || e instanceof UnknownLocationException
        || e instanceof PublishException
        || e instanceof IllegalArgumentException) {
      return BAD_INPUT;
    }
    if (e instanceof FtrackResultCountException) {
      return NOT_FOUND;
    }
    if (e instanceof AccsynApiException a) {
      int status = a.statusCode();
      return status == 404 ? NOT_FOUND : status == 403 || status == 400 ? BAD_INPUT : ERROR;
    }
    return ERROR;
  }

  /**
   * Whether the failure means "try again later": nothing answered (unknown host, refused or timed
   * out connection), the server kept answering 5xx or 429 after the client's retries.
   */
  static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AccsynTransportException
          || t instanceof AccsynRateLimitedException
          || t instanceof FtrackIoException
          || t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t instanceof AccsynServerException
          || (t instanceof AccsynServiceException s && s.statusCode() >= 500)) {
        return true;
      }
      if (t instanceof FtrackUnexpectedResponseException f && f.statusCode() >= 500) {
        return true;
      }
      if (t instanceof FtrackServerException f
          && f.statusCode() >= 500
          && !(f instanceof FtrackAuthenticationException)
          && !(f instanceof FtrackPermissionException)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
