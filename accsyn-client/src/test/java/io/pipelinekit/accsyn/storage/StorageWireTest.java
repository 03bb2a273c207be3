package io.pipelinekit.accsyn.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.typed.Wire;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Volumes, folders, homes, collections and the root table adapter. */
class StorageWireTest {
  static final String VOL = "5f0c1a2b3c4d5e6f7a8b9c05";
  static final String VOLUME_JSON =
      "{\"id\": \""
          + VOL
          + "\", \"code\": \"projects\", \"name\": \"Projects\", \"default\": true,"
          + " \"paths\": {\"windows\": \"P:\", \"linux\": \"/mnt/projects\", \"mac\":"
          + " \"/Volumes/projects\", \"windows_vpn\": \"\\\\\\\\10.8.0.5\\\\projects\","
          + " \"solaris\": \"/x\"}, \"path\": \"/mnt/projects\", \"status\": \"enabled\","
          + " \"licensed\": true, \"type\": \"volume\"}";
  static final String FOLDER_JSON =
      "{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c06\", \"code\": \"theproject\", \"name\": \"theproject\","
          + " \"parent\": \""
          + VOL
          + "\", \"parent_hr\": \"projects\", \"path\":"
          + " \"work/theproject\", \"status\": \"disabled-offline\", \"status_hr\": \"x\"}";

  final Wire wire = new Wire();
  final Storage storage = Storage.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void decodesVolumesWithPerOsAndVpnPaths() {
    wire.ok("[" + VOLUME_JSON + "]");
    Volume v = storage.volumes().get(0);
    wire.next().is("GET", "volume/find", "{}").withQuery(null);
    assertThat(v.code()).isEqualTo("projects");
    assertThat(v.isDefault()).isTrue();
    assertThat(v.paths())
        .containsEntry(Platform.WINDOWS, "P:")
        .containsEntry(Platform.WINDOWS_VPN, "\\\\10.8.0.5\\projects")
        .hasSize(
            4); // "solaris" is not a platform path-mapping knows; it stays in extra? no: dropped
    assertThat(v.status()).isEqualTo(ShareStatus.ENABLED);
    assertThat(v.extra()).containsKeys("licensed", "type");
  }

  @Test
  void findsByCodeOrIdAndTheDefault() {
    wire.ok("[" + VOLUME_JSON + "]").ok("[" + VOLUME_JSON + "]").ok("[" + VOLUME_JSON + "]");
    assertThat(storage.volume("projects")).isPresent();
    assertThat(storage.volume(VOL)).isPresent();
    assertThat(storage.defaultVolume()).isPresent();
    wire.next()
        .is("GET", "volume/find", "{\"single_entity_query\": true}")
        .withQuery("code=\"projects\"");
    wire.next().is("GET", "volume/find", "{}").withId(VOL);
    wire.next()
        .is("GET", "volume/find", "{\"single_entity_query\": true}")
        .withQuery("default=true");
  }

  @Test
  void createsVolumesFoldersHomesAndCollections() {
    wire.ok("[" + VOLUME_JSON + "]").ok("[" + FOLDER_JSON + "]");
    wire.ok(
        "[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c07\", \"code\": \"vic\", \"user\": \""
            + Wire.USER_ID
            + "\"}]");
    wire.ok("[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c08\", \"code\": \"refs\"}]");
    storage.createVolume(
        VolumeSpec.builder()
            .name("Projects")
            .code("projects")
            .putPath(Platform.LINUX, "/mnt/projects")
            .putPath(Platform.WINDOWS, "P:")
            .server("5f0c1a2b3c4d5e6f7a8b9c09")
            .build());
    Folder f =
        storage.createFolder(
            FolderSpec.builder().name("theproject").path("work/theproject").build());
    StorageShare home = storage.createHome("vic@vendor.com");
    StorageShare coll =
        storage.createCollection(
            "refs",
            List.of(AccsynPath.volume("assets", "logo.jpeg"), AccsynPath.folder("p", "x.doc")));
    assertThat(f.status()).isEqualTo(ShareStatus.DISABLED_OFFLINE);
    assertThat(f.volumeHr()).contains("projects");
    assertThat(home.user()).contains(Wire.USER_ID);
    assertThat(coll.code()).isEqualTo("refs");
    wire.next()
        .is(
            "POST",
            "volume/create",
            "{\"name\": \"Projects\", \"code\": \"projects\", \"paths\": {\"windows\": \"P:\","
                + " \"linux\": \"/mnt/projects\"}, \"server\": \"5f0c1a2b3c4d5e6f7a8b9c09\"}");
    wire.next()
        .is("POST", "folder/create", "{\"path\": \"work/theproject\", \"name\": \"theproject\"}");
    wire.next().is("POST", "home/create", "{\"user\": \"vic@vendor.com\"}");
    wire.next()
        .is(
            "POST",
            "collection/create",
            "{\"name\": \"refs\", \"files\": [\"volume=assets/logo.jpeg\", \"folder=p/x.doc\"]}");
  }

