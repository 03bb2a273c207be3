package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.Criteria;
import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Query;
import io.pipelinekit.ftrack.UnitOfWork;
import io.pipelinekit.ftrack.UnknownLocationException;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.paths.sequence.HashWidth;
import io.pipelinekit.paths.sequence.SequencePattern;
import io.pipelinekit.paths.sequence.TokenStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes versions and registers components in locations, each in one atomic batch: the server
 * applies all of it or none of it, so a failure never leaves a half-created version, a component
 * without its files, or a sequence with half its frames registered.
 *
 * <pre>{@code
 * Publisher publisher = Publisher.of(session);
 * Publication p = publisher.publish(PublishRequest.builder()
 *     .context(EntityRef.of("Shot", shotId)).assetName("comp").assetType("comp")
 *     .location("ftrack.unmanaged")
 *     .sequence("main", FileSequence.parse("/mnt/projects/demo/sh010/comp.%04d.exr [1001-1100]"))
 *     .build());
 *
 * // after accsyn delivered the files to the LA site:
 * publisher.register(Registration.in("la")
 *     .add(p.component("main").id(), "demo/sh010/comp.%04d.exr").build());
 * }</pre>
 *
 * <p>A publish takes two requests whatever the number of components: one to look up what exists,
 * one atomic batch to write. A registration looks up what exists in one request, then writes in
 * batches of at most {@link #DEFAULT_REGISTRATION_BATCH} operations (a size a server answers well
 * within its timeout), so that a 100,000-frame sequence neither builds one huge request nor fails
 * as a whole; rows already registered with the same identifier are skipped, so running a
 * registration again after a failure completes it. Thread-safe.
 */
public final class Publisher {
  private static final Pattern FRAME_TOKEN = Pattern.compile("%0?(\\d*)d");

  /** What the registration reads of the members of a sequence or container. */
  private static final List<String> MEMBERS =
      List.of("members.name", "members.file_type", "members.container_id");

  /** Operations per registration batch unless {@link #of(FtrackSession, int)} says otherwise. */
  public static final int DEFAULT_REGISTRATION_BATCH = 1_000;

  private final FtrackSession session;
  private final int registrationBatch;

  private Publisher(FtrackSession session, int registrationBatch) {
    this.session = Objects.requireNonNull(session, "session == null");
    if (registrationBatch < 2) {
      throw new IllegalArgumentException(
          "the registration batch size must be at least 2 (a replaced row is a delete and a"
              + " create in one batch), was "
              + registrationBatch);
    }
    this.registrationBatch = registrationBatch;
  }

  /**
   * A publisher working through a session.
   *
   * @param session the session
   * @return the publisher
   */
  public static Publisher of(FtrackSession session) {
    return new Publisher(session, DEFAULT_REGISTRATION_BATCH);
  }

  /**
   * A publisher that writes registrations in batches of the given number of operations.
   *
   * @param session the session
   * @param registrationBatch operations per batch, at least 2
   * @return the publisher
   * @throws IllegalArgumentException for a batch size below 2
   */
  public static Publisher of(FtrackSession session, int registrationBatch) {
    return new Publisher(session, registrationBatch);
  }

