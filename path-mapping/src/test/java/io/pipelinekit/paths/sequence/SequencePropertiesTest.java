package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SequencePropertiesTest {

  /** Ordered frame lists with repeats, dense enough to form runs, plus some extreme values. */
  @Provide
  Arbitrary<int[]> frameLists() {
    Arbitrary<Integer> dense = Arbitraries.integers().between(-60, 60);
    Arbitrary<Integer> wide = Arbitraries.integers(); // edge cases include MIN_VALUE, MAX_VALUE
    return Arbitraries.frequencyOf(Tuple.of(9, dense), Tuple.of(1, wide))
        .list()
        .ofMaxSize(60)
        .map(list -> list.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Frame ranges written with every item form: single, range, x, y and stagger, both ways. */
  @Provide
  Arbitrary<String> rangeTexts() {
    Arbitrary<Integer> frame = Arbitraries.integers().between(-40, 40);
    Arbitrary<Integer> step = Arbitraries.integers().between(1, 7);
    Arbitrary<String> modifier = Arbitraries.of("", "x", "y", ":");
    Arbitrary<String> item =
        Combinators.combine(frame, frame, modifier, step)
            .as(
                (a, b, m, n) -> {
                  if (m.isEmpty()) {
                    return a.equals(b) ? Integer.toString(a) : a + "-" + b;
                  }
                  return a + "-" + b + m + n;
                });
    return item.list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(items -> String.join(",", items))
        .filter(text -> !FrameSet.parse(text).isEmpty());
  }

  @Property
  void toStringParsesBackToAnEqualSet(@ForAll("frameLists") int[] frames) {
    FrameSet set = FrameSet.of(frames);
    if (set.isEmpty()) {
      assertThat(set.toString()).isEmpty();
      return;
    }
    assertThat(FrameSet.parse(set.toString())).isEqualTo(set);
    assertThat(FrameSet.parse(set.toRangeList())).isEqualTo(set);
  }

  @Property
  void ofKeepsFirstOccurrencesInOrder(@ForAll("frameLists") int[] frames) {
    int[] expected = Arrays.stream(frames).distinct().toArray();
    assertThat(FrameSet.of(frames).toArray()).containsExactly(expected);
    assertThat(FrameSet.of(frames).size()).isEqualTo(expected.length);
  }

  @Property
  void fromFramesStreamsSortedDistinctFrames(@ForAll("frameLists") int[] frames) {
    int[] expected = Arrays.stream(frames).sorted().distinct().toArray();
    assertThat(FrameSet.fromFrames(frames).stream().toArray()).containsExactly(expected);
    assertThat(FrameSet.fromFrames(IntStream.of(frames))).isEqualTo(FrameSet.of(frames).sorted());
  }

  @Property
  void parsedRangesRoundTripAndAnswerMembership(@ForAll("rangeTexts") String text) {
    FrameSet set = FrameSet.parse(text);
    assertThat(FrameSet.parse(set.toString())).isEqualTo(set);

    Set<Integer> members = set.stream().boxed().collect(Collectors.toSet());
    assertThat(members).hasSize((int) set.size());
    int min = set.min().getAsInt();
    int max = set.max().getAsInt();
    assertThat(members).allMatch(f -> f >= min && f <= max);
    for (int f = min - 2; f <= max + 2; f++) {
      assertThat(set.contains(f)).as("contains(%d) of %s", f, text).isEqualTo(members.contains(f));
    }
    FrameSet holes = set.holes();
    for (int f = min; f <= max; f++) {
      assertThat(holes.contains(f)).as("hole %d of %s", f, text).isNotEqualTo(members.contains(f));
    }
    assertThat(holes.size() + set.size()).isEqualTo((long) max - min + 1);
  }

  @Property
  void renderedFramesReadBack(
      @ForAll int frame,
      @ForAll @IntRange(min = 1, max = 12) int width,
      @ForAll SignPadding signPadding) {
    SequencePattern pattern =
        SequencePattern.of("/s/a.", width, ".exr").withSignPadding(signPadding);
    String name = pattern.render(frame);

    assertThat(pattern.frameOf(name)).hasValue(frame);
    int digits = Long.toString(Math.abs((long) frame)).length();
    int signWidth = frame < 0 ? 1 : 0;
    int expectedLength =
        signPadding == SignPadding.PRINTF
            ? Math.max(width, digits + signWidth)
            : signWidth + Math.max(width, digits);
    assertThat(name).hasSize("/s/a.".length() + expectedLength + ".exr".length());
  }

  @Property
  void expandThenCollapseGivesTheSequenceBack(
      @ForAll("heads") String head,
      @ForAll @IntRange(min = 1, max = 7) int width,
      @ForAll SignPadding signPadding,
      @ForAll @Size(min = 2, max = 40) List<@IntRange(min = -3000, max = 3000) Integer> frames,
      @ForAll long seed) {
    TreeSet<Integer> distinct = new TreeSet<>(frames);
    if (width > 1) {
      // A name with a leading zero fixes the width; without one it could not be recovered.
      distinct.add(Math.floorMod(seed, (int) Math.pow(10, width - 1)));
    }
    if (distinct.size() < 2) {
      distinct.add(distinct.first() + 1);
    }
    SequencePattern pattern = SequencePattern.of(head, width, ".exr").withSignPadding(signPadding);
    FileSequence sequence =
        FileSequence.of(pattern, FrameSet.fromFrames(distinct.stream().mapToInt(i -> i).toArray()));
    List<String> names = new ArrayList<>(sequence.expand().toList());
    Collections.shuffle(names, new Random(seed));

    CollapseOptions options =
        CollapseOptions.builder()
            .signPadding(signPadding)
            // %d is only recoverable when the widths are not assumed to be padding.
            .ambiguousPadding(
                width == 1 ? AmbiguousPadding.ASSUME_UNPADDED : AmbiguousPadding.ASSUME_PADDED)
            .build();
    CollapseResult result = SequenceCollapser.of(options).collapse(names);

    assertThat(result.leftovers()).isEmpty();
    assertThat(result.sequences()).containsExactly(sequence);
  }

  @Provide
  Arbitrary<String> heads() {
    return Arbitraries.of(
        "a.", "/show/sh010/comp_v003.", "C:\\shots\\x.", "\\\\fs01\\st\\p q.", "");
  }
}
