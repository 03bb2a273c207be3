package io.pipelinekit.accsyn.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a setting lives: the workspace, or one entity (a queue, volume, folder, transfer, user,
 * ...). Settings aggregate upstream: job → queue → share → volume → workspace.
 *
 * <pre>{@code
 * SettingScope.workspace();
 * SettingScope.of("queue", queueId);
 * }</pre>
 */
public final class SettingScope {
  private static final SettingScope WORKSPACE = new SettingScope("workspace", null);

  private final String entityType;
  private final String entityId;

  private SettingScope(String entityType, String entityId) {
    this.entityType = entityType;
    this.entityId = entityId;
  }

  /**
   * The workspace.
   *
   * @return the scope
   */
  public static SettingScope workspace() {
    return WORKSPACE;
  }

  /**
   * One entity.
   *
   * @param entityType e.g. {@code queue}, {@code volume}, {@code transfer}
   * @param entityId its id
   * @return the scope
   */
  public static SettingScope of(String entityType, String entityId) {
    Objects.requireNonNull(entityType, "entityType == null");
    Objects.requireNonNull(entityId, "entityId == null");
    if (entityType.isBlank() || entityId.isBlank()) {
      throw new IllegalArgumentException("a setting scope needs an entity type and id");
    }
    return new SettingScope(entityType.strip().toLowerCase(java.util.Locale.ROOT), entityId);
  }

  /**
   * The entity type.
   *
   * @return e.g. {@code workspace}
   */
  public String entityType() {
    return entityType;
  }

  /**
   * The entity id (sent as the event id).
   *
   * @return the id, empty for the workspace
   */
  public Optional<String> entityId() {
    return Optional.ofNullable(entityId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SettingScope s
        && entityType.equals(s.entityType)
        && Objects.equals(entityId, s.entityId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entityType, entityId);
  }

  @Override
  public String toString() {
    return entityId == null ? entityType : entityType + ":" + entityId;
  }
}
