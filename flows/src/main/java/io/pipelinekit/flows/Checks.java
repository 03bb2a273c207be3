package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.users.Users;
import io.pipelinekit.ftrack.Criteria;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.files.SelectionItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks every flow makes before it submits anything. */
final class Checks {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

  private Checks() {}

  /** Throws NOT_FOUND unless the party exists in accsyn: the site, or the user. */
  static void requireParty(AccsynClient accsyn, Party party, String locationName) {
    if ("standard".equalsIgnoreCase(accsyn.role())) {
      // Standard users (vendors) cannot list sites or other users; accsyn checks the party when
      // the job is created, and its refusal is reported as is.
      return;
    }
    switch (party.kind()) {
      case SITE -> {
        String code = party.value().orElseThrow();
        if (accsyn.findOne(Query.of("site").where("code", Operator.EQ, code)).isEmpty()) {
          throw FlowException.notFound(
              "location '"
                  + locationName
                  + "' is accsyn site '"
                  + code
                  + "', which does not exist; create the site in accsyn (setup --site "
                  + code
                  + ") or pick another location");
        }
      }
      case USER, USER_AT_HOST -> {
        String email = party.value().orElseThrow();
        if (Users.of(accsyn).findByEmail(email).isEmpty()) {
          throw FlowException.notFound(
              "location '"
                  + locationName
                  + "' is accsyn user '"
                  + email
                  + "', who is not in the workspace; invite them first (setup --employee or"
                  + " --vendor)");
        }
      }
      default -> {
        // the workspace and explicit client ids need no look-up
      }
    }
  }

  /** Throws NOT_FOUND unless every selected entity exists. */
  static void requireSelection(FtrackSession ftrack, List<SelectionItem> selection) {
    if (selection.isEmpty()) {
      throw FlowException.badInput(
          "nothing is selected; select at least one entity, e.g. SendRequest.assetVersion(id)"
              + " or select(\"Shot\", id)");
    }
    for (SelectionItem item : selection) {
      SelectionItem.Kind kind;
      try {
        kind = item.kind();
      } catch (IllegalArgumentException e) {
        throw FlowException.badInput(e.getMessage(), e);
      }
      String type =
          switch (kind) {
            case PROJECT -> "Project";
            case CONTEXT -> "TypedContext";
            case ASSET -> "Asset";
            case VERSION -> "AssetVersion";
            case COMPONENT -> "Component";
            case REVIEW_SESSION -> "ReviewSession";
            case LIST -> "List";
          };
      boolean exists =
          ftrack
              .query(
                  io.pipelinekit.ftrack.Query.select("id")
                      .from(type)
                      .where(Criteria.attr("id").is(item.entityId())))
              .first()
              .isPresent();
      if (!exists) {
        throw FlowException.notFound(
            "ftrack has no "
                + type
                + " with id "
                + item.entityId()
                + "; copy the id from the ftrack web UI (Info panel)");
      }
    }
  }

  /** The ftrack User the flow reports to, from the API user's name. */
  static Optional<EntityRef> apiUser(FtrackSession ftrack) {
    return ftrack
        .query(
            io.pipelinekit.ftrack.Query.select("id")
                .from("User")
                .where(Criteria.attr("username").is(ftrack.apiUser())))
        .first()
        .map(e -> EntityRef.of("User", e.id()));
  }

  /**
   * Recipients trimmed, lower-cased, validated and de-duplicated, in order.
   *
   * @throws FlowException BAD_INPUT for an entry that is not an e-mail address
   */
  static List<String> recipients(List<String> raw) {
    Set<String> out = new LinkedHashSet<>();
    for (String r : raw) {
      for (String part : r.split("[,;\\s]+")) {
        String e = part.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty()) {
          continue;
        }
        if (!EMAIL.matcher(e).matches()) {
          throw FlowException.badInput(
              "'" + part.strip() + "' is not an e-mail address; give recipients as name@domain");
        }
        out.add(e);
      }
    }
    return List.copyOf(out);
  }
}