  /**
   * Publishes a new version: the asset (created if the context has none of that name and type), the
   * version, its components (sequence members included) and their registrations in the location, in
   * one atomic batch.
   *
   * @param request what to publish
   * @return what was created
   * @throws PublishException if the asset type or the context does not exist
   * @throws UnknownLocationException if the location does not exist (the message lists those that
   *     do)
   * @throws io.pipelinekit.ftrack.FtrackException if the server refused the batch; then nothing was
   *     created
   */
  public Publication publish(PublishRequest request) {
    Objects.requireNonNull(request, "request == null");
    String contextId = request.context().id();
    List<List<Entity>> found =
        session.queryAll(
            List.of(
                Query.select("id", "short")
                    .from("AssetType")
                    .where(Criteria.attr("short").is(request.assetType())),
                Query.select("id", "name")
                    .from("Location")
                    .where(Criteria.attr("name").is(request.location())),
                Query.select("id", "name").from("Context").where(Criteria.attr("id").is(contextId)),
                Query.select("id", "name", "context_id", "type_id")
                    .from("Asset")
                    .where(
                        Criteria.and(
                            Criteria.attr("context_id").is(contextId),
                            Criteria.attr("name").is(request.assetName()),
                            Criteria.attr("type.short").is(request.assetType())))));
    if (found.get(0).isEmpty()) {
      throw new PublishException(
          "no asset type with the short name '"
              + request.assetType()
              + "'; known: "
              + String.join(", ", known("AssetType", "short"))
              + ". Use one of these or create the type in ftrack (System settings, Asset types)");
    }
    String locationId = location(found.get(1), request.location()).id();
    if (found.get(2).isEmpty()) {
      throw new PublishException(
          "no context with id " + contextId + " to publish under: check the shot or asset build");
    }
    UnitOfWork uow = session.unitOfWork();
    EntityRef asset;
    boolean assetCreated = found.get(3).isEmpty();
    if (assetCreated) {
      asset =
          uow.create(
              "Asset",
              Map.of(
                  "name", request.assetName(),
                  "context_id", contextId,
                  "type_id", found.get(0).get(0).id()));
    } else {
      asset = found.get(3).get(0).ref();
    }
    Map<String, Object> versionData = new LinkedHashMap<>();
    versionData.put("asset_id", asset.id());
    request.task().ifPresent(t -> versionData.put("task_id", t.id()));
    request.comment().ifPresent(c -> versionData.put("comment", c));
    EntityRef version = uow.create("AssetVersion", versionData);

    Map<String, EntityRef> components = new LinkedHashMap<>();
    List<Map<String, Object>> registrations = new ArrayList<>();
    for (PublishRequest.Part part : request.parts()) {
      if (part.sequence == null) {
        EntityRef c =
            uow.create(
                "FileComponent",
                component(part.name, fileType(part.resourceIdentifier), part.size, version));
        components.put(part.name, c);
        registrations.add(row(c, locationId, part.resourceIdentifier));
      } else {
        components.put(part.name, sequence(uow, part, version, locationId, registrations));
      }
    }
    for (Map<String, Object> r : registrations) {
      uow.create("ComponentLocation", r);
    }
    UnitOfWork.CommitResult result = uow.commit();
    long number =
        result
            .entity(version)
            .flatMap(e -> e.integer("version"))
            .orElseGet(() -> versionNumber(version));
    return new Publication(asset, assetCreated, version, number, components);
  }

  private long versionNumber(EntityRef version) {
    return session
        .query(
            Query.select("version")
                .from("AssetVersion")
                .where(Criteria.attr("id").is(version.id())))
        .one()
        .integer("version")
        .orElseThrow(
            () -> new PublishException("the server gave version " + version.id() + " no number"));
  }

  private static EntityRef sequence(
      UnitOfWork uow,
      PublishRequest.Part part,
      EntityRef version,
      String locationId,
      List<Map<String, Object>> registrations) {
    FileSequence seq = part.sequence;
    SequencePattern pattern = seq.pattern();
    int width = pattern.width();
    String printf = pattern.format(TokenStyle.PRINTF, HashWidth.ONE);
    String fileType = extension(pattern.tail());
    Map<String, Object> data = component(part.name, fileType, part.size * seq.size(), version);
    data.put("padding", width <= 1 ? 0 : width);
    EntityRef container = uow.create("SequenceComponent", data);
    // Members first, then the container, as the official client registers them.
    for (int frame : seq.frames()) {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("name", pad(frame, width));
      member.put("file_type", fileType);
      member.put("size", part.size);
      member.put("container_id", container.id());
      EntityRef m = uow.create("FileComponent", member);
      registrations.add(row(m, locationId, pattern.render(frame)));
    }
    registrations.add(row(container, locationId, printf));
    return container;
  }

