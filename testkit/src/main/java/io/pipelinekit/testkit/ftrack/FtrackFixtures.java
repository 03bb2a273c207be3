package io.pipelinekit.testkit.ftrack;

import io.pipelinekit.testkit.ftrack.internal.Row;
import io.pipelinekit.testkit.ftrack.internal.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Puts data into a {@link FakeFtrack} directly (no request is counted): projects and their
 * hierarchy, assets, versions, file and sequence components, locations with component locations,
 * users, review sessions with invitees, lists. Every method returns the new entity's id.
 *
 * <pre>{@code
 * FtrackFixtures f = fake.fixtures();
 * String project = f.project("demo");
 * String shot = f.shot(f.sequence(project, "sq010"), "sh010");
 * String comp = f.task(shot, "comp");
 * String version = f.version(f.asset(shot, "plate", f.assetType("plate")), 1, comp);
 * String mov = f.fileComponent(version, "review", ".mov", 1_000_000);
 * f.componentLocation(mov, f.location("hq"), "demo/sq010/sh010/plate/v001/review.mov");
 * FtrackFixtures.SequenceIds exr = f.sequenceComponent(version, "main", ".exr", 4, 1001, 1002, 1004);
 * f.registerSequence(exr, f.unmanagedLocation(), "/mnt/proj/sh010/plate.%04d.exr");
 * }</pre>
 */
public final class FtrackFixtures {
  /** The fixed id of {@code ftrack.unmanaged}. */
  public static final String UNMANAGED_ID = "cb268ecc-8809-11e3-a7e2-20c9d081909b";

  /** The fixed id of {@code ftrack.server}. */
  public static final String SERVER_ID = "3a372bde-05bc-11e4-8908-20c9d081909b";

  /** The fixed id of {@code ftrack.origin}. */
  public static final String ORIGIN_ID = "ce9b348f-8809-11e3-821c-20c9d081909b";

  /** The fixed id of {@code ftrack.review}. */
  public static final String REVIEW_ID = "cd41be70-8809-11e3-b98a-20c9d081909b";

  /** The fixed id of {@code ftrack.connect}. */
  public static final String CONNECT_ID = "07b82a97-8cf9-11e3-9383-20c9d081909b";

  private static final Map<String, String> OBJECT_TYPES =
      Map.of(
          "Task", "11c137c0-ee7e-4f9c-91c5-8c77cec22b2c",
          "Shot", "bad911de-3bd6-47b9-8b46-3476e237cb36",
          "Sequence", "e5139355-61da-4c8f-9db4-3abc870166bc",
          "Episode", "22139355-61da-4c8f-9db4-3abc870166bc",
          "Folder", "4be63b64-5010-42fb-bf1f-428af9d638e0",
          "AssetBuild", "ab77c654-df17-11e2-b2f7-20c9d0831e59",
          "Milestone", "01decb6e-0cda-11e4-8a8a-20c9d081909b");

  /** A sequence component's id and its members' ids by frame. */
  public record SequenceIds(
      String id, int padding, String fileType, Map<Integer, String> members) {}

  private final Store store;

  FtrackFixtures(Store store) {
    this.store = store;
  }

  void bootstrap() {
    create("Location", Map.of("id", ORIGIN_ID, "name", "ftrack.origin", "label", "Origin"));
    create(
        "Location", Map.of("id", UNMANAGED_ID, "name", "ftrack.unmanaged", "label", "Unmanaged"));
    create("Location", Map.of("id", REVIEW_ID, "name", "ftrack.review", "label", "Review"));
    create("Location", Map.of("id", SERVER_ID, "name", "ftrack.server", "label", "Server"));
    create("Location", Map.of("id", CONNECT_ID, "name", "ftrack.connect", "label", "Connect"));
    for (Map.Entry<String, String> e : OBJECT_TYPES.entrySet()) {
      create("ObjectType", Map.of("id", e.getValue(), "name", e.getKey()));
    }
  }

  /**
   * Stores any entity with the given attributes (foreign keys as {@code *_id}); no check is made.
   *
   * @param type the concrete type
   * @param attributes the attributes; an {@code id} is generated unless given
   * @return the id
   */
  public String create(String type, Map<String, ?> attributes) {
    Objects.requireNonNull(type, "type == null");
    if (store.schema().find(type).isEmpty()) {
      throw new IllegalArgumentException("the fake knows no entity type " + type);
    }
    return store.transaction(
        db -> {
          Map<String, Object> attrs = new LinkedHashMap<>(store.schema().defaults(type));
          attrs.putAll(attributes);
          if (attrs.get("id") == null) {
            attrs.put("id", db.newId());
          }
          if (store.schema().hasScalar(type, "created_at") && !attrs.containsKey("created_at")) {
            attrs.put("created_at", Instant.now(db.clock()));
          }
          db.put(new Row(type, attrs));
          return (String) attrs.get("id");
        });
  }

