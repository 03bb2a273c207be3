package io.pipelinekit.testkit.ftrack;

import java.util.List;

/**
 * One request the fake ftrack server served.
 *
 * @param user the {@code ftrack-user} header
 * @param actions the action of each operation, in order
 * @param expressions the expressions of the query operations, in order
 * @param status the HTTP status answered (0 for a dropped connection)
 */
public record RecordedFtrackRequest(
    String user, List<String> actions, List<String> expressions, int status) {
  /** Copies the lists. */
  public RecordedFtrackRequest {
    actions = List.copyOf(actions);
    expressions = List.copyOf(expressions);
  }
}
