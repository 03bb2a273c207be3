package io.pipelinekit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.examples.cli.Main;
import io.pipelinekit.flows.FlowProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's main command is the system test: every flow, end to end, byte for byte. */
class DemoTest {
  @Test
  void demoMovesEveryFileByteIdenticalAndRegistersWhatArrived() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Demo.Report report =
        Demo.run(
            new PrintStream(buf, true, StandardCharsets.UTF_8),
            FlowProgress.NONE,
            Duration.ofSeconds(60));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(report.problems()).as(out).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.rows())
        .extracting(Demo.Row::flow)
        .containsExactly("send", "send", "send", "review", "review", "publish-back");
    // 2 shots x (1 movie + 5 frames, 1004 missing): 6 files per send, 12 per reviewer.
    assertThat(report.rows()).extracting(Demo.Row::identical).containsExactly(6, 6, 6, 12, 12, 6);
    assertThat(report.rows())
        .filteredOn(r -> !r.flow().equals("review"))
        .allSatisfy(r -> assertThat(r.registered()).isEqualTo(2));
    assertThat(out).contains("Every expected file arrived byte-identical.");
  }

  @Test
  void demoCommandExitsZeroAndPrintsAJsonSummary() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.run("demo", "--json");
    } finally {
      System.setOut(old);
    }
    String json = buf.toString(StandardCharsets.UTF_8).strip();
    assertThat(code).as(json).isZero();
    assertThat(json)
        .startsWith("{\"ok\":true,\"exitCode\":0,\"rows\":[")
        .contains("\"problems\":[]");
  }
}
