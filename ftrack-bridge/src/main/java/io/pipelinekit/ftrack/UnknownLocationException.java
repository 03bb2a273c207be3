package io.pipelinekit.ftrack;

import java.util.List;

/**
 * A location name that names no ftrack location, or that cannot be mapped to one accsyn party
 * (unknown, or matching several). The message and {@link #knownLocations()} list the known names.
 */
public class UnknownLocationException extends FtrackConfigurationException {
  private static final long serialVersionUID = 1L;

  private final List<String> knownLocations;

  /**
   * Creates the exception.
   *
   * @param message what was asked and why it failed
   * @param knownLocations the names the directory knows
   */
  public UnknownLocationException(String message, List<String> knownLocations) {
    super(
        message
            + "; known locations: "
            + (knownLocations.isEmpty() ? "(none)" : String.join(", ", knownLocations)));
    this.knownLocations = List.copyOf(knownLocations);
  }

  /**
   * The location names the directory knows.
   *
   * @return the names, sorted
   */
  public List<String> knownLocations() {
    return knownLocations;
  }
}
