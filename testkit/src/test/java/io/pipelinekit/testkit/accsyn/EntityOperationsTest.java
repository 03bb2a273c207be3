package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create, update, delete, permissions and file operations over raw HTTP. */
class EntityOperationsTest {
  @TempDir Path root;
  private FakeAccsyn fake;
  private RawAccsyn admin;
  private RawAccsyn anna;
  private RawAccsyn vic;

  @BeforeEach
  void start() {
    fake =
        FakeAccsyn.builder()
            .root(root)
            .site("hq")
            .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
            .volume("archive", VolumePaths.of("/mnt/archive", "A:", "/Volumes/archive"))
            .folder("vendor_in", "storage", "incoming/vendors")
            .employee("anna@studio.com")
            .vendor("vic@vendor.com")
            .acl("anna@studio.com", "storage", "/", true, true)
            .acl("vic@vendor.com", "vendor_in", "/", true, false)
            .build();
    admin = new RawAccsyn(fake.adminCredentials());
    anna = new RawAccsyn(fake.credentials("anna@studio.com"));
    vic = new RawAccsyn(fake.credentials("vic@vendor.com"));
    admin.login();
    anna.login();
    vic.login();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void createFindUpdateDeleteFolder() {
    Map<String, Object> folder =
        anna.event(
                "POST",
                "folder/create",
                map("parent", "storage", "path", "proj/TheFilm", "name", "The Film"),
                null,
                null)
            .first();
    assertThat(folder).containsEntry("code", "the_film").containsEntry("parent_hr", "storage");
    assertThat(fake.volumeDir("hq", "storage").resolve("proj/TheFilm")).isDirectory();
    String id = (String) folder.get("id");
    Map<String, Object> edited =
        anna.event("PUT", "folder/edit", map("description", "hero film"), null, id).first();
    assertThat(edited).containsEntry("description", "hero film").containsKey("modified");
    assertThat(anna.event("PUT", "folder/edit", map("path", "x"), null, id).message())
        .isEqualTo("Attribute 'path' of folder cannot be modified!");
    assertThat(anna.event("DELETE", "folder/delete", null, null, id).result()).isEqualTo(true);
    assertThat(admin.find("folder/find", map(), "code=the_film", null).list()).isEmpty();
    assertThat(admin.find("folder/find", map("archived", true), "code=the_film", null).list())
        .hasSize(1);
    assertThat(
            anna.event("POST", "folder/create", map("path", "x", "name", "vendor_in"), null, null)
                .message())
        .isEqualTo("A share with code 'vendor_in' already exists!");
  }

  @Test
  void usersAreInvitedAndRoleRulesApply() {
    Map<String, Object> user =
        admin
            .event(
                "POST",
                "user/create",
                map("code", "New@Vendor.com", "role", "standard"),
                null,
                null)
            .first();
    assertThat(user).containsEntry("code", "new@vendor.com").containsEntry("role", "standard");
    assertThat(
            anna.event(
                    "POST",
                    "user/create",
                    map("code", "boss@studio.com", "role", "admin"),
                    null,
                    null)
                .message())
        .isEqualTo("Permission denied - only admins can create admin users!");
    assertThat(
            admin.event("POST", "user/create", map("code", "not-an-email"), null, null).message())
        .isEqualTo("Invalid user E-mail address 'not-an-email'!");
    assertThat(
            admin
                .event("POST", "user/create", map("code", "x@y.com", "colour", "red"), null, null)
                .message())
        .isEqualTo("Attribute 'colour' is not supported when creating a user!");
  }

  @Test
  void permissionMatrix() {
    RawAccsyn.Reply volume =
        anna.event(
            "POST", "volume/create", map("name", "v2", "paths", map("linux", "/v2")), null, null);
    assertThat(volume.message())
        .isEqualTo("Permission denied - employee users are not allowed to create volume entities!");
    assertThat(volume.messageHr()).doesNotStartWith("Permission denied");
    assertThat(volume.status()).isEqualTo(403);
    assertThat(anna.find("volume/find", map(), null, null).list())
        .extracting(v -> v.get("code"))
        .containsExactly("storage");
    assertThat(vic.find("volume/find", map(), null, null).list()).isEmpty();
    assertThat(vic.find("folder/find", map(), null, null).list())
        .extracting(v -> v.get("code"))
        .containsExactly("vendor_in");
    assertThat(vic.find("user/find", map(), null, null).list())
        .extracting(v -> v.get("code"))
        .containsExactly("vic@vendor.com");
    assertThat(vic.find("site/find", map(), null, null).list()).isEmpty();
    assertThat(vic.event("POST", "folder/create", map("path", "x"), null, null).message())
        .isEqualTo("Permission denied - standard users are not allowed to create folder entities!");
    assertThat(admin.event("POST", "app/create", map("code", "x"), null, null).message())
        .startsWith("Clients cannot be created through the API");
  }

  @Test
  void aclCreateIsIdempotentAndRevokable() {
    String vicId = fake.state().idOf("user", "vic@vendor.com").orElseThrow();
    String folderId = fake.state().idOf("folder", "vendor_in").orElseThrow();
    Map<String, Object> acl =
        admin
            .event(
                "POST",
                "acl/create",
                map(
                    "entity",
                    "user:" + vicId,
                    "target",
                    "share:" + folderId,
                    "read",
                    true,
                    "write",
                    true,
                    "path",
                    "vic"),
                null,
                null)
            .first();
    assertThat(acl)
        .containsEntry("target_hr", "vendor_in")
        .containsEntry("entity_hr", "vic@vendor.com")
        .containsEntry("path", "vic");
    assertThat(
            admin
                .event(
                    "POST",
                    "acl/create",
                    map("entity", "user:" + vicId, "target", "share:" + folderId, "path", "vic"),
                    null,
                    null)
                .result())
        .isEqualTo(List.of(true));
    List<Map<String, Object>> found =
        admin
            .find(
                "acl/find",
                map(),
                "acl WHERE entity=user:" + vicId + " AND target=share:" + folderId,
                null)
            .list();
    assertThat(found).hasSize(2);
    assertThat(
            admin
                .event("PUT", "acl/edit", map("read", false), null, (String) acl.get("id"))
                .message())
        .startsWith("ACLs cannot be updated");
    assertThat(admin.event("DELETE", "acl/delete", map(), null, (String) acl.get("id")).result())
        .isEqualTo(true);
    assertThat(admin.find("acl/find", map(), "entity=user:" + vicId, null).list()).hasSize(1);
  }

  @Test
  void fileOperationsOnTheDefaultVolume() throws Exception {
    Path storage = fake.volumeDir("hq", "storage");
    Files.createDirectories(storage.resolve("proj/sh010"));
    Files.writeString(storage.resolve("proj/sh010/a.exr"), "aaaa");
    Files.writeString(storage.resolve("proj/sh010/b.jpg"), "bb");
    RawAccsyn.Reply ls =
        anna.find(
            "workspace/file",
            map(
                "op",
                "ls",
                "path",
                "share=storage/proj",
                "download",
                true,
                "recursive",
                true,
                "getsize",
                true),
            null,
            null);
    Map<String, Object> dir = ls.first();
    assertThat(dir)
        .containsEntry("filename", "sh010")
        .containsEntry("type", 0.0)
        .containsEntry("size", 6.0);
    assertThat(
            anna.find(
                    "workspace/file",
                    map("op", "getsize", "path", "proj", "include", "*.exr"),
                    null,
                    null)
                .result())
        .isEqualTo(4.0);
    assertThat(
            anna.find("workspace/file", map("op", "exists", "path", "proj/sh010/a.exr"), null, null)
                .result())
        .isEqualTo(true);
    assertThat(
            anna.event(
                    "POST", "workspace/file", map("op", "mkdir", "path", "proj/sh020"), null, null)
                .result())
        .isEqualTo(true);
    assertThat(storage.resolve("proj/sh020")).isDirectory();
    assertThat(
            anna.event(
                    "PUT",
                    "workspace/file",
                    map("op", "rename", "path", "proj/sh010/b.jpg", "path_to", "proj/sh010/c.jpg"),
                    null,
                    null)
                .result())
        .isEqualTo(true);
    assertThat(
            anna.event(
                    "PUT",
                    "workspace/file",
                    map("op", "move", "path", "proj/sh010/c.jpg", "path_to", "proj/sh020/c.jpg"),
                    null,
                    null)
                .result())
        .isEqualTo(true);
    assertThat(storage.resolve("proj/sh020/c.jpg")).hasContent("bb");
    assertThat(
            anna.event(
                    "POST", "workspace/file", map("op", "delete", "path", "proj/sh010"), null, null)
                .message())
        .isEqualTo("Cannot delete non-empty directory 'proj/sh010'!");
    assertThat(
            anna.event(
                    "POST",
                    "workspace/file",
                    map("op", "delete", "path", "proj/sh010", "force", true),
                    null,
                    null)
                .result())
        .isEqualTo(true);
    assertThat(storage.resolve("proj/sh010")).doesNotExist();
    assertThat(vic.find("workspace/file", map("op", "ls", "path", "proj"), null, null).message())
        .isEqualTo("Permission denied - you have no read access to 'proj'!");
    assertThat(
            vic.event(
                    "POST",
                    "workspace/file",
                    map("op", "mkdir", "path", "folder=vendor_in/x"),
                    null,
                    null)
                .message())
        .isEqualTo("Permission denied - you have no write access to 'folder=vendor_in/x'!");
    assertThat(
            anna.find("workspace/file", map("op", "ls", "path", "share=nope/x"), null, null)
                .message())
        .isEqualTo("Share 'nope' (share) not found!");
  }

  @Test
  void collectionFilesAreAddedListedAndRemoved() {
    String id =
        (String)
            anna.event("POST", "collection/create", map("name", "Refs"), null, null)
                .first()
                .get("id");
    List<Map<String, Object>> added =
        anna.event(
                "POST",
                "file/add",
                map("files", List.of("volume=storage/ref/a.jpg", "folder=vendor_in/b.pdf")),
                null,
                id)
            .list();
    assertThat(added)
        .extracting(f -> f.get("path"))
        .containsExactly("volume=storage/ref/a.jpg", "folder=vendor_in/b.pdf");
    assertThat(anna.find("file/find", map("parent", id), null, null).list()).hasSize(2);
    assertThat(
            anna.event("POST", "file/add", map("files", List.of("/mnt/storage/x")), null, id)
                .message())
        .startsWith("Collections take accsyn paths");
    assertThat(
            anna.event(
                    "DELETE",
                    "collection/file/remove",
                    map("files", List.of(added.get(0).get("id"))),
                    null,
                    id)
                .result())
        .isEqualTo(true);
    assertThat(anna.find("file/find", map("parent", id), null, null).list())
        .extracting(f -> f.get("path"))
        .containsExactly("folder=vendor_in/b.pdf");
    assertThat(anna.find("file/find", map(), null, null).message())
        .startsWith("Collection files can only be queried");
  }

  @Test
  void volumesAreAssignedToSiteServers() {
    FakeAccsyn f =
        FakeAccsyn.builder()
            .site("hq")
            .site("la")
            .volume("storage", VolumePaths.of("/s", "S:", "/s"))
            .build();
    try {
      RawAccsyn a = new RawAccsyn(f.adminCredentials());
      a.login();
      String newVol =
          (String)
              a.event(
                      "POST",
                      "volume/create",
                      map("name", "Proxy", "paths", map("linux", "/mnt/proxy")),
                      null,
                      null)
                  .first()
                  .get("id");
      assertThat(a.find("Volume/servers", map(), null, newVol).list())
          .extracting(s -> s.get("code"))
          .containsExactly("hq-server");
      String laServer = (String) a.find("server/find", map(), "site=la", null).first().get("id");
      assertThat(a.event("PUT", "share/server", map("client", laServer), null, newVol).result())
          .isEqualTo(true);
      assertThat(f.volumeDir("la", "proxy")).isDirectory();
      assertThat(a.find("volume/servers", map(), null, newVol).list()).hasSize(2);
      assertThat(a.event("DELETE", "volume/server", map("client", laServer), null, newVol).result())
          .isEqualTo(true);
      assertThat(a.find("volume/servers", map(), null, newVol).list()).hasSize(1);
      assertThat(anna.event("PUT", "share/server", map("client", laServer), null, newVol).message())
          .isEqualTo("Permission denied - only admins can assign servers to volumes!");
    } finally {
      f.close();
    }
  }

  @Test
  void settingsRoundTrip() {
    assertThat(
            admin
                .event(
                    "PUT",
                    "setting",
                    map("entitytype", "workspace", "name", "transfer_speedlimit", "value", "100"),
                    null,
                    null)
                .result())
        .isEqualTo(true);
    assertThat(
            admin
                .find(
                    "setting",
                    map("entitytype", "workspace", "name", "transfer_speedlimit", "data", null),
                    null,
                    null)
                .result())
        .isEqualTo("100");
    assertThat(
            admin
                .event(
                    "PUT",
                    "setting",
                    map("entitytype", "workspace", "name", "x", "value", 5),
                    null,
                    null)
                .message())
        .isEqualTo("Setting values must be strings, JSON-encode other values!");
    assertThat(fake.state().settings()).containsEntry("workspace:/transfer_speedlimit", "100");
    assertThat(
            admin
                .event(
                    "DELETE",
                    "setting",
                    map("entitytype", "workspace", "name", "transfer_speedlimit"),
                    null,
                    null)
                .result())
        .isEqualTo(true);
  }
}
