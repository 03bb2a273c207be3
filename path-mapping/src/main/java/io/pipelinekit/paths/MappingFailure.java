package io.pipelinekit.paths;

import java.util.Objects;

/**
 * Why a path was rejected: a {@link FailureKind}, the input, and a message that says what was wrong
 * and how to fix it.
 *
 * <pre>{@code
 * mapper.toShare("/mnt/projects2/a.exr").failure()
 *     .ifPresent(f -> System.err.println(f.kind() + ": " + f.message()));
 * }</pre>
 *
 * @param kind the reason, for code to branch on
 * @param input the text that was being mapped
 * @param message the explanation, for people
 */
public record MappingFailure(FailureKind kind, String input, String message) {
  /** Checks that no part is null. */
  public MappingFailure {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(input, "input == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
