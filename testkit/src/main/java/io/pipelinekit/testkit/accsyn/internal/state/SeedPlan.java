package io.pipelinekit.testkit.accsyn.internal.state;

import io.pipelinekit.testkit.accsyn.Os;
import io.pipelinekit.testkit.accsyn.Role;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fixture builder or a JSON seed asked for; applied to a {@link Store} by {@link Seeder}.
 */
public final class SeedPlan {
  /** Workspace code. */
  public String workspace = "studio";

  /** Sites in order; the first (or the one marked main) is hq. */
  public final List<SiteSpec> sites = new ArrayList<>();

  /** Volumes in order; the first is the default unless one is marked. */
  public final List<VolumeSpec> volumes = new ArrayList<>();

  /** Folders. */
  public final List<FolderSpec> folders = new ArrayList<>();

  /** Users with their apps. */
  public final List<UserSpec> users = new ArrayList<>();

  /** ACLs. */
  public final List<AclSpec> acls = new ArrayList<>();

  /** Extra queues. */
  public final List<QueueSpec> queues = new ArrayList<>();

  /** Workspace settings. */
  public final Map<String, String> settings = new LinkedHashMap<>();

  /** A site and its server. */
  public record SiteSpec(String code, boolean main, String serverHostname, Os serverOs) {}

  /** A volume; {@code sites} empty means served at every site. */
  public record VolumeSpec(String code, VolumePaths paths, boolean isDefault, List<String> sites) {}

  /** A folder share beneath a volume. */
  public record FolderSpec(String code, String volume, String path) {}

  /** A user. */
  public record UserSpec(
      String email, Role role, String apiKey, boolean home, boolean disabled, List<AppSpec> apps) {}

  /** A desktop app (type 0) or user server (type 2) of a user. */
  public record AppSpec(
      String hostname,
      Os os,
      int type,
      boolean online,
      String site,
      String downloadDir,
      Map<String, MappingSpec> mappings) {}

  /** A share mapped on a user's machine (ACCSYN_&lt;VOLUME&gt;_PATH plus Read/Write ticks). */
  public record MappingSpec(String localPath, boolean read, boolean write) {}

  /** An ACL: user to share, below a path. */
  public record AclSpec(String email, String share, String path, boolean read, boolean write) {}

  /** A queue. */
  public record QueueSpec(String name, int priority) {}
}
