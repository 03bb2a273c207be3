package io.pipelinekit.ftrack;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code query_server_information} says about the server.
 *
 * <pre>{@code
 * ServerInformation info = session.serverInformation();
 * info.version();                    // "4.13.8.1234" or "dev"
 * info.timezoneSupportEnabled();     // true: every datetime is UTC
 * info.storageScenario();            // centralized storage, if configured
 * }</pre>
 */
@Value.Immutable
public interface ServerInformation {
  /**
   * The server version, {@code MAJOR.MINOR.PATCH.BUILD} or {@code dev}.
   *
   * @return the version
   */
  String version();

  /**
   * The md5 of the server's schemas.
   *
   * @return the hash, if sent
   */
  Optional<String> schemaHash();

  /**
   * Whether datetimes are UTC ({@code is_timezone_support_enabled}); otherwise they are in the
   * server's local time.
   *
   * @return the flag; false when the server did not say
   */
  @Value.Default
  default boolean timezoneSupportEnabled() {
    return false;
  }

  /**
   * The storage scenario.
   *
   * @return the scenario, if the server has one
   */
  Optional<StorageScenario> storageScenario();

  /**
   * Every value the server sent, decoded.
   *
   * @return the raw values
   */
  Map<String, Object> raw();

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServerInformation}; not thread-safe. */
  final class Builder extends ImmutableServerInformation.Builder {}
}
