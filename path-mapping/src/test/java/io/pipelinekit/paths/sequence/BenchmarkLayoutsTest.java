package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the collapse result on small instances of the two benchmark layouts, re-created with the
 * generator's rules (see {@link BenchmarkNames}), so the benchmark measures a correct collapse.
 */
class BenchmarkLayoutsTest {
  private static final Pattern SHOT_HEAD =
      Pattern.compile("/show/sq(\\d{3})/sh(\\d{3})/comp/v(\\d{3})/sh\\2_comp_v\\3\\.");

  @Test
  void shotsLayoutOf10000Names() {
    List<String> names = BenchmarkNames.shots(10_000);

    CollapseResult result = SequenceCollapser.defaults().collapse(names);

    // 99 sequence names then one other file: 9,900 frames in 98-frame shots, 100 other files.
    assertThat(result.leftovers()).hasSize(100);
    assertThat(result.leftovers())
        .allMatch(
            name ->
                name.endsWith(".nk")
                    || name.endsWith(".mov")
                    || name.endsWith(".txt")
                    || name.endsWith(".jpg"));
    assertThat(result.sequences()).hasSize(102);
    assertThat(result.sequences().get(0).toBracketString())
        .isEqualTo("/show/sq001/sh010/comp/v001/sh010_comp_v001.%04d.exr [1001-1010, 1013-1100]");
    int complete = 0;
    for (FileSequence seq : result.sequences()) {
      assertThat(seq.pattern().width()).isEqualTo(4);
      assertThat(seq.pattern().tail()).isEqualTo(".exr");
      Matcher head = SHOT_HEAD.matcher(seq.pattern().head());
      assertThat(head.matches()).as(seq.pattern().head()).isTrue();
      int s =
          (Integer.parseInt(head.group(1)) - 1) * 100
              + (Integer.parseInt(head.group(3)) - 1) * 50
              + Integer.parseInt(head.group(2)) / 10
              - 1;
      if (s < 101) {
        int hole = BenchmarkNames.holeOf(s);
        assertThat(seq.size()).isEqualTo(98);
        assertThat(seq.holes()).isEqualTo(FrameSet.range(hole, hole + 1));
        complete++;
      } else {
        // The list stops two frames into sequence 101.
        assertThat(seq.toBracketString())
            .isEqualTo("/show/sq002/sh020/comp/v001/sh020_comp_v001.%04d.exr [1001-1002]");
      }
    }
    assertThat(complete).isEqualTo(101);
  }

  @Test
  void longLayoutOf10000Names() {
    List<String> names = BenchmarkNames.longSequence(10_000);

    CollapseResult result = SequenceCollapser.defaults().collapse(names);

    assertThat(result.leftovers()).hasSize(100);
    assertThat(result.sequences()).hasSize(1);
    FileSequence seq = result.sequences().get(0);
    // Frames 1001..10910 have four and five digits and no leading zero: only %d fits them all.
    assertThat(seq.pattern().toString())
        .isEqualTo("/show/sq001/sh010/comp/v003/sh010_comp_v003.%d.exr");
    assertThat(seq.size()).isEqualTo(9_900);
    assertThat(seq.frames().min()).hasValue(1001);
    assertThat(seq.frames().max()).hasValue(10_910);
    assertThat(seq.holes().toString()).isEqualTo("1500-10500x1000");
    assertThat(seq.expand().toList())
        .isEqualTo(names.stream().filter(n -> n.endsWith(".exr")).toList());
  }

  @Test
  void longLayoutWithSixDigitFramesStaysOneSequence() {
    CollapseResult result =
        SequenceCollapser.defaults().collapse(BenchmarkNames.longSequence(200_000));

    assertThat(result.sequences()).hasSize(1);
    FileSequence seq = result.sequences().get(0);
    assertThat(seq.size()).isEqualTo(198_000);
    assertThat(seq.frames().max()).hasValue(199_198);
    assertThat(seq.holes().size()).isEqualTo(198);
    assertThat(result.leftovers()).hasSize(2_000);
  }

  /**
   * When the shared generator's files are in {@code bench-data/} at the project root, the Java
   * re-creation must match them line for line; otherwise this test is skipped.
   */
  @ParameterizedTest
  @ValueSource(strings = {"shots", "long"})
  void recreationMatchesGeneratedFilesWhenPresent(String layout) throws IOException {
    Path file = Path.of("..", "bench-data", "names-" + layout + "-10000.txt");
    assumeTrue(Files.isRegularFile(file), "no generated names in " + file);
    List<String> expected =
        layout.equals("shots") ? BenchmarkNames.shots(10_000) : BenchmarkNames.longSequence(10_000);
    assertThat(Files.readAllLines(file)).isEqualTo(expected);
  }
}
