package io.pipelinekit.flows;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one planned file or sequence.
 *
 * @param label a short human name
 * @param componentId the ftrack component, if any
 * @param source where it came from (accsyn notation, with the party)
 * @param destination where it went (accsyn notation, with the party)
 * @param files how many files (frames) it stands for
 * @param arrived whether every task of it finished {@code done}
 * @param registeredAs the resource identifier it was registered with at the destination, if it was
 */
public record FileOutcome(
    String label,
    Optional<String> componentId,
    String source,
    String destination,
    long files,
    boolean arrived,
    Optional<String> registeredAs) {
  /** Checks the parts. */
  public FileOutcome {
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(componentId, "componentId == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(destination, "destination == null");
    Objects.requireNonNull(registeredAs, "registeredAs == null");
  }
}
