package io.pipelinekit.ftrack.files;

import io.pipelinekit.ftrack.model.Component;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One component found for a selection, with where it is.
 *
 * <pre>{@code
 * for (ComponentFiles cf : resolver.resolve(selection)) {
 *   cf.assetName(); cf.versionNumber(); cf.component().name();
 *   cf.in("hq").ifPresent(c -> paths.path(c));
 * }
 * }</pre>
 */
@Value.Immutable
public interface ComponentFiles {
  /**
   * The component (file, sequence or container), with the attributes the resolver loaded.
   *
   * @return the component
   */
  Component component();

  /**
   * The version id.
   *
   * @return the id
   */
  Optional<String> versionId();

  /**
   * The version number.
   *
   * @return the number
   */
  Optional<Long> versionNumber();

  /**
   * The asset name.
   *
   * @return the name
   */
  Optional<String> assetName();

  /**
   * The asset's context id (the shot, asset build, …).
   *
   * @return the id
   */
  Optional<String> contextId();

  /**
   * Every location the component is registered in, in location-name order.
   *
   * @return the locations; empty if it is nowhere
   */
  List<ComponentInLocation> locations();

  /**
   * The registration in a named location.
   *
   * @param locationName e.g. {@code hq}
   * @return the registration, if the component is there
   */
  default Optional<ComponentInLocation> in(String locationName) {
    return locations().stream().filter(l -> l.locationName().equals(locationName)).findFirst();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ComponentFiles}; not thread-safe. */
  final class Builder extends ImmutableComponentFiles.Builder {}
}
