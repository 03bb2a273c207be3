package io.pipelinekit.paths.sequence;

/**
 * Thrown when a frame range, sequence pattern or sequence string cannot be parsed. It carries the
 * offending input and the index of the first character that could not be read.
 *
 * <pre>{@code
 * try {
 *   FrameSet.parse("1-10x0");
 * } catch (SequenceSyntaxException e) {
 *   e.input();  // "1-10x0"
 *   e.index();  // 5, where the step starts
 * }
 * }</pre>
 */
public class SequenceSyntaxException extends SequenceException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final int index;

  /**
   * Creates an exception for {@code input}, pointing at {@code index}.
   *
   * @param problem what was wrong and how to fix it, without the input (it is appended)
   * @param input the text that could not be parsed
   * @param index the index in {@code input} of the offending character, or -1 if the whole input is
   *     at fault
   */
  public SequenceSyntaxException(String problem, String input, int index) {
    super(describe(problem, input, index));
    this.input = input;
    this.index = index;
  }

  private static String describe(String problem, String input, int index) {
    String where = index >= 0 ? " (at index " + index + ")" : "";
    return problem + where + " in \"" + input + "\"";
  }

  /**
   * Returns the text that could not be parsed.
   *
   * @return the input, never null
   */
  public String input() {
    return input;
  }

  /**
   * Returns the index of the first offending character in {@link #input()}.
   *
   * @return a valid index into the input, or -1 when the input as a whole is at fault
   */
  public int index() {
    return index;
  }
}
