package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.state.Acls;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deliveries and requests: creating one from files on the workspace's storage and a list of
 * recipients, and the download job a recipient starts from it.
 */
final class Deliveries {
  private final Store store;
  private final TransferEngine engine;
  private final JobFactory factory;
  private final TaskResolver resolver;

  Deliveries(Store store, TransferEngine engine, JobFactory factory, TaskResolver resolver) {
    this.store = store;
    this.engine = engine;
    this.factory = factory;
    this.resolver = resolver;
  }

  Entity createDelivery(Caller caller, String type, Map<String, Object> data) {
    if (!caller.elevated()) {
      throw AccsynError.denied("standard users cannot create " + type + " entities!");
    }
    Entity job = factory.newJob(caller, type, data, null);
    try {
      return fillDelivery(caller, job, data);
    } catch (RuntimeException e) {
      factory.discard(job);
      throw e;
    }
  }

  private Entity fillDelivery(Caller caller, Entity job, Map<String, Object> data) {
    job.put("source", "workspace:" + store.workspace().id()).put("destination", null);
    job.put("public", false).put("recipients", new ArrayList<>());
    List<Object> files = new ArrayList<>();
    Object tasks = data.get("tasks");
    if (tasks instanceof List<?> list) {
      for (Object o : list) {
        String path = String.valueOf(o instanceof Map<?, ?> m ? m.get("source") : o);
        String within = o instanceof Map<?, ?> m ? subfolder(m.get("destination")) : null;
        Location loc = Locations.atSite(store, store.mainSite(), path, caller.user());
        if (!caller.admin()
            && Acls.covering(store, caller.user(), loc.volume(), loc.volumeRelative(), false)
                .isEmpty()) {
          throw AccsynError.denied("you have no read access to '" + path + "'!");
        }
        if (!java.nio.file.Files.exists(loc.physical())) {
          throw AccsynError.notFound(
              "E#J001 File or directory not found at server: " + loc.absolute());
        }
        long uri = JobStatus.number(job.fields().get("_uri"));
        job.put("_uri", uri + 1);
        Entity t = store.create("task", store.ids().uuid());
        CopyPlan plan = new CopyPlan(loc.physical(), loc.physical(), false);
        t.put("uri", Long.toString(uri)).put("status", "done").put("priority", 500L);
        t.put("size", plan.size()).put("time", 0L).put("created", store.now());
        t.put("finished", store.now()).put("job", job.id()).put("metadata", new LinkedHashMap<>());
        t.put("source", TaskResolver.side(resolver.workspaceEndpoint(), loc))
            .put("destination", within)
            .put("error", null);
        t.put("_location", loc).put("_plan", plan);
        files.add(t.id());
      }
    }
    Object recipients = data.get("recipients");
    if (recipients instanceof List<?> list) {
      for (Object r : list) {
        String email = String.valueOf(r).trim().toLowerCase(Locale.ROOT);
        Entity user =
            store
                .byCode("user", email)
                .orElseThrow(() -> AccsynError.notFound("Recipient '" + email + "' not found!"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("actioned", false);
        entry.put("user", user.id());
        entry.put("user_hr", user.code());
        @SuppressWarnings("unchecked")
        List<Object> rl = (List<Object>) job.fields().get("recipients");
        rl.add(entry);
      }
    }
    boolean submitted = !files.isEmpty() && !((List<?>) job.fields().get("recipients")).isEmpty();
    String wanted = data.get("status") == null ? null : String.valueOf(data.get("status"));
    job.put("status", "init".equals(wanted) || !submitted ? "init" : "waiting");
    long size = 0;
    for (Entity t : store.all("task", t -> job.id().equals(t.str("job")))) {
      size += JobStatus.number(t.fields().get("size"));
    }
    job.put("size", size).put("progress", 0L);
    return job;
  }

  Entity downloadDelivery(Caller caller, Entity delivery, Map<String, Object> data) {
    boolean recipient = false;
    Object rl = delivery.fields().get("recipients");
    if (rl instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && caller.user().id().equals(m.get("user"))) {
          recipient = true;
          castMap(m).put("actioned", true);
        }
      }
    }
    if (!recipient && !caller.elevated()) {
      throw AccsynError.denied(
          "you are not a recipient of delivery '" + delivery.str("name") + "'!");
    }
    Object dest = data.get("destination");
    if (dest == null) {
      throw AccsynError.invalid("Supply a 'destination' to download the delivery to!");
    }
    String destText = String.valueOf(dest);
    Party dst = Party.parse(destText, store.workspace().code());
    Endpoint dstEnd =
        dst.kind().equals("none")
            ? new Endpoint(
                "user:" + caller.user().id(),
                null,
                resolver.clientOf(caller.user(), null),
                caller.user())
            : resolver.endpoint(caller, dst);
    Location dstLoc = resolver.locate(caller, dstEnd, dst.path() == null ? "" : dst.path());
    Entity job = factory.newJob(caller, "transfer", Map.of("name", delivery.str("name")), null);
    job.put("source", "workspace:" + store.workspace().id()).put("destination", dstEnd.ref());
    job.put("parent", delivery.id());
    for (Entity file : store.all("task", t -> delivery.id().equals(t.str("job")))) {
      Location loc = (Location) file.fields().get("_location");
      String within = file.str("destination");
      CopyPlan plan =
          within == null
              ? new CopyPlan(loc.physical(), dstLoc.physical(), true)
              : new CopyPlan(
                  loc.physical(),
                  dstLoc.physical().resolve(stripSlash(within)),
                  within.endsWith("/"));
      Resolved r =
          new Resolved(
              resolver.workspaceEndpoint(), dstEnd, loc, dstLoc, plan, loc.absolute(), destText);
      factory.addTask(job, r, Map.of(), null);
    }
    JobStatus.recompute(store, job);
    engine.wake();
    return job;
  }

  /**
   * A delivery file's place in the package: a path relative to wherever the recipient downloads it,
   * a trailing slash meaning "inside this folder"; {@code null} puts the file at the top.
   */
  private static String subfolder(Object destination) {
    if (destination == null) {
      return null;
    }
    String d = String.valueOf(destination).replace('\\', '/');
    boolean escapes = false;
    for (String part : d.split("/")) {
      escapes |= part.equals("..");
    }
    if (d.isBlank() || d.startsWith("/") || d.contains(":") || escapes) {
      throw AccsynError.invalid(
          "A delivery file's destination must be a path relative to the download folder, got '"
              + destination
              + "'!");
    }
    return d;
  }

  private static String stripSlash(String within) {
    return within.endsWith("/") ? within.substring(0, within.length() - 1) : within;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