  @Test
  void updatesDeactivatesActivatesAndDeletes() {
    wire.ok("[" + FOLDER_JSON + "]").ok("true").ok("true").ok("true");
    storage.updateFolder("5f0c1a2b3c4d5e6f7a8b9c06", Map.of("description", "show"));
    storage.deactivate("folder", "5f0c1a2b3c4d5e6f7a8b9c06");
    storage.activate("folder", "theproject");
    storage.delete("collection", "5f0c1a2b3c4d5e6f7a8b9c08");
    wire.next()
        .is("PUT", "folder/edit", "{\"description\": \"show\"}")
        .withId("5f0c1a2b3c4d5e6f7a8b9c06");
    wire.next().is("DELETE", "folder/deactivate", "{}").withId("5f0c1a2b3c4d5e6f7a8b9c06");
    wire.next().is("POST", "folder/activate", "{}").withQuery("theproject");
    Wire.Event del = wire.next();
    assertThat(del.uri()).isEqualTo("collection/delete");
    assertThat(del.method()).isEqualTo("DELETE");
    assertThatThrownBy(() -> storage.deactivate("user", "x")).hasMessageContaining("not a storage");
  }

  @Test
  void editsHomesAndCollections() {
    wire.ok("{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c07\", \"code\": \"vic\", \"description\": \"in\"}");
    wire.ok("{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c08\", \"code\": \"refs2\"}");
    StorageShare home = storage.updateHome("5f0c1a2b3c4d5e6f7a8b9c07", Map.of("description", "in"));
    StorageShare coll =
        storage.updateCollection("5f0c1a2b3c4d5e6f7a8b9c08", Map.of("code", "refs2"));
    assertThat(home.code()).isEqualTo("vic");
    assertThat(coll.code()).isEqualTo("refs2");
    wire.next()
        .is("PUT", "home/edit", "{\"description\": \"in\"}")
        .withId("5f0c1a2b3c4d5e6f7a8b9c07");
    wire.next()
        .is("PUT", "collection/edit", "{\"code\": \"refs2\"}")
        .withId("5f0c1a2b3c4d5e6f7a8b9c08");
  }

  @Test
  void theWorkspaceStorageBecomesARootTable() {
    wire.ok("[{\"id\": \"5f0c1a2b3c4d5e6f7a8b9c01\", \"code\": \"hq\", \"main\": true}]");
    wire.ok("[" + VOLUME_JSON + "]").ok("[" + FOLDER_JSON + "]");
    RootTable table = storage.rootTable();
    wire.next().is("GET", "site/find", "{\"single_entity_query\": true}").withQuery("main=true");
    wire.next().is("GET", "volume/find", "{}");
    wire.next().is("GET", "folder/find", "{}");

    assertThat(table.mainSite()).isEqualTo("hq");
    assertThat(table.defaultShare()).map(s -> s.code()).contains("projects");
    PathMapper mapper = PathMapper.of(table);
    // "P:" became the drive root P:\ ; the folder's root is the volume's plus its path.
    assertThat(mapper.toShare("P:\\work\\theproject\\sh010\\a.exr").orElseThrow().toString())
        .isEqualTo("share=theproject/sh010/a.exr");
    assertThat(mapper.toShare("/mnt/projects/other/b.exr").orElseThrow().toString())
        .isEqualTo("share=projects/other/b.exr");
    assertThat(
            mapper.toOs("share=theproject/a.exr", Target.of(Platform.MAC)).orElseThrow().toString())
        .isEqualTo("/Volumes/projects/work/theproject/a.exr");
  }

  @Test
  void foldersOfUnknownVolumesAreLeftOut() {
    Volume v = Volume.builder().id(VOL).code("projects").putPath(Platform.LINUX, "/mnt/p").build();
    Folder orphan =
        Folder.builder()
            .id("5f0c1a2b3c4d5e6f7a8b9c0a")
            .code("x")
            .volume("5f0c1a2b3c4d5e6f7a8b9c0b")
            .path("a")
            .build();
    RootTable t = StorageRootTables.from("hq", List.of(v), List.of(orphan));
    assertThat(t.shares()).extracting(s -> s.code()).containsExactly("projects");
  }

  @Test
  void collectionFilesAreListedAddedAndRemoved() {
    String cid = "5f0c1a2b3c4d5e6f7a8b9c08";
    wire.ok("[{\"id\": \"f-1\", \"path\": \"volume=assets/logo.jpeg\"}]");
    wire.ok("[{\"id\": \"f-2\"}]").ok("true");
    assertThat(storage.collectionFiles(cid)).hasSize(1);
    assertThat(storage.addToCollection(cid, List.of(AccsynPath.folder("p", "x.doc")))).hasSize(1);
    storage.removeFromCollection(cid, List.of("f-1"));
    wire.next().is("GET", "file/find", "{\"parent\": \"" + cid + "\"}");
    wire.next().is("POST", "file/add", "{\"files\": [\"folder=p/x.doc\"]}").withId(cid);
    wire.next().is("DELETE", "collection/file/remove", "{\"files\": [\"f-1\"]}").withId(cid);
  }
}
