package io.pipelinekit.ftrack.model;

import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Job: the progress line users see in ftrack's Jobs menu (see docs/protocol/ftrack.md, "Jobs").
 * {@code data} is a string holding JSON whose {@code description} the web UI shows.
 *
 * <pre>{@code
 * Job j = Job.of(entity);
 * j.status();        // RUNNING
 * j.description();   // Optional[Sending 12 files]
 * }</pre>
 */
public final class Job extends EntityView {
  /** The status of a job. */
  public enum Status {
    /** Not started. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished well. */
    DONE,
    /** Finished badly. */
    FAILED,
    /** A value this module does not know. */
    UNKNOWN;

    /**
     * The wire value.
     *
     * @return e.g. {@code running}
     */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status parse(String s) {
      for (Status st : values()) {
        if (st != UNKNOWN && st.wire().equals(s)) {
          return st;
        }
      }
      return UNKNOWN;
    }
  }

  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS =
      List.of("status", "type", "data", "user_id", "created_at", "finished_at");

  private Job(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a Job.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException for other types
   */
  public static Job of(Entity entity) {
    return new Job(require(entity, "Job", entity.type().equals("Job")));
  }

  /**
   * The status.
   *
   * @return the status; {@link Status#UNKNOWN} if not loaded or not known
   */
  public Status status() {
    return str("status").map(Status::parse).orElse(Status.UNKNOWN);
  }

  /**
   * The raw {@code data} string.
   *
   * @return the JSON text
   */
  public Optional<String> data() {
    return str("data");
  }

  /**
   * The {@code description} inside {@code data}.
   *
   * @return the description; empty if absent or {@code data} is not JSON
   */
  public Optional<String> description() {
    return data()
        .flatMap(
            d -> {
              try {
                Object parsed = JsonTree.parse(d);
                return parsed instanceof Map
                        && ((Map<?, ?>) parsed).get("description") instanceof String
                    ? Optional.of((String) ((Map<?, ?>) parsed).get("description"))
                    : Optional.empty();
              } catch (RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * The user the job is shown to.
   *
   * @return the user id
   */
  public Optional<String> userId() {
    return str("user_id");
  }
}
