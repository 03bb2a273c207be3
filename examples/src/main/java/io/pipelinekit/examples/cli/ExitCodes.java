package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.AccsynApiException;
import io.pipelinekit.accsyn.AccsynAuthenticationException;
import io.pipelinekit.accsyn.AccsynConfigurationException;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.ftrack.FtrackAuthenticationException;
import io.pipelinekit.ftrack.FtrackConfigurationException;
import io.pipelinekit.ftrack.FtrackPermissionException;
import io.pipelinekit.ftrack.FtrackResultCountException;
import io.pipelinekit.ftrack.publish.PublishException;

/**
 * The exit codes of every command, so that a Jenkins job can tell what went wrong.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>unexpected error (a bug, or a server fault)</td></tr>
 *   <tr><td>2</td><td>bad input: usage, configuration, unknown location, unmapped path, missing
 *       permission</td></tr>
 *   <tr><td>3</td><td>authentication failed (accsyn or ftrack)</td></tr>
 *   <tr><td>4</td><td>not found (entity, site, user)</td></tr>
 *   <tr><td>5</td><td>transfer failed (some or all files did not arrive)</td></tr>
 *   <tr><td>6</td><td>timeout (the transfer keeps running)</td></tr>
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

  private ExitCodes() {}

  /**
   * The exit code for an exception.
   *
   * @param e what was thrown
   * @return the code
   */
  public static int of(Throwable e) {
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
}
