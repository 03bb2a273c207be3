package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameSetTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1-10; 1-10",
        "1-10,20-30; 1-10,20-30",
        "1-100x5; 1-96x5",
        "10-1x4; 10-2x4",
        "1-10y3; 2-3,5-6,8-9",
        "10-1y3; 9-8,6-5,3-2",
        "1-9y2; 2-8x2",
        "1-10y1; ''",
        "1,2,3; 1-3",
        "1-5,6-10; 1-10",
        "1-5,3-8; 1-8",
        "5,1-10; 5,1-4,6-10",
        "[1-3, 6]; 1-3,6",
        "' 1-3 , 6 '; 1-3,6",
        "-3-3; -3-3",
        "3--3; 3--3",
        "7; 7",
        "1-1; 1",
        "1-10x20; 1",
        "0-2147483647x1073741823; 0-2147483646x1073741823",
      })
  void parsesToCanonicalForm(String text, String canonical) {
    assertThat(FrameSet.parse(text).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} fails at {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "''; -1; empty frame range",
        "'   '; -1; empty frame range",
        "1-; 1; expected a frame number",
        "a; 0; expected a frame number",
        "1,,2; 2; expected a frame number",
        "1,; 1; trailing comma",
        "1 - 3; 2; separate items with commas",
        "1-3x; 4; expected a step",
        "1-3z2; 3; separate items with commas",
        "5x2; 1; a step needs a range",
        "1-10:0; 5; step 0",
        "1-10y-2; 5; negative step",
        "[1-3; 3; missing ']'",
        "1-3]; 3; unexpected ']'",
        "[]; 1; empty frame list",
        "[ ]; 2; empty frame list",
        "2147483648; 0; outside the 32-bit range",
        "-2147483649; 0; outside the 32-bit range",
        "1-2x2147483648; 4; too large",
      })
  void rejectsBadRanges(String text, int index, String message) {
    assertThatThrownBy(() -> FrameSet.parse(text))
        .isInstanceOfSatisfying(
            SequenceSyntaxException.class,
            e -> {
              assertThat(e.input()).isEqualTo(text);
              assertThat(e.index()).isEqualTo(index);
            })
        .hasMessageContaining(message)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void staggerOfDescendingRangeKeepsFileseqOrder() {
    assertThat(FrameSet.parse("10-1:3").toArray()).containsExactly(10, 7, 4, 1, 8, 6, 2, 9, 5, 3);
  }

  @Test
  void fillWithLargeStepsKeepsRunsCompact() {
    FrameSet fill = FrameSet.parse("1-10000000y2");
    assertThat(fill.runCount()).isEqualTo(1);
    assertThat(fill.size()).isEqualTo(5_000_000L);
    assertThat(fill.contains(2)).isTrue();
    assertThat(fill.contains(3)).isFalse();
  }

  @Test
  void extremeIntegersDoNotOverflow() {
    FrameSet all = FrameSet.range(Integer.MIN_VALUE, Integer.MAX_VALUE);
    assertThat(all.size()).isEqualTo(1L << 32);
    assertThat(all.contains(Integer.MIN_VALUE)).isTrue();
    assertThat(all.contains(Integer.MAX_VALUE)).isTrue();
    assertThat(all.toString()).isEqualTo("-2147483648-2147483647");
    assertThat(FrameSet.parse(all.toString())).isEqualTo(all);
    assertThat(FrameSet.of(Integer.MAX_VALUE, Integer.MIN_VALUE).toString())
        .isEqualTo("2147483647,-2147483648");
    assertThatThrownBy(all::toArray)
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("stream()");
  }

  @Test
  void ofKeepsOrderAndFirstOccurrence() {
    FrameSet frames = FrameSet.of(5, 1, 5, 2, 1, 3);
    assertThat(frames.toArray()).containsExactly(5, 1, 2, 3);
    assertThat(frames.toString()).isEqualTo("5,1-3");
    assertThat(frames.first()).hasValue(5);
    assertThat(frames.last()).hasValue(3);
    assertThat(frames.min()).hasValue(1);
    assertThat(frames.max()).hasValue(5);
  }

  @Test
  void fromFramesSortsAndRemovesRepeats() {
    assertThat(FrameSet.fromFrames(new int[] {9, 3, 1, 3, 5, 7}).toString()).isEqualTo("1-9x2");
    assertThat(FrameSet.fromFrames(IntStream.of(4, 2, 3, 3)).toArray()).containsExactly(2, 3, 4);
  }

  @Test
  void equalityComparesFramesAndOrder() {
    assertThat(FrameSet.parse("1-3,4-6")).isEqualTo(FrameSet.range(1, 6));
    assertThat(FrameSet.parse("1-3,4-6").hashCode()).isEqualTo(FrameSet.range(1, 6).hashCode());
    assertThat(FrameSet.of(1, 3, 5)).isEqualTo(FrameSet.parse("1-5x2"));
    assertThat(FrameSet.range(3, 1)).isNotEqualTo(FrameSet.range(1, 3));
    assertThat(FrameSet.range(3, 1).sorted()).isEqualTo(FrameSet.range(1, 3));
    assertThat(FrameSet.parse("1-10:3").sorted()).isEqualTo(FrameSet.range(1, 10));
  }

  @Test
  void twoFramesWithAGapAreNotAStepRun() {
    assertThat(FrameSet.of(1, 3).toString()).isEqualTo("1,3");
    assertThat(FrameSet.of(1, 3, 4, 5).toString()).isEqualTo("1,3-5");
    assertThat(FrameSet.of(1, 2).toString()).isEqualTo("1-2");
    assertThat(FrameSet.of(2, 1).toString()).isEqualTo("2-1");
  }

  @Test
  void rangeWithStepFollowsDirection() {
    assertThat(FrameSet.range(1, 10, 3).toArray()).containsExactly(1, 4, 7, 10);
    assertThat(FrameSet.range(10, 1, 4).toArray()).containsExactly(10, 6, 2);
    assertThatThrownBy(() -> FrameSet.range(1, 10, 0))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("step 0");
  }

  @Test
  void containsHandlesSteppedAndInterleavedRuns() {
    FrameSet stepped = FrameSet.parse("-9--1x2,100");
    assertThat(stepped.contains(-9)).isTrue();
    assertThat(stepped.contains(-8)).isFalse();
    assertThat(stepped.contains(-1)).isTrue();
    assertThat(stepped.contains(0)).isFalse();
    assertThat(stepped.contains(100)).isTrue();
    assertThat(stepped.contains(-10)).isFalse();

    FrameSet interleaved = FrameSet.parse("1-9x2,2-10x2");
    assertThat(interleaved.toString()).isEqualTo("1-9x2,2-10x2");
    for (int frame = 1; frame <= 10; frame++) {
      assertThat(interleaved.contains(frame)).as("frame %d", frame).isTrue();
    }
    assertThat(interleaved.contains(11)).isFalse();
    assertThat(interleaved.holes().isEmpty()).isTrue();
  }

  @Test
  void holesCoverGapsBetweenAndInsideRuns() {
    assertThat(FrameSet.parse("1001-1002,1004-1005,1010").holes().toString())
        .isEqualTo("1003,1006-1009");
    assertThat(FrameSet.parse("1-10x3").holes().toString()).isEqualTo("2-3,5-6,8-9");
    assertThat(FrameSet.parse("1-9x2").holes().toString()).isEqualTo("2-8x2");
    assertThat(FrameSet.parse("20-1").holes().isEmpty()).isTrue();
    assertThat(FrameSet.parse("10,1").holes().toString()).isEqualTo("2-9");
    assertThat(FrameSet.empty().holes()).isEqualTo(FrameSet.empty());
    assertThat(FrameSet.parse("1-2000000000x2").holes().runCount()).isEqualTo(1);
  }

  @Test
  void bracketFormListsSteppedFramesOneByOne() {
    assertThat(FrameSet.parse("1-7x3,10-12").toRangeList()).isEqualTo("[1, 4, 7, 10-12]");
    assertThat(FrameSet.empty().toRangeList()).isEqualTo("[]");
    assertThat(FrameSet.parse(FrameSet.parse("1-7x3,10-12").toRangeList()))
        .isEqualTo(FrameSet.parse("1-7x3,10-12"));
  }

  @Test
  void emptySetHasNoFirstOrLast() {
    FrameSet empty = FrameSet.empty();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.size()).isZero();
    assertThat(empty.first()).isEmpty();
    assertThat(empty.last()).isEmpty();
    assertThat(empty.min()).isEmpty();
    assertThat(empty.max()).isEmpty();
    assertThat(empty.toString()).isEmpty();
    assertThat(empty.contains(0)).isFalse();
    assertThat(FrameSet.of()).isEqualTo(empty);
    assertThatThrownBy(() -> empty.iterator().nextInt()).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void streamIsLazyAndIterableBoxesOnlyOnRequest() {
    FrameSet huge = FrameSet.range(0, Integer.MAX_VALUE);
    assertThat(huge.stream().skip(5).limit(3).toArray()).containsExactly(5, 6, 7);
    assertThat(huge.stream().spliterator().getExactSizeIfKnown()).isEqualTo(1L << 31);

    List<Integer> boxed = new ArrayList<>();
    for (Integer frame : FrameSet.parse("3-1")) {
      boxed.add(frame);
    }
    assertThat(boxed).containsExactly(3, 2, 1);
    PrimitiveIterator.OfInt iterator = FrameSet.parse("5").iterator();
    assertThat(iterator.nextInt()).isEqualTo(5);
    assertThat(iterator.hasNext()).isFalse();
  }

  @Test
  void fillsAndStaggersHaveBoundedCost() {
    FrameSet fill = FrameSet.parse("1-1000000y5");
    assertThat(fill.size()).isEqualTo(800_000);
    assertThat(fill.runCount()).isEqualTo(200_000);
    assertThatThrownBy(() -> FrameSet.parse("1-2000000000y3"))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("fill range too large");
    assertThatThrownBy(() -> FrameSet.parse("1-100000000:50000000"))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("too large to deduplicate");
    // Strides beyond the span add nothing; each smaller stride then adds its second frame first.
    assertThat(FrameSet.parse("1-100:1000000").toString()).isEqualTo("1,100-2");
  }

  @Test
  void overlappingRangesTooLargeToDeduplicateAreRejected() {
    assertThatThrownBy(() -> FrameSet.parse("1-20000000,5-6"))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("write ranges that do not overlap");
  }
}