  /**
   * The id of a location by name.
   *
   * @param name e.g. {@code ftrack.unmanaged}
   * @return the id
   */
  public String locationId(String name) {
    return store.read(
        db ->
            db.ofType("Location").stream()
                .filter(r -> name.equals(r.get("name")))
                .findFirst()
                .map(Row::id)
                .orElseThrow(() -> new IllegalArgumentException("no location " + name)));
  }

  /** The id of {@code ftrack.unmanaged}. */
  public String unmanagedLocation() {
    return UNMANAGED_ID;
  }

  /**
   * A user; the e-mail is the user name.
   *
   * @param username e.g. {@code anna@studio.com}
   * @return the id
   */
  public String user(String username) {
    return create(
        "User",
        Map.of(
            "username",
            username,
            "email",
            username,
            "first_name",
            username.replaceAll("@.*", ""),
            "last_name",
            "",
            "is_active",
            true,
            "user_type",
            "standard"));
  }

  /**
   * A custom location.
   *
   * @param name e.g. {@code hq} or {@code anna@studio.com}
   * @return the id
   */
  public String location(String name) {
    return create("Location", Map.of("name", name, "label", name, "description", ""));
  }

  /**
   * A project; its {@code name} is the short code.
   *
   * @param name e.g. {@code demo}
   * @return the id
   */
  public String project(String name) {
    return create("Project", Map.of("name", name, "full_name", name, "root", ""));
  }

  /**
   * A TypedContext of any subtype under a project or another context.
   *
   * @param type {@code Sequence}, {@code Shot}, {@code Task}, {@code Episode}, {@code Folder}, …
   * @param parentId the parent's id
   * @param name the name
   * @return the id
   */
  public String context(String type, String parentId, String name) {
    String projectId =
        store.read(
            db -> {
              Row parent = db.get(parentId);
              if (parent == null) {
                throw new IllegalArgumentException("no parent " + parentId);
              }
              return parent.type().equals("Project") ? parent.id() : parent.str("project_id");
            });
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("parent_id", parentId);
    a.put("project_id", projectId);
    a.put("object_type_id", OBJECT_TYPES.get(type));
    a.put("context_type", "task");
    return create(type, a);
  }

  /** A sequence under a project or episode. */
  public String sequence(String parentId, String name) {
    return context("Sequence", parentId, name);
  }

  /** A shot under a sequence. */
  public String shot(String parentId, String name) {
    return context("Shot", parentId, name);
  }

  /** A task under any context. */
  public String task(String parentId, String name) {
    return context("Task", parentId, name);
  }

  /** A folder under any context. */
  public String folder(String parentId, String name) {
    return context("Folder", parentId, name);
  }

  /**
   * An asset type.
   *
   * @param shortName e.g. {@code comp}, also used as its name
   * @return the id
   */
  public String assetType(String shortName) {
    return create("AssetType", Map.of("name", shortName, "short", shortName));
  }

  /**
   * An asset under a context.
   *
   * @param contextId the shot, asset build, …
   * @param name the asset name
   * @param assetTypeId from {@link #assetType}
   * @return the id
   */
  public String asset(String contextId, String name, String assetTypeId) {
    return create("Asset", Map.of("name", name, "context_id", contextId, "type_id", assetTypeId));
  }

