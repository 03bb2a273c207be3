package io.pipelinekit.ftrack;

import io.pipelinekit.paths.Platform;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The server's storage scenario ({@code query_server_information.storage_scenario}). With {@code
 * ftrack.centralized-storage}, one location holds files under a mount point per operating system
 * and its resource identifiers are relative to it.
 *
 * <pre>{@code
 * StorageScenario s = session.serverInformation().storageScenario().orElseThrow();
 * if (s.isCentralized()) {
 *   String linuxRoot = s.mountPoints().get(Platform.LINUX);
 * }
 * }</pre>
 */
@Value.Immutable
public interface StorageScenario {
  /** The scenario name used by ftrack for centralized storage. */
  String CENTRALIZED = "ftrack.centralized-storage";

  /**
   * The scenario name, e.g. {@code ftrack.centralized-storage} or {@code ftrack.automatic}.
   *
   * @return the name
   */
  String scenario();

  /**
   * The id of the location the scenario configures.
   *
   * @return the id, for centralized storage
   */
  Optional<String> locationId();

  /**
   * The name of that location.
   *
   * @return the name, for centralized storage
   */
  Optional<String> locationName();

  /**
   * The mount point per platform ({@code linux}, {@code osx}, {@code windows} on the wire).
   *
   * @return the mount points; empty when there are none
   */
  Map<Platform, String> mountPoints();

  /**
   * Whether this is the centralized storage scenario.
   *
   * @return true for {@code ftrack.centralized-storage}
   */
  default boolean isCentralized() {
    return CENTRALIZED.equals(scenario());
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StorageScenario}; not thread-safe. */
  final class Builder extends ImmutableStorageScenario.Builder {}
}
