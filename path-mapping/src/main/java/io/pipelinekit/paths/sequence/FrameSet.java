package io.pipelinekit.paths.sequence;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * An immutable, ordered set of integer frames, stored as runs of (start, end, step).
 *
 * <p><b>Order and set semantics.</b> Like fileseq, a frame set remembers the order its frames were
 * given in: {@code 10-1} iterates 10, 9, ... 1 and {@code 1-10:3} iterates 1, 4, 7, 10, 3, 5, 9, 2,
 * 6, 8. Each frame appears once; a repeated frame keeps its first position. Membership ({@link
 * #contains}), {@link #min()}, {@link #max()} and {@link #holes()} ignore the order. {@link
 * #equals} compares the frames <em>and</em> their order, so {@code 1-3} and {@code 3-1} differ;
 * compare {@link #sorted()} copies to ignore the order. {@link #fromFrames(int[])} sorts.
 *
 * <p><b>Memory.</b> A run costs three ints however many frames it holds, so {@code
 * FrameSet.parse("1-10000000")} is one run, {@link #contains} is a binary search over runs and
 * {@link #stream()} is lazy.
 *
 * <p><b>Notation.</b> {@link #toString()} writes the fileseq form with step detection ({@code
 * 1-3,5-9x2,20}), {@link #toRangeList()} the bracket form of clique and ftrack ({@code [1-3, 5, 7,
 * 9, 20]}); {@link #parse} reads both, plus {@code x} (every n-th), {@code y} (the frames {@code x}
 * leaves out) and {@code :} (stagger) steps and negative and descending ranges.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * FrameSet frames = FrameSet.parse("1001-1050,1061-1100");
 * frames.size();            // 90
 * frames.contains(1055);    // false
 * frames.holes();           // 1051-1060
 * FrameSet.of(1, 2, 3, 5, 7, 9, 20).toString();   // "1-3,5-9x2,20"
 * }</pre>
 */
public final class FrameSet implements Iterable<Integer> {
  private static final int[] NONE = new int[0];
  private static final FrameSet EMPTY = new FrameSet(NONE, NONE, NONE, 0);

  /**
   * Largest number of frames materialised when runs must be sorted or deduplicated frame by frame.
   */
  static final int MAX_MATERIALISED = 1 << 24;

  // Iteration order: canonical runs (see RangeListBuilder). Singles have step 1.
  private final int[] starts;
  private final int[] ends;
  private final int[] steps;
  private final long size;
  // Ascending canonical runs of the same frames, for membership, min, max and holes. Shares the
  // arrays above when the frames are already ascending.
  private final int[] sortedStarts;
  private final int[] sortedEnds;
  private final int[] sortedSteps;
  private final int hash;

  private FrameSet(int[] starts, int[] ends, int[] steps, long size) {
    this.starts = starts;
    this.ends = ends;
    this.steps = steps;
    this.size = size;
    int[][] sortedRuns = ascendingRuns(starts, ends, steps, size);
    this.sortedStarts = sortedRuns[0];
    this.sortedEnds = sortedRuns[1];
    this.sortedSteps = sortedRuns[2];
    this.hash =
        31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(ends)) + Arrays.hashCode(steps);
  }

  /** Called by {@link RangeListBuilder} with canonical runs. */
  static FrameSet ofRuns(int[] starts, int[] ends, int[] steps, long size) {
    return starts.length == 0 ? EMPTY : new FrameSet(starts, ends, steps, size);
  }

  /**
   * Returns the empty frame set.
   *
   * @return the empty set; its {@link #toString()} is the empty string
   */
  public static FrameSet empty() {
    return EMPTY;
  }

  /**
   * Returns the given frames in the given order; a repeated frame keeps its first position.
   *
   * @param frames the frames
   * @return the frame set
   */
  public static FrameSet of(int... frames) {
    Objects.requireNonNull(frames, "frames == null");
    return ofOrdered(frames.clone(), frames.length);
  }

  /**
   * Returns the frames from {@code first} to {@code last} inclusive, descending if {@code last <
   * first}.
   *
   * @param first the first frame
   * @param last the last frame
   * @return the frame set
   */
  public static FrameSet range(int first, int last) {
    return range(first, last, 1);
  }

  /**
   * Returns every {@code step}-th frame from {@code first} toward {@code last} inclusive, as
   * fileseq's {@code first-lastxstep}: {@code range(1, 10, 3)} is 1, 4, 7, 10 and {@code range(10,
   * 1, 4)} is 10, 6, 2.
   *
   * @param first the first frame
   * @param last the frame not to pass
   * @param step the distance between frames, at least 1; the direction comes from first and last
   * @return the frame set
   * @throws SequenceException if step is less than 1
   */
  public static FrameSet range(int first, int last, int step) {
    if (step < 1) {
      throw new SequenceException(
          "step "
              + step
              + " is not positive: use a step of 1 or more; the direction comes from"
              + " first and last");
    }
    long span = Math.abs((long) last - first);
    RangeListBuilder builder = new RangeListBuilder();
    builder.addRun(first, last >= first ? step : -step, span / step + 1);
    return builder.build();
  }

  /**
   * Returns the distinct frames in ascending order, as runs found by step detection: {@code
   * fromFrames(new int[] {5, 1, 3, 2})} is {@code 1-3,5}.
   *
   * @param frames the frames, in any order, repeats allowed
   * @return the frame set, ascending
   */
  public static FrameSet fromFrames(int[] frames) {
    Objects.requireNonNull(frames, "frames == null");
    int[] copy = frames.clone();
    Arrays.sort(copy);
    return fromSorted(copy, copy.length);
  }

  /**
   * Returns the distinct frames of the stream in ascending order; see {@link #fromFrames(int[])}.
   *
   * @param frames the frames, in any order, repeats allowed
   * @return the frame set, ascending
   */
  public static FrameSet fromFrames(IntStream frames) {
    Objects.requireNonNull(frames, "frames == null");
    int[] array = frames.toArray();
    Arrays.sort(array);
    return fromSorted(array, array.length);
  }

  /**
   * Parses a frame range in fileseq or bracket notation.
   *
   * <p>Items are separated by commas, with optional spaces, and the whole list may be wrapped in
   * {@code [ ]}:
   *
   * <ul>
   *   <li>{@code 7}, {@code -7}: one frame
   *   <li>{@code 1-10}, {@code 10-1}, {@code -5--1}: an inclusive range, descending when the end is
   *       smaller
   *   <li>{@code 1-10x3}: every third frame, 1, 4, 7, 10
   *   <li>{@code 1-10y3}: the frames {@code x3} leaves out, 2, 3, 5, 6, 8, 9
   *   <li>{@code 1-10:3}: stagger, {@code x3} then {@code x2} then {@code x1} without repeats, 1,
   *       4, 7, 10, 3, 5, 9, 2, 6, 8
   * </ul>
   *
   * <p>The step must be a positive integer. Frames are kept in the order written, each once.
   *
   * @param text the frame range, for example {@code 1-3,5-9x2,20} or {@code [1001-1002, 1004]}
   * @return the frame set
   * @throws SequenceSyntaxException if the text is not a frame range, or is empty
   */
  public static FrameSet parse(String text) {
    Objects.requireNonNull(text, "text == null");
    return FrameRangeParser.parse(text, 0, text.length());
  }

  /** Frames sorted ascending, repeats allowed; the first {@code count} entries are used. */
  static FrameSet fromSorted(int[] sorted, int count) {
    RangeListBuilder builder = new RangeListBuilder();
    for (int i = 0; i < count; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        builder.addFrame(sorted[i]);
      }
    }
    return builder.build();
  }

  /** Frames in a meaningful order, repeats allowed (the first occurrence wins); may reorder. */
  static FrameSet ofOrdered(int[] frames, int count) {
    int[] sorted = Arrays.copyOf(frames, count);
    Arrays.sort(sorted);
    boolean repeats = false;
    for (int i = 1; i < count && !repeats; i++) {
      repeats = sorted[i] == sorted[i - 1];
    }
    RangeListBuilder builder = new RangeListBuilder();
    if (!repeats) {
      for (int i = 0; i < count; i++) {
        builder.addFrame(frames[i]);
      }
      return builder.build();
    }
    // Mark each value as used at its first slot in the sorted copy: O(n log n), no boxing.
    boolean[] used = new boolean[count];
    for (int i = 0; i < count; i++) {
      int slot = lowerBound(sorted, count, frames[i]);
      if (!used[slot]) {
        used[slot] = true;
        builder.addFrame(frames[i]);
      }
    }
    return builder.build();
  }

  private static int lowerBound(int[] sorted, int count, int value) {
    int low = 0;
    int high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Returns the number of frames.
   *
   * @return the frame count; a long, because {@code -2147483648-2147483647} holds 2^32 frames
   */
  public long size() {
    return size;
  }

  /**
   * Returns whether there are no frames.
   *
   * @return true for the empty set
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns whether {@code frame} is in the set, in O(log runs).
   *
   * @param frame the frame to look up
   * @return true if the set holds it
   */
  public boolean contains(int frame) {
    int low = 0;
    int high = sortedStarts.length - 1;
    int candidate = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (sortedStarts[mid] <= frame) {
        candidate = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return candidate >= 0
        && frame <= sortedEnds[candidate]
        && ((long) frame - sortedStarts[candidate]) % sortedSteps[candidate] == 0;
  }

  /**
   * Returns the first frame in iteration order.
   *
   * @return the first frame, or empty for the empty set
   */
  public OptionalInt first() {
    return starts.length == 0 ? OptionalInt.empty() : OptionalInt.of(starts[0]);
  }

  /**
   * Returns the last frame in iteration order.
   *
   * @return the last frame, or empty for the empty set
   */
  public OptionalInt last() {
    return ends.length == 0 ? OptionalInt.empty() : OptionalInt.of(ends[ends.length - 1]);
  }

  /**
   * Returns the smallest frame.
   *
   * @return the smallest frame, or empty for the empty set
   */
  public OptionalInt min() {
    return sortedStarts.length == 0 ? OptionalInt.empty() : OptionalInt.of(sortedStarts[0]);
  }

  /**
   * Returns the largest frame.
   *
   * @return the largest frame, or empty for the empty set
   */
  public OptionalInt max() {
    return sortedEnds.length == 0
        ? OptionalInt.empty()
        : OptionalInt.of(sortedEnds[sortedEnds.length - 1]);
  }

  /**
   * Returns the same frames in ascending order.
   *
   * @return an ascending frame set; this one if it already is
   */
  public FrameSet sorted() {
    if (sortedStarts == starts) {
      return this;
    }
    return new FrameSet(sortedStarts, sortedEnds, sortedSteps, size);
  }

  /**
   * Returns the frames missing between {@link #min()} and {@link #max()}, ascending: the holes of
   * {@code 1001-1002,1004-1005,1010} are {@code 1003,1006-1009}.
   *
   * @return the missing frames; empty if there are none or this set is empty
   */
  public FrameSet holes() {
    RangeListBuilder builder = new RangeListBuilder();
    for (int i = 0; i < sortedStarts.length; i++) {
      int start = sortedStarts[i];
      if (i > 0) {
        long gap = (long) start - sortedEnds[i - 1] - 1;
        if (gap > 0) {
          builder.addRun(sortedEnds[i - 1] + 1, 1, gap);
        }
      }
      int step = sortedSteps[i];
      if (step > 1) {
        long count = ((long) sortedEnds[i] - start) / step + 1;
        if (step == 2) {
          builder.addRun(start + 1, 2, count - 1);
        } else {
          if (count - 1 > MAX_MATERIALISED) {
            throw new SequenceException(
                "the holes of "
                    + start
                    + "-"
                    + sortedEnds[i]
                    + "x"
                    + step
                    + " form "
                    + (count - 1)
                    + " separate ranges, more than the limit of "
                    + MAX_MATERIALISED
                    + ": ask for the holes of a smaller range");
          }
          for (long k = 0; k < count - 1; k++) {
            builder.addRun((int) (start + k * step + 1), 1, step - 1);
          }
        }
      }
    }
    return builder.build();
  }

  /**
   * Returns the frames in iteration order, lazily.
   *
   * @return a sequential, ordered, sized stream of distinct frames
   */
  public IntStream stream() {
    Spliterator.OfInt spliterator =
        Spliterators.spliterator(
            iterator(),
            size,
            Spliterator.ORDERED
                | Spliterator.DISTINCT
                | Spliterator.NONNULL
                | Spliterator.IMMUTABLE
                | Spliterator.SIZED);
    return StreamSupport.intStream(spliterator, false);
  }

  /**
   * Returns an iterator over the frames in iteration order; use {@link
   * PrimitiveIterator.OfInt#nextInt()} to avoid boxing.
   *
   * @return a new iterator
   */
  @Override
  public PrimitiveIterator.OfInt iterator() {
    return new FrameIterator();
  }

  /**
   * Returns the frames as an array, in iteration order.
   *
   * @return a new array
   * @throws SequenceException if there are more frames than an array can hold
   */
  public int[] toArray() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new SequenceException(
          "a frame set of " + size + " frames does not fit in an array: use stream() instead");
    }
    int[] result = new int[(int) size];
    PrimitiveIterator.OfInt frames = iterator();
    for (int i = 0; i < result.length; i++) {
      result[i] = frames.nextInt();
    }
    return result;
  }

  /** Number of runs in iteration order; constant-memory checks use it. */
  int runCount() {
    return starts.length;
  }

  /**
   * Returns the bracket form used by clique, pyseq and ftrack: {@code [1-3, 5, 7, 9, 20]}.
   *
   * <p>Only runs of consecutive frames are written as ranges; frames of a stepped run are listed
   * one by one, because clique does not read steps. That makes the string long for a large stepped
   * set; {@link #toString()} stays short. {@link #parse} reads both forms.
   *
   * @return the bracketed list, {@code []} for the empty set
   */
  public String toRangeList() {
    ContiguousRuns runs = new ContiguousRuns();
    for (int i = 0; i < starts.length; i++) {
      int step = steps[i];
      long count = ((long) ends[i] - starts[i]) / step + 1;
      if (Math.abs(step) == 1) {
        runs.push(starts[i]);
        if (count > 1) {
          // The first two frames fix the direction; the rest extend the run, so jump to its end.
          runs.push(starts[i] + step);
          runs.end = ends[i];
        }
      } else {
        for (long k = 0; k < count; k++) {
          runs.push((int) (starts[i] + k * step));
        }
      }
    }
    return runs.finish();
  }

  /** Writes maximal runs of consecutive frames (ascending or descending) as clique does. */
  private static final class ContiguousRuns {
    private final StringBuilder out = new StringBuilder().append('[');
    private boolean open;
    private long start;
    private long end;
    private int direction;

    void push(long frame) {
      if (open && direction == 0 && Math.abs(frame - end) == 1) {
        direction = (int) (frame - end);
        end = frame;
        return;
      }
      if (open && direction != 0 && frame == end + direction) {
        end = frame;
        return;
      }
      flush();
      open = true;
      start = frame;
      end = frame;
      direction = 0;
    }

    private void flush() {
      if (!open) {
        return;
      }
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(start);
      if (end != start) {
        out.append('-').append(end);
      }
    }

    String finish() {
      flush();
      return out.append(']').toString();
    }
  }

  /**
   * Returns the fileseq form with step detection, in iteration order: {@code 1-3,5-9x2,20}. {@link
   * #parse} reads it back to an equal set.
   *
   * @return the frame range; the empty string for the empty set
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < starts.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(starts[i]);
      if (ends[i] != starts[i]) {
        out.append('-').append(ends[i]);
        if (Math.abs(steps[i]) != 1) {
          out.append('x').append(Math.abs(steps[i]));
        }
      }
    }
    return out.toString();
  }

  /**
   * Returns whether {@code o} is a frame set with the same frames in the same order.
   *
   * @param o the object to compare with
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FrameSet)) {
      return false;
    }
    FrameSet other = (FrameSet) o;
    return hash == other.hash
        && Arrays.equals(starts, other.starts)
        && Arrays.equals(ends, other.ends)
        && Arrays.equals(steps, other.steps);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Builds the ascending view: the same arrays when possible, sorted runs otherwise. */
  private static int[][] ascendingRuns(int[] starts, int[] ends, int[] steps, long size) {
    int n = starts.length;
    boolean ascending = true;
    for (int i = 0; i < n && ascending; i++) {
      ascending = steps[i] > 0 && (i == 0 || ends[i - 1] < starts[i]);
    }
    if (ascending) {
      return new int[][] {starts, ends, steps};
    }
    // Sort the runs by their smallest frame; if their spans do not overlap, that is the answer.
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) Math.min(starts[i], ends[i]) << 32) | i;
    }
    Arrays.sort(keys);
    boolean disjoint = true;
    for (int k = 1; k < n && disjoint; k++) {
      int previous = (int) keys[k - 1];
      int current = (int) keys[k];
      disjoint =
          Math.max(starts[previous], ends[previous]) < Math.min(starts[current], ends[current]);
    }
    RangeListBuilder builder = new RangeListBuilder();
    if (disjoint) {
      for (long key : keys) {
        int i = (int) key;
        int low = Math.min(starts[i], ends[i]);
        int high = Math.max(starts[i], ends[i]);
        int step = Math.abs(steps[i]);
        builder.addRun(low, step, ((long) high - low) / step + 1);
      }
    } else {
      // Interleaved runs (stagger, 1-10x2,2-10x2): sort the frames themselves.
      if (size > MAX_MATERIALISED) {
        throw new SequenceException(
            "interleaved frame ranges of "
                + size
                + " frames are too large to index (limit "
                + MAX_MATERIALISED
                + "): write them as ranges that do not overlap");
      }
      int[] frames = new int[(int) size];
      int next = 0;
      for (int i = 0; i < n; i++) {
        long count = ((long) ends[i] - starts[i]) / steps[i] + 1;
        for (long k = 0; k < count; k++) {
          frames[next++] = (int) (starts[i] + k * steps[i]);
        }
      }
      Arrays.sort(frames);
      for (int frame : frames) {
        builder.addFrame(frame);
      }
    }
    FrameSet ascendingSet = builder.build();
    return new int[][] {ascendingSet.starts, ascendingSet.ends, ascendingSet.steps};
  }

  private final class FrameIterator implements PrimitiveIterator.OfInt {
    private int run;
    private long index;
    private long runCount = starts.length == 0 ? 0 : countOf(0);

    @Override
    public boolean hasNext() {
      return run < starts.length;
    }

    @Override
    public int nextInt() {
      if (run >= starts.length) {
        throw new NoSuchElementException("no more frames");
      }
      int frame = (int) (starts[run] + index * steps[run]);
      if (++index == runCount) {
        run++;
        index = 0;
        runCount = run < starts.length ? countOf(run) : 0;
      }
      return frame;
    }

    private long countOf(int i) {
      return ((long) ends[i] - starts[i]) / steps[i] + 1;
    }
  }
}
