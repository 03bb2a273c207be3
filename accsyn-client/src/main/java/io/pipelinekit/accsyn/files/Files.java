package io.pipelinekit.accsyn.files;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Calls;
import io.pipelinekit.accsyn.internal.typed.JsonValues;
import io.pipelinekit.accsyn.party.AccsynPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * File operations on accsyn paths (event uri {@code workspace/file}; see
 * docs/protocol/accsyn-v3.md, "Files"): ls, exists, size, mkdir, rename, move, delete. {@code
 * exists}, {@code mkdir} and {@code delete} also take several paths in one call. Thread-safe;
 * obtain it from {@code client.files()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * Files files = client.files();
 * files.mkdir(AccsynPath.folder("theproject", "review"));
 * boolean there = files.exists(AccsynPath.share("proj", "sh010", "comp.mov"));
 * }</pre>
 *
 * <p>Creating, moving and deleting are not idempotent and never retried; listing and checks are
 * reads and may be.
 */
public final class Files {
  private static final String URI = "workspace/file";
  private final AccsynClient client;

  private Files(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The file API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Files of(AccsynClient client) {
    return new Files(client);
  }

  /**
   * Lists a directory, one level.
   *
   * @param path the directory
   * @return the entries
   */
  public List<FileEntry> ls(AccsynPath path) {
    return ls(path, LsOptions.defaults());
  }

  /**
   * Lists a directory.
   *
   * @param path the directory (also {@code delivery=<id>} or {@code collection=<code>})
   * @param options depth, sizes and filters
   * @return the entries
   */
  public List<FileEntry> ls(AccsynPath path, LsOptions options) {
    Map<String, Object> data = JsonValues.object();
    data.put("op", "ls");
    data.put("path", text(path));
    data.put("download", true);
    options.putInto(data);
    Json r = Calls.result(client, HttpMethod.GET, URI, data, null, null);
    return Calls.list(r).stream().filter(Json::isObject).map(FileEntry::fromJson).toList();
  }

  /**
   * Whether a path exists.
   *
   * @param path the path
   * @return true if it exists
   */
  public boolean exists(AccsynPath path) {
    Json r = op(HttpMethod.GET, "exists", text(path));
    return Calls.truthy(r);
  }

  /**
   * Whether each of several paths exists, in one call.
   *
   * @param paths the paths
   * @return path → exists, in the given order
   */
  public Map<AccsynPath, Boolean> exists(List<AccsynPath> paths) {
    Map<AccsynPath, Json> results = batch(HttpMethod.GET, "exists", paths);
    Map<AccsynPath, Boolean> out = new LinkedHashMap<>();
    results.forEach((p, r) -> out.put(p, Calls.truthy(r)));
    return out;
  }

  /**
   * The size in bytes of a file or directory tree.
   *
   * @param path the path
   * @return the size
   */
  public long size(AccsynPath path) {
    return size(path, List.of(), List.of());
  }

  /**
   * The size in bytes of what matches the filters under a path.
   *
   * @param path the path
   * @param includes include filters
   * @param excludes exclude filters
   * @return the size
   */
  public long size(AccsynPath path, List<String> includes, List<String> excludes) {
    Map<String, Object> data = JsonValues.object();
    data.put("op", "getsize");
    data.put("path", text(path));
    if (!includes.isEmpty()) {
      data.put("include", includes);
    }
    if (!excludes.isEmpty()) {
      data.put("exclude", excludes);
    }
    Json r = Calls.result(client, HttpMethod.GET, URI, data, null, null);
    if (r.type() != Json.Type.NUMBER) {
      throw new AccsynException("accsyn sent a size that is not a number: " + r);
    }
    return r.asLong();
  }

  /**
   * Creates a directory.
   *
   * @param path the directory
   */
  public void mkdir(AccsynPath path) {
    op(HttpMethod.POST, "mkdir", text(path));
  }

  /**
   * Creates several directories in one call.
   *
   * @param paths the directories
   */
  public void mkdirs(List<AccsynPath> paths) {
    batch(HttpMethod.POST, "mkdir", paths);
  }

  /**
   * Renames a file or directory within its directory.
   *
   * @param path the path
   * @param newName the new name (no separators)
   */
  public void rename(AccsynPath path, String newName) {
    Objects.requireNonNull(newName, "newName == null");
    if (newName.isEmpty() || newName.contains("/") || newName.contains("\\")) {
      throw new IllegalArgumentException(
          "rename keeps the directory; give a name without separators, or use move()");
    }
    List<String> parent = path.components();
    if (parent.isEmpty()) {
      throw new IllegalArgumentException("cannot rename a share root: " + path);
    }
    AccsynPath to = withLastComponent(path, newName);
    two("rename", path, to);
  }

  /**
   * Moves a file or directory.
   *
   * @param from the source
   * @param to the destination
   */
  public void move(AccsynPath from, AccsynPath to) {
    two("move", from, to);
  }

  /**
   * Deletes a file or an empty directory.
   *
   * @param path the path
   */
  public void delete(AccsynPath path) {
    delete(path, false);
  }

  /**
   * Deletes a file or directory.
   *
   * @param path the path
   * @param force also delete a non-empty directory
   */
  public void delete(AccsynPath path, boolean force) {
    Map<String, Object> data = JsonValues.object();
    data.put("op", "delete");
    data.put("path", text(path));
    data.put("force", force);
    Calls.result(client, HttpMethod.POST, URI, data, null, null);
  }

  /**
   * Deletes several paths in one call.
   *
   * @param paths the paths
   * @param force also delete non-empty directories
   */
  public void delete(List<AccsynPath> paths, boolean force) {
    Map<String, Object> data = JsonValues.object();
    data.put("op", "delete");
    data.put("path", texts(paths));
    data.put("force", force);
    Calls.result(client, HttpMethod.POST, URI, data, null, null);
  }

  private void two(String op, AccsynPath from, AccsynPath to) {
    Map<String, Object> data = JsonValues.object();
    data.put("op", op);
    data.put("path", text(from));
    data.put("path_to", text(to));
    Calls.result(client, HttpMethod.PUT, URI, data, null, null);
  }

  private Json op(HttpMethod method, String op, Object path) {
    Map<String, Object> data = JsonValues.object();
    data.put("op", op);
    data.put("path", path);
    return Calls.result(client, method, URI, data, null, null);
  }

  private Map<AccsynPath, Json> batch(HttpMethod method, String op, List<AccsynPath> paths) {
    Json r = op(method, op, texts(paths));
    Map<String, Json> byText = new LinkedHashMap<>();
    for (Json e : Calls.list(r)) {
      if (e.isObject()) {
        e.string("path").ifPresent(p -> byText.put(p, e.get("result").orElse(Json.nullValue())));
      }
    }
    Map<AccsynPath, Json> out = new LinkedHashMap<>();
    for (AccsynPath p : paths) {
      out.put(p, byText.getOrDefault(p.toString(), Json.nullValue()));
    }
    return out;
  }

  private static List<String> texts(List<AccsynPath> paths) {
    Objects.requireNonNull(paths, "paths == null");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("give at least one path");
    }
    List<String> out = new ArrayList<>(paths.size());
    for (AccsynPath p : paths) {
      out.add(text(p));
    }
    return out;
  }

  private static String text(AccsynPath p) {
    Objects.requireNonNull(p, "path == null");
    if (p.kind() == AccsynPath.Kind.MIRROR || p.kind() == AccsynPath.Kind.PLACEHOLDER) {
      throw new IllegalArgumentException("a file operation needs a path, not " + p.kind());
    }
    return p.toString();
  }

  private static AccsynPath withLastComponent(AccsynPath p, String name) {
    String s = p.asTarget().toString();
    int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    return AccsynPath.parse(s.substring(0, cut + 1) + name);
  }
}
