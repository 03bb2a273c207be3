package io.pipelinekit.testkit.accsyn.internal.state;

import java.util.LinkedHashMap;
import java.util.List;

/** Home shares: one per user, a folder {@code homes/<email>} on the default volume. */
public final class Homes {
  private Homes() {}

  /** Creates (or returns) the user's home share and its directories. */
  public static Entity create(Store store, Entity user) {
    for (Entity h : store.all("home")) {
      if (user.id().equals(h.str("user")) && !h.archived()) {
        return h;
      }
    }
    Entity vol =
        store
            .defaultVolume()
            .orElseThrow(() -> new IllegalStateException("No default volume for home shares"));
    Entity home = store.create("home");
    home.put("code", user.code()).put("name", user.code()).put("user", user.id());
    home.put("parent", vol.id()).put("path", "homes/" + user.code()).put("status", "enabled");
    home.put("description", "").put("metadata", new LinkedHashMap<>()).put("created", store.now());
    for (Object siteId : (List<?>) vol.fields().get("_sites")) {
      Entity site = store.get("site", (String) siteId).orElseThrow();
      Seeder.mkdirs(Dirs.under(Dirs.volumeDir(store, site, vol), home.str("path")));
    }
    return home;
  }
}
