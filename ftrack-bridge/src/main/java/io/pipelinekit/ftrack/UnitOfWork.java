package io.pipelinekit.ftrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects creates, updates and deletes and commits them in one request, which the server applies
 * atomically: all or nothing.
 *
 * <pre>{@code
 * UnitOfWork uow = session.unitOfWork();
 * EntityRef asset = uow.create("Asset", Map.of("name", "plate", "parent", shot, "type", type));
 * EntityRef version = uow.create("AssetVersion", Map.of("asset", asset));
 * uow.update(job, Map.of("status", "done"));
 * uow.delete(oldLocationRow);
 * CommitResult result = uow.commit();      // one POST /api
 * }</pre>
 *
 * <p>As the official client does, an update of an entity created in the same unit is folded into
 * its create, later values of an attribute replace earlier ones, and an entity created and deleted
 * in the same unit is never sent. Ids of new entities are generated here, so later operations can
 * refer to them. Not thread-safe: use one unit per thread.
 */
public final class UnitOfWork {
  private final FtrackSession session;
  private final List<Pending> pending = new ArrayList<>();
  // The live pending operations of each entity, so that recording one is O(1) however many the
  // unit holds (a registration of a 100,000-frame sequence records 100,000 creates).
  private final Map<EntityRef, List<Pending>> byRef = new HashMap<>();
  private int live;

  UnitOfWork(FtrackSession session) {
    this.session = session;
  }

  private static final class Pending {
    final String action;
    final EntityRef ref;
    final Map<String, Object> data;
    boolean dropped;

    Pending(String action, EntityRef ref, Map<String, Object> data) {
      this.action = action;
      this.ref = ref;
      this.data = data;
    }
  }

  /**
   * Records a create.
   *
   * @param type the entity type
   * @param data its attributes; an {@code id} is generated unless given
   * @return a reference to the new entity, usable in later operations of this unit
   */
  public EntityRef create(String type, Map<String, ?> data) {
    Operation op = Operation.create(type, data);
    EntityRef ref = op.target().orElseThrow();
    for (Pending p : live(ref)) {
      if (!p.action.equals("delete")) {
        throw new IllegalArgumentException(ref + " is already created or updated in this unit");
      }
    }
    Map<String, Object> d = new LinkedHashMap<>(data);
    for (int i = 0; i < ref.keyNames().size(); i++) {
      d.put(ref.keyNames().get(i), ref.keyValues().get(i));
    }
    add(new Pending("create", ref, d));
    return ref;
  }

  /**
   * Records an update; folded into a pending create or update of the same entity.
   *
   * @param entity the entity
   * @param data the attributes to set
   */
  public void update(EntityRef entity, Map<String, ?> data) {
    Objects.requireNonNull(entity, "entity == null");
    if (data.isEmpty()) {
      return;
    }
    Pending last = last(entity);
    if (last != null && last.action.equals("delete")) {
      throw new IllegalArgumentException(entity + " is deleted in this unit; it cannot be updated");
    }
    if (last != null) {
      last.data.putAll(data);
      return;
    }
    add(new Pending("update", entity, new LinkedHashMap<>(data)));
  }

  /**
   * Records a delete. An entity created in this unit is simply dropped.
   *
   * @param entity the entity
   */
  public void delete(EntityRef entity) {
    Objects.requireNonNull(entity, "entity == null");
    Pending last = last(entity);
    if (last != null && last.action.equals("create")) {
      dropAll(entity);
      return;
    }
    if (last != null && last.action.equals("delete")) {
      return;
    }
    dropAll(entity);
    add(new Pending("delete", entity, Map.of()));
  }

  private List<Pending> live(EntityRef ref) {
    return byRef.getOrDefault(ref, List.of());
  }

  private Pending last(EntityRef ref) {
    List<Pending> l = live(ref);
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  private void add(Pending p) {
    pending.add(p);
    byRef.computeIfAbsent(p.ref, k -> new ArrayList<>(1)).add(p);
    live++;
  }

  private void dropAll(EntityRef ref) {
    List<Pending> l = byRef.remove(ref);
    if (l != null) {
      l.forEach(p -> p.dropped = true);
      live -= l.size();
    }
  }

  /**
   * The operations a commit would send, in order.
   *
   * @return the operations
   */
  public List<Operation> operations() {
    List<Operation> ops = new ArrayList<>(live);
    for (Pending p : pending) {
      if (p.dropped) {
        continue;
      }
      switch (p.action) {
        case "create":
          Map<String, Object> data = new LinkedHashMap<>(p.data);
          ops.add(Operation.create(p.ref.type(), data));
          break;
        case "update":
          ops.add(Operation.update(p.ref, p.data));
          break;
        default:
          ops.add(Operation.delete(p.ref));
      }
    }
    return ops;
  }

  /**
   * Whether nothing is pending.
   *
   * @return true if a commit would send nothing
   */
  public boolean isEmpty() {
    return live == 0;
  }

  /**
   * Sends every pending operation in one request. On success the unit is empty again; on failure
   * nothing was applied by the server and the operations stay pending, so the caller may {@link
   * #clear()} or fix and retry.
   *
   * @return the created and updated entities as the server returned them
   * @throws FtrackException if the server refused the batch
   */
  public CommitResult commit() {
    List<Operation> ops = operations();
    if (ops.isEmpty()) {
      return new CommitResult(Map.of());
    }
    List<OperationResult> results = session.call(ops);
    Map<EntityRef, Entity> entities = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      Optional<EntityRef> target = ops.get(i).target();
      List<Entity> returned = results.get(i).entities();
      if (target.isPresent() && !returned.isEmpty()) {
        entities.put(target.get(), returned.get(0));
      }
    }
    clear();
    return new CommitResult(entities);
  }

  /** Drops every pending operation. */
  public void clear() {
    pending.clear();
    byRef.clear();
    live = 0;
  }

  /** What a commit returned. */
  public static final class CommitResult {
    private final Map<EntityRef, Entity> entities;

    CommitResult(Map<EntityRef, Entity> entities) {
      this.entities = Collections.unmodifiableMap(entities);
    }

    /**
     * The created and updated entities by the reference used in the unit.
     *
     * @return the entities
     */
    public Map<EntityRef, Entity> entities() {
      return entities;
    }

    /**
     * One created or updated entity.
     *
     * @param ref the reference returned by {@link UnitOfWork#create} or passed to update
     * @return the entity as the server returned it
     */
    public Optional<Entity> entity(EntityRef ref) {
      return Optional.ofNullable(entities.get(ref));
    }
  }
}
