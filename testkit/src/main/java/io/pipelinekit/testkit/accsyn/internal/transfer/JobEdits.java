package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to existing jobs and their tasks: renaming, re-queueing, status changes (pause, resume,
 * abort, finish, retry failed tasks) and task patches, each validated in full before anything is
 * applied.
 */
final class JobEdits {
  private final Store store;
  private final TransferEngine engine;
  private final JobFactory factory;

  JobEdits(Store store, TransferEngine engine, JobFactory factory) {
    this.store = store;
    this.engine = engine;
    this.factory = factory;
  }

  Entity edit(Caller caller, Entity job, Map<String, Object> data) {
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only modify your own transfers!");
    }
    for (String key : data.keySet()) {
      if (!List.of(
              "name", "code", "status", "queue", "parent", "metadata", "description", "settings")
          .contains(key)) {
        throw AccsynError.invalid(
            "Attribute '" + key + "' of " + job.type() + " cannot be modified!");
      }
    }
    if (data.containsKey("settings")) {
      TaskSpecs.validateSettings(data.get("settings"));
    }
    if (data.containsKey("queue")
        || data.containsKey("parent")
            && store.get("queue", String.valueOf(data.get("parent"))).isPresent()) {
      Entity q = factory.queue(data);
      job.put("parent", q.id()).put("priority", q.fields().get("priority"));
    }
    for (String key : List.of("name", "code", "metadata", "description", "settings")) {
      if (data.containsKey(key)) {
        job.put(key, data.get(key));
      }
    }
    if (data.containsKey("status")) {
      setStatus(job, String.valueOf(data.get("status")));
    }
    job.put("modified", store.now()).put("modifier", caller.user().id());
    return job;
  }

  private void setStatus(Entity job, String status) {
    List<Entity> tasks = store.all("task", t -> job.id().equals(t.str("job")));
    switch (status) {
      case "paused":
        job.put("status", "paused").put(JobStatus.PAUSED_BY_HOLD, false);
        for (Entity t : tasks) {
          engine.stop(t, "queued");
        }
        JobStatus.recompute(store, job);
        break;
      case "aborted":
        job.put("status", "aborted").put("finished", store.now());
        for (Entity t : tasks) {
          engine.stop(t, "queued");
        }
        JobStatus.recompute(store, job);
        break;
      case "waiting":
      case "pending":
        for (Entity t : tasks) {
          if (t.str("status").equals("failed")) {
            t.put("status", "queued").put("error", null).put("_bytes", 0L);
            refreshSize(t);
          }
        }
        job.put("status", "waiting").put("finished", null);
        JobStatus.recompute(store, job);
        engine.wake();
        break;
      case "done":
        for (Entity t : tasks) {
          engine.stop(t, "queued");
        }
        job.put("status", "done").put("finished", store.now()).put("progress", 100L);
        break;
      default:
        throw AccsynError.invalid(
            "Invalid status '" + status + "', use waiting, paused, aborted or done!");
    }
  }

  private void refreshSize(Entity t) {
    Object plan = t.fields().get("_plan");
    if (plan instanceof CopyPlan p) {
      t.put("size", p.size());
    }
  }

  List<Entity> editTasks(Caller caller, Entity job, List<Map<String, Object>> patches) {
    if (!caller.elevated() && !caller.user().id().equals(job.str("user"))) {
      throw AccsynError.denied("you can only modify tasks of your own transfers!");
    }
    List<Entity> tasks = store.all("task", t -> job.id().equals(t.str("job")));
    List<Entity> out = new ArrayList<>();
    for (Map<String, Object> patch : patches) {
      out.add(validatePatch(job, tasks, patch));
    }
    for (int i = 0; i < patches.size(); i++) {
      applyPatch(job, out.get(i), patches.get(i));
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return out;
  }

  /** Finds the patched task and checks the patch, changing nothing (edits are all or nothing). */
  private Entity validatePatch(Entity job, List<Entity> tasks, Map<String, Object> patch) {
    Object id = patch.get("id");
    Object uri = patch.get("uri");
    if (id == null && uri == null) {
      throw AccsynError.invalid("Each task patch needs an 'id' or a 'uri'!");
    }
    Entity task =
        tasks.stream()
            .filter(
                t ->
                    id != null
                        ? t.id().equalsIgnoreCase(String.valueOf(id))
                        : String.valueOf(uri).equals(t.str("uri")))
            .findFirst()
            .orElseThrow(
                () ->
                    AccsynError.notFound(
                        "Task '"
                            + (id != null ? id : uri)
                            + "' not found in job '"
                            + job.id()
                            + "'!"));
    for (String key : patch.keySet()) {
      if (!List.of("id", "uri", "status", "priority", "metadata").contains(key)) {
        throw AccsynError.invalid("Task attribute '" + key + "' cannot be modified!");
      }
    }
    if (patch.containsKey("priority")) {
      long p = ((Number) TaskSpecs.number(patch.get("priority"))).longValue();
      if (p < 0 || p > 1000) {
        throw AccsynError.invalid("Task priority must be within 0-1000, got " + p + "!");
      }
    }
    if (patch.containsKey("status")
        && !TaskSpecs.TASK_STATUSES.contains(String.valueOf(patch.get("status")))) {
      throw AccsynError.invalid(
          "Invalid task status '"
              + patch.get("status")
              + "', use queued, onhold, excluded, failed or done!");
    }
    return task;
  }

  private void applyPatch(Entity job, Entity task, Map<String, Object> patch) {
    if (patch.containsKey("priority")) {
      task.put("priority", ((Number) TaskSpecs.number(patch.get("priority"))).longValue());
    }
    if (patch.containsKey("metadata")) {
      task.put("metadata", patch.get("metadata"));
    }
    if (!patch.containsKey("status")) {
      return;
    }
    String s = String.valueOf(patch.get("status"));
    if (Set.of("executing", "booting").contains(task.str("status")) && !s.equals("done")) {
      engine.stop(task, s);
      return;
    }
    task.put("status", s);
    if (s.equals("queued")) {
      task.put("error", null).put("_bytes", 0L).put("finished", null);
      refreshSize(task);
      if (Set.of("failed", "done").contains(job.str("status"))) {
        job.put("status", "waiting");
      }
    }
  }
}
