package io.pipelinekit.paths.sequence;

/**
 * How many digits one {@code #} stands for in a sequence pattern.
 *
 * <p>The tools disagree: Nuke and Deadline output names read {@code ####} as four digits (one per
 * {@code #}); fileseq, Katana and RV read one {@code #} as four digits, so {@code ####} is sixteen.
 * The library never guesses: {@link SequenceSyntax#defaults()} documents {@link #ONE}, and callers
 * who read fileseq-style names pass {@link #FOUR} explicitly.
 *
 * <pre>{@code
 * SequencePattern nuke = SequencePattern.parse("comp.####.exr");  // width 4
 * SequencePattern katana =
 *     SequencePattern.parse("comp.#.exr", SequenceSyntax.of(HashWidth.FOUR));  // width 4
 * }</pre>
 */
public enum HashWidth {
  /** One {@code #} is one digit (Nuke, Deadline). The library default. */
  ONE(1),
  /** One {@code #} is four digits (fileseq, Katana, RV). */
  FOUR(4);

  private final int digits;

  HashWidth(int digits) {
    this.digits = digits;
  }

  /**
   * Returns the number of digits one {@code #} stands for.
   *
   * @return 1 or 4
   */
  public int digits() {
    return digits;
  }
}
