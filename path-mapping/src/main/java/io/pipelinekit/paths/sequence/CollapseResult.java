package io.pipelinekit.paths.sequence;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SequenceCollapser#collapse} found: the sequences, sorted by head, tail and padding,
 * and the names that belong to none, in input order. Never null; the lists are unmodifiable.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * CollapseResult result = SequenceCollapser.defaults().collapse(names);
 * for (FileSequence seq : result.sequences()) {
 *   System.out.println(seq + " holes " + seq.holes().toRangeList());
 * }
 * result.leftovers().forEach(System.out::println);
 * }</pre>
 */
public final class CollapseResult {
  private final List<FileSequence> sequences;
  private final List<String> leftovers;

  private CollapseResult(List<FileSequence> sequences, List<String> leftovers) {
    this.sequences = sequences;
    this.leftovers = leftovers;
  }

  /**
   * Returns a result holding copies of the given lists.
   *
   * @param sequences the sequences
   * @param leftovers the names outside every sequence
   * @return the result
   */
  public static CollapseResult of(List<FileSequence> sequences, List<String> leftovers) {
    return new CollapseResult(List.copyOf(sequences), List.copyOf(leftovers));
  }

  /**
   * Returns the sequences, sorted by head, then tail, then padding width.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<FileSequence> sequences() {
    return sequences;
  }

  /**
   * Returns the names that belong to no sequence, in input order.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> leftovers() {
    return leftovers;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CollapseResult
        && ((CollapseResult) o).sequences.equals(sequences)
        && ((CollapseResult) o).leftovers.equals(leftovers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequences, leftovers);
  }

  @Override
  public String toString() {
    return "CollapseResult{sequences=" + sequences + ", leftovers=" + leftovers + "}";
  }
}
