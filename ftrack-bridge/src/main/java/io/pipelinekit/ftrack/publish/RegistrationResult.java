package io.pipelinekit.ftrack.publish;

import io.pipelinekit.ftrack.EntityRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Publisher#register} wrote.
 *
 * <p>Immutable.
 */
public final class RegistrationResult {
  private final EntityRef location;
  private final Map<String, String> identifiers;
  private final int replaced;
  private final int kept;

  RegistrationResult(EntityRef location, Map<String, String> identifiers, int replaced, int kept) {
    this.location = location;
    this.identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    this.replaced = replaced;
    this.kept = kept;
  }

  /**
   * The destination location.
   *
   * @return the location
   */
  public EntityRef location() {
    return location;
  }

  /**
   * Every component now registered, sequence and container members included, with its identifier,
   * in the order the rows were created (members before their container).
   *
   * @return identifiers by component id
   */
  public Map<String, String> identifiers() {
    return identifiers;
  }

  /**
   * How many registrations that existed in the destination were replaced.
   *
   * @return the count
   */
  public int replaced() {
    return replaced;
  }

  /**
   * How many rows were already there with the same identifier and were kept as they were (a
   * registration run again after a failure skips what the first run wrote).
   *
   * @return the number of rows kept
   */
  public int kept() {
    return kept;
  }

  @Override
  public String toString() {
    return "RegistrationResult{"
        + identifiers.size()
        + " rows in "
        + location
        + ", "
        + replaced
        + " replaced, "
        + kept
        + " kept}";
  }
}
