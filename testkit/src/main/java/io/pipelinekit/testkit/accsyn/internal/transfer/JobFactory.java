package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes the records of a job: the job entity with its queue, name and initial status, and each task
 * with its endpoints, copy plan and duplicate handling; and removes a half-made job again.
 */
final class JobFactory {
  private final Store store;

  JobFactory(Store store) {
    this.store = store;
  }

  /** Removes a job created by a request that then failed, so a create is all or nothing. */
  void discard(Entity job) {
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      store.remove(t);
    }
    store.remove(job);
  }

  Entity newJob(Caller caller, String type, Map<String, Object> data, Resolved first) {
    Entity queue = queue(data);
    Entity job = store.create(type);
    String name =
        data.get("name") != null
            ? String.valueOf(data.get("name"))
            : data.get("code") != null
                ? String.valueOf(data.get("code"))
                : first == null ? type : first.plan().source().getFileName().toString();
    String status = data.get("status") == null ? "waiting" : String.valueOf(data.get("status"));
    if (!TaskSpecs.JOB_STATUSES.contains(status)) {
      throw AccsynError.invalid("Invalid initial status '" + status + "'!");
    }
    job.put("code", name)
        .put("name", name)
        .put("type", type.equals("transfer") ? 1L : type.equals("delivery") ? 7L : 8L);
    job.put("status", status.equals("init") ? "waiting" : status);
    job.put("source", first == null ? null : first.src().ref());
    job.put("destination", first == null ? null : first.dst().ref());
    job.put("user", caller.user().id()).put("parent", queue.id());
    job.put("priority", queue.fields().get("priority"));
    job.put("size", 0L).put("progress", 0L).put("speed", 0.0).put("etr", "");
    job.put("created", store.now()).put("finished", null).put("modified", store.now());
    job.put("modifier", caller.user().id());
    job.put("metadata", data.getOrDefault("metadata", new LinkedHashMap<>()));
    job.put("settings", data.getOrDefault("settings", new LinkedHashMap<>()));
    job.put(
        "mirror",
        Boolean.TRUE.equals(data.get("mirror")) || Boolean.TRUE.equals(data.get("mirror_paths")));
    job.put("description", data.getOrDefault("description", ""));
    job.put("_uri", 0L);
    return job;
  }

  Entity queue(Map<String, Object> data) {
    Object q = data.get("queue");
    if (q == null) {
      Object p = data.get("parent");
      if (p != null && store.get("queue", String.valueOf(p)).isPresent()) {
        q = p;
      }
    }
    if (q == null) {
      return store.all("queue", e -> e.bool("default")).get(0);
    }
    String ident = String.valueOf(q);
    for (Entity e : store.all("queue")) {
      if (e.id().equals(ident)
          || ident.equalsIgnoreCase(e.code())
          || ident.equalsIgnoreCase(e.str("name"))) {
        return e;
      }
    }
    throw AccsynError.notFound("Queue '" + ident + "' not found!");
  }

  Entity addTask(Entity job, Resolved r, Map<String, Object> spec, Object allowDuplicates) {
    String key = r.plan().source() + "|" + r.plan().destination() + "|" + r.plan().into();
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      if (key.equals(t.str("_key"))) {
        if (Boolean.FALSE.equals(allowDuplicates)) {
          throw AccsynError.invalid(
              "Task '" + r.srcText() + "' already exists in job '" + job.str("name") + "'!");
        }
        if (!Boolean.TRUE.equals(allowDuplicates)) {
          if (!Set.of("executing", "booting").contains(t.str("status"))) {
            t.put("status", "queued").put("finished", null).put("_bytes", 0L).put("error", null);
            t.put("size", r.plan().size());
          }
          return t;
        }
      }
    }
    String status = spec.get("status") == null ? "queued" : String.valueOf(spec.get("status"));
    if (!TaskSpecs.TASK_STATUSES.contains(status)) {
      throw AccsynError.invalid("Invalid task status '" + status + "'!");
    }
    long priority =
        spec.get("priority") == null
            ? 500L
            : ((Number) TaskSpecs.number(spec.get("priority"))).longValue();
    if (priority < 0 || priority > 1000) {
      throw AccsynError.invalid("Task priority must be within 0-1000, got " + priority + "!");
    }
    long uri = JobStatus.number(job.fields().get("_uri"));
    job.put("_uri", uri + 1);
    Object wantedId = spec.get("id");
    Entity t =
        store.create(
            "task",
            wantedId != null
                ? String.valueOf(wantedId).toLowerCase(Locale.ROOT)
                : store.ids().uuid());
    t.put("job", job.id());
    t.put("uri", Long.toString(uri)).put("status", status).put("priority", priority);
    t.put("size", status.equals("excluded") ? 0L : r.plan().size()).put("time", 0L);
    t.put("created", store.now()).put("finished", null).put("job", job.id());
    t.put("metadata", spec.getOrDefault("metadata", new LinkedHashMap<>()));
    t.put("settings", spec.getOrDefault("settings", new LinkedHashMap<>()));
    t.put("source", TaskResolver.side(r.src(), r.srcLoc()));
    t.put("destination", TaskResolver.side(r.dst(), r.dstLoc()));
    t.put("error", null);
    t.put("_key", key).put("_plan", r.plan()).put("_bytes", 0L).put("_srctext", r.srcText());
    return t;
  }
}
