package io.pipelinekit.accsyn;

import io.pipelinekit.core.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * What an idempotent job create did: the job it settled on, how often the create was sent and the
 * request id looked up, and which duplicates (jobs with the same request id, made when an answer
 * was lost and the server applied the create late) were aborted and deleted.
 *
 * <pre>{@code
 * JobCreation c = client.createJob("transfer", null, Json.of(Map.of("source", "...")));
 * c.entities();            // the one job to use
 * c.duplicatesRemoved();   // ids of jobs aborted and deleted because they repeated it
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public interface JobCreation {
  /**
   * The created job (or jobs, for a create that makes several), the oldest when duplicates were
   * found.
   *
   * @return the entities
   */
  List<Json> entities();

  /**
   * The request id in the job's {@code metadata.pipelinekit_request_id}.
   *
   * @return the id
   */
  String requestId();

  /**
   * How many times the create was sent.
   *
   * @return at least 1
   */
  int sends();

  /**
   * How many times the request id was looked up after an answer was lost.
   *
   * @return not negative
   */
  int lookups();

  /**
   * Jobs with the same request id that were aborted and deleted, so one live job remains.
   *
   * @return ids, often empty
   */
  List<String> duplicatesRemoved();

  /**
   * Jobs with the same request id that could not be removed; remove them by hand.
   *
   * @return ids, normally empty
   */
  List<String> duplicatesLeft();
}
