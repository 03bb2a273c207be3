package io.pipelinekit.testkit.accsyn.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an entity looks like on the wire: its public attributes (internal {@code _} ones dropped,
 * maps and lists copied) plus the {@code <attr>_hr} human-readable companions accsyn adds for
 * references ({@code user_hr}, {@code parent_hr}, {@code site_hr}, {@code target_hr}, ...).
 */
public final class Views {
  private static final List<String> REFERENCES =
      List.of(
          "user",
          "parent",
          "site",
          "source",
          "destination",
          "entity",
          "target",
          "job",
          "creator",
          "modifier",
          "server",
          "queue");

  private Views() {}

  /** The wire view of an entity. Call under the store lock. */
  public static Map<String, Object> of(Store store, Entity e) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> f : e.fields().entrySet()) {
      if (!f.getKey().startsWith("_")) {
        out.put(f.getKey(), copy(f.getValue()));
      }
    }
    for (String ref : REFERENCES) {
      if (out.containsKey(ref) && !out.containsKey(ref + "_hr")) {
        Object v = out.get(ref);
        if (v instanceof String s) {
          humanReadable(store, s).ifPresent(hr -> out.put(ref + "_hr", hr));
        } else if (v == null) {
          out.put(ref + "_hr", null);
        }
      }
    }
    if (e.type().equals("user") || Shares.KINDS.contains(e.type()) || e.type().equals("client")) {
      out.put("inactive", e.inactive());
    }
    return out;
  }

  /**
   * The human-readable form of a reference: an id or {@code type:id} becomes the entity's code (a
   * user's e-mail, a site's code) or name.
   */
  public static Optional<String> humanReadable(Store store, String ref) {
    String id = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref;
    if (!Ids.isId(id)) {
      return Optional.empty();
    }
    return store.byId(id).map(Views::label);
  }

  /** The label accsyn shows for an entity: code, else name, else id. */
  public static String label(Entity e) {
    if (e.code() != null) {
      return e.code();
    }
    if (e.str("name") != null) {
      return e.str("name");
    }
    return e.id();
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> x : m.entrySet()) {
        if (!String.valueOf(x.getKey()).startsWith("_")) {
          out.put(String.valueOf(x.getKey()), copy(x.getValue()));
        }
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(copy(o));
      }
      return out;
    }
    return v;
  }
}