  /**
   * A version of an asset.
   *
   * @param assetId the asset
   * @param version the number
   * @param taskId the task it was made for, or null
   * @return the id
   */
  public String version(String assetId, int version, String taskId) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("asset_id", assetId);
    a.put("version", (long) version);
    a.put("task_id", taskId);
    a.put("comment", "");
    a.put("is_published", true);
    return create("AssetVersion", a);
  }

  /**
   * A file component of a version.
   *
   * @param versionId the version
   * @param name e.g. {@code main}
   * @param fileType with its dot, e.g. {@code .mov}
   * @param size in bytes
   * @return the id
   */
  public String fileComponent(String versionId, String name, String fileType, long size) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("file_type", fileType);
    a.put("size", size);
    a.put("version_id", versionId);
    a.put("container_id", null);
    return create("FileComponent", a);
  }

  /**
   * A sequence component with one member FileComponent per frame, named by the padded frame and
   * linked by {@code container_id} only (members have no version, as in the official client).
   *
   * @param versionId the version
   * @param name e.g. {@code main}
   * @param fileType e.g. {@code .exr}
   * @param padding e.g. 4
   * @param frames the frames that exist (holes allowed)
   * @return the ids
   */
  public SequenceIds sequenceComponent(
      String versionId, String name, String fileType, int padding, int... frames) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", name);
    a.put("file_type", fileType);
    a.put("size", 1024L * frames.length);
    a.put("padding", (long) padding);
    a.put("version_id", versionId);
    a.put("container_id", null);
    String id = create("SequenceComponent", a);
    Map<Integer, String> members = new LinkedHashMap<>();
    for (int f : frames) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", pad(f, padding));
      m.put("file_type", fileType);
      m.put("size", 1024L);
      m.put("container_id", id);
      m.put("version_id", null);
      members.put(f, create("FileComponent", m));
    }
    return new SequenceIds(id, padding, fileType, members);
  }

  /** Replaces the last {@code %0Nd} or {@code %d} token of a pattern with a frame. */
  static String render(String pattern, int frame) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("%(0?)(\\d*)d").matcher(pattern);
    int start = -1;
    int end = -1;
    int width = 0;
    while (m.find()) {
      start = m.start();
      end = m.end();
      width = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
    }
    if (start < 0) {
      throw new IllegalArgumentException("no %0Nd token in " + pattern);
    }
    return pattern.substring(0, start) + pad(frame, width) + pattern.substring(end);
  }

  private static String pad(int frame, int padding) {
    return padding <= 0 ? Integer.toString(frame) : String.format("%0" + padding + "d", frame);
  }

  /**
   * Registers a component in a location.
   *
   * @param componentId the component
   * @param locationId the location
   * @param resourceIdentifier the identifier (an absolute path in {@code ftrack.unmanaged})
   * @return the ComponentLocation id
   */
  public String componentLocation(
      String componentId, String locationId, String resourceIdentifier) {
    return create(
        "ComponentLocation",
        Map.of(
            "component_id", componentId,
            "location_id", locationId,
            "resource_identifier", resourceIdentifier));
  }

  /**
   * Registers a sequence and every member in a location: members first (each at the pattern with
   * its frame), then the container at the pattern itself, as the official client does.
   *
   * @param sequence from {@link #sequenceComponent}
   * @param locationId the location
   * @param pattern the container's identifier with a {@code %0Nd} token, e.g. {@code
   *     /mnt/p/plate.%04d.exr}
   */
  public void registerSequence(SequenceIds sequence, String locationId, String pattern) {
    List<Integer> frames = new ArrayList<>(sequence.members().keySet());
    for (int f : frames) {
      componentLocation(sequence.members().get(f), locationId, render(pattern, f));
    }
    componentLocation(sequence.id(), locationId, pattern);
  }

  /**
   * A review session in a project.
   *
   * @param projectId the project
   * @param name the session name
   * @return the id
   */
  public String reviewSession(String projectId, String name) {
    return create(
        "ReviewSession", Map.of("name", name, "project_id", projectId, "description", ""));
  }

  /**
   * A version in a review session.
   *
   * @param reviewSessionId the session
   * @param versionId the version
   * @return the ReviewSessionObject id
   */
  public String reviewSessionObject(String reviewSessionId, String versionId) {
    return create(
        "ReviewSessionObject",
        Map.of(
            "review_session_id",
            reviewSessionId,
            "version_id",
            versionId,
            "name",
            "",
            "version",
            ""));
  }

  /**
   * An invitee (collaborator) of a review session.
   *
   * @param reviewSessionId the session
   * @param name the display name
   * @param email the e-mail
   * @return the ReviewSessionInvitee id
   */
  public String invitee(String reviewSessionId, String name, String email) {
    return create(
        "ReviewSessionInvitee",
        Map.of("review_session_id", reviewSessionId, "name", name, "email", email));
  }

  /**
   * A list of versions or contexts.
   *
   * @param projectId the project
   * @param name the list name
   * @param itemIds AssetVersion ids (an {@code AssetVersionList}) or context ids ({@code
   *     TypedContextList}), not mixed
   * @param ofVersions true for a version list
   * @return the id
   */
  public String list(String projectId, String name, List<String> itemIds, boolean ofVersions) {
    return create(
        ofVersions ? "AssetVersionList" : "TypedContextList",
        Map.of(
            "name",
            name,
            "project_id",
            projectId,
            "_items",
            List.copyOf(itemIds),
            "is_open",
            true));
  }
}
