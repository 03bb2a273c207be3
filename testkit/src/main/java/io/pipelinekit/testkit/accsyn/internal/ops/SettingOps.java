package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code setting} uri: GET with a {@code name} reads one setting, GET without one lists them,
 * PUT sets one (values are strings), DELETE removes one. Settings are scoped by entity type and the
 * event's {@code id}.
 */
final class SettingOps {
  private final Store store;

  SettingOps(Store store) {
    this.store = store;
  }

  Object handle(Caller caller, WireEvent event) {
    Map<String, Object> data = event.dataMap();
    String et =
        data.get("entitytype") == null ? "workspace" : String.valueOf(data.get("entitytype"));
    String scope = et.toLowerCase(Locale.ROOT) + ":" + event.id().orElse("");
    String prefix = scope + "/";
    Map<String, String> all = store.settings();
    switch (event.httpMethod()) {
      case "GET":
        if (data.get("name") != null) {
          String name = String.valueOf(data.get("name"));
          String v = all.get(prefix + name);
          if (v == null && et.equalsIgnoreCase("workspace")) {
            v = all.get(name);
          }
          return v;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
          if (e.getKey().startsWith(prefix)) {
            out.put(e.getKey().substring(prefix.length()), e.getValue());
          } else if (!e.getKey().contains("/") && et.equalsIgnoreCase("workspace")) {
            out.put(e.getKey(), e.getValue());
          }
        }
        return out;
      case "PUT":
        requireAdminOrEmployee(caller);
        Object value = data.get("value");
        if (data.get("name") == null || value == null) {
          throw AccsynError.invalid("Setting 'name' and 'value' must be supplied!");
        }
        if (!(value instanceof String)) {
          throw AccsynError.invalid("Setting values must be strings, JSON-encode other values!");
        }
        all.put(prefix + data.get("name"), (String) value);
        return Boolean.TRUE;
      case "DELETE":
        requireAdminOrEmployee(caller);
        if (data.get("name") == null) {
          throw AccsynError.invalid("Setting 'name' must be supplied!");
        }
        String key = prefix + data.get("name");
        boolean existed =
            all.remove(key) != null || all.remove(String.valueOf(data.get("name"))) != null;
        return existed;
      default:
        throw AccsynError.invalid("Unsupported REST method for 'setting'!");
    }
  }

  private static void requireAdminOrEmployee(Caller caller) {
    if (!caller.elevated()) {
      throw AccsynError.denied("standard users cannot modify settings!");
    }
  }
}
