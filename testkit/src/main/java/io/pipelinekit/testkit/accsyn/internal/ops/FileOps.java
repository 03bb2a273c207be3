package io.pipelinekit.testkit.accsyn.internal.ops;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.state.Acls;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.transfer.Location;
import io.pipelinekit.testkit.accsyn.internal.transfer.Locations;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code workspace/file}: ls, getsize, exists, mkdir, rename, move and delete on the workspace's
 * storage (the main site), with include/exclude filters and ACL checks.
 */
final class FileOps {
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private final Store store;

  FileOps(Store store) {
    this.store = store;
  }

  Object handle(Caller caller, WireEvent event) {
    Map<String, Object> data = event.dataMap();
    Object op = data.get("op");
    if (op == null) {
      throw AccsynError.invalid("No file operation ('op') supplied!");
    }
    Object path = data.get("path");
    if (path instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object p : list) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", p);
        entry.put(
            "result", one(caller, event.httpMethod(), String.valueOf(op), String.valueOf(p), data));
        out.add(entry);
      }
      return out;
    }
    if (path == null || String.valueOf(path).isBlank()) {
      throw AccsynError.invalid("No path supplied for file operation '" + op + "'!");
    }
    return one(caller, event.httpMethod(), String.valueOf(op), String.valueOf(path), data);
  }

  private Object one(
      Caller caller, String method, String op, String path, Map<String, Object> data) {
    switch (op) {
      case "ls":
        requireMethod(method, "GET", op);
        return ls(caller, path, data);
      case "getsize":
        requireMethod(method, "GET", op);
        Location g = resolve(caller, path, false);
        requireExists(g, path);
        return size(g.physical(), filters(data));
      case "exists":
        requireMethod(method, "GET", op);
        return Files.exists(resolve(caller, path, false).physical());
      case "mkdir":
        requireMethod(method, "POST", op);
        Location m = resolve(caller, path, true);
        try {
          Files.createDirectories(m.physical());
        } catch (IOException e) {
          throw AccsynError.invalid(
              "Could not create directory '" + path + "': " + e.getMessage() + "!");
        }
        return Boolean.TRUE;
      case "rename":
      case "move":
        requireMethod(method, "PUT", op);
        return move(caller, op, path, data);
      case "delete":
        requireMethod(method, "POST", op);
        return delete(caller, path, Boolean.TRUE.equals(data.get("force")));
      default:
        throw AccsynError.invalid("Unknown file operation '" + op + "'!");
    }
  }

  private Location resolve(Caller caller, String path, boolean write) {
    Location loc = Locations.atSite(store, store.mainSite(), path, caller.user());
    if (!caller.admin()
        && Acls.covering(store, caller.user(), loc.volume(), loc.volumeRelative(), write)
            .isEmpty()) {
      throw AccsynError.denied(
          "you have no " + (write ? "write" : "read") + " access to '" + path + "'!");
    }
    return loc;
  }

  private static void requireExists(Location loc, String path) {
    if (!Files.exists(loc.physical())) {
      throw AccsynError.notFound("Path '" + path + "' does not exist!");
    }
  }

  private Object ls(Caller caller, String path, Map<String, Object> data) {
    if (path.toLowerCase(Locale.ROOT).startsWith("delivery=")) {
      return lsDelivery(caller, path.substring("delivery=".length()));
    }
    Location loc = resolve(caller, path, false);
    requireExists(loc, path);
    boolean recursive = Boolean.TRUE.equals(data.get("recursive"));
    long maxDepth = EntityOps.number(data.get("maxdepth"), recursive ? Long.MAX_VALUE : 1);
    Filters f = filters(data);
    return list(loc.physical(), recursive, maxDepth, 1, data, f);
  }

  private List<Object> lsDelivery(Caller caller, String id) {
    Entity delivery =
        store
            .byId(id.split("/")[0])
            .filter(e -> e.type().equals("delivery") || e.type().equals("request"))
            .orElseThrow(() -> AccsynError.notFound("Delivery '" + id + "' not found!"));
    if (!Access.visible(store, caller, delivery)) {
      throw AccsynError.denied(
          "you are not a recipient of delivery '" + delivery.str("name") + "'!");
    }
    List<Object> out = new ArrayList<>();
    for (Entity task : store.all("task", t -> delivery.id().equals(t.str("job")))) {
      Object loc = task.fields().get("_location");
      if (loc instanceof Location l) {
        Map<String, Object> e = new LinkedHashMap<>();
        boolean dir = Files.isDirectory(l.physical());
        e.put("type", dir ? 0L : 1L);
        e.put("filename", l.physical().getFileName().toString());
        e.put("size", task.fields().get("size"));
        out.add(e);
      }
    }
    return out;
  }

  private List<Object> list(
      Path dir, boolean recursive, long maxDepth, long depth, Map<String, Object> data, Filters f) {
    List<Object> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      out.add(entry(dir, data, f, recursive, maxDepth, depth));
      return out;
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(children::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString()));
    boolean filesOnly = Boolean.TRUE.equals(data.get("files_only"));
    boolean dirsOnly = Boolean.TRUE.equals(data.get("directories_only"));
    for (Path c : children) {
      String name = c.getFileName().toString();
      if (name.endsWith(".part") && name.startsWith(".")) {
        continue;
      }
      boolean isDir = Files.isDirectory(c);
      if ((filesOnly && isDir) || (dirsOnly && !isDir) || !f.accept(name)) {
        continue;
      }
      out.add(entry(c, data, f, recursive, maxDepth, depth));
    }
    return out;
  }

  private Map<String, Object> entry(
      Path p, Map<String, Object> data, Filters f, boolean recursive, long maxDepth, long depth) {
    Map<String, Object> e = new LinkedHashMap<>();
    boolean isDir = Files.isDirectory(p);
    e.put("type", isDir ? 0L : 1L);
    e.put("filename", p.getFileName().toString());
    try {
      e.put(
          "size",
          isDir ? (Boolean.TRUE.equals(data.get("getsize")) ? size(p, f) : 0L) : Files.size(p));
      e.put(
          "modified",
          LocalDateTime.ofInstant(Files.getLastModifiedTime(p).toInstant(), ZoneOffset.UTC)
              .format(WIRE_TIME));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (isDir && recursive && depth < maxDepth) {
      e.put("files", list(p, true, maxDepth, depth + 1, data, f));
    }
    return e;
  }

  private static long size(Path p, Filters f) {
    if (!Files.isDirectory(p)) {
      try {
        return Files.size(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile)
          .filter(x -> f.accept(x.getFileName().toString()))
          .mapToLong(
              x -> {
                try {
                  return Files.size(x);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object move(Caller caller, String op, String path, Map<String, Object> data) {
    Object to = data.get("path_to");
    if (to == null) {
      throw AccsynError.invalid("No target path ('path_to') supplied!");
    }
    Location from = resolve(caller, path, true);
    requireExists(from, path);
    Location target = resolve(caller, String.valueOf(to), true);
    if (op.equals("rename") && !from.physical().getParent().equals(target.physical().getParent())) {
      throw AccsynError.invalid("Rename target must be in the same directory, use move instead!");
    }
    try {
      Files.createDirectories(target.physical().getParent());
      Files.move(from.physical(), target.physical(), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw AccsynError.invalid("Could not " + op + " '" + path + "': " + e.getMessage() + "!");
    }
    return Boolean.TRUE;
  }

  private Object delete(Caller caller, String path, boolean force) {
    Location loc = resolve(caller, path, true);
    requireExists(loc, path);
    Path p = loc.physical();
    try {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          if (s.findAny().isPresent() && !force) {
            throw AccsynError.invalid("Cannot delete non-empty directory '" + path + "'!");
          }
        }
        try (Stream<Path> s = Files.walk(p)) {
          for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(x);
          }
        }
      } else {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw AccsynError.invalid("Could not delete '" + path + "': " + e.getMessage() + "!");
    }
    return Boolean.TRUE;
  }

  private static void requireMethod(String method, String wanted, String op) {
    if (!method.equals(wanted)) {
      throw AccsynError.invalid("File operation '" + op + "' expects HTTP " + wanted + "!");
    }
  }

  private static Filters filters(Map<String, Object> data) {
    return new Filters(patterns(data.get("include")), patterns(data.get("exclude")));
  }

  private static List<NameFilter> patterns(Object spec) {
    List<NameFilter> out = new ArrayList<>();
    if (spec == null) {
      return out;
    }
    List<?> items = spec instanceof List<?> l ? l : List.of(spec);
    for (Object o : items) {
      String s = String.valueOf(o);
      if (s.startsWith("re('") && s.endsWith(")")) {
        String inner = s.substring(4, s.lastIndexOf('\''));
        boolean sensitive = s.contains("', 'I')") || s.contains("','I')");
        out.add(
            new NameFilter(Pattern.compile(inner, sensitive ? 0 : Pattern.CASE_INSENSITIVE), true));
      } else {
        List<String> parts = new ArrayList<>();
        for (String part : s.split("\\*", -1)) {
          parts.add(Pattern.quote(part));
        }
        out.add(
            new NameFilter(
                Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE), false));
      }
    }
    return out;
  }

  /** One include/exclude filter: a wildcard (whole-name match) or a {@code re('...')} regex. */
  private record NameFilter(Pattern pattern, boolean regex) {
    boolean test(String name) {
      return regex ? pattern.matcher(name).find() : pattern.matcher(name).matches();
    }
  }

  /** include/exclude name filters; include wins. */
  private record Filters(List<NameFilter> include, List<NameFilter> exclude) {
    boolean accept(String name) {
      if (!include.isEmpty()) {
        return include.stream().anyMatch(f -> f.test(name));
      }
      return exclude.stream().noneMatch(f -> f.test(name));
    }
  }
}