  private static Map<String, Object> component(
      String name, String fileType, long size, EntityRef version) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("file_type", fileType);
    c.put("size", size);
    c.put("version_id", version.id());
    return c;
  }

  private static Map<String, Object> row(EntityRef component, String locationId, String ri) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("component_id", component.id());
    r.put("location_id", locationId);
    r.put("resource_identifier", ri);
    return r;
  }

  /**
   * Registers existing components in a destination location: a ComponentLocation per component with
   * the destination's identifier, members of sequences and containers before their container, in
   * batches of bounded size. A row that already exists there with the same identifier is kept; one
   * with another identifier (e.g. from an earlier transfer elsewhere) is replaced, its delete and
   * create in the same batch.
   *
   * @param registration the components and their identifiers in the destination
   * @return what was written
   * @throws UnknownLocationException if the location does not exist (the message lists those that
   *     do)
   * @throws PublishException if a component does not exist or a sequence identifier has no frame
   *     token
   * @throws io.pipelinekit.ftrack.FtrackException if the server refused the first batch; then
   *     nothing was written
   * @throws PublishException if the server refused a later batch: the message says how many rows
   *     were written, the cause is the server's answer, and running the same registration again
   *     completes it
   */
  public RegistrationResult register(Registration registration) {
    Objects.requireNonNull(registration, "registration == null");
    List<String> ids = new ArrayList<>(registration.identifiers().keySet());
    List<Query> queries = new ArrayList<>();
    queries.add(
        Query.select("id", "name")
            .from("Location")
            .where(Criteria.attr("name").is(registration.location())));
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += session.idChunkSize()) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + session.idChunkSize())));
    }
    for (List<String> chunk : chunks) {
      // The members come nested in their container, one row per container: a sequence of any
      // length costs one row of the look-up, not a page per 500 frames.
      queries.add(
          Query.select("id", "name", "file_type", "container_id")
              .from("Component")
              .where(Criteria.attr("id").in(chunk)));
      queries.add(
          Query.select(MEMBERS).from("SequenceComponent").where(Criteria.attr("id").in(chunk)));
      queries.add(
          Query.select(MEMBERS).from("ContainerComponent").where(Criteria.attr("id").in(chunk)));
      queries.add(
          Query.select("id", "component_id", "resource_identifier")
              .from("ComponentLocation")
              .where(
                  Criteria.and(
                      Criteria.attr("location.name").is(registration.location()),
                      Criteria.or(
                          Criteria.attr("component_id").in(chunk),
                          Criteria.attr("component.container_id").in(chunk)))));
    }
    List<List<Entity>> found = session.queryAll(queries);
    EntityRef location = location(found.get(0), registration.location()).ref();
    Map<String, Entity> components = new LinkedHashMap<>();
    Map<String, List<Entity>> members = new LinkedHashMap<>();
    Map<String, List<Entity>> existing = new HashMap<>();
    for (int q = 1; q < found.size(); q += 4) {
      for (Entity c : found.get(q)) {
        components.putIfAbsent(c.id(), c);
      }
      for (int k = q + 1; k <= q + 2; k++) {
        for (Entity container : found.get(k)) {
          members.putIfAbsent(container.id(), container.entities("members"));
        }
      }
      for (Entity row : found.get(q + 3)) {
        row.string("component_id")
            .ifPresent(c -> existing.computeIfAbsent(c, k -> new ArrayList<>()).add(row));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!components.containsKey(id)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      throw new PublishException(
          "no component with id " + String.join(", ", missing) + ": nothing was registered");
    }
    Map<String, String> rows = new LinkedHashMap<>();
    for (String id : ids) {
      String ri = registration.identifiers().get(id);
      Entity c = components.get(id);
      for (Entity m : members.getOrDefault(id, List.of())) {
        rows.put(m.id(), memberIdentifier(c, ri, m));
      }
      rows.put(id, ri);
    }
    return write(registration.location(), location, rows, existing);
  }

  /** Writes the rows in bounded batches, skipping those already there with the same identifier. */
  private RegistrationResult write(
      String locationName,
      EntityRef location,
      Map<String, String> rows,
      Map<String, List<Entity>> existing) {
    UnitOfWork uow = session.unitOfWork();
    int inBatch = 0;
    int creates = 0;
    int written = 0;
    int replaced = 0;
    int kept = 0;
    for (Map.Entry<String, String> r : rows.entrySet()) {
      List<Entity> old = existing.getOrDefault(r.getKey(), List.of());
      if (old.size() == 1
          && old.get(0).string("resource_identifier").orElse("").equals(r.getValue())) {
        kept++;
        continue;
      }
      if (inBatch + old.size() + 1 > registrationBatch) {
        commit(uow, locationName, written, rows.size());
        written += creates;
        inBatch = 0;
        creates = 0;
      }
      for (Entity o : old) {
        uow.delete(o.ref());
      }
      replaced += old.isEmpty() ? 0 : 1;
      uow.create(
          "ComponentLocation",
          Map.of(
              "component_id", r.getKey(),
              "location_id", location.id(),
              "resource_identifier", r.getValue()));
      inBatch += old.size() + 1;
      creates++;
    }
    commit(uow, locationName, written, rows.size());
    return new RegistrationResult(location, rows, replaced, kept);
  }

  private static void commit(UnitOfWork uow, String locationName, int writtenBefore, int total) {
    if (uow.isEmpty()) {
      return;
    }
    try {
      uow.commit();
    } catch (RuntimeException e) {
      uow.clear();
      if (writtenBefore == 0) {
        throw e;
      }
      throw new PublishException(
          writtenBefore
              + " of "
              + total
              + " registrations in location '"
              + locationName
              + "' were written before the server refused a batch ("
              + e.getMessage()
              + "); run the same registration again to complete it (rows already registered are"
              + " kept)",
          e);
    }
  }

  private static String memberIdentifier(Entity container, String ri, Entity member) {
    String name = member.string("name").orElse("");
    if (container.type().equals("SequenceComponent")) {
      Matcher m = FRAME_TOKEN.matcher(ri);
      int start = -1;
      int end = -1;
      int width = 0;
      while (m.find()) {
        start = m.start();
        end = m.end();
        width = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
      }
      if (start < 0) {
        throw new PublishException(
            "the identifier of sequence "
                + container.id()
                + " must hold a frame token such as %04d, e.g. \"demo/sh010/plate.%04d.exr\"; got \""
                + ri
                + "\"");
      }
      int frame;
      try {
        frame = Integer.parseInt(name);
      } catch (NumberFormatException e) {
        throw new PublishException(
            "member "
                + member.id()
                + " of sequence "
                + container.id()
                + " is not named by a frame: "
                + name);
      }
      return ri.substring(0, start) + pad(frame, width) + ri.substring(end);
    }
    String sep = ri.contains("\\") && !ri.contains("/") ? "\\" : "/";
    String dir = ri.endsWith("/") || ri.endsWith("\\") ? ri : ri + sep;
    return dir + name + member.string("file_type").orElse("");
  }

  private Entity location(List<Entity> found, String name) {
    if (!found.isEmpty()) {
      return found.get(0);
    }
    List<String> names = new ArrayList<>(known("Location", "name"));
    throw new UnknownLocationException("no ftrack location named '" + name + "'", names);
  }

  private List<String> known(String type, String attribute) {
    TreeSet<String> names = new TreeSet<>();
    for (Entity e : session.query(Query.select(attribute).from(type))) {
      e.string(attribute).ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  private static String pad(int frame, int width) {
    return width <= 1
        ? Integer.toString(frame)
        : String.format(Locale.ROOT, "%0" + width + "d", frame);
  }

  private static String fileType(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return extension(path.substring(slash + 1));
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }

  @Override
  public String toString() {
    return "Publisher{" + session + "}";
  }
}
