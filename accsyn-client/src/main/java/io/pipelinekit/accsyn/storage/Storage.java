package io.pipelinekit.accsyn.storage;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.internal.typed.Calls;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.paths.RootTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Volumes, shared folders, homes and collections: list, find, create, update, deactivate; and the
 * workspace's storage as a path-mapping {@link RootTable}. Thread-safe; obtain it from {@code
 * client.storage()} or {@link #of(AccsynClient)}.
 *
 * <pre>{@code
 * Storage storage = client.storage();
 * Folder project = storage.createFolder(FolderSpec.builder()
 *     .name("theproject").path("projects/theproject").build());
 * RootTable table = storage.rootTable();
 * }</pre>
 */
public final class Storage {
  private final AccsynClient client;

  private Storage(AccsynClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * The storage API of a client.
   *
   * @param client the client
   * @return the resource group
   */
  public static Storage of(AccsynClient client) {
    return new Storage(client);
  }

  // ---- volumes ------------------------------------------------------------------------------

  /**
   * Every active volume the caller may see (employees see volumes only through ACLs).
   *
   * @return the volumes
   */
  public List<Volume> volumes() {
    return all("volume", Volume::fromJson);
  }

  /**
   * A volume by code or id.
   *
   * @param codeOrId the code or id
   * @return the volume, or empty
   */
  public Optional<Volume> volume(String codeOrId) {
    return one("volume", codeOrId, Volume::fromJson);
  }

  /**
   * The default volume ({@code Volume WHERE default=true}).
   *
   * @return the volume, or empty if none is visible
   */
  public Optional<Volume> defaultVolume() {
    return client
        .findOne(Query.of("volume").where("default", Operator.EQ, true))
        .map(Volume::fromJson);
  }

  /**
   * Creates a volume (admin).
   *
   * @param spec the volume
   * @return the created volume
   */
  public Volume createVolume(VolumeSpec spec) {
    return Volume.fromJson(first(client.create("volume", spec.toData()), "volume"));
  }

  /**
   * Edits a volume.
   *
   * @param id the id
   * @param fields the fields to change (e.g. {@code paths}, {@code name}, {@code status})
   * @return the updated volume
   */
  public Volume updateVolume(String id, Map<String, ?> fields) {
    return Volume.fromJson(client.update("volume", id, fields));
  }

  // ---- folders ------------------------------------------------------------------------------

  /**
   * Every active shared folder the caller may see.
   *
   * @return the folders
   */
  public List<Folder> folders() {
    return all("folder", Folder::fromJson);
  }

  /**
   * A shared folder by code or id.
   *
   * @param codeOrId the code or id
   * @return the folder, or empty
   */
  public Optional<Folder> folder(String codeOrId) {
    return one("folder", codeOrId, Folder::fromJson);
  }

  /**
   * Creates a shared folder.
   *
   * @param spec the folder
   * @return the created folder
   */
  public Folder createFolder(FolderSpec spec) {
    return Folder.fromJson(first(client.create("folder", spec.toData()), "folder"));
  }

  /**
   * Edits a shared folder.
   *
   * @param id the id
   * @param fields the fields to change
   * @return the updated folder
   */
  public Folder updateFolder(String id, Map<String, ?> fields) {
    return Folder.fromJson(client.update("folder", id, fields));
  }

  // ---- homes and collections ----------------------------------------------------------------

  /**
   * Every home share the caller may see.
   *
   * @return the homes
   */
  public List<StorageShare> homes() {
    return all("home", StorageShare::fromJson);
  }

  /**
   * Creates a user's home share; access must still be granted.
   *
   * @param userEmailOrId the owner
   * @return the home
   */
  public StorageShare createHome(String userEmailOrId) {
    return StorageShare.fromJson(
        first(client.create("home", Map.of("user", userEmailOrId)), "home"));
  }

  /**
   * Edits a home share.
   *
   * @param id the id
   * @param fields the fields to change (e.g. {@code description})
   * @return the updated home
   */
  public StorageShare updateHome(String id, Map<String, ?> fields) {
    return StorageShare.fromJson(client.update("home", id, fields));
  }

  /**
   * Every collection the caller may see.
   *
   * @return the collections
   */
  public List<StorageShare> collections() {
    return all("collection", StorageShare::fromJson);
  }

  /**
   * Edits a collection (its name or description; files are added and removed with {@link
   * #addToCollection} and {@link #removeFromCollection}).
   *
   * @param id the id
   * @param fields the fields to change
   * @return the updated collection
   */
  public StorageShare updateCollection(String id, Map<String, ?> fields) {
    return StorageShare.fromJson(client.update("collection", id, fields));
  }

  /**
   * Creates a collection of files from volumes and folders (accsyn paths only, no absolute paths).
   *
   * @param name the name
   * @param files the files
   * @return the collection
   */
  public StorageShare createCollection(String name, List<AccsynPath> files) {
    Map<String, Object> data =
        Calls.data("name", name, "files", files.stream().map(AccsynPath::toString).toList());
    return StorageShare.fromJson(first(client.create("collection", data), "collection"));
  }

  /**
   * The files of a collection ({@code GET file/find}, data {@code {"parent": <collection id>}}),
   * each with its uuid and path, as accsyn sends them.
   *
   * @param collectionId the collection id
   * @return the files
   */
  public List<Json> collectionFiles(String collectionId) {
    return client.find(Query.of("file").parent(collectionId));
  }

  /**
   * Adds files to a collection ({@code POST file/add id=<collection id>}).
   *
   * @param collectionId the collection id
   * @param files accsyn paths of the files (no absolute paths)
   * @return the added files as accsyn returns them
   */
  public List<Json> addToCollection(String collectionId, List<AccsynPath> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("give at least one file to add");
    }
    Json data =
        Json.objectBuilder()
            .put("files", files.stream().map(AccsynPath::toString).toList())
            .build();
    return client.create("file", collectionId, data);
  }

  /**
   * Removes files from a collection by their uuids ({@code DELETE collection/file/remove}).
   *
   * @param collectionId the collection id
   * @param fileIds the files' uuids (from {@link #collectionFiles})
   */
  public void removeFromCollection(String collectionId, List<String> fileIds) {
    if (fileIds.isEmpty()) {
      throw new IllegalArgumentException("give at least one file id to remove");
    }
    Calls.result(
        client,
        io.pipelinekit.accsyn.HttpMethod.DELETE,
        "collection/file/remove",
        Map.of("files", List.copyOf(fileIds)),
        null,
        collectionId);
  }

  // ---- any share ----------------------------------------------------------------------------

  /**
   * Deactivates a volume, folder or collection ({@code DELETE <type>/deactivate}); homes cannot be
   * deactivated (deactivate the user instead).
   *
   * @param type {@code volume}, {@code folder} or {@code collection}
   * @param id the id
   */
  public void deactivate(String type, String id) {
    client.deactivate(checkType(type), id);
  }

  /**
   * Activates a deactivated share again.
   *
   * @param type {@code volume}, {@code folder} or {@code collection}
   * @param idOrCode the id or code
   */
  public void activate(String type, String idOrCode) {
    client.activate(checkType(type), idOrCode);
  }

  /**
   * Deletes a share.
   *
   * @param type {@code volume}, {@code folder}, {@code home} or {@code collection}
   * @param id the id
   */
  public void delete(String type, String id) {
    client.delete(checkType(type), id, false);
  }

  /**
   * The workspace's volumes and folders as a path-mapping root table (see {@link
   * StorageRootTables}); the main site is the site marked main, else {@code hq}.
   *
   * @return the table
   */
  public RootTable rootTable() {
    String mainSite =
        client
            .findOne(Query.of("site").where("main", Operator.EQ, true))
            .flatMap(s -> s.string("code"))
            .orElse("hq");
    return StorageRootTables.from(mainSite, volumes(), folders());
  }

  private static String checkType(String type) {
    Objects.requireNonNull(type, "type == null");
    return switch (type) {
      case "volume", "folder", "home", "collection" -> type;
      default ->
          throw new IllegalArgumentException(
              "not a storage type: " + type + "; use volume, folder, home or collection");
    };
  }

  private <T> List<T> all(String type, Function<Json, T> decode) {
    return client.find(Query.of(type)).stream().map(decode).toList();
  }

  private <T> Optional<T> one(String type, String codeOrId, Function<Json, T> decode) {
    Objects.requireNonNull(codeOrId, "codeOrId == null");
    if (Calls.isId(codeOrId)) {
      return client.get(type, codeOrId).map(decode);
    }
    return client.findOne(Query.of(type).where("code", Operator.EQ, codeOrId)).map(decode);
  }

  static Json first(List<Json> created, String what) {
    if (created.isEmpty()) {
      throw new AccsynException("accsyn created the " + what + " but returned nothing");
    }
    return created.get(0);
  }
}
