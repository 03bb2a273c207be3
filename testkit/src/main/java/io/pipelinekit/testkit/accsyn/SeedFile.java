package io.pipelinekit.testkit.accsyn;

import io.pipelinekit.testkit.accsyn.internal.json.Json;
import io.pipelinekit.testkit.accsyn.internal.json.JsonSyntaxException;
import java.util.List;
import java.util.Map;

/** Reads the JSON seed format (see docs/testing.md) into a {@link FakeAccsyn.Builder}. */
final class SeedFile {
  private SeedFile() {}

  static void apply(String json, FakeAccsyn.Builder b) {
    Map<String, Object> root;
    try {
      root = Json.parseObject(json);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("Seed is not a JSON object: " + e.getMessage(), e);
    }
    if (root.get("workspace") != null) {
      b.workspace(str(root.get("workspace")));
    }
    for (Map<String, Object> s : list(root, "sites")) {
      Os os = s.get("os") == null ? Os.LINUX : Os.parse(str(s.get("os")));
      if (Boolean.TRUE.equals(s.get("main"))) {
        b.mainSite(str(s.get("code")), os);
      } else {
        b.site(str(s.get("code")), os);
      }
    }
    for (Map<String, Object> v : list(root, "volumes")) {
      VolumePaths.Builder paths = VolumePaths.builder();
      Object p = v.get("paths");
      if (p instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getValue() != null) {
            paths.path(Os.parse(String.valueOf(e.getKey())), String.valueOf(e.getValue()));
          }
        }
      }
      Object sites = v.get("sites");
      if (sites instanceof List<?> l && !l.isEmpty()) {
        b.volume(
            str(v.get("code")),
            paths.build(),
            l.stream().map(String::valueOf).toArray(String[]::new));
      } else {
        b.volume(str(v.get("code")), paths.build());
      }
      if (Boolean.TRUE.equals(v.get("default"))) {
        b.defaultVolume(str(v.get("code")));
      }
    }
    for (Map<String, Object> f : list(root, "folders")) {
      b.folder(str(f.get("code")), str(f.get("volume")), str(f.get("path")));
    }
    for (Map<String, Object> u : list(root, "users")) {
      Role role = u.get("role") == null ? Role.STANDARD : Role.parse(str(u.get("role")));
      b.user(
          str(u.get("email")),
          role,
          spec -> {
            if (u.get("api_key") != null) {
              spec.apiKey(str(u.get("api_key")));
            }
            if (Boolean.TRUE.equals(u.get("home"))) {
              spec.home();
            }
            if (Boolean.TRUE.equals(u.get("disabled"))) {
              spec.disabled();
            }
            for (Map<String, Object> a : list(u, "apps")) {
              Os os = a.get("os") == null ? Os.LINUX : Os.parse(str(a.get("os")));
              java.util.function.Consumer<FakeAccsyn.AppSpec> cfg =
                  app -> {
                    if (Boolean.FALSE.equals(a.get("online"))) {
                      app.offline();
                    }
                    if (a.get("site") != null) {
                      app.site(str(a.get("site")));
                    }
                    if (a.get("download_dir") != null) {
                      app.downloadDir(str(a.get("download_dir")));
                    }
                    for (Map<String, Object> m : list(a, "mappings")) {
                      app.mapShare(
                          str(m.get("volume")),
                          str(m.get("path")),
                          !Boolean.FALSE.equals(m.get("read")),
                          !Boolean.FALSE.equals(m.get("write")));
                    }
                  };
              if ("userserver".equals(a.get("type"))) {
                spec.userServer(str(a.get("hostname")), os, cfg);
              } else {
                spec.app(str(a.get("hostname")), os, cfg);
              }
            }
          });
    }
    for (Map<String, Object> a : list(root, "acls")) {
      b.acl(
          str(a.get("user")),
          str(a.get("share")),
          a.get("path") == null ? "/" : str(a.get("path")),
          !Boolean.FALSE.equals(a.get("read")),
          !Boolean.FALSE.equals(a.get("write")));
    }
    for (Map<String, Object> q : list(root, "queues")) {
      b.queue(str(q.get("name")), ((Number) q.getOrDefault("priority", 500L)).intValue());
    }
    Object settings = root.get("settings");
    if (settings instanceof Map<?, ?> m) {
      m.forEach((k, v) -> b.setting(String.valueOf(k), String.valueOf(v)));
    }
    Object speed = root.get("transfer_speed");
    if (speed instanceof Number n && n.longValue() > 0) {
      b.speed(TransferSpeed.bytesPerSecond(n.longValue()));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof Map)) {
      throw new IllegalArgumentException("Seed '" + key + "' must be a list of objects");
    }
    return (List<Map<String, Object>>) v;
  }

  private static String str(Object v) {
    if (v == null) {
      throw new IllegalArgumentException("Seed is missing a required value");
    }
    return String.valueOf(v);
  }
}
