package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.storage.Folder;
import io.pipelinekit.accsyn.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the client's own user may write a path of a volume, from their access entries (ACLs) on
 * the volume and on its folders. Admins and employees with volume access may write everywhere the
 * entries say; standard users (vendors) only where an entry grants write.
 *
 * <p>An adapter over the generic API: accsyn-client's typed {@code Access} lists the entries of one
 * share, not those of one user.
 */
final class WriteAccess {
  private record Root(String volumePath, boolean read, boolean write, boolean wholeVolume) {}

  private final List<Root> roots;
  private final boolean admin;

  private WriteAccess(List<Root> roots, boolean admin) {
    this.roots = roots;
    this.admin = admin;
  }

  /** Reads the client user's entries that touch the volume. */
  static WriteAccess of(AccsynClient accsyn, String volume) {
    if ("admin".equalsIgnoreCase(accsyn.role())) {
      return new WriteAccess(List.of(), true);
    }
    List<Root> roots = new ArrayList<>();
    Storage storage = Storage.of(accsyn);
    for (Json acl :
        accsyn.find(Query.of("acl").where("entity", Operator.EQ, "user:" + accsyn.userId()))) {
      String target = acl.string("target").orElse("");
      String id = target.substring(target.indexOf(':') + 1);
      boolean read = acl.bool("read").orElse(false);
      boolean write = acl.bool("write").orElse(false);
      String path = trim(acl.string("path").orElse("/"));
      if (storage.volume(id).filter(v -> v.code().equals(volume)).isPresent()) {
        roots.add(new Root(path, read, write, path.isEmpty()));
        continue;
      }
      Optional<Folder> f = storage.folder(id);
      if (f.isPresent()
          && (f.get().volumeHr().map(volume::equals).orElse(false)
              || f.get()
                  .volume()
                  .flatMap(storage::volume)
                  .map(v -> v.code().equals(volume))
                  .orElse(false))) {
        roots.add(new Root(join(trim(f.get().path()), path), read, write, false));
      }
    }
    return new WriteAccess(List.copyOf(roots), false);
  }

  /** Whether a volume-relative path may be written. */
  boolean canWrite(String volumePath) {
    if (admin) {
      return true;
    }
    String p = trim(volumePath).toLowerCase(Locale.ROOT);
    for (Root r : roots) {
      String root = r.volumePath().toLowerCase(Locale.ROOT);
      if (r.write() && (root.isEmpty() || p.equals(root) || p.startsWith(root + "/"))) {
        return true;
      }
    }
    return false;
  }

  /** The writable roots, for messages. */
  /** Whether the user may read and write the whole volume, as transfers between sites need. */
  boolean hasFullVolume() {
    return admin || roots.stream().anyMatch(r -> r.wholeVolume() && r.read() && r.write());
  }

  List<String> writable() {
    return roots.stream().filter(Root::write).map(Root::volumePath).toList();
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "/" + b;
  }

  private static String trim(String p) {
    String s = p.replace('\\', '/');
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
