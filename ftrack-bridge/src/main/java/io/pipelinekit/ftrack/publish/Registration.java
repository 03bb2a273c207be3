package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.files.ComponentFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Existing components to register in a destination location, each with its identifier there: what a
 * transfer does when the files have arrived.
 *
 * <pre>{@code
 * Registration arrived = Registration.in("la")
 *     .add(plateId, "demo/sh010/plate/plate.%04d.exr")   // a sequence: the pattern
 *     .add(reviewId, "demo/sh010/review.mov")
 *     .build();
 * }</pre>
 *
 * <p>The identifier is the destination's own, as its storage expects (relative to its prefix, or
 * absolute for an unmanaged location), never the source's. For a sequence it is the {@code %0Nd}
 * pattern; each member is registered at the pattern with its frame. For a container it is the
 * directory; each member is registered at the directory plus its name and file type. Immutable.
 */
public final class Registration {
  private final String location;
  private final Map<String, String> identifiers;

  private Registration(Builder b) {
    this.location = b.location;
    this.identifiers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.identifiers));
  }

  /**
   * Starts a registration in a location.
   *
   * @param locationName the destination location, e.g. {@code la}
   * @return a builder
   */
  public static Builder in(String locationName) {
    return new Builder(locationName);
  }

  /**
   * The destination location's name.
   *
   * @return the name
   */
  public String location() {
    return location;
  }

  /**
   * The identifier of each component in the destination, by component id, in the order added.
   *
   * @return the identifiers
   */
  public Map<String, String> identifiers() {
    return identifiers;
  }

  @Override
  public String toString() {
    return "Registration{" + identifiers.size() + " components in " + location + "}";
  }

  /** Builds a {@link Registration}; not thread-safe. */
  public static final class Builder {
    private final String location;
    private final Map<String, String> identifiers = new LinkedHashMap<>();

    private Builder(String location) {
      Objects.requireNonNull(location, "location == null");
      if (location.isBlank()) {
        throw new IllegalArgumentException("the destination location name must not be blank");
      }
      this.location = location;
    }

    /**
     * Adds a component.
     *
     * @param componentId the component (file, sequence or container)
     * @param resourceIdentifier its identifier in the destination
     * @return this builder
     */
    public Builder add(String componentId, String resourceIdentifier) {
      Objects.requireNonNull(componentId, "componentId == null");
      Objects.requireNonNull(resourceIdentifier, "resourceIdentifier == null");
      if (resourceIdentifier.isBlank()) {
        throw new IllegalArgumentException("the identifier of " + componentId + " is blank");
      }
      String before = identifiers.putIfAbsent(componentId, resourceIdentifier);
      if (before != null && !before.equals(resourceIdentifier)) {
        throw new IllegalArgumentException(
            "component "
                + componentId
                + " added twice, at "
                + before
                + " and "
                + resourceIdentifier);
      }
      return this;
    }

    /**
     * Adds a component found by {@link io.pipelinekit.ftrack.files.SelectionResolver}.
     *
     * @param component the component
     * @param resourceIdentifier its identifier in the destination
     * @return this builder
     */
    public Builder add(ComponentFiles component, String resourceIdentifier) {
      return add(component.component().id(), resourceIdentifier);
    }

    /**
     * Builds the registration.
     *
     * @return the registration
     * @throws IllegalStateException if no component was added
     */
    public Registration build() {
      if (identifiers.isEmpty()) {
        throw new IllegalStateException("a registration needs at least one component");
      }
      return new Registration(this);
    }
  }
}
