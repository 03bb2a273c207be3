package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Dirs;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Seeder;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.state.Views;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which servers serve a volume: {@code <volume>/servers} (GET), {@code share/server} (PUT, assign a
 * site server) and {@code <volume>/server} (DELETE, unassign). Assigning a site's server makes the
 * volume available at that site (its directory is created).
 */
final class AssignmentOps {
  private final Store store;

  AssignmentOps(Store store) {
    this.store = store;
  }

  List<Object> servers(Caller caller, WireEvent event) {
    Entity volume = volume(event);
    if (!caller.elevated()) {
      throw AccsynError.denied("standard users cannot list volume servers!");
    }
    List<Object> out = new ArrayList<>();
    for (Object siteId : sites(volume)) {
      store
          .get("site", String.valueOf(siteId))
          .ifPresent(site -> out.add(Views.of(store, Seeder.server(store, site))));
    }
    return out;
  }

  Object assign(Caller caller, WireEvent event, boolean add) {
    if (!caller.admin()) {
      throw AccsynError.denied("only admins can assign servers to volumes!");
    }
    Entity volume = volume(event);
    Object c = event.dataMap().get("client");
    if (c == null) {
      c = event.dataMap().get("server");
    }
    if (c == null) {
      throw AccsynError.invalid("Supply the server to assign as 'client'!");
    }
    String id = String.valueOf(c).toLowerCase(Locale.ROOT);
    Entity server =
        store
            .get("client", id)
            .filter(x -> Long.valueOf(1).equals(x.fields().get("type")))
            .orElseThrow(() -> AccsynError.notFound("Server '" + id + "' not found!"));
    Entity site = store.get("site", server.str("site")).orElseThrow();
    List<Object> sites = sites(volume);
    @SuppressWarnings("unchecked")
    List<Object> siteServers = (List<Object>) volume.fields().get("siteservers");
    if (add) {
      if (!sites.contains(site.id())) {
        sites.add(site.id());
        Seeder.mkdirs(Dirs.volumeDir(store, site, volume));
      }
      if (!site.bool("main") && !siteServers.contains(server.id())) {
        siteServers.add(server.id());
      }
    } else {
      if (site.bool("main")) {
        throw AccsynError.invalid("The main site's server cannot be unassigned from a volume!");
      }
      sites.remove(site.id());
      siteServers.remove(server.id());
    }
    return Boolean.TRUE;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> sites(Entity volume) {
    return (List<Object>) volume.fields().get("_sites");
  }

  private Entity volume(WireEvent event) {
    String id = event.id().orElseThrow(() -> AccsynError.invalid("No volume ID supplied!"));
    return store
        .get("volume", id.toLowerCase(Locale.ROOT))
        .filter(v -> !v.archived())
        .orElseThrow(() -> AccsynError.notFound("Volume '" + id + "' not found!"));
  }
}
