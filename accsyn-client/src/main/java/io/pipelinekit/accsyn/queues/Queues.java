package io.pipelinekit.accsyn.queues;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Condition;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.internal.typed.Calls;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Transfer queues: list, find, create, pause, resume, edit, delete (deleting moves its jobs to the
 * default queue). Thread-safe; obtain it from {@code client.queues()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * Queue urgent = client.queues().create("Urgent", 900);
 * client.queues().pause(urgent.id());
 * }</pre>
 */
public final class Queues {
  private final AccsynClient client;

  private Queues(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The queue API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Queues of(AccsynClient client) {
    return new Queues(client);
  }

  /**
   * Every queue.
   *
   * @return the queues
   */
  public List<Queue> list() {
    return client.find(Query.of("queue")).stream().map(Queue::fromJson).toList();
  }

  /**
   * A queue by name, code or id.
   *
   * @param nameCodeOrId e.g. {@code High}
   * @return the queue, or empty
   */
  public Optional<Queue> find(String nameCodeOrId) {
    Objects.requireNonNull(nameCodeOrId, "nameCodeOrId == null");
    if (Calls.isId(nameCodeOrId)) {
      return client.get("queue", nameCodeOrId).map(Queue::fromJson);
    }
    Condition c =
        Condition.of("name", Operator.EQ, nameCodeOrId)
            .or(Condition.of("code", Operator.EQ, nameCodeOrId));
    return client.findOne(Query.of("queue").where(c)).map(Queue::fromJson);
  }

  /**
   * Creates a queue (admin).
   *
   * @param name the name
   * @param priority 0–1000
   * @return the queue
   */
  public Queue create(String name, int priority) {
    if (priority < 0 || priority > 1000) {
      throw new IllegalArgumentException("queue priority must be 0-1000, was " + priority);
    }
    List<Json> created = client.create("queue", Calls.data("name", name, "priority", priority));
    if (created.isEmpty()) {
      throw new AccsynException("accsyn created the queue but returned nothing");
    }
    return Queue.fromJson(created.get(0));
  }

  /**
   * Disables a queue ({@code status: paused}).
   *
   * @param id the queue id
   * @return the queue
   */
  public Queue pause(String id) {
    return update(id, Map.of("status", "paused"));
  }

  /**
   * Enables a queue ({@code status: waiting}).
   *
   * @param id the queue id
   * @return the queue
   */
  public Queue resume(String id) {
    return update(id, Map.of("status", "waiting"));
  }

  /**
   * Edits a queue.
   *
   * @param id the queue id
   * @param fields the fields (e.g. {@code priority}, {@code name})
   * @return the queue
   */
  public Queue update(String id, Map<String, ?> fields) {
    return Queue.fromJson(client.update("queue", id, fields));
  }

  /**
   * Deletes a queue; its jobs move to the default queue.
   *
   * @param id the queue id
   */
  public void delete(String id) {
    client.delete("queue", id, false);
  }
}
