package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.util.List;
import java.util.Set;

/**
 * Derives a job's status and progress from its tasks (see docs/protocol/accsyn-v3.md, "Statuses"):
 * running while a task executes; waiting while tasks are queued; when nothing is left to run:
 * failed if a task failed, paused if a task is on hold, else done. Statuses a user set (paused,
 * aborted) stick until the user changes them; a pause that came from a task on hold ends when no
 * task is on hold.
 */
public final class JobStatus {
  /** Task statuses that still have work to do. */
  public static final Set<String> ACTIVE = Set.of("queued", "booting", "executing", "pending");

  /**
   * Hidden job field: the job paused itself because a task is on hold, so it resumes by itself once
   * nothing is on hold any more. A pause the user asked for has no such mark and sticks.
   */
  public static final String PAUSED_BY_HOLD = "_paused_by_hold";

  private JobStatus() {}

  /** Recomputes status, size and progress of a job. Call under the store lock. */
  public static void recompute(Store store, Entity job) {
    List<Entity> tasks = store.all("task", t -> job.id().equals(t.str("job")));
    long size = 0;
    long done = 0;
    boolean executing = false;
    boolean queued = false;
    boolean failed = false;
    boolean onhold = false;
    for (Entity t : tasks) {
      String s = t.str("status");
      if (s.equals("excluded")) {
        continue;
      }
      long ts = number(t.fields().get("size"));
      size += ts;
      if (s.equals("done")) {
        done += ts;
      } else if (s.equals("executing") || s.equals("booting")) {
        executing = true;
        done += number(t.fields().get("_bytes"));
      } else if (s.equals("queued") || s.equals("pending")) {
        queued = true;
      } else if (s.equals("failed")) {
        failed = true;
      } else if (s.equals("onhold")) {
        onhold = true;
      }
    }
    job.put("size", size);
    String status = job.str("status");
    if (!executing) {
      job.put("speed", 0.0).put("etr", "");
    }
    boolean pausedByHold = Boolean.TRUE.equals(job.fields().get(PAUSED_BY_HOLD));
    if (status.equals("aborted") || status.equals("paused") && !pausedByHold) {
      job.put("progress", progress(done, size, false));
      return;
    }
    String next;
    if (executing) {
      next = "running";
    } else if (queued) {
      next = status.equals("running") ? "running" : "waiting";
    } else if (failed) {
      next = "failed";
    } else if (onhold) {
      next = "paused";
    } else {
      next = "done";
    }
    if (next.equals("done") && !status.equals("done")) {
      job.put("finished", store.now());
    } else if (!next.equals("done")) {
      job.put("finished", null);
    }
    job.put("status", next).put(PAUSED_BY_HOLD, next.equals("paused"));
    job.put("progress", progress(done, size, next.equals("done")));
  }

  private static long progress(long done, long size, boolean finished) {
    if (size <= 0) {
      return finished ? 100L : 0L;
    }
    return Math.min(100L, done * 100 / size);
  }

  static long number(Object v) {
    return v instanceof Number n ? n.longValue() : 0L;
  }
}
