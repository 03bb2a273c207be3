package io.pipelinekit.testkit.ftrack;

import io.pipelinekit.testkit.ftrack.internal.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A studio for the fake ftrack server, read from JSON (the {@code --seed} file of the standalone
 * mode; format in docs/testing.md): the API user, users, locations, asset types, and projects with
 * their contexts, assets, versions and components registered in locations.
 *
 * <pre>{@code
 * FtrackSeed seed = FtrackSeed.parse(Files.readString(Path.of("studio.json")));
 * try (FakeFtrack fake = seed.configure(FakeFtrack.builder()).build(seed::applyTo)) { … }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class FtrackSeed {
  private final Map<String, Object> root;

  private FtrackSeed(Map<String, Object> root) {
    this.root = root;
  }

  /**
   * Parses a seed.
   *
   * @param json the seed text
   * @return the seed
   * @throws IllegalArgumentException if it is not a JSON object of the seed format; the message
   *     names the offending key
   */
  @SuppressWarnings("unchecked")
  public static FtrackSeed parse(String json) {
    Object parsed = WireJson.parse(json);
    if (!(parsed instanceof Map)) {
      throw new IllegalArgumentException("an ftrack seed must be a JSON object");
    }
    FtrackSeed seed = new FtrackSeed((Map<String, Object>) parsed);
    // Apply to a throw-away store so that mistakes surface when the file is read.
    try (FakeFtrack probe = seed.configure(FakeFtrack.builder()).build()) {
      seed.applyTo(probe.fixtures());
    }
    return seed;
  }

  /**
   * Reads a seed file.
   *
   * @param file the file
   * @return the seed
   * @throws IllegalArgumentException if the file cannot be read or is not a seed
   */
  public static FtrackSeed read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the seed " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read the seed " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sets the API user of the seed ({@code "api_user": {"username": …, "api_key": …}}), if any.
   *
   * @param builder the fake's builder
   * @return the same builder
   */
  public FakeFtrack.Builder configure(FakeFtrack.Builder builder) {
    apiUser().ifPresent(u -> builder.apiUser(u.get(0), u.get(1)));
    return builder;
  }

  private Optional<List<String>> apiUser() {
    Object u = root.get("api_user");
    if (u == null) {
      return Optional.empty();
    }
    Map<String, Object> m = object(u, "api_user");
    return Optional.of(List.of(text(m, "username", "api_user"), text(m, "api_key", "api_user")));
  }

  /**
   * Creates everything the seed describes.
   *
   * @param f the fake's fixtures
   * @throws IllegalArgumentException if the seed is malformed
   */
  public void applyTo(FtrackFixtures f) {
    for (Object u : list(root, "users", "")) {
      f.user(string(u, "users[]"));
    }
    Map<String, String> locations = new HashMap<>();
    locations.put("ftrack.unmanaged", FtrackFixtures.UNMANAGED_ID);
    locations.put("ftrack.server", FtrackFixtures.SERVER_ID);
    locations.put("ftrack.origin", FtrackFixtures.ORIGIN_ID);
    locations.put("ftrack.review", FtrackFixtures.REVIEW_ID);
    locations.put("ftrack.connect", FtrackFixtures.CONNECT_ID);
    for (Object l : list(root, "locations", "")) {
      String name = string(l, "locations[]");
      locations.put(name, f.location(name));
    }
    Map<String, String> assetTypes = new HashMap<>();
    for (Object t : list(root, "asset_types", "")) {
      String name = string(t, "asset_types[]");
      assetTypes.put(name, f.assetType(name));
    }
    for (Object p : list(root, "projects", "")) {
      Map<String, Object> project = object(p, "projects[]");
      String name = text(project, "name", "projects[]");
      String id = f.project(name);
      String where = "project " + name;
      Map<String, String> paths = new HashMap<>();
      children(f, id, project, where, "", paths, locations, assetTypes);
      reviewSessionsAndLists(f, id, project, where, paths);
    }
  }

  /**
   * Review sessions (with the versions they show and their invitees) and lists of a project.
   * Versions and contexts are named by their path below the project: {@code sq010/sh010} for a
   * context, {@code sq010/sh010/comp/v2} for version 2 of the asset {@code comp} there.
   */
  private void reviewSessionsAndLists(
      FtrackFixtures f,
      String projectId,
      Map<String, Object> project,
      String where,
      Map<String, String> paths) {
    for (Object r : list(project, "review_sessions", where)) {
      Map<String, Object> rs = object(r, where + ".review_sessions[]");
      String name = text(rs, "name", where + ".review_sessions[]");
      String at = where + ": review session " + name;
      String description =
          rs.get("description") == null ? "" : string(rs.get("description"), "description");
      String id =
          f.create(
              "ReviewSession",
              Map.of("name", name, "project_id", projectId, "description", description));
      for (Object v : list(rs, "versions", at)) {
        f.reviewSessionObject(id, path(paths, string(v, "versions[]"), "version", at));
      }
      for (Object i : list(rs, "invitees", at)) {
        Map<String, Object> invitee = object(i, at + ".invitees[]");
        f.invitee(
            id,
            text(invitee, "name", at + ".invitees[]"),
            text(invitee, "email", at + ".invitees[]"));
      }
    }
    for (Object l : list(project, "lists", where)) {
      Map<String, Object> spec = object(l, where + ".lists[]");
      String name = text(spec, "name", where + ".lists[]");
      String at = where + ": list " + name;
      boolean ofVersions = spec.get("contexts") == null;
      if (!ofVersions && spec.get("versions") != null) {
        throw new IllegalArgumentException(at + ": give \"versions\" or \"contexts\", not both");
      }
      List<String> items = new ArrayList<>();
      for (Object item : list(spec, ofVersions ? "versions" : "contexts", at)) {
        items.add(path(paths, string(item, "items"), ofVersions ? "version" : "context", at));
      }
      f.list(projectId, name, items, ofVersions);
    }
  }

  private static String path(Map<String, String> paths, String path, String kind, String where) {
    String id = paths.get(kind + ":" + path);
    if (id == null) {
      throw new IllegalArgumentException(
          where
              + ": no "
              + kind
              + " '"
              + path
              + "' in this project; name it by its path below the project, e.g. "
              + (kind.equals("version") ? "sq010/sh010/comp/v1" : "sq010/sh010"));
    }
    return id;
  }

  private void children(
      FtrackFixtures f,
      String parentId,
      Map<String, Object> parent,
      String where,
      String rel,
      Map<String, String> paths,
      Map<String, String> locations,
      Map<String, String> assetTypes) {
    Map<String, String> tasks = new HashMap<>();
    for (Object c : list(parent, "children", where)) {
      Map<String, Object> child = object(c, where + ".children[]");
      String type = child.get("type") == null ? "Folder" : string(child.get("type"), "type");
      String name = text(child, "name", where + ".children[]");
      String id = f.context(type, parentId, name);
      if (type.equals("Task")) {
        tasks.put(name, id);
      }
      String childRel = rel.isEmpty() ? name : rel + "/" + name;
      paths.put("context:" + childRel, id);
      children(f, id, child, where + "/" + name, childRel, paths, locations, assetTypes);
    }
    for (Object a : list(parent, "assets", where)) {
      Map<String, Object> asset = object(a, where + ".assets[]");
      String name = text(asset, "name", where + ".assets[]");
      String type = asset.get("type") == null ? name : string(asset.get("type"), "type");
      String typeId = assetTypes.computeIfAbsent(type, f::assetType);
      String assetId = f.asset(parentId, name, typeId);
      int number = 0;
      for (Object v : list(asset, "versions", where + "/" + name)) {
        Map<String, Object> version = object(v, where + "/" + name + ".versions[]");
        number = version.get("version") == null ? number + 1 : (int) integer(version, "version");
        String task = null;
        if (version.get("task") != null) {
          task = tasks.get(string(version.get("task"), "task"));
          if (task == null) {
            throw new IllegalArgumentException(
                where
                    + ": version "
                    + number
                    + " names task '"
                    + version.get("task")
                    + "', which is not a child Task here; known: "
                    + tasks.keySet());
          }
        }
        String versionId = f.version(assetId, number, task);
        paths.put("version:" + (rel.isEmpty() ? "" : rel + "/") + name + "/v" + number, versionId);
        String at = where + "/" + name + "/v" + number;
        for (Object c : list(version, "components", at)) {
          component(f, versionId, object(c, at + ".components[]"), at, locations);
        }
      }
    }
  }

  private void component(
      FtrackFixtures f,
      String versionId,
      Map<String, Object> c,
      String where,
      Map<String, String> locations) {
    String name = text(c, "name", where + ".components[]");
    String fileType = c.get("file_type") == null ? "" : string(c.get("file_type"), "file_type");
    Map<String, Object> in =
        c.get("locations") == null ? Map.of() : object(c.get("locations"), name + ".locations");
    if (c.get("frames") != null) {
      int padding = c.get("padding") == null ? 4 : (int) integer(c, "padding");
      FtrackFixtures.SequenceIds seq =
          f.sequenceComponent(
              versionId, name, fileType, padding, frames(string(c.get("frames"), "frames")));
      for (Map.Entry<String, Object> e : in.entrySet()) {
        f.registerSequence(seq, location(locations, e.getKey(), where), string(e.getValue(), name));
      }
    } else {
      long size = c.get("size") == null ? 0 : integer(c, "size");
      String id = f.fileComponent(versionId, name, fileType, size);
      for (Map.Entry<String, Object> e : in.entrySet()) {
        f.componentLocation(id, location(locations, e.getKey(), where), string(e.getValue(), name));
      }
    }
  }

  private static String location(Map<String, String> locations, String name, String where) {
    String id = locations.get(name);
    if (id == null) {
      throw new IllegalArgumentException(
          where + ": unknown location '" + name + "'; list it under \"locations\"");
    }
    return id;
  }

  /** Parses {@code 1001-1010, 1012} into frames. */
  static int[] frames(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-', 1);
        if (dash < 0) {
          out.add(Integer.parseInt(p));
        } else {
          int first = Integer.parseInt(p.substring(0, dash).trim());
          int last = Integer.parseInt(p.substring(dash + 1).trim());
          if (last < first) {
            throw new IllegalArgumentException("frame range " + p + " runs backwards");
          }
          for (int i = first; i <= last; i++) {
            out.add(i);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "frames must look like \"1001-1010, 1012\", got \"" + text + "\"", e);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<Object> list(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      throw new IllegalArgumentException(
          (where.isEmpty() ? "" : where + ": ") + "'" + key + "' must be a list");
    }
    @SuppressWarnings("unchecked")
    List<Object> l = (List<Object>) v;
    return l;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object v, String where) {
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException(where + " must be a JSON object");
    }
    return (Map<String, Object>) v;
  }

  private static String text(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException(where + " needs \"" + key + "\"");
    }
    return string(v, key);
  }

  private static String string(Object v, String what) {
    if (!(v instanceof String) || ((String) v).isBlank()) {
      throw new IllegalArgumentException("'" + what + "' must be a non-blank string, got " + v);
    }
    return (String) v;
  }

  private static long integer(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Long)) {
      throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + v);
    }
    return (Long) v;
  }

  @Override
  public String toString() {
    return "FtrackSeed" + root.keySet();
  }
}
