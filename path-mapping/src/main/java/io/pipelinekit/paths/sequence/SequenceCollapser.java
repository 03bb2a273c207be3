package io.pipelinekit.paths.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Collapses a list of file names into {@link FileSequence}s plus the names that belong to none.
 *
 * <p><b>Where the frame is.</b> By default the frame is the run of ASCII digits right before the
 * last dot of the file name (after the last {@code /} or {@code \}), or at its very end when the
 * name has no dot. So {@code comp.1001.exr}, {@code comp_1001.exr} and {@code comp1001.exr} all
 * have frame 1001, while {@code comp.1001.exr.bak} and {@code a.1001} have none. Two rules keep
 * other numbers out:
 *
 * <ul>
 *   <li>digits right after {@code v} or {@code V} are a version, not a frame ({@code x_v001.exr}
 *       stays a single file), unless {@link CollapseOptions.Builder#versionsAsFrames} is set;
 *   <li>a {@code -} before the digits is a minus sign only after a dot or at the start of the file
 *       name: {@code f.-0005.exr} is frame -5, {@code 434-0000.exr} is frame 0 of {@code 434-%04d}.
 * </ul>
 *
 * <p>{@link CollapseOptions.Builder#framePattern} replaces this rule with a regular expression.
 *
 * <p><b>Padding.</b> A name whose digits start with {@code 0} fixes the width ({@code 0999} is
 * width 4). A name without a leading zero fits any width up to its length, so {@code 10000} joins
 * the {@code %04d} sequence of {@code 0001}, and {@code a.0999.exr a.1000.exr} is {@code a.%04d.exr
 * [999-1000]}. Names that fit no padded group use {@link AmbiguousPadding}; digits of different
 * lengths can only be {@code %d} ({@code a.999.exr a.1000.exr}). {@link SignPadding} says whether a
 * minus sign counts toward the width.
 *
 * <p><b>Output.</b> Groups with fewer distinct frames than {@link CollapseOptions#minItems()} are
 * returned as leftovers. Sequences are sorted by head, tail and width; leftovers keep input order.
 * A name repeated in the input counts once.
 *
 * <p><b>Cost.</b> One pass over the names with a hand-written scanner (no regular expression unless
 * one is configured), one hash lookup per name keyed on the name itself (no substring), frames
 * collected in primitive arrays, then one sort per group: about O(n log n) time and a few bytes per
 * name beyond the input list.
 *
 * <p>Instances are immutable and thread-safe; each call works on its own state.
 *
 * <pre>{@code
 * CollapseResult result = SequenceCollapser.defaults()
 *     .collapse(List.of("a.1001.exr", "a.1002.exr", "a.1004.exr", "notes.txt"));
 * result.sequences();  // [a.%04d.exr [1001-1002, 1004]]
 * result.leftovers();  // [notes.txt]
 * }</pre>
 */
public final class SequenceCollapser {
  private static final SequenceCollapser DEFAULTS =
      new SequenceCollapser(CollapseOptions.defaults());

  private static final Comparator<FileSequence> ORDER =
      Comparator.comparing((FileSequence s) -> s.pattern().head())
          .thenComparing(s -> s.pattern().tail())
          .thenComparingInt(s -> s.pattern().width());

  private final CollapseOptions options;

  private SequenceCollapser(CollapseOptions options) {
    this.options = options;
  }

  /**
   * Returns a collapser with the given options.
   *
   * @param options the options
   * @return the collapser
   */
  public static SequenceCollapser of(CollapseOptions options) {
    return new SequenceCollapser(Objects.requireNonNull(options, "options == null"));
  }

  /**
   * Returns a collapser with {@link CollapseOptions#defaults()}.
   *
   * @return the collapser
   */
  public static SequenceCollapser defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public CollapseOptions options() {
    return options;
  }

  /**
   * Collapses file names, full paths with {@code /} or {@code \} separators included.
   *
   * @param names the names; iterated once
   * @return the sequences and the leftovers
   * @throws NullPointerException if names or one of its elements is null
   */
  public CollapseResult collapse(Iterable<String> names) {
    Objects.requireNonNull(names, "names == null");
    List<String> inputList =
        names instanceof List && names instanceof RandomAccess ? (List<String>) names : null;
    List<String> copied = inputList == null ? new ArrayList<>() : null;

    FrameLocator locator = new FrameLocator(options);
    GroupKey probe = new GroupKey(!options.caseSensitive());
    Map<GroupKey, Group> groups = new HashMap<>();
    IntArrayList leftovers = new IntArrayList(64);
    Group last = null;
    int index = 0;
    for (String name : names) {
      if (name == null) {
        throw new NullPointerException("names contains null at index " + index);
      }
      if (copied != null) {
        copied.add(name);
      }
      if (!locator.locate(name)) {
        leftovers.add(index++);
        continue;
      }
      // Listings are usually sorted, so the previous name's group is checked first, without
      // hashing.
      Group group = last;
      if (group == null || !group.key.matches(name, locator.headEnd, locator.tailStart)) {
        probe.set(name, locator.headEnd, locator.tailStart);
        group = groups.get(probe);
        if (group == null) {
          group = new Group(probe.copy());
          groups.put(group.key, group);
        }
        last = group;
      }
      group.add(locator.widthCode, locator.frame, index++);
    }
    List<String> all = inputList != null ? inputList : copied;

    List<FileSequence> sequences = new ArrayList<>();
    for (Group group : groups.values()) {
      group.resolve(options, sequences, leftovers);
    }
    sequences.sort(ORDER);
    int[] leftoverIndexes = leftovers.toArray();
    Arrays.sort(leftoverIndexes);
    List<String> leftoverNames = new ArrayList<>(leftoverIndexes.length);
    for (int i : leftoverIndexes) {
      leftoverNames.add(all.get(i));
    }
    return CollapseResult.of(sequences, leftoverNames);
  }

  /** The names of one head and tail, split into padding classes. */
  private static final class Group {
    final GroupKey key;
    private int[] codes = new int[1];
    private IntArrayList[] frames = new IntArrayList[1];
    private IntArrayList[] indexes = new IntArrayList[1];
    private int classes;
    private int lastClass = -1;

    Group(GroupKey key) {
      this.key = key;
    }

    void add(int widthCode, int frame, int index) {
      int c = lastClass >= 0 && codes[lastClass] == widthCode ? lastClass : classOf(widthCode);
      lastClass = c;
      frames[c].add(frame);
      indexes[c].add(index);
    }

    private int classOf(int widthCode) {
      for (int c = 0; c < classes; c++) {
        if (codes[c] == widthCode) {
          return c;
        }
      }
      if (classes == codes.length) {
        codes = Arrays.copyOf(codes, classes * 2);
        frames = Arrays.copyOf(frames, classes * 2);
        indexes = Arrays.copyOf(indexes, classes * 2);
      }
      codes[classes] = widthCode;
      frames[classes] = new IntArrayList(16);
      indexes[classes] = new IntArrayList(16);
      return classes++;
    }

    /**
     * Settles the padding of each class, then turns every class into a sequence or leftovers.
     * Unpadded names join the widest padded class they fit (10000 joins %04d); the rest share one
     * width chosen by the ambiguous-padding policy.
     */
    void resolve(CollapseOptions options, List<FileSequence> out, IntArrayList leftovers) {
      int[] paddedWidths = new int[classes];
      int padded = 0;
      for (int c = 0; c < classes; c++) {
        if (codes[c] > 0) {
          paddedWidths[padded++] = codes[c];
        }
      }
      Arrays.sort(paddedWidths, 0, padded);
      IntArrayList poolFrames = null;
      IntArrayList poolIndexes = null;
      int poolWidth = 0;
      boolean poolWidthsEqual = true;
      for (int c = 0; c < classes; c++) {
        if (codes[c] > 0) {
          continue;
        }
        int natural = -codes[c];
        int target = widestAtMost(paddedWidths, padded, natural);
        if (target > 0) {
          int into = classOf(target);
          frames[into].addAll(frames[c]);
          indexes[into].addAll(indexes[c]);
        } else {
          if (poolFrames == null) {
            poolFrames = frames[c];
            poolIndexes = indexes[c];
            poolWidth = natural;
          } else {
            poolFrames.addAll(frames[c]);
            poolIndexes.addAll(indexes[c]);
            poolWidthsEqual &= natural == poolWidth;
          }
        }
      }
      String head = key.head();
      String tail = key.tail();
      for (int w = 0; w < padded; w++) {
        int c = classOf(paddedWidths[w]);
        emit(head, paddedWidths[w], tail, frames[c], indexes[c], options, out, leftovers);
      }
      if (poolFrames != null) {
        boolean assumePadded =
            options.ambiguousPadding() == AmbiguousPadding.ASSUME_PADDED && poolWidthsEqual;
        int width = assumePadded ? poolWidth : 1;
        emit(head, width, tail, poolFrames, poolIndexes, options, out, leftovers);
      }
    }

    private static int widestAtMost(int[] sortedWidths, int count, int limit) {
      for (int i = count - 1; i >= 0; i--) {
        if (sortedWidths[i] <= limit) {
          return sortedWidths[i];
        }
      }
      return 0;
    }

    private static void emit(
        String head,
        int width,
        String tail,
        IntArrayList frameList,
        IntArrayList indexList,
        CollapseOptions options,
        List<FileSequence> out,
        IntArrayList leftovers) {
      int[] values = frameList.array();
      int count = frameList.size();
      boolean ascending = true;
      for (int i = 1; i < count && ascending; i++) {
        ascending = values[i - 1] <= values[i];
      }
      if (!ascending) {
        Arrays.sort(values, 0, count);
      }
      int distinct = count == 0 ? 0 : 1;
      for (int i = 1; i < count; i++) {
        if (values[i] != values[i - 1]) {
          distinct++;
        }
      }
      if (distinct < options.minItems()) {
        leftovers.addAll(indexList);
        return;
      }
      SequencePattern pattern =
          SequencePattern.of(head, width, tail).withSignPadding(options.signPadding());
      if (options.outputStyle() != TokenStyle.PRINTF) {
        pattern = pattern.withStyle(options.outputStyle(), options.hashWidth());
      }
      out.add(FileSequence.of(pattern, FrameSet.fromSorted(values, count)));
    }
  }
}
