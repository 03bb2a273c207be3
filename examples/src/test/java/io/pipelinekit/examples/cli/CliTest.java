package io.pipelinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.flows.FlowException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
  void theRootHelpOfSummariesIsTheHelpOfTheFullModels() {
    List<String> none = List.of();
    List<String> all =
        Main.COMMANDS.stream().map(c -> c.getAnnotation(CommandLine.Command.class).name()).toList();
    CommandLine lazy = Main.commandLine(Map.of(), none);
    assertThat(lazy.getSubcommands().get("send").getCommandSpec().userObject()).isNull();
    assertThat(lazy.getUsageMessage())
        .isEqualTo(Main.commandLine(Map.of(), all).getUsageMessage())
        .contains("send ", "listen ", "help ");
    assertThat(Main.commandLine(Map.of(), List.of("help", "send")).getSubcommands().get("send"))
        .extracting(c -> c.getCommandSpec().userObject())
        .isInstanceOf(SendCommand.class);
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

  @Test
  void durationsAsPeopleWriteThemAndAsIso8601() {
    assertThat(DurationConverter.parse("4h")).isEqualTo(Duration.ofHours(4));
    assertThat(DurationConverter.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("PT4H")).isEqualTo(Duration.ofHours(4));
    assertThat(DurationConverter.parse("pt0.05s")).isEqualTo(Duration.ofMillis(50));
    for (String bad : new String[] {"4x", "", "0s", "-PT1H", "h", "4 h"}) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .as(bad)
          .isInstanceOf(CommandLine.TypeConversionException.class)
          .hasMessageContaining("give e.g. 4h, 30m, 90s, 1h30m or ISO-8601 PT4H")
          .hasMessageNotContaining("DateTimeParseException");
    }
  }

  @Test
  void logLevelsBecomeSlf4jSimpleSettingsBeforeAnyLoggerExists() {
    assertThat(LogLevels.fromArguments(new String[] {"send", "--verbose"}))
        .containsExactly(Map.entry("org.slf4j.simpleLogger.log.io.pipelinekit", "debug"));
    assertThat(
            LogLevels.fromArguments(
                new String[] {
                  "--log-level", "io.pipelinekit.accsyn.http=DEBUG", "listen", "--log-level=warn"
                }))
        .containsExactly(
            Map.entry("org.slf4j.simpleLogger.log.io.pipelinekit.accsyn.http", "debug"),
            Map.entry("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    assertThat(LogLevels.fromArguments(new String[] {"--log-level", "loud"})).isEmpty();
    assertThat(LogLevels.fromArguments(new String[] {"--", "--verbose"})).isEmpty();
  }

  @Test
  void aBadLogLevelIsAUsageError() {
    assertThat(Main.run("demo", "--log-level", "loud", "--help")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Main.run("send", "--verbose", "--log-level", "io.pipelinekit=info", "--help"))
        .isZero();
  }

  @Test
  void noSpeedIsShownForACopyTooFastToMeasure() {
    assertThat(ConsoleProgress.speed(java.util.OptionalDouble.of(0.0))).isEmpty();
    assertThat(ConsoleProgress.speed(java.util.OptionalDouble.empty())).isEmpty();
    assertThat(ConsoleProgress.speed(java.util.OptionalDouble.of(12.34))).isEqualTo("12.3 MB/s");
  }

  @Test
  void unavailabilityHasItsOwnCode() {
    assertThat(ExitCodes.UNAVAILABLE).isEqualTo(7);
    assertThat(ExitCodes.of(new java.io.UncheckedIOException(new java.net.ConnectException("x"))))
        .isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(ExitCodes.kinds().values()).doesNotHaveDuplicates();
  }
}
