package io.pipelinekit.ftrack.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Reacting to entity changes ({@code ftrack.update}; see docs/protocol/ftrack.md, "Entity
 * changes"), for example sending a task's files as soon as the task is assigned to an artist.
 *
 * <pre>{@code
 * EntityChanges.onTaskAssigned(hub, (assignment, event) ->
 *     sender.sendTaskFiles(assignment.taskId(), assignment.userId()));
 *
 * EntityChanges.subscribe(hub,
 *     c -> c.is("AssetVersion") && c.keys().contains("statusid"),
 *     (change, event) -> log.info("status of {} changed", change.entityId()));
 * }</pre>
 */
public final class EntityChanges {
  /** The topic of entity changes. */
  public static final String TOPIC = "ftrack.update";

  private EntityChanges() {}

  /**
   * A user was assigned to a task.
   *
   * @param taskId the task (context) id
   * @param userId the assigned user (resource) id
   * @param appointmentId the Appointment entity that links them
   */
  public record TaskAssignment(String taskId, String userId, String appointmentId) {}

  /**
   * The entity changes an event carries.
   *
   * @param event an {@code ftrack.update} event
   * @return the changes, empty for other events
   */
  @SuppressWarnings("unchecked")
  public static List<EntityChange> of(Event event) {
    List<EntityChange> out = new ArrayList<>();
    if (TOPIC.equals(event.topic()) && event.data().get("entities") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add(EntityChange.of((Map<String, Object>) m));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Calls a listener for each entity change that passes a filter.
   *
   * @param hub the hub
   * @param filter which changes to pass on
   * @param listener called with the change and the event carrying it
   * @return the subscription
   */
  public static Subscription subscribe(
      EventHub hub, Predicate<EntityChange> filter, BiConsumer<EntityChange, Event> listener) {
    Objects.requireNonNull(filter, "filter == null");
    Objects.requireNonNull(listener, "listener == null");
    return hub.subscribe(
        "topic=" + TOPIC,
        event -> {
          for (EntityChange c : of(event)) {
            if (filter.test(c)) {
              listener.accept(c, event);
            }
          }
        });
  }

  /**
   * The assignment an entity change describes: an {@code Appointment} (type {@code assignment})
   * added, linking a context to a user. The change keys are read in both spellings ({@code
   * context_id}/{@code contextid}, {@code resource_id}/{@code resourceid}); this event shape is
   * inferred, not captured, so check it against your server's traffic.
   *
   * @param change an entity change
   * @return the assignment, if the change is one
   */
  public static Optional<TaskAssignment> assignment(EntityChange change) {
    if (!change.is("Appointment") || change.kind() != EntityChange.Kind.ADD) {
      return Optional.empty();
    }
    Optional<String> task = change.newValue("context_id", "contextid");
    Optional<String> user = change.newValue("resource_id", "resourceid");
    if (task.isEmpty() || user.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type = change.newValue("type");
    if (type.isPresent() && !"assignment".equals(type.get())) {
      return Optional.empty();
    }
    return Optional.of(new TaskAssignment(task.get(), user.get(), change.entityId()));
  }

  /**
   * Calls a listener when a user is assigned to a task.
   *
   * @param hub the hub
   * @param listener called with the assignment and the event
   * @return the subscription
   */
  public static Subscription onTaskAssigned(
      EventHub hub, BiConsumer<TaskAssignment, Event> listener) {
    Objects.requireNonNull(listener, "listener == null");
    return subscribe(
        hub,
        c -> assignment(c).isPresent(),
        (c, e) -> listener.accept(assignment(c).orElseThrow(), e));
  }
}
