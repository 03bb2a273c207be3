package io.pipelinekit.examples.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.examples.demo.DemoStudio;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.SetupFlow;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.ReconnectBackoff;
import io.pipelinekit.ftrack.events.actions.ClaimStore;
import io.pipelinekit.ftrack.events.actions.FtrackJobClaimStore;
import io.pipelinekit.ftrack.events.actions.IdempotencyKey;
import io.pipelinekit.testkit.ftrack.hub.FakeEventHub;
import io.pipelinekit.testkit.ftrack.hub.WebUi;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code listen} actions end to end: the fake ftrack web UI clicks, the fake accsyn moves. */
class ActionListenerTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration POLL = Duration.ofMillis(50);

  DemoStudio studio;
  TutorialStudio.Production p;
  FakeEventHub server;
  WebUi ui;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() {
    studio = DemoStudio.start(0);
    SetupFlow.of(studio.admin(), studio.ftrack(), studio.layout())
        .run(
            SetupFlow.Request.of(
                "demo", List.of("hq", "la"), DemoStudio.EMPLOYEE, DemoStudio.VENDOR),
            FlowProgress.NONE);
    p = studio.seedProduction();
    server = studio.ftrackFake().eventHub();
    ui = server.webUi(studio.ftrackFake().apiUserId(), studio.ftrackFake().apiUser());
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    studio.close();
  }

  /** One listener process: its own ftrack session and hub, as a replica would have. */
  ActionListener listener(Consumer<ActionListener.Builder> config) {
    FtrackSession session = FtrackSession.fromEnvironment(studio.ftrackFake().environment());
    closeables.add(session);
    EventHub hub =
        EventHub.builder()
            .fromEnvironment(studio.ftrackFake().environment())
            .backoff(
                ReconnectBackoff.builder()
                    .initialDelay(Duration.ofMillis(5))
                    .maxDelay(Duration.ofMillis(40))
                    .build())
            .build();
    closeables.add(hub);
    ActionListener.Builder b =
        ActionListener.builder(studio.admin(), session, hub)
            .layout(studio.layout())
            .defaultFrom("hq")
            .waiting(WAIT, POLL);
    config.accept(b);
    ActionListener l = b.build();
    closeables.add(l);
    l.start();
    hub.awaitConnected(WAIT);
    return l;
  }

  void awaitActions(int replicas) {
    server.awaitSubscription(
        "topic=ftrack.action.launch and data.actionIdentifier=\"" + SendAction.IDENTIFIER + "\"",
        replicas,
        WAIT);
    server.awaitSubscription(
        "topic=ftrack.action.launch and data.actionIdentifier=\""
            + DistributeReviewAction.IDENTIFIER
            + "\"",
        replicas,
        WAIT);
  }

  Map<String, Object> item(String identifier) {
    return Map.of("actionIdentifier", identifier, "label", "accsyn");
  }

  @Test
  void aStartingListenerFailsTheClaimJobsOfAReplicaThatDiedWhileWorking() {
    FtrackSession session = FtrackSession.fromEnvironment(studio.ftrackFake().environment());
    closeables.add(session);
    // A replica claimed a click seven hours ago (the lease is six) and died before finishing.
    Clock sevenHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-7));
    FtrackJobClaimStore dead =
        new FtrackJobClaimStore(
            session,
            "accsyn action (pipelinekit listener)",
            FtrackJobClaimStore.DEFAULT_LEASE,
            sevenHoursAgo);
    IdempotencyKey click =
        IdempotencyKey.of(Event.builder().topic("ftrack.action.launch").id("click-1").build());
    assertThat(dead.tryClaim(click)).isTrue();
    assertThat(claimJobStatus(click)).isEqualTo("running");

    listener(b -> {});

    assertThat(claimJobStatus(click)).isEqualTo("failed");
  }

  String claimJobStatus(IdempotencyKey key) {
    return String.valueOf(
        studio.ftrackFake().entity(key.uuid().toString()).orElseThrow().get("status"));
  }

  @Test
  void discoverOffersSendForShotsAndVersionsAndDistributeForAReviewSession() {
    listener(b -> {});
    awaitActions(1);
    String shots = ui.discover(List.of(WebUi.selected("Shot", p.shotIds().get(0))));
    String review = ui.discover(List.of(WebUi.selected("reviewsession", p.reviewSessionId())));
    String version = ui.discover(List.of(WebUi.selected("assetversion", p.versionIds().get(1))));
    assertThat(identifiers(ui.awaitItems(review, 1, WAIT)))
        .containsExactly(DistributeReviewAction.IDENTIFIER);
    assertThat(identifiers(ui.awaitItems(version, 1, WAIT))).containsExactly(SendAction.IDENTIFIER);
    // By now the first discover has been fully answered (one dispatch thread, in order).
    assertThat(identifiers(ui.awaitItems(shots, 1, WAIT))).containsExactly(SendAction.IDENTIFIER);
  }

  @Test
  void sendFormListsTheLocationsAndSubmittingSendsTheFilesAndTheExtraFile() throws IOException {
    listener(b -> {});
    awaitActions(1);
    Path extra = studio.volumeDir("hq").resolve("demo/ref/notes.pdf");
    TutorialStudio.write(extra, 10_000, new Random(7));
    List<Map<String, Object>> selection = List.of(WebUi.selected("Shot", p.shotIds().get(0)));
    String launch = ui.launch(item(SendAction.IDENTIFIER), selection);
    Map<String, Object> form = ui.awaitReplies(launch, 1, WAIT).get(0);
    assertThat(form).containsEntry("submit_button_label", "Send");
    Map<String, Object> from = field(form, "from");
    assertThat(from).containsEntry("type", "enumerator").containsEntry("value", "hq");
    assertThat(optionValues(from)).contains("hq", "la", DemoStudio.EMPLOYEE, DemoStudio.VENDOR);
    assertThat(optionValues(field(form, "to"))).contains("la");
    assertThat(field(form, "files")).containsEntry("type", "textarea");

    String submit =
        ui.submit(
            launch,
            Map.of("from", "hq", "to", "la", "files", "\n /mnt/projects/demo/ref/notes.pdf \n"));
    Map<String, Object> reply = ui.awaitReplies(submit, 1, WAIT).get(0);
    assertThat(reply).containsEntry("success", true);
    assertThat(reply.get("message").toString()).contains("from hq to la");

    Map<String, Object> done = ui.awaitMessages(1, WAIT).get(0);
    assertThat(done.toString()).contains("7 of 7 files arrived in la", "2 components registered");
    for (String f : p.relativeFiles().subList(0, 6)) {
      assertIdentical(studio.volumeDir("hq").resolve(f), studio.volumeDir("la").resolve(f));
    }
    assertIdentical(extra, studio.volumeDir("la").resolve("demo/ref/notes.pdf"));
    assertThat(studio.accsynFake().state().entities("transfer")).hasSize(1);
  }

  @Test
  void aBadSubmissionIsRefusedWithOneClearLineAndNothingIsSent() {
    listener(b -> {});
    awaitActions(1);
    List<Map<String, Object>> selection =
        List.of(WebUi.selected("assetversion", p.versionIds().get(0)));
    String launch = ui.launch(item(SendAction.IDENTIFIER), selection);
    ui.awaitReplies(launch, 1, WAIT);
    String submit = ui.submit(launch, Map.of("from", "hq", "to", "hq"));
    Map<String, Object> reply = ui.awaitReplies(submit, 1, WAIT).get(0);
    assertThat(reply).containsEntry("success", false);
    assertThat(reply.get("message").toString()).contains("pick two different");
    assertThat(studio.accsynFake().state().entities("transfer")).isEmpty();
  }

  @Test
  void twoListenersServingOneClickMakeExactlyOneTransfer() {
    AtomicInteger decided = new AtomicInteger();
    AtomicInteger won = new AtomicInteger();
    for (int replica = 0; replica < 2; replica++) {
      listener(
          b -> {
            // Each replica has its own session, as two processes would.
            FtrackSession own = FtrackSession.fromEnvironment(studio.ftrackFake().environment());
            closeables.add(own);
            ClaimStore jobs = new FtrackJobClaimStore(own, "accsyn action");
            b.claims(
                key -> {
                  boolean mine = jobs.tryClaim(key);
                  if (mine) {
                    won.incrementAndGet();
                  }
                  decided.incrementAndGet();
                  return mine;
                });
          });
    }
    awaitActions(2);
    List<Map<String, Object>> selection =
        List.of(WebUi.selected("assetversion", p.versionIds().get(1)));
    String launch = ui.launch(item(SendAction.IDENTIFIER), selection);
    ui.awaitReplies(launch, 1, WAIT); // without form claims both replicas show the form
    String submit = ui.submit(launch, Map.of("from", "hq", "to", "la"));
    awaitTrue("both replicas decided", () -> decided.get() == 2);
    assertThat(won).hasValue(1);
    Map<String, Object> done = ui.awaitMessages(1, WAIT).get(0);
    assertThat(done.toString()).contains("6 of 6 files arrived in la");
    assertThat(ui.replies(submit)).hasSize(1);
    assertThat(studio.accsynFake().state().entities("transfer")).hasSize(1);
    String jobId = studio.accsynFake().state().entities("transfer").get(0).get("id").toString();
    String key =
        IdempotencyKey.of(Event.builder().topic("ftrack.action.launch").id(submit).build()).value();
    // The tasks carry the click's key, so even a retry of the work would not send twice.
    assertThat(studio.accsynFake().state().tasks(jobId))
        .hasSize(3)
        .allSatisfy(t -> assertThat(t.toString()).contains(key));
    // Two ftrack Jobs: the winner's claim (finished with the outcome, not left running) and the
    // flow's progress Job; the losing replica made none.
    String claim =
        IdempotencyKey.of(Event.builder().topic("ftrack.action.launch").id(submit).build())
            .uuid()
            .toString();
    // The notice goes out just before the claim Job is finished.
    awaitTrue(
        "the claim Job is finished",
        () ->
            studio
                .ftrackFake()
                .entity(claim)
                .map(j -> !"running".equals(j.get("status")))
                .orElse(false));
    assertThat(studio.ftrackFake().entities("Job")).hasSize(2);
    assertThat(studio.ftrackFake().entity(claim))
        .hasValueSatisfying(
            j -> {
              assertThat(j.get("status")).isEqualTo("done");
              assertThat(j.get("data").toString()).contains("6 of 6 files arrived in la");
            });
  }

  @Test
  void distributeFormAndSubmitOffersTheSessionToEveryInvitee() {
    listener(b -> {});
    awaitActions(1);
    List<Map<String, Object>> selection =
        List.of(WebUi.selected("reviewsession", p.reviewSessionId()));
    String launch = ui.launch(item(DistributeReviewAction.IDENTIFIER), selection);
    Map<String, Object> form = ui.awaitReplies(launch, 1, WAIT).get(0);
    assertThat(optionValues(field(form, "mode"))).containsExactly("on-prem", "cloud");
    assertThat(field(form, "recipients")).containsEntry("type", "textarea");
    String submit = ui.submit(launch, Map.of("from", "hq", "mode", "on-prem"));
    assertThat(ui.awaitReplies(submit, 1, WAIT).get(0)).containsEntry("success", true);
    Map<String, Object> done = ui.awaitMessages(1, WAIT).get(0);
    assertThat(done).containsEntry("success", true);
    assertThat(done.toString())
        .contains("Client dailies", "12 files", "2 recipients")
        .contains(DemoStudio.REVIEWERS.get(0), DemoStudio.REVIEWERS.get(1));
  }

  @Test
  void distributeInCloudModeToTheRecipientsTypedInTheForm() {
    listener(b -> {});
    awaitActions(1);
    List<Map<String, Object>> selection =
        List.of(WebUi.selected("reviewsession", p.reviewSessionId()));
    String launch = ui.launch(item(DistributeReviewAction.IDENTIFIER), selection);
    ui.awaitReplies(launch, 1, WAIT);
    String submit =
        ui.submit(
            launch,
            Map.of(
                "from",
                "hq",
                "mode",
                "cloud",
                "recipients",
                " " + DemoStudio.REVIEWERS.get(1).toUpperCase(java.util.Locale.ROOT) + " \n\n"));
    Map<String, Object> reply = ui.awaitReplies(submit, 1, WAIT).get(0);
    assertThat(reply.get("message").toString()).contains("(cloud)");
    Map<String, Object> done = ui.awaitMessages(1, WAIT).get(0);
    assertThat(done).containsEntry("success", true);
    assertThat(done.toString())
        .contains("1 recipient (" + DemoStudio.REVIEWERS.get(1))
        .doesNotContain(DemoStudio.REVIEWERS.get(0));
  }

  @Test
  void assigningATaskSendsItsFilesOnce() {
    listener(b -> b.autoSendOnAssign("hq", "la"));
    server.awaitSubscription("topic=ftrack.update", WAIT);
    String task = p.taskIds().get(1);
    server.publish("ftrack.update", assignment("ap1", task, studio.ftrackFake().apiUserId()));
    Map<String, Object> done = ui.awaitMessages(1, WAIT).get(0);
    assertThat(done.toString()).contains("6 of 6 files arrived in la");
    for (String f : p.relativeFiles().subList(6, 12)) {
      assertIdentical(studio.volumeDir("hq").resolve(f), studio.volumeDir("la").resolve(f));
    }
    assertThat(Files.exists(studio.volumeDir("la").resolve(p.relativeFiles().get(0)))).isFalse();
  }

  @Test
  void assigningATaskWithNothingPublishedSendsNothingAndBothersNobody() {
    listener(b -> b.autoSendOnAssign("hq", "la"));
    server.awaitSubscription("topic=ftrack.update", WAIT);
    String empty = studio.ftrackFake().fixtures().task(p.shotIds().get(0), "lighting");
    String event =
        server.publish("ftrack.update", assignment("ap2", empty, studio.ftrackFake().apiUserId()));
    String claim =
        IdempotencyKey.of(Event.builder().topic("pipelinekit.auto-send").id(event + "/ap2").build())
            .uuid()
            .toString();
    awaitTrue(
        "the claim Job is finished",
        () ->
            studio
                .ftrackFake()
                .entity(claim)
                .map(j -> "done".equals(j.get("status")))
                .orElse(false));
    assertThat(studio.ftrackFake().entity(claim).orElseThrow().get("data").toString())
        .contains("the selection has no components");
    assertThat(studio.accsynFake().state().entities("transfer")).isEmpty();
    // A real send afterwards: its notice is the only one (a notice goes out before its Job ends).
    server.publish(
        "ftrack.update", assignment("ap3", p.taskIds().get(0), studio.ftrackFake().apiUserId()));
    assertThat(ui.awaitMessages(1, WAIT).get(0).toString()).contains("6 of 6 files arrived");
    assertThat(ui.messages()).hasSize(1);
  }

  static Map<String, Object> assignment(String appointmentId, String taskId, String userId) {
    return Map.of(
        "entities",
        List.of(
            Map.of(
                "entityId",
                appointmentId,
                "entityType",
                "appointment",
                "entity_type",
                "Appointment",
                "action",
                "add",
                "keys",
                List.of("context_id", "resource_id", "type"),
                "changes",
                Map.of(
                    "context_id", Map.of("new", taskId),
                    "resource_id", Map.of("new", userId),
                    "type", Map.of("new", "assignment")))));
  }

  static List<String> identifiers(List<Map<String, Object>> items) {
    return items.stream().map(i -> i.get("actionIdentifier").toString()).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> field(Map<String, Object> form, String name) {
    return ((List<Map<String, Object>>) form.get("items"))
        .stream()
            .filter(i -> name.equals(i.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no field " + name + " in " + form));
  }

  @SuppressWarnings("unchecked")
  static List<String> optionValues(Map<String, Object> enumerator) {
    return ((List<Map<String, Object>>) enumerator.get("data"))
        .stream().map(o -> o.get("value").toString()).toList();
  }

  static void assertIdentical(Path expected, Path actual) {
    try {
      assertThat(actual).exists();
      assertThat(Arrays.equals(Files.readAllBytes(expected), Files.readAllBytes(actual)))
          .as("%s is byte-identical to %s", actual, expected)
          .isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
