package io.pipelinekit.accsyn.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every job and task field, as the create payload carries it. */
class TransferSpecTest {

  @Test
  void everyJobFieldReachesThePayload() {
    TransferSpec spec =
        TransferSpec.builder()
            .name("sh010 to la")
            .description("dailies")
            .status(TransferStatus.PAUSED)
            .queue("High")
            .parent("5f0c1a2b3c4d5e6f7a8b9c03")
            .addTask(
                TaskSpec.builder()
                    .id("0f8fad5b-d9cb-469f-a165-70867728950e")
                    .source(AccsynPath.share("proj", "sh010", "comp.mov"))
                    .destination(AccsynPath.mirror(Party.site("la")))
                    .priority(999)
                    .putMetadata("kind", "preview")
                    .putSetting("transfer_speedlimit", "100")
                    .build())
            .addTask(TaskSpec.of(AccsynPath.relative("myproject/ref.png")))
            .addRecipient(Party.user("anna@client.com"))
            .mirror(true)
            .putSetting("task_bucketsize", "1")
            .putMetadata("ftrack_version_id", "v1")
            .addHook(Hook.of("hook-job-publish-server", Map.of("files", List.of())))
            .allowDuplicates(false)
            .append(true)
            .putExtra("engine", "nuke")
            .build();
    Json data = Json.of(spec.toData());
    assertThat(Json.parse(data.toJson()))
        .isEqualTo(
            Json.parse(
                "{\"name\": \"sh010 to la\", \"description\": \"dailies\", \"status\": \"paused\","
                    + " \"queue\": \"High\", \"parent\": \"5f0c1a2b3c4d5e6f7a8b9c03\","
                    + " \"tasks\": [{\"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\","
                    + " \"source\": \"share=proj/sh010/comp.mov\", \"destination\": \"site=la\","
                    + " \"priority\": 999, \"settings\": {\"transfer_speedlimit\": \"100\"},"
                    + " \"metadata\": {\"kind\": \"preview\"}}, \"myproject/ref.png\"],"
                    + " \"recipients\": [\"anna@client.com\"], \"mirror\": true,"
                    + " \"settings\": {\"task_bucketsize\": \"1\"},"
                    + " \"metadata\": {\"ftrack_version_id\": \"v1\"},"
                    + " \"hooks\": [{\"when\": \"hook-job-publish-server\", \"data\": {\"files\": []}}],"
                    + " \"allow_duplicates\": false, \"append\": true, \"engine\": \"nuke\"}"));
  }

  @Test
  void relaxedSingleTaskForm() {
    TransferSpec spec =
        TransferSpec.builder()
            .source(AccsynPath.share("projects", "a.mov"))
            .destination(AccsynPath.mirror(Party.user("lisa@example.com")))
            .status(TransferStatus.PAUSED)
            .build();
    assertThat(spec.toData())
        .containsExactly(
            Map.entry("status", "paused"),
            Map.entry("source", "share=projects/a.mov"),
            Map.entry("destination", "lisa@example.com"));
  }

  @Test
  void placeholderTaskIsExcluded() {
    TaskSpec t =
        TaskSpec.builder()
            .source(AccsynPath.placeholder(Party.site("cloud")))
            .destination(AccsynPath.mirror(Party.site("hq")))
            .status(TaskStatus.EXCLUDED)
            .build();
    assertThat(t.toData())
        .isEqualTo(
            Map.of("source", "site=cloud:null", "destination", "site=hq", "status", "excluded"));
  }

  @Test
  void rejectsInconsistentJobsWithAHint() {
    AccsynPath src = AccsynPath.share("p", "a");
    assertThatThrownBy(() -> TransferSpec.builder().build())
        .hasMessageContaining("at least one task");
    assertThatThrownBy(() -> TransferSpec.builder().source(src).addTask(TaskSpec.of(src)).build())
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> TaskSpec.builder().source(src).priority(0).build())
        .hasMessageContaining("1-1000");
    assertThatThrownBy(() -> TaskSpec.builder().source(src).priority(1001).build())
        .hasMessageContaining("1-1000");
    assertThatThrownBy(() -> TransferSpec.builder().source(src).status(TransferStatus.DONE).build())
        .hasMessageContaining("cannot be created as DONE");
    assertThatThrownBy(
            () -> TransferSpec.builder().source(src).putExtra("tasks", List.of()).build())
        .hasMessageContaining("repeats a typed field");
    assertThatThrownBy(
            () -> TransferSpec.builder().source(src).putMetadata("when", new Object()).build())
        .hasMessageContaining("job metadata.when");
    assertThatThrownBy(() -> TaskSpec.of(AccsynPath.mirror(Party.site("la"))))
        .hasMessageContaining("needs a path");
  }

  @Test
  void taskUpdatesNameTheTaskOnce() {
    assertThat(TaskUpdate.byUri("2").status(TaskStatus.ONHOLD).build().toData())
        .containsExactly(Map.entry("uri", "2"), Map.entry("status", "onhold"));
    assertThatThrownBy(() -> TaskUpdate.byUri("2").build()).hasMessageContaining("needs a status");
    assertThatThrownBy(() -> TaskUpdate.byId("x").uri("1").priority(5).build())
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> TaskUpdate.byId("x").status(TaskStatus.EXECUTING).build())
        .hasMessageContaining("cannot be set");
  }

  @Test
  void filterBuildsTheQuery() {
    TransferFilter f =
        TransferFilter.builder()
            .addStatuses(TransferStatus.RUNNING, TransferStatus.WAITING)
            .user("lisa@example.com")
            .destinationSite("la")
            .namePattern("* backup")
            .includeFinished(true)
            .limit(20)
            .build();
    var q = f.toQuery();
    assertThat(q.entityType()).isEqualTo("transfer");
    assertThat(q.expression())
        .contains(
            "status in running,waiting AND user=\"lisa@example.com\" AND destination=\"la\" AND"
                + " name=\"* backup\"");
    assertThat(q.finished()).contains(true);
    assertThat(q.limit()).hasValue(20);
  }
}
