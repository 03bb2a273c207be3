package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.ops.JobHandler;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates, extends and deletes transfer jobs and dispatches the rest: task parsing to {@link
 * TaskSpecs}, parties, paths and permissions to {@link TaskResolver}, the records to {@link
 * JobFactory}, deliveries to {@link Deliveries} and edits to {@link JobEdits}; the copying itself
 * is the {@link TransferEngine}'s. All methods run under the store lock.
 */
public final class Jobs implements JobHandler {
  private final Store store;
  private final TransferEngine engine;
  private final JobFactory factory;
  private final TaskResolver resolver;
  private final Deliveries deliveries;
  private final JobEdits edits;

  /** Creates the job handler. */
  public Jobs(Store store, TransferEngine engine) {
    this.store = store;
    this.engine = engine;
    this.factory = new JobFactory(store);
    this.resolver = new TaskResolver(store);
    this.deliveries = new Deliveries(store, engine, factory, resolver);
    this.edits = new JobEdits(store, engine, factory);
  }

  @Override
  public List<Entity> create(Caller caller, String type, Map<String, Object> data) {
    if (type.equals("delivery") || type.equals("request")) {
      return List.of(deliveries.createDelivery(caller, type, data));
    }
    TaskSpecs.validateSettings(data.get("settings"));
    Object parentRef = data.get("parent");
    if (parentRef != null) {
      Optional<Entity> delivery =
          store
              .byId(String.valueOf(parentRef))
              .filter(e -> e.type().equals("delivery") || e.type().equals("request"));
      if (delivery.isPresent()) {
        return List.of(deliveries.downloadDelivery(caller, delivery.get(), data));
      }
    }
    Object recipients = data.get("recipients");
    if (recipients instanceof List<?> list && !list.isEmpty() && type.equals("transfer")) {
      List<Entity> jobs = new ArrayList<>();
      for (Object r : list) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.remove("recipients");
        copy.put("destination", String.valueOf(r).trim());
        jobs.add(createTransfer(caller, copy));
      }
      return jobs;
    }
    return List.of(createTransfer(caller, data));
  }

  private Entity createTransfer(Caller caller, Map<String, Object> data) {
    List<Map<String, Object>> specs = TaskSpecs.parse(data);
    if (specs.isEmpty()) {
      throw AccsynError.invalid("No tasks supplied, give 'source' (and 'destination') or 'tasks'!");
    }
    List<Resolved> resolved = new ArrayList<>();
    for (Map<String, Object> spec : specs) {
      resolved.add(resolver.resolve(caller, spec));
    }
    Resolved first = resolved.get(0);
    for (Resolved r : resolved) {
      if (!r.src().ref().equals(first.src().ref()) || !r.dst().ref().equals(first.dst().ref())) {
        throw AccsynError.invalid(
            "All tasks of a job must have the same source and destination party!");
      }
    }
    Entity job = null;
    if (Boolean.TRUE.equals(data.get("append"))) {
      for (Entity j : store.all("transfer")) {
        if (!j.archived()
            && caller.user().id().equals(j.str("user"))
            && first.src().ref().equals(j.str("source"))
            && first.dst().ref().equals(j.str("destination"))) {
          job = j;
        }
      }
    }
    boolean created = job == null;
    if (created) {
      job = factory.newJob(caller, "transfer", data, first);
    } else if (Set.of("done", "failed", "aborted").contains(job.str("status"))) {
      job.put("status", "waiting").put("finished", null);
    }
    Object allow = data.get("allow_duplicates");
    try {
      for (int i = 0; i < resolved.size(); i++) {
        factory.addTask(job, resolved.get(i), specs.get(i), allow);
      }
    } catch (RuntimeException e) {
      if (created) {
        factory.discard(job);
      }
      throw e;
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return job;
  }

  @Override
  public List<Entity> addTasks(Caller caller, Entity job, Map<String, Object> data) {
    if (!job.type().equals("transfer")) {
      throw AccsynError.invalid("Tasks can only be added to transfers!");
    }
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only add tasks to your own transfers!");
    }
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("tasks", data.get("tasks"));
    List<Map<String, Object>> specs = TaskSpecs.parse(defaults);
    List<Entity> out = new ArrayList<>();
    for (Map<String, Object> spec : specs) {
      if (spec.get("destination") == null && job.str("destination") != null) {
        spec.put("destination", partyText(job.str("destination")));
      }
      Resolved r = resolver.resolve(caller, spec);
      if (!r.src().ref().equals(job.str("source"))
          || !r.dst().ref().equals(job.str("destination"))) {
        throw AccsynError.invalid("Task parties must match the job's source and destination!");
      }
      out.add(factory.addTask(job, r, spec, data.get("allow_duplicates")));
    }
    if (Set.of("done", "failed").contains(job.str("status"))) {
      job.put("status", "waiting");
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return out;
  }

  private String partyText(String ref) {
    String id = ref.substring(ref.indexOf(':') + 1);
    if (ref.startsWith("site:")) {
      return "site=" + store.byId(id).map(Entity::code).orElse(id);
    }
    if (ref.startsWith("user:")) {
      return store.byId(id).map(Entity::code).orElse(id);
    }
    return null;
  }

  @Override
  public Entity edit(Caller caller, Entity job, Map<String, Object> data) {
    return edits.edit(caller, job, data);
  }

  @Override
  public List<Entity> editTasks(Caller caller, Entity job, List<Map<String, Object>> patches) {
    return edits.editTasks(caller, job, patches);
  }

  @Override
  public void delete(Caller caller, Entity job, boolean force) {
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only delete your own transfers!");
    }
    String status = job.str("status");
    if (!force && (status.equals("running"))) {
      throw AccsynError.invalid(
          "Cannot delete running "
              + job.type()
              + " '"
              + job.str("name")
              + "', abort it first or use force!");
    }
    if (job.type().equals("delivery") && !status.equals("init") && !force) {
      throw AccsynError.invalid("Only deliveries that are not submitted can be deleted!");
    }
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      engine.stop(t, "queued");
    }
    if (!Set.of("done", "aborted").contains(status)) {
      job.put("status", "aborted").put("finished", store.now());
    }
    job.archived(true);
  }
}
