package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Seeder;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery recipients: {@code job/recipient/add}, {@code job/recipients}, {@code job/recipient}.
 */
final class RecipientOps {
  private final Store store;

  RecipientOps(Store store) {
    this.store = store;
  }

  Object add(Caller caller, WireEvent event) {
    Entity job = delivery(caller, event);
    Object r = event.dataMap().get("recipient");
    if (r == null) {
      throw AccsynError.invalid("No recipient supplied!");
    }
    String ident = String.valueOf(r).toLowerCase(Locale.ROOT);
    Entity user =
        store
            .byIdOrCode("user", ident)
            .orElseGet(
                () -> {
                  if (Boolean.FALSE.equals(event.dataMap().get("invite")) || !ident.contains("@")) {
                    throw AccsynError.notFound("User '" + ident + "' not found!");
                  }
                  Entity u = store.create("user");
                  u.put("code", ident).put("name", ident).put("role", "standard");
                  u.put("status", "enabled").put("created", store.now());
                  u.put("_apikey", Seeder.defaultApiKey(ident));
                  return u;
                });
    List<Object> list = recipients(job);
    for (Object o : list) {
      if (o instanceof Map<?, ?> m && user.id().equals(m.get("user"))) {
        return Boolean.TRUE;
      }
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("actioned", false);
    entry.put("user", user.id());
    entry.put("user_hr", user.code());
    list.add(entry);
    return Boolean.TRUE;
  }

  Object list(Caller caller, WireEvent event) {
    return new ArrayList<>(recipients(delivery(caller, event)));
  }

  Object remove(Caller caller, WireEvent event) {
    Entity job = delivery(caller, event);
    Object r = event.dataMap().get("recipient");
    String ident = String.valueOf(r).toLowerCase(Locale.ROOT);
    boolean removed =
        recipients(job)
            .removeIf(
                o ->
                    o instanceof Map<?, ?> m
                        && (ident.equals(m.get("user")) || ident.equals(m.get("user_hr"))));
    if (!removed) {
      throw AccsynError.notFound("Recipient '" + ident + "' not found in delivery!");
    }
    return Boolean.TRUE;
  }

  private Entity delivery(Caller caller, WireEvent event) {
    String id = event.id().orElseThrow(() -> AccsynError.invalid("No delivery ID supplied!"));
    Entity job =
        store
            .byId(id)
            .filter(e -> e.type().equals("delivery") || e.type().equals("request"))
            .orElseThrow(() -> AccsynError.notFound("Delivery '" + id + "' not found!"));
    if (!caller.elevated()) {
      throw AccsynError.denied("standard users cannot manage delivery recipients!");
    }
    return job;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> recipients(Entity job) {
    Object r = job.fields().get("recipients");
    if (!(r instanceof List)) {
      r = new ArrayList<>();
      job.put("recipients", r);
    }
    return (List<Object>) r;
  }
}
