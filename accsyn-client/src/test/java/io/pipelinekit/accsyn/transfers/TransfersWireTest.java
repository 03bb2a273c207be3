package io.pipelinekit.accsyn.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.typed.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact events of the transfer and task methods. */
class TransfersWireTest {
  static final String JOB = "614d660de50d45bb027c9bdd";
  static final String JOB_JSON = "{\"id\": \"" + JOB + "\", \"status\": \"waiting\"}";

  final Wire wire = new Wire();
  final Transfers transfers = Transfers.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void createPostsTheSpecAsTransferCreate() {
    wire.ok("[" + JOB_JSON + "]");
    Transfer t =
        transfers.create(
            TransferSpec.builder()
                .name("sh010")
                .addTask(
                    TaskSpec.builder()
                        .source(AccsynPath.share("proj", "a.mov"))
                        .destination(AccsynPath.mirror(Party.site("la")))
                        .priority(999)
                        .build())
                .status(TransferStatus.PAUSED)
                .build());
    assertThat(t.id()).isEqualTo(JOB);
    Wire.Event e = wire.next();
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.uri()).isEqualTo("transfer/create");
    Json data = e.data();
    assertThat(data.string("name")).contains("sh010");
    assertThat(data.string("status")).contains("paused");
    assertThat(data.get("tasks").orElseThrow())
        .isEqualTo(
            Json.parse(
                "[{\"source\": \"share=proj/a.mov\", \"destination\": \"site=la\","
                    + " \"priority\": 999}]"));
    // The client's idempotency key rides in the metadata; nothing else was added.
    assertThat(data.get("metadata").orElseThrow().keys()).containsExactly("pipelinekit_request_id");
    e.withId(null).withQuery(null);
  }

  @Test
  void createAllReturnsEveryFannedOutJob() {
    wire.ok("[" + JOB_JSON + ", {\"id\": \"614d660de50d45bb027c9bde\", \"status\": \"init\"}]");
    List<Transfer> jobs =
        transfers.createAll(
            TransferSpec.builder()
                .source(AccsynPath.share("proj", "a.mov"))
                .addRecipients(Party.user("a@x.com"), Party.user("b@y.com"))
                .build());
    assertThat(jobs).extracting(Transfer::id).containsExactly(JOB, "614d660de50d45bb027c9bde");
  }

  @Test
  void findWithATypedFilterSendsTheQueryAndScope() {
    wire.ok("[" + JOB_JSON + "]");
    List<Transfer> found =
        transfers.find(
            TransferFilter.builder()
                .addStatus(TransferStatus.FAILED)
                .user("Lisa@Example.com")
                .includeFinished(true)
                .limit(5)
                .build());
    assertThat(found).hasSize(1);
    wire.next()
        .is("GET", "transfer/find", "{\"finished\": true, \"limit\": 5}")
        .withQuery("status=\"failed\" AND user=\"Lisa@Example.com\"");
  }

  @Test
  void rawQueriesAreAcceptedToo() {
    wire.ok("[]");
    assertThat(transfers.find("Transfer WHERE status<>failed")).isEmpty();
    wire.next().is("GET", "transfer/find", "{}").withQuery("status<>failed");
    assertThatThrownBy(() -> transfers.find("User WHERE role=admin"))
        .hasMessageContaining("transfer query");
  }

  @Test
  void getFindsAJobInAnyStateById() {
    wire.ok("[" + JOB_JSON + "]");
    assertThat(transfers.get(JOB)).map(Transfer::status).contains(TransferStatus.WAITING);
    wire.next().is("GET", "transfer/find", "{}").withId(JOB).withQuery(null);
  }

  @Test
  void lifecycleMethodsEditTheStatus() {
    String[][] cases = {
      {"pause", "paused"},
      {"resume", "waiting"},
      {"retry", "waiting"},
      {"abort", "aborted"},
      {"finish", "done"}
    };
    for (String[] c : cases) {
      wire.ok("[{\"id\": \"" + JOB + "\", \"status\": \"" + c[1] + "\"}]");
      Transfer t =
          switch (c[0]) {
            case "pause" -> transfers.pause(JOB);
            case "resume" -> transfers.resume(JOB);
            case "retry" -> transfers.retry(JOB);
            case "abort" -> transfers.abort(JOB);
            default -> transfers.finish(JOB);
          };
      assertThat(t.statusText()).isEqualTo(c[1]);
      wire.next().is("PUT", "transfer/edit", "{\"status\": \"" + c[1] + "\"}").withId(JOB);
    }
  }

  @Test
  void deleteSendsForceOnlyWhenAsked() {
    wire.ok("true").ok("true");
    transfers.delete(JOB);
    transfers.delete(JOB, true);
    Wire.Event plain = wire.next();
    assertThat(plain.method()).isEqualTo("DELETE");
    assertThat(plain.uri()).isEqualTo("transfer/delete");
    assertThat(plain.id()).contains(JOB);
    assertThat(plain.data().isNull() || plain.data().equals(Json.parse("{}"))).isTrue();
    wire.next().is("DELETE", "transfer/delete", "{\"force\": true}").withId(JOB);
  }

  @Test
  void tasksAreFoundByParent() {
    wire.ok(
        "[{\"id\": \"t-0\", \"uri\": \"0\", \"status\": \"done\"},"
            + " {\"id\": \"t-1\", \"uri\": \"1\", \"status\": \"failed\"}]");
    assertThat(transfers.tasks(JOB))
        .extracting(Task::status)
        .containsExactly(TaskStatus.DONE, TaskStatus.FAILED);
    wire.next().is("GET", "task/find", "{\"parent\": \"" + JOB + "\"}");
  }

  @Test
  void addTasksPostsTaskCreateWithTheJobAsId() {
    wire.ok("[{\"id\": \"t-2\", \"uri\": \"2\", \"status\": \"queued\"}]");
    List<Task> added =
        transfers.addTasks(
            JOB,
            List.of(
                TaskSpec.of(
                    AccsynPath.share("proj", "b.mov"), AccsynPath.mirror(Party.site("la")))),
            true);
    assertThat(added).extracting(Task::id).containsExactly("t-2");
    wire.next()
        .is(
            "POST",
            "task/create",
            "{\"tasks\": [{\"source\": \"share=proj/b.mov\", \"destination\": \"site=la\"}],"
                + " \"allow_duplicates\": true}")
        .withId(JOB);
  }

  @Test
  void addTasksToleratesASuccessOnlyAnswer() {
    wire.ok("{\"success\": true}");
    assertThat(transfers.addTasks(JOB, List.of(TaskSpec.of(AccsynPath.relative("x/y.png")))))
        .isEmpty();
    wire.next().is("POST", "task/create", "{\"tasks\": [\"x/y.png\"]}").withId(JOB);
  }

  @Test
  void updateTasksPutsAnArrayOfPatches() {
    wire.ok("[{\"id\": \"t-0\", \"uri\": \"0\", \"status\": \"onhold\", \"priority\": 999}]");
    List<Task> updated =
        transfers.updateTasks(
            JOB,
            List.of(
                TaskUpdate.byUri("0").priority(999).build(),
                TaskUpdate.byId("t-3").status(TaskStatus.EXCLUDED).build()));
    assertThat(updated).hasSize(1);
    wire.next()
        .is(
            "PUT",
            "task/edit",
            "[{\"uri\": \"0\", \"priority\": 999}, {\"id\": \"t-3\", \"status\": \"excluded\"}]")
        .withId(JOB);
  }

  @Test
  void retryFailedTasksRequeuesOnlyTheFailedOnes() {
    wire.ok(
        "[{\"id\": \"t-0\", \"status\": \"done\"}, {\"id\": \"t-1\", \"status\": \"failed\"},"
            + " {\"id\": \"t-2\", \"status\": \"failed\"}]");
    wire.ok(
        "[{\"id\": \"t-1\", \"status\": \"queued\"}, {\"id\": \"t-2\", \"status\": \"queued\"}]");
    assertThat(transfers.retryFailedTasks(JOB))
        .extracting(Task::status)
        .containsOnly(TaskStatus.QUEUED);
    wire.next().is("GET", "task/find", "{\"parent\": \"" + JOB + "\"}");
    wire.next()
        .is(
            "PUT",
            "task/edit",
            "[{\"id\": \"t-1\", \"status\": \"queued\"}, {\"id\": \"t-2\", \"status\": \"queued\"}]");
  }

  @Test
  void updateSendsOtherFields() {
    wire.ok("[" + JOB_JSON + "]");
    transfers.update(JOB, Map.of("queue", "High"));
    wire.next().is("PUT", "transfer/edit", "{\"queue\": \"High\"}").withId(JOB);
  }
}
