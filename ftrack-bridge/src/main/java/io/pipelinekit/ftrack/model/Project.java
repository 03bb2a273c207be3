package io.pipelinekit.ftrack.model;

import io.pipelinekit.ftrack.Entity;
import java.util.List;
import java.util.Optional;

/**
 * A project ({@code Project}, legacy name {@code show}). Its {@code name} is the short code that
 * paths usually contain.
 *
 * <pre>{@code
 * Project p = Project.of(session.query("select name, full_name from Project").first().orElseThrow());
 * p.name(); // "demo"
 * }</pre>
 */
public final class Project extends EntityView {
  /** The attributes this view reads. */
  public static final List<String> PROJECTIONS = List.of("name", "full_name", "status", "root");

  /**
   * The short code.
   *
   * @return the name
   */
  public Optional<String> name() {
    return str("name");
  }

  /**
   * The full name.
   *
   * @return the full name
   */
  public Optional<String> fullName() {
    return str("full_name");
  }

  /**
   * The status, {@code active} or {@code hidden}.
   *
   * @return the status
   */
  public Optional<String> status() {
    return str("status");
  }

  /**
   * The legacy disk root.
   *
   * @return the root
   */
  public Optional<String> root() {
    return str("root");
  }

  private Project(Entity entity) {
    super(entity);
  }

  /**
   * Views an entity as a {@code Project}.
   *
   * @param entity the entity
   * @return the view
   * @throws IllegalArgumentException if the entity is of another type
   */
  public static Project of(Entity entity) {
    return new Project(require(entity, "Project", entity.type().equals("Project")));
  }
}
