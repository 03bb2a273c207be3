package io.pipelinekit.paths.sequence;

import io.pipelinekit.paths.PathMappingException;

/**
 * Thrown when a frame set or sequence value is invalid: a step of zero, a UDIM tile out of range, a
 * set too large to hold in memory. Text that cannot be parsed gets the more specific {@link
 * SequenceSyntaxException}.
 *
 * <pre>{@code
 * try {
 *   SequencePattern.parse("tex.<UDIM>.tx").render(42);
 * } catch (SequenceException e) {
 *   // "UDIM tile 42 is out of range for 'tex.<UDIM>.tx': tiles run from 1001 to 1999"
 * }
 * }</pre>
 */
public class SequenceException extends PathMappingException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and how to fix it.
   *
   * @param message the human-readable explanation
   */
  public SequenceException(String message) {
    super(message);
  }
}
