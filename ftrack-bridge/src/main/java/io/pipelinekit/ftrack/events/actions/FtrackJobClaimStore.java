package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.ftrack.FtrackServerException;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Claims through ftrack: creates the ftrack Job that will show the work's progress, with {@link
 * IdempotencyKey#uuid()} as its id. The server refuses a second entity with the same id, so across
 * any number of replicas exactly one create succeeds; the losers see the error, find the Job there
 * and step back. The winner updates that Job as the work proceeds ({@code status} {@code done} or
 * {@code failed} in a {@code finally}). Thread-safe.
 *
 * <pre>{@code
 * ClaimStore claims = new FtrackJobClaimStore(session, "accsyn: sending files");
 * }</pre>
 */
public final class FtrackJobClaimStore implements ClaimStore {
  private final FtrackSession session;
  private final String description;

  /**
   * Creates the store.
   *
   * @param session the session to create Jobs with
   * @param description the Job description shown in the web UI's Jobs menu
   */
  public FtrackJobClaimStore(FtrackSession session, String description) {
    this.session = Objects.requireNonNull(session, "session == null");
    this.description = Objects.requireNonNull(description, "description == null");
  }

  @Override
  public boolean tryClaim(IdempotencyKey key) {
    String id = key.uuid().toString();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("status", "running");
    key.userId().ifPresent(u -> data.put("user_id", u));
    // Job.data is a JSON string; the key rides along for operators.
    data.put(
        "data", JsonTree.write(Map.of("description", description, "idempotency_key", key.value())));
    try {
      session.call(Operation.create("Job", data));
      return true;
    } catch (FtrackServerException e) {
      // Another replica created it first, or the create failed for another reason: tell them
      // apart by looking for the Job.
      boolean exists =
          !session.query("select id from Job where id is \"" + id + "\"").all().isEmpty();
      if (exists) {
        return false;
      }
      throw e;
    }
  }
}
