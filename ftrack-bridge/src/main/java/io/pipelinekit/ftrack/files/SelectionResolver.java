package io.pipelinekit.ftrack.files;

import io.pipelinekit.ftrack.Criteria;
import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Query;
import io.pipelinekit.ftrack.model.Component;
import io.pipelinekit.paths.sequence.CollapseResult;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.paths.sequence.FrameSet;
import io.pipelinekit.paths.sequence.SequenceCollapser;
import io.pipelinekit.paths.sequence.SequencePattern;
import io.pipelinekit.paths.sequence.SequenceSyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds every component below a selection, with its resource identifier in every location.
 *
 * <pre>{@code
 * SelectionResolver resolver = SelectionResolver.of(session);
 * List<ComponentFiles> files = resolver.resolve(List.of(SelectionItem.of("task", shotId)));
 * }</pre>
 *
 * <p>The number of requests does not grow with the number of versions or components: one request
 * expands the selection (descendants of contexts at any depth, the versions of review sessions and
 * lists), one fetches the components, their locations, sequence members and container members
 * (three queries per id chunk, sent together), and further requests happen only when a query has
 * more than a page ({@link FtrackSession#pageSize()}), all queries' next pages again together.
 * Lists of contexts need one more expansion request.
 *
 * <p>Components are de-duplicated and sorted by asset name, version and component name. Members of
 * sequences and containers appear inside their container, not on their own. Thread-safe.
 */
public final class SelectionResolver {
  private static final List<String> BASE =
      List.of(
          "name",
          "file_type",
          "size",
          "system_type",
          "version_id",
          "container_id",
          "version.version",
          "version.asset.name",
          "version.asset.context_id",
          "component_locations.resource_identifier",
          "component_locations.location_id",
          "component_locations.location.name");
  private static final List<String> MEMBERS =
      List.of(
          "members.name",
          "members.file_type",
          "members.component_locations.resource_identifier",
          "members.component_locations.location_id",
          "members.component_locations.location.name");

  private final FtrackSession session;

  private SelectionResolver(FtrackSession session) {
    this.session = Objects.requireNonNull(session, "session == null");
  }

  /**
   * A resolver using a session.
   *
   * @param session the session
   * @return the resolver
   */
  public static SelectionResolver of(FtrackSession session) {
    return new SelectionResolver(session);
  }

  /**
   * Resolves a selection.
   *
   * @param items the selected entities
   * @return every component found, without duplicates
   */
  public List<ComponentFiles> resolve(SelectionItem... items) {
    return resolve(List.of(items));
  }

  /**
   * Resolves a selection.
   *
   * @param items the selected entities
   * @return every component found, without duplicates
   * @throws IllegalArgumentException if an item's type cannot hold files
   */
  public List<ComponentFiles> resolve(Collection<SelectionItem> items) {
    Set<String> projects = new LinkedHashSet<>();
    Set<String> contextRoots = new LinkedHashSet<>();
    Set<String> versions = new LinkedHashSet<>();
    Set<String> assets = new LinkedHashSet<>();
    Set<String> components = new LinkedHashSet<>();
    Set<String> reviewSessions = new LinkedHashSet<>();
    Set<String> lists = new LinkedHashSet<>();
    for (SelectionItem item : items) {
      switch (item.kind()) {
        case PROJECT:
          projects.add(item.entityId());
          break;
        case CONTEXT:
          contextRoots.add(item.entityId());
          break;
        case ASSET:
          assets.add(item.entityId());
          break;
        case VERSION:
          versions.add(item.entityId());
          break;
        case COMPONENT:
          components.add(item.entityId());
          break;
        case REVIEW_SESSION:
          reviewSessions.add(item.entityId());
          break;
        default:
          lists.add(item.entityId());
      }
    }

    // Round 1: expand contexts to all their descendants, review sessions and lists to versions.
    List<Query> expansion = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (List<String> chunk : chunks(contextRoots)) {
      expansion.add(descendants(chunk));
      tags.add("context");
    }
    for (List<String> chunk : chunks(reviewSessions)) {
      expansion.add(
          Query.select("version_id")
              .from("ReviewSessionObject")
              .where(Criteria.attr("review_session_id").in(chunk)));
      tags.add("review");
    }
    for (List<String> chunk : chunks(lists)) {
      // Only the concrete list types have items (the base List does not).
      expansion.add(
          Query.select("items.id").from("AssetVersionList").where(Criteria.attr("id").in(chunk)));
      tags.add("versionList");
      expansion.add(
          Query.select("items.id").from("TypedContextList").where(Criteria.attr("id").in(chunk)));
      tags.add("contextList");
    }
    Set<String> contexts = new LinkedHashSet<>(contextRoots);
    Set<String> listContexts = new LinkedHashSet<>();
    List<List<Entity>> expanded = expansion.isEmpty() ? List.of() : session.queryAll(expansion);
    for (int i = 0; i < expanded.size(); i++) {
      for (Entity e : expanded.get(i)) {
        switch (tags.get(i)) {
          case "context":
            contexts.add(e.id());
            break;
          case "review":
            e.string("version_id").ifPresent(versions::add);
            break;
          case "versionList":
            e.entities("items").forEach(v -> versions.add(v.id()));
            break;
          default:
            e.entities("items").forEach(c -> listContexts.add(c.id()));
        }
      }
    }
    if (!listContexts.isEmpty()) {
      List<Query> more = new ArrayList<>();
      for (List<String> chunk : chunks(listContexts)) {
        more.add(descendants(chunk));
      }
      contexts.addAll(listContexts);
      session.queryAll(more).forEach(l -> l.forEach(e -> contexts.add(e.id())));
    }

    // Round 2: components, sequences and containers for every criterion, in one request.
    List<Criteria> atoms = new ArrayList<>();
    for (String p : projects) {
      atoms.add(
          Criteria.attr("version.asset.parent.project_id")
              .is(p)
              .or(Criteria.attr("version.asset.context_id").is(p)));
    }
    for (List<String> chunk : chunks(contexts)) {
      atoms.add(
          Criteria.attr("version.asset.context_id")
              .in(chunk)
              .or(Criteria.attr("version.task_id").in(chunk)));
    }
    for (List<String> chunk : chunks(versions)) {
      atoms.add(Criteria.attr("version_id").in(chunk));
    }
    for (List<String> chunk : chunks(assets)) {
      atoms.add(Criteria.attr("version.asset_id").in(chunk));
    }
    for (List<String> chunk : chunks(components)) {
      atoms.add(Criteria.attr("id").in(chunk));
    }
    if (atoms.isEmpty()) {
      return List.of();
    }
    List<Query> queries = new ArrayList<>();
    for (Criteria c : atoms) {
      queries.add(Query.select(BASE).from("Component").where(c).orderBy("id"));
      List<String> seq = new ArrayList<>(MEMBERS);
      seq.add(0, "padding");
      queries.add(Query.select(seq).from("SequenceComponent").where(c).orderBy("id"));
      queries.add(Query.select(MEMBERS).from("ContainerComponent").where(c).orderBy("id"));
    }
    List<List<Entity>> results = session.queryAll(queries);
    Map<String, Entity> base = new LinkedHashMap<>();
    Map<String, Entity> withMembers = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      for (Entity e : results.get(i)) {
        (i % 3 == 0 ? base : withMembers).putIfAbsent(e.id(), e);
      }
    }
    List<ComponentFiles> out = new ArrayList<>();
    for (Entity e : base.values()) {
      Optional<String> container = e.string("container_id");
      if (container.isPresent() && base.containsKey(container.get())) {
        continue; // a member: it is listed inside its container
      }
      out.add(files(e, withMembers.get(e.id())));
    }
    out.sort(
        Comparator.comparing((ComponentFiles f) -> f.assetName().orElse(""))
            .thenComparing(f -> f.versionNumber().orElse(0L))
            .thenComparing(f -> f.component().name().orElse(""))
            .thenComparing(f -> f.component().id()));
    return List.copyOf(out);
  }

  private static Query descendants(List<String> ids) {
    return Query.select("id")
        .from("TypedContext")
        .where(
            Criteria.attr("id")
                .in(ids)
                .or(Criteria.attr("ancestors").any(Criteria.attr("id").in(ids))));
  }

  private List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += session.idChunkSize()) {
      out.add(all.subList(i, Math.min(all.size(), i + session.idChunkSize())));
    }
    return out;
  }

  private static ComponentFiles files(Entity e, Entity membersEntity) {
    Component component =
        Component.of(
            membersEntity != null && membersEntity.has("padding") ? merged(e, membersEntity) : e);
    ComponentFiles.Builder b =
        ComponentFiles.builder()
            .component(component)
            .versionId(e.string("version_id"))
            .versionNumber(
                e.path("version.version").filter(Long.class::isInstance).map(Long.class::cast))
            .assetName(e.path("version.asset.name").map(String::valueOf))
            .contextId(e.path("version.asset.context_id").map(String::valueOf));
    // Per location: the component's own identifier, and its members' identifiers and frames.
    Map<String, String> names = new TreeMap<>();
    Map<String, String> ownRi = new LinkedHashMap<>();
    for (Entity cl : e.entities("component_locations")) {
      String loc = cl.string("location_id").orElse("");
      ownRi.put(loc, cl.string("resource_identifier").orElse(""));
      names.put(loc, cl.path("location.name").map(String::valueOf).orElse(loc));
    }
    Map<String, List<String[]>> members = new LinkedHashMap<>(); // location -> [name, ri]
    if (membersEntity != null) {
      for (Entity m : membersEntity.entities("members")) {
        for (Entity cl : m.entities("component_locations")) {
          String loc = cl.string("location_id").orElse("");
          names.putIfAbsent(loc, cl.path("location.name").map(String::valueOf).orElse(loc));
          members
              .computeIfAbsent(loc, k -> new ArrayList<>())
              .add(
                  new String[] {
                    m.string("name").orElse(""), cl.string("resource_identifier").orElse("")
                  });
        }
      }
    }
    List<ComponentInLocation> locations = new ArrayList<>();
    for (String loc : names.keySet()) {
      ComponentInLocation.Builder cb =
          ComponentInLocation.builder().locationId(loc).locationName(names.get(loc));
      List<String[]> ms = members.getOrDefault(loc, List.of());
      ms.forEach(m -> cb.addMemberIdentifiers(m[1]));
      String ri = ownRi.get(loc);
      if (component.kind() == Component.Kind.SEQUENCE) {
        Optional<FileSequence> seq = sequence(ri, ms);
        seq.ifPresent(cb::sequence);
        if (ri == null) {
          ri = seq.map(s -> s.pattern().toString()).orElse("");
        }
      }
      cb.resourceIdentifier(ri == null ? "" : ri);
      locations.add(cb.build());
    }
    locations.sort(Comparator.comparing(ComponentInLocation::locationName));
    return b.locations(locations).build();
  }

  private static Entity merged(Entity e, Entity extra) {
    Map<String, Object> attrs = new LinkedHashMap<>(e.attributes());
    extra.attributes().forEach(attrs::putIfAbsent);
    return Entity.of(e.type(), attrs);
  }

  /**
   * Rebuilds a sequence in one location: the container's {@code %0Nd} identifier plus the frames of
   * the members registered there (member names are the padded frames). Without a usable container
   * identifier, the members' identifiers are collapsed instead.
   */
  static Optional<FileSequence> sequence(String containerRi, List<String[]> members) {
    if (containerRi != null) {
      try {
        SequencePattern pattern = SequencePattern.parse(containerRi);
        int[] frames = new int[members.size()];
        int n = 0;
        for (String[] m : members) {
          OptionalInt frame = frame(m[0]);
          if (frame.isEmpty()) {
            frame = pattern.frameOf(m[1]);
          }
          if (frame.isPresent()) {
            frames[n++] = frame.getAsInt();
          }
        }
        int[] found = java.util.Arrays.copyOf(frames, n);
        java.util.Arrays.sort(found);
        return Optional.of(FileSequence.of(pattern, FrameSet.fromFrames(found)));
      } catch (SequenceSyntaxException e) {
        // Not a pattern (some locations store a directory); fall back to the members.
      }
    }
    List<String> ris = new ArrayList<>();
    for (String[] m : members) {
      ris.add(m[1]);
    }
    CollapseResult r = SequenceCollapser.defaults().collapse(ris);
    return r.sequences().size() == 1 && r.leftovers().isEmpty()
        ? Optional.of(r.sequences().get(0))
        : Optional.empty();
  }

  private static OptionalInt frame(String name) {
    if (name.isEmpty() || name.length() > 10) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isDigit(c) || (i == 0 && c == '-' && name.length() > 1))) {
        return OptionalInt.empty();
      }
    }
    try {
      return OptionalInt.of(Integer.parseInt(name));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
