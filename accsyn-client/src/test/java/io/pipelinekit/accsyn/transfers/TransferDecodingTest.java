package io.pipelinekit.accsyn.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Decoding jobs and tasks from realistic responses. */
class TransferDecodingTest {

  @Test
  void decodesARunningJobWithBigSizeUnknownFieldsAndProgress() {
    Transfer t = Transfer.fromJson(Fixtures.json("transfers/running.json"));
    assertThat(t.id()).isEqualTo("614d660de50d45bb027c9bdd");
    assertThat(t.status()).isEqualTo(TransferStatus.RUNNING);
    assertThat(t.user()).contains("5f0c1a2b3c4d5e6f7a8b9c0d"); // ObjectId: prefix dropped
    assertThat(t.destinationHr()).contains("site:la");
    assertThat(t.size()).hasValue(9876543210123L);
    assertThat(t.created()).contains(Instant.parse("2026-11-23T00:16:26Z"));
    assertThat(t.modified()).contains(Instant.parse("2026-11-23T01:16:26.500Z"));
    assertThat(t.finished()).isEmpty();
    assertThat(t.metadata().get("n").asLong()).isEqualTo(3);
    assertThat(t.extra()).containsKeys("new_field_2027", "uri", "modifier");
    assertThat(t.extra()).doesNotContainKeys("status", "size", "metadata");

    TransferProgress p = t.progress();
    assertThat(p.percent()).isEqualTo(42);
    assertThat(p.bytesTotal()).hasValue(9876543210123L);
    assertThat(p.bytesDone()).hasValue(9876543210123L * 42 / 100);
    assertThat(p.speedMegabytesPerSecond()).hasValue(118.5);
    assertThat(p.remaining()).contains(Duration.ofHours(1).plusMinutes(2).plusSeconds(5));
  }

  @Test
  void unknownValuesDuringInitReadAsEmpty() {
    Transfer t = Transfer.fromJson(Fixtures.json("transfers/init.json"));
    assertThat(t.status()).isEqualTo(TransferStatus.INIT);
    assertThat(t.size()).isEmpty(); // -1 while measuring
    assertThat(t.speed()).isEmpty(); // -1 when idle
    assertThat(t.progress().remaining()).isEmpty();
    assertThat(t.progress().bytesDone()).isEmpty();
    // A date with an offset is honoured; an empty date is absent.
    assertThat(t.created()).contains(Instant.parse("2026-02-09T08:17:45Z"));
    assertThat(t.finished()).isEmpty();
  }

  @Test
  void unknownStatusIsKeptAsText() {
    Transfer t =
        Transfer.fromJson(
            Json.parse("{\"id\": \"614d660de50d45bb027c9bdd\", \"status\": \"Archiving\"}"));
    assertThat(t.status()).isEqualTo(TransferStatus.UNKNOWN);
    assertThat(t.statusText()).isEqualTo("Archiving");
  }

  @Test
  void aJobWithoutIdIsAClearError() {
    assertThatThrownBy(() -> Transfer.fromJson(Json.parse("{\"status\": \"done\"}")))
        .isInstanceOf(AccsynException.class)
        .hasMessageContaining("without an id");
    assertThatThrownBy(() -> Transfer.fromJson(Json.parse("[1]")))
        .isInstanceOf(AccsynException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void decodesTasksWithEndpoints() {
    Task t =
        Task.fromJson(
            Json.parse(
                "{\"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\", \"uri\": \"2\","
                    + " \"status\": \"failed\", \"priority\": 999, \"size\": 4096,"
                    + " \"time\": 110239, \"job\": \"614d660de50d45bb027c9bdd\","
                    + " \"source\": {\"client\": \"5d84a31ace1bf9913a17cc20\","
                    + " \"path\": \"proj/a.mov\", \"path_abs_final\": \"/mnt/storage/proj/a.mov\","
                    + " \"v\": \"5f0c1a2b3c4d5e6f7a8b9c05\", \"o\": 1},"
                    + " \"destination\": \"site=la\", \"slave\": true}"));
    assertThat(t.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(t.priority()).hasValue(999);
    assertThat(t.time()).contains(Duration.ofMillis(110239));
    assertThat(t.source().pathAbsFinal()).contains("/mnt/storage/proj/a.mov");
    assertThat(t.source().volume()).contains("5f0c1a2b3c4d5e6f7a8b9c05");
    assertThat(t.source().extra()).containsKey("o");
    assertThat(t.destination().path()).contains("site=la");
    assertThat(t.extra()).containsKey("slave");
  }

  @Test
  void parsesEtrForms() {
    assertThat(io.pipelinekit.accsyn.internal.typed.Etr.parse("0h:00m:07s"))
        .contains(Duration.ofSeconds(7));
    assertThat(io.pipelinekit.accsyn.internal.typed.Etr.parse("01:02:03"))
        .contains(Duration.ofSeconds(3723));
    assertThat(io.pipelinekit.accsyn.internal.typed.Etr.parse("2d 3h:04m:05s"))
        .contains(Duration.ofDays(2).plusHours(3).plusMinutes(4).plusSeconds(5));
    assertThat(io.pipelinekit.accsyn.internal.typed.Etr.parse("90"))
        .contains(Duration.ofSeconds(90));
    assertThat(io.pipelinekit.accsyn.internal.typed.Etr.parse("")).isEmpty();
    assertThat(io.pipelinekit.accsyn.internal.typed.Etr.parse("soon")).isEmpty();
  }
}
