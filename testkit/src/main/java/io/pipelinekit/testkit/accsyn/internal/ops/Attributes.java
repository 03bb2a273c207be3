package io.pipelinekit.testkit.accsyn.internal.ops;

import java.util.List;
import java.util.Map;

/** Readable, creatable and writable attributes per entity type (what {@code attributes} lists). */
public final class Attributes {
  private Attributes() {}

  /** Attributes returned by find. */
  public static final Map<String, List<String>> READ =
      Map.ofEntries(
          Map.entry(
              "user",
              List.of(
                  "id",
                  "code",
                  "name",
                  "role",
                  "status",
                  "description",
                  "logged_in",
                  "metadata",
                  "queue",
                  "created",
                  "creator",
                  "modified",
                  "modifier",
                  "inactive")),
          Map.entry("workspace", List.of("id", "code", "name", "description", "created")),
          Map.entry(
              "queue",
              List.of(
                  "id",
                  "code",
                  "name",
                  "priority",
                  "status",
                  "default",
                  "compute_default",
                  "description",
                  "metadata",
                  "created",
                  "creator",
                  "modified",
                  "modifier")),
          Map.entry(
              "transfer",
              List.of(
                  "id",
                  "code",
                  "name",
                  "status",
                  "source",
                  "source_hr",
                  "destination",
                  "destination_hr",
                  "user",
                  "user_hr",
                  "parent",
                  "parent_hr",
                  "priority",
                  "size",
                  "progress",
                  "speed",
                  "etr",
                  "created",
                  "finished",
                  "modified",
                  "modifier",
                  "metadata",
                  "settings",
                  "mirror",
                  "description")),
          Map.entry(
              "task",
              List.of(
                  "id",
                  "uri",
                  "status",
                  "priority",
                  "size",
                  "time",
                  "created",
                  "finished",
                  "job",
                  "job_hr",
                  "metadata",
                  "source",
                  "destination",
                  "error")),
          Map.entry(
              "volume",
              List.of(
                  "id",
                  "code",
                  "name",
                  "default",
                  "description",
                  "email",
                  "licensed",
                  "metadata",
                  "path",
                  "paths",
                  "queue",
                  "status",
                  "type",
                  "server",
                  "siteservers")),
          Map.entry(
              "folder",
              List.of(
                  "id",
                  "code",
                  "name",
                  "parent",
                  "parent_hr",
                  "path",
                  "queue",
                  "email",
                  "description",
                  "metadata",
                  "status")),
          Map.entry("home", List.of("id", "code", "name", "user", "user_hr", "parent", "path")),
          Map.entry("collection", List.of("id", "code", "name", "files", "description")),
          Map.entry(
              "acl",
              List.of(
                  "id",
                  "entity",
                  "entity_hr",
                  "target",
                  "target_hr",
                  "path",
                  "read",
                  "write",
                  "acknowledged",
                  "role",
                  "status",
                  "token",
                  "description",
                  "created",
                  "creator")),
          Map.entry(
              "site",
              List.of("id", "code", "name", "description", "main", "accsyn", "status", "metadata")),
          Map.entry(
              "client",
              List.of(
                  "id",
                  "code",
                  "name",
                  "type",
                  "type_hr",
                  "status",
                  "os",
                  "roles",
                  "site",
                  "site_hr",
                  "user",
                  "user_hr",
                  "username",
                  "version",
                  "last_checkin",
                  "description",
                  "metadata")));

  /** Attributes accepted by create. */
  public static final Map<String, List<String>> CREATE =
      Map.ofEntries(
          Map.entry(
              "user",
              List.of(
                  "code",
                  "name",
                  "role",
                  "description",
                  "metadata",
                  "create_home_share",
                  "give_all_volumes_access",
                  "give_default_volume_access",
                  "volumes",
                  "message",
                  "mail")),
          Map.entry("queue", List.of("name", "code", "priority", "description", "metadata")),
          Map.entry(
              "transfer",
              List.of(
                  "name",
                  "code",
                  "source",
                  "destination",
                  "tasks",
                  "status",
                  "queue",
                  "parent",
                  "settings",
                  "metadata",
                  "mirror",
                  "mirror_paths",
                  "recipients",
                  "hooks",
                  "allow_duplicates",
                  "append",
                  "description")),
          Map.entry("task", List.of("tasks", "allow_duplicates")),
          Map.entry("volume", List.of("name", "code", "paths", "server", "siteservers")),
          Map.entry("folder", List.of("parent", "path", "name", "code", "description")),
          Map.entry("home", List.of("user")),
          Map.entry("collection", List.of("name", "code", "files", "description")),
          Map.entry(
              "acl",
              List.of("entity", "target", "read", "write", "notify", "message", "path", "invite")),
          Map.entry("site", List.of("code", "name", "description")));

  /** Attributes accepted by edit. */
  public static final Map<String, List<String>> UPDATE =
      Map.ofEntries(
          Map.entry("user", List.of("name", "role", "status", "description", "metadata", "queue")),
          Map.entry("workspace", List.of("name", "description")),
          Map.entry(
              "queue", List.of("name", "priority", "status", "description", "metadata", "default")),
          Map.entry(
              "transfer",
              List.of(
                  "name",
                  "code",
                  "status",
                  "queue",
                  "parent",
                  "metadata",
                  "description",
                  "settings")),
          Map.entry("task", List.of("status", "priority", "metadata")),
          Map.entry(
              "volume", List.of("name", "description", "email", "metadata", "status", "paths")),
          Map.entry("folder", List.of("name", "description", "email", "metadata", "status")),
          Map.entry("home", List.of("description", "metadata")),
          Map.entry("collection", List.of("name", "description")),
          Map.entry("site", List.of("name", "description", "status", "metadata")),
          Map.entry("client", List.of("status", "description", "metadata")));
}
