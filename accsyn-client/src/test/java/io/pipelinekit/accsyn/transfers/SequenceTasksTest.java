package io.pipelinekit.accsyn.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.paths.SharePath;
import io.pipelinekit.paths.sequence.FrameSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceTasksTest {
  static final SharePath PATTERN = SharePath.share("projects", "demo", "sh010", "main.%04d.exr");

  @Test
  void holesSplitTheSequenceIntoRuns() {
    List<SharePath> paths =
        SequenceTasks.sharePaths(PATTERN, FrameSet.of(1006, 1001, 1002, 1003, 1005, 1009));
    assertThat(paths)
        .extracting(SharePath::toString)
        .containsExactly(
            "share=projects/demo/sh010/main.%04d.exr[1001-1003]",
            "share=projects/demo/sh010/main.%04d.exr[1005-1006]",
            "share=projects/demo/sh010/main.%04d.exr[1009-1009]");
  }

  @Test
  void aContiguousSequenceIsOneTask() {
    assertThat(SequenceTasks.sharePaths(PATTERN, FrameSet.range(1, 100_000))).hasSize(1);
  }

  @Test
  void sourcesCarryTheirPartyInTheTask() {
    List<AccsynPath> sources = SequenceTasks.sources(PATTERN, FrameSet.of(7, 9));
    TaskSpec t =
        TaskSpec.of(
            sources.get(1).withParty(Party.site("hq")), AccsynPath.mirror(Party.site("la")));
    assertThat(t.toData().toString())
        .contains("site=hq:share=projects/demo/sh010/main.%04d.exr[9-9]");
  }

  @Test
  void noFramesIsRefusedWithTheReason() {
    assertThatThrownBy(() -> SequenceTasks.sharePaths(PATTERN, FrameSet.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no frames");
  }
}
