package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.flows.FlowException;
import org.junit.jupiter.api.Test;

/** Exit codes and usage errors of the command line. */
class CliTest {
  @Test
  void missingOptionsAreBadInput() {
    assertThat(Main.run("send")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Main.run("no-such-command")).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void helpExitsZero() {
    assertThat(Main.run("--help")).isZero();
    assertThat(Main.run("send", "--help")).isZero();
    assertThat(Main.run("review-distribute", "cancel", "--help")).isZero();
  }

  @Test
  void exceptionsMapToDistinctExitCodes() {
    assertThat(ExitCodes.of(FlowException.badInput("x"))).isEqualTo(2);
    assertThat(ExitCodes.of(FlowException.notFound("x"))).isEqualTo(4);
    assertThat(ExitCodes.of(FlowException.transferFailed("x"))).isEqualTo(5);
    assertThat(ExitCodes.of(FlowException.timeout("x", null))).isEqualTo(6);
    assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(1);
  }

  @Test
  void badSelectIsBadInput() {
    assertThat(Main.run("send", "--select", "nocolon", "--from", "hq", "--to", "la"))
        .isEqualTo(ExitCodes.BAD_INPUT);
  }
}
