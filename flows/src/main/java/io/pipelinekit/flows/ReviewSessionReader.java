package io.pipelinekit.flows;

import io.pipelinekit.ftrack.Criteria;
import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.Query;
import io.pipelinekit.ftrack.files.ComponentFiles;
import io.pipelinekit.ftrack.files.ComponentInLocation;
import io.pipelinekit.ftrack.files.SelectionItem;
import io.pipelinekit.ftrack.files.SelectionResolver;
import io.pipelinekit.ftrack.files.ShareFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an ftrack review session holds for a distribution: its name and project, its invitees, and
 * the previews and frame sequences of its versions in a location. Reads only; the distribution
 * itself is {@link ReviewDistributeFlow}'s.
 */
final class ReviewSessionReader {
  private final FtrackSession ftrack;
  private final StudioLayout layout;

  ReviewSessionReader(FtrackSession ftrack, StudioLayout layout) {
    this.ftrack = ftrack;
    this.layout = layout;
  }

  /** A review session: its id, name and project's name. */
  record Session(String id, String name, String project) {}

  /** A file to distribute and where it goes below the directory. */
  record Item(PlannedFile file, String target) {}

  /** The session, or NOT_FOUND naming where its id comes from. */
  Session session(String id) {
    Optional<Entity> rs =
        ftrack
            .query(
                Query.select("id", "name", "project_id")
                    .from("ReviewSession")
                    .where(Criteria.attr("id").is(id)))
            .first();
    if (rs.isEmpty()) {
      throw FlowException.notFound(
          "ftrack has no review session with id " + id + "; copy it from the review's URL");
    }
    String name = rs.get().string("name").orElse("review");
    String project =
        rs.get()
            .string("project_id")
            .flatMap(
                p ->
                    ftrack
                        .query(
                            Query.select("name").from("Project").where(Criteria.attr("id").is(p)))
                        .first())
            .flatMap(p -> p.string("name"))
            .orElse("review");
    return new Session(id, name, project);
  }

  /** The invitees' e-mails, checked; an invitee without one is a warning. */
  List<String> invitees(Session s, List<String> warnings) {
    List<String> raw = new ArrayList<>();
    for (Entity e :
        ftrack
            .query(
                Query.select("name", "email")
                    .from("ReviewSessionInvitee")
                    .where(Criteria.attr("review_session_id").is(s.id())))
            .all()) {
      Optional<String> email = e.string("email").map(String::strip).filter(x -> !x.isEmpty());
      if (email.isEmpty()) {
        warnings.add(
            "invitee " + e.string("name").orElse(e.id()) + " has no e-mail and gets nothing");
      } else {
        raw.add(email.get());
      }
    }
    return Checks.recipients(raw);
  }

  /**
   * The previews and frame sequences of the session's versions in a location, each with its version
   * folder ({@code <shot>_<asset>_v<NNN>}); anything else is left out, and a component missing from
   * the location is a warning.
   */
  List<Item> items(Session s, String location, List<String> warnings) {
    List<ComponentFiles> components =
        SelectionResolver.of(ftrack).resolve(SelectionItem.of("reviewsession", s.id()));
    Map<String, String> contextNames = contextNames(components);
    List<Item> items = new ArrayList<>();
    for (ComponentFiles c : components) {
      Optional<ComponentInLocation> in = c.in(location);
      String label = SendFlow.label(c);
      if (in.isEmpty()) {
        warnings.add("skipped " + label + ": not in location " + location);
        continue;
      }
      ShareFile share = layout.toShare(in.get());
      String path = share.sharePath().toString();
      boolean preview = layout.isPreview(path);
      boolean sequence = share.sequence().isPresent() && layout.isSequenceType(path);
      if (!preview && !sequence) {
        continue; // neither a review movie nor frames: not part of a review package
      }
      String target =
          contextNames.getOrDefault(c.contextId().orElse(""), "shot")
              + "_"
              + c.assetName().orElse("asset")
              + "_v"
              + String.format(Locale.ROOT, "%03d", c.versionNumber().orElse(0L));
      items.add(
          new Item(
              new PlannedFile(
                  c.component().id(),
                  Optional.of(c.component().id()),
                  c.versionId(),
                  label,
                  share.sharePath(),
                  share.sequence(),
                  preview),
              target));
    }
    if (items.isEmpty()) {
      throw FlowException.badInput(
          "review session '"
              + s.name()
              + "' has no preview movie or frame sequence in location "
              + location
              + "; add versions with reviewable files");
    }
    return items;
  }

  private Map<String, String> contextNames(List<ComponentFiles> components) {
    List<String> ids =
        components.stream()
            .map(ComponentFiles::contextId)
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Entity e : ftrack.queryByIds(Query.select("id", "name").from("TypedContext"), "id", ids)) {
      e.string("name").ifPresent(n -> out.put(e.id(), ReviewDistributeFlow.slug(n)));
    }
    return out;
  }
}
