package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.util.List;
import java.util.Set;

/**
 * The permission matrix of accsyn's data types: admins read and write everything; employees read
 * the workspace, queues, sites and servers, read and write transfers, deliveries, tasks and ACLs,
 * write folders, collections and homes, and see volumes only through ACLs; standard users see their
 * own user, jobs they are a party to, deliveries they receive and shares granted by ACL.
 */
public final class Access {
  private static final Set<String> EMPLOYEE_WRITES =
      Set.of(
          "transfer",
          "delivery",
          "request",
          "task",
          "acl",
          "folder",
          "collection",
          "home",
          "user",
          "file");
  private static final Set<String> STANDARD_WRITES = Set.of("transfer", "task");

  private Access() {}

  /** Whether the caller may see an entity. Call under the store lock. */
  public static boolean visible(Store store, Caller caller, Entity e) {
    if (caller.admin()) {
      return true;
    }
    String type = e.type();
    boolean employee = caller.elevated();
    switch (type) {
      case "workspace":
        return true;
      case "queue":
      case "site":
      case "engine":
        return employee;
      case "client":
        return employee || caller.user().id().equals(e.str("user"));
      case "user":
        return employee || caller.user().id().equals(e.id());
      case "transfer":
      case "compute":
      case "stream":
        return employee || partyOf(caller, e);
      case "delivery":
      case "request":
        return employee || partyOf(caller, e) || recipient(caller, e);
      case "task":
        return store.byId(e.str("job")).map(j -> visible(store, caller, j)).orElse(false);
      case "acl":
        return employee || e.str("entity").equals("user:" + caller.user().id());
      case "volume":
        return hasAnyAcl(store, caller, e);
      case "folder":
      case "collection":
        return employee || hasAnyAcl(store, caller, e);
      case "home":
        return employee || caller.user().id().equals(e.str("user")) || hasAnyAcl(store, caller, e);
      default:
        return employee;
    }
  }

  /** Throws unless the caller may create, edit or delete entities of a type. */
  public static void requireWrite(Caller caller, String type, String verb) {
    if (caller.admin()) {
      return;
    }
    Set<String> allowed = caller.elevated() ? EMPLOYEE_WRITES : STANDARD_WRITES;
    if (!allowed.contains(type)) {
      throw AccsynError.denied(
          caller.role().wireName()
              + " users are not allowed to "
              + verb
              + " "
              + type
              + " entities!");
    }
  }

  private static boolean partyOf(Caller caller, Entity job) {
    String me = caller.user().id();
    return me.equals(job.str("user"))
        || ("user:" + me).equals(job.str("source"))
        || ("user:" + me).equals(job.str("destination"));
  }

  private static boolean recipient(Caller caller, Entity job) {
    Object r = job.fields().get("recipients");
    if (r instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof java.util.Map<?, ?> m
            && caller.user().id().equals(String.valueOf(m.get("user")))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasAnyAcl(Store store, Caller caller, Entity share) {
    String me = "user:" + caller.user().id();
    for (Entity acl : store.all("acl")) {
      if (!acl.archived() && acl.str("entity").equals(me)) {
        String target = acl.str("target");
        String id = target.substring(target.indexOf(':') + 1);
        if (id.equals(share.id())) {
          return true;
        }
      }
    }
    return false;
  }
}
