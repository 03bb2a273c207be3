package io.pipelinekit.accsyn.access;

import java.util.Locale;

/**
 * The kinds of share access can be granted on.
 *
 * <pre>{@code
 * ShareType.FOLDER.entityType();   // "folder"
 * }</pre>
 */
public enum ShareType {
  /** A volume. */
  VOLUME,
  /** A shared folder. */
  FOLDER,
  /** A home share. */
  HOME,
  /** A collection. */
  COLLECTION;

  /**
   * The entity type on the wire.
   *
   * @return e.g. {@code folder}
   */
  public String entityType() {
    return name().toLowerCase(Locale.ROOT);
  }
}
