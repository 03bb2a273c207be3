package io.pipelinekit.accsyn.storage;

import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.RootTableException;
import io.pipelinekit.paths.Share;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns the workspace's own storage configuration (volumes with their per-OS and VPN paths, shared
 * folders inside them) into a path-mapping {@link RootTable}, so OS paths map to share paths
 * exactly as the server is configured.
 *
 * <pre>{@code
 * RootTable table = client.storage().rootTable();
 * PathMapper.of(table).toShare("P:\\sh010\\a.exr").orElseThrow();  // share=projects/sh010/a.exr
 * }</pre>
 *
 * <p>What the API does not expose is not in the table: per-site path overrides (set in the web
 * admin) and clients' local share mappings; add them with {@link RootTable#withLocalShareRoots} or
 * a hand-written table. Homes and collections have no OS roots and are left out. A drive written
 * bare ({@code P:}) becomes its root ({@code P:\}).
 */
public final class StorageRootTables {
  private static final Pattern BARE_DRIVE = Pattern.compile("[A-Za-z]:");

  private StorageRootTables() {}

  /**
   * Builds the table.
   *
   * @param mainSite the main site's code (usually {@code hq})
   * @param volumes the volumes
   * @param folders the shared folders; those whose volume is not among {@code volumes} are skipped
   * @return the table
   * @throws RootTableException if accsyn's configuration is itself inconsistent for path mapping
   *     (e.g. two volumes on one root); the message names the shares
   */
  public static RootTable from(String mainSite, List<Volume> volumes, List<Folder> folders) {
    Objects.requireNonNull(mainSite, "mainSite == null");
    RootTable.Builder table = RootTable.builder().mainSite(mainSite);
    Map<String, String> volumeCodes = new HashMap<>();
    for (Volume v : volumes) {
      if (v.paths().isEmpty()) {
        continue;
      }
      Share.Builder s = Share.volume(v.code());
      if (v.isDefault()) {
        s.asDefault();
      }
      for (Map.Entry<Platform, String> e : v.paths().entrySet()) {
        s.root(e.getKey(), root(e.getValue()));
      }
      table.add(s.build());
      volumeCodes.put(v.id(), v.code());
      volumeCodes.put(v.code(), v.code());
    }
    for (Folder f : folders) {
      String volume =
          f.volume()
              .map(volumeCodes::get)
              .or(() -> f.volumeHr().map(volumeCodes::get))
              .orElse(null);
      if (volume == null || f.path().isBlank()) {
        continue;
      }
      table.add(Share.folder(f.code(), volume, f.path()).build());
    }
    return table.build();
  }

  private static String root(String path) {
    String p = path.strip();
    return BARE_DRIVE.matcher(p).matches() ? p + "\\" : p;
  }
}
