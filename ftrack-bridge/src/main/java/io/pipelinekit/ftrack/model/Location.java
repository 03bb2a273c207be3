package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A location: where components are (see docs/protocol/ftrack.md, "Locations and resource
 * identifiers"). Built-in ones have fixed ids; custom ones are named by the studio, e.g. after
 * accsyn sites ({@code hq}) or users' e-mails.
 *
 * <pre>{@code
 * Location l = Location.of(session.query("select name from Location where name is \"hq\"").one());
 * l.isBuiltIn(); // false
 * }</pre>
 */
public final class Location extends EntityView {
  /** The id of {@code ftrack.origin}. */
  public static final String ORIGIN_ID = "ce9b348f-8809-11e3-821c-20c9d081909b";

  /** The id of {@code ftrack.unmanaged}: resource identifiers are the paths as published. */
  public static final String UNMANAGED_ID = "cb268ecc-8809-11e3-a7e2-20c9d081909b";

  /** The id of {@code ftrack.review}. */
  public static final String REVIEW_ID = "cd41be70-8809-11e3-b98a-20c9d081909b";

  /** The id of {@code ftrack.server}: resource identifiers are component ids. */
  public static final String SERVER_ID = "3a372bde-05bc-11e4-8908-20c9d081909b";

  /** The id of {@code ftrack.connect}. */
  public static final String CONNECT_ID = "07b82a97-8cf9-11e3-9383-20c9d081909b";

  /** The name of the unmanaged location. */
  public static final String UNMANAGED = "ftrack.unmanaged";

  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS = List.of("name", "label", "description");

  /**
   * The unique name.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
  }

  /**
   * The label.
   *
   * @return the label
   */
  public Optional<String> label() {
    return str("label");
  }

  /**
   * The description.
   *
   * @return the description
   */
  public Optional<String> description() {
    return str("description");
  }

  /**
   * Whether this is one of the reserved {@code ftrack.*} locations.
   *
   * @return true for built-in locations
   */
  public boolean isBuiltIn() {
    return name().map(n -> n.startsWith("ftrack.")).orElse(false)
        || List.of(ORIGIN_ID, UNMANAGED_ID, REVIEW_ID, SERVER_ID, CONNECT_ID).contains(id());
  }

  private Location(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code Location}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static Location of(Entity entity) {
    return new Location(require(entity, "Location", entity.type().equals("Location")));
  }
}
