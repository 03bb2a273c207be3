package io.pipelinekit.ftrack.events.actions;

import static io.pipelinekit.testkit.ftrack.hub.WebUi.selected;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.events.Await;
import io.pipelinekit.ftrack.events.EntityChanges;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.ReconnectBackoff;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.hub.FakeEventHub;
import io.pipelinekit.testkit.ftrack.hub.WebUi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Actions end to end through the fake hub, with the web UI played by {@link WebUi}. */
class ActionsFakeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeFtrack fake;
  private FakeEventHub server;
  private WebUi ui;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = FakeFtrack.builder().build();
    server = fake.eventHub().heartbeatInterval(Duration.ofMillis(200));
    ui = server.webUi(fake.apiUserId(), fake.apiUser());
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    fake.close();
  }

  private EventHub hub() {
    EventHub h =
        EventHub.builder()
            .fromEnvironment(fake.environment())
            .backoff(
                ReconnectBackoff.builder()
                    .initialDelay(Duration.ofMillis(5))
                    .maxDelay(Duration.ofMillis(40))
                    .build())
            .build();
    closeables.add(h);
    return h;
  }

  /** The action of the tutorials: send versions or contexts, asking where first. */
  static final class SendAction implements ActionHandler {
    final List<ActionRequest> submitted = new CopyOnWriteArrayList<>();

    @Override
    public Action action() {
      return Action.builder()
          .identifier("studio.send")
          .label("Studio")
          .variant("Send")
          .description("Send files")
          .icon("upload")
          .appliesTo(SelectedEntity.Kind.VERSION, SelectedEntity.Kind.CONTEXT)
          .putExtra("applicationIdentifier", "send-1")
          .build();
    }

    @Override
    public ActionResponse launch(ActionRequest request) {
      if (request.values().isEmpty()) {
        return ActionResponse.form(
            Form.builder()
                .title("Send " + request.selection().size() + " item(s)")
                .submitButtonLabel("Send")
                .add(FormItem.label("#Where to?#"))
                .add(
                    FormItem.enumerator(
                            "site",
                            "Site",
                            List.of(
                                FormItem.option("London", "lon"),
                                FormItem.option("Vancouver", "van")))
                        .withValue("lon"))
                .add(FormItem.bool("notify", "Notify", false))
                .add(FormItem.date("due", "Due"))
                .add(FormItem.number("priority", "Priority").withValue(5))
                .add(FormItem.text("note", "Note").withPlaceholder("optional"))
                .add(FormItem.textArea("paths", "Extra paths"))
                .add(FormItem.hidden("step", Map.of("n", 2)))
                .build());
      }
      submitted.add(request);
      FormValues v = request.values().get();
      return ActionResponse.success(
          "Sending "
              + request.selection().size()
              + " item(s) to "
              + v.choice("site").orElseThrow());
    }
  }

  /** Applies to everything and answers discover; registered last, so its reply comes last. */
  static final class Sentinel implements ActionHandler {
    final BlockingQueue<ActionRequest> seen = new LinkedBlockingQueue<>();

    @Override
    public Action action() {
      return Action.builder().identifier("studio.sentinel").label("Sentinel").build();
    }

    @Override
    public boolean discover(ActionRequest request) {
      seen.add(request);
      return true;
    }

    @Override
    public ActionResponse launch(ActionRequest request) {
      return ActionResponse.none();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void discoverLaunchFormSubmitMessage() {
    EventHub hub = hub();
    SendAction send = new SendAction();
    ActionService service = ActionService.builder(hub).build();
    service.register(send);
    service.register(new Sentinel());
    hub.connect().awaitConnected(WAIT);
    server.awaitSubscription(
        "topic=ftrack.action.launch and data.actionIdentifier=\"studio.send\"", WAIT);

    List<Map<String, Object>> selection =
        List.of(selected("assetversion", "v1"), selected("task", "t1"));
    String discover = ui.discover(selection);
    List<Map<String, Object>> items = ui.awaitItems(discover, 2, WAIT);
    assertThat(items).hasSize(2);
    Map<String, Object> item = items.get(0);
    assertThat(item)
        .containsEntry("actionIdentifier", "studio.send")
        .containsEntry("label", "Studio")
        .containsEntry("variant", "Send")
        .containsEntry("icon", "upload")
        .containsEntry("description", "Send files")
        .containsEntry("applicationIdentifier", "send-1");

    // Not offered for a project: only the sentinel answers.
    String onProject = ui.discover(List.of(selected("show", "p1")));
    List<Map<String, Object>> projectItems = ui.awaitItems(onProject, 1, WAIT);
    assertThat(projectItems)
        .extracting(i -> i.get("actionIdentifier"))
        .containsExactly("studio.sentinel");

    String launch = ui.launch(item, selection);
    Map<String, Object> form = ui.awaitReplies(launch, 1, WAIT).get(0);
    assertThat(form)
        .containsEntry("title", "Send 2 item(s)")
        .containsEntry("submit_button_label", "Send");
    List<Map<String, Object>> widgets = (List<Map<String, Object>>) form.get("items");
    assertThat(widgets)
        .extracting(w -> w.get("type"))
        .containsExactly(
            "label", "enumerator", "boolean", "date", "number", "text", "textarea", "hidden");
    assertThat(widgets.get(1))
        .containsEntry("name", "site")
        .containsEntry("value", "lon")
        .containsEntry(
            "data",
            List.of(
                Map.of("label", "London", "value", "lon"),
                Map.of("label", "Vancouver", "value", "van")));
    assertThat(widgets.get(5)).containsEntry("empty_text", "optional");
    assertThat(widgets.get(7)).containsEntry("value", Map.of("n", 2L));
    assertThat(send.submitted).isEmpty();

    String submit =
        ui.submit(
            launch,
            Map.of(
                "site", "van",
                "notify", "true",
                "due", "2026-12-01T00:00:00",
                "priority", "3",
                "note", "hi",
                "paths", "/a\n/b",
                "step", Map.of("n", 2)));
    Map<String, Object> message = ui.awaitReplies(submit, 1, WAIT).get(0);
    assertThat(message).isEqualTo(Map.of("success", true, "message", "Sending 2 item(s) to van"));

    ActionRequest r = send.submitted.get(0);
    FormValues v = r.values().orElseThrow();
    assertThat(v.choice("site")).contains("van");
    assertThat(v.bool("notify")).contains(true);
    assertThat(v.date("due")).contains(LocalDate.of(2026, 12, 1));
    assertThat(v.number("priority")).contains(new BigDecimal("3"));
    assertThat(v.text("note")).contains("hi");
    assertThat(v.text("paths")).contains("/a\n/b");
    assertThat(v.hidden("step")).contains(Map.of("n", 2L));
    assertThat(r.user().username()).isEqualTo(fake.apiUser());
    assertThat(r.user().id()).contains(fake.apiUserId());
    assertThat(r.actionIdentifier()).contains("studio.send");
  }

  @Test
  void selectionDecodingForEveryEntityType() throws Exception {
    EventHub hub = hub();
    Sentinel sentinel = new Sentinel();
    ActionService.builder(hub).build().register(sentinel);
    hub.connect().awaitConnected(WAIT);
    server.awaitSubscription("topic=ftrack.action.discover", WAIT);
    String[][] cases = {
      {"show", "PROJECT", "Project"},
      {"task", "CONTEXT", "TypedContext"},
      {"Shot", "CONTEXT", "Shot"},
      {"assetversion", "VERSION", "AssetVersion"},
      {"asset", "ASSET", "Asset"},
      {"Component", "COMPONENT", "Component"},
      {"FileComponent", "COMPONENT", "FileComponent"},
      {"reviewsession", "REVIEW_SESSION", "ReviewSession"},
      {"list", "LIST", "List"},
      {"user", "USER", "User"},
      {"socialfeed", "OTHER", ""},
    };
    List<Map<String, Object>> selection = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      selection.add(selected(cases[i][0], "id-" + i));
    }
    ui.discover(selection);
    ActionRequest r = sentinel.seen.poll(10, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    assertThat(r.selection()).hasSize(cases.length);
    for (int i = 0; i < cases.length; i++) {
      SelectedEntity e = r.selection().get(i);
      assertThat(e.entityId()).isEqualTo("id-" + i);
      assertThat(e.entityType()).isEqualTo(cases[i][0]);
      assertThat(e.kind().name()).as(cases[i][0]).isEqualTo(cases[i][1]);
      assertThat(e.schemaType().orElse("")).as(cases[i][0]).isEqualTo(cases[i][2]);
      boolean files = !cases[i][1].equals("USER") && !cases[i][1].equals("OTHER");
      assertThat(e.toSelectionItem().isPresent()).as(cases[i][0]).isEqualTo(files);
    }
    assertThat(r.values()).isEmpty();
    assertThat(r.actionIdentifier()).isEmpty();
  }

  @Test
  void twoReplicasOneJob() {
    AtomicInteger units = new AtomicInteger();
    AtomicInteger claimCalls = new AtomicInteger();
    List<FtrackSession> sessions = new ArrayList<>();
    for (int replica = 0; replica < 2; replica++) {
      FtrackSession session = FtrackSession.fromEnvironment(fake.environment());
      closeables.add(session);
      sessions.add(session);
      ClaimStore jobs = new FtrackJobClaimStore(session, "Studio: sending files");
      ClaimStore counted =
          key -> {
            try {
              return jobs.tryClaim(key);
            } finally {
              claimCalls.incrementAndGet();
            }
          };
      EventHub hub = hub();
      ActionService.builder(hub)
          .launchClaims(counted)
          .build()
          .register(
              new ActionHandler() {
                @Override
                public Action action() {
                  return Action.builder().identifier("studio.send").label("Send").build();
                }

                @Override
                public ActionResponse launch(ActionRequest request) {
                  units.incrementAndGet();
                  return ActionResponse.success("started " + request.idempotencyKey().uuid());
                }
              });
      hub.connect().awaitConnected(WAIT);
    }
    server.awaitSubscription(
        "topic=ftrack.action.launch and data.actionIdentifier=\"studio.send\"", 2, WAIT);
    List<Map<String, Object>> selection = List.of(selected("assetversion", "v1"));
    for (int click = 1; click <= 5; click++) {
      String launch =
          ui.launch(Map.of("actionIdentifier", "studio.send", "label", "Send"), selection);
      int expectedCalls = click * 2;
      Await.until("both replicas decided", WAIT, () -> claimCalls.get() == expectedCalls);
      assertThat(units).as("units of work after click %d", click).hasValue(click);
      List<Map<String, Object>> replies = ui.awaitReplies(launch, 1, WAIT);
      assertThat(replies).hasSize(1);
      String jobId = replies.get(0).get("message").toString().substring("started ".length());
      assertThat(fake.entity(jobId)).isPresent();
      assertThat(fake.entity(jobId).get()).containsEntry("status", "running");
    }
    assertThat(fake.entities("Job")).hasSize(5);
  }

  @Test
  void aThrowingHandlerAnswersWithAFailureNotice() {
    EventHub hub = hub();
    ActionService.builder(hub)
        .build()
        .register(
            new ActionHandler() {
              @Override
              public Action action() {
                return Action.builder().identifier("studio.broken").label("Broken").build();
              }

              @Override
              public ActionResponse launch(ActionRequest request) {
                throw new IllegalStateException("secret internals");
              }
            });
    hub.connect().awaitConnected(WAIT);
    server.awaitSubscription(
        "topic=ftrack.action.launch and data.actionIdentifier=\"studio.broken\"", WAIT);
    String launch =
        ui.launch(Map.of("actionIdentifier", "studio.broken", "label", "Broken"), List.of());
    Map<String, Object> reply = ui.awaitReplies(launch, 1, WAIT).get(0);
    assertThat(reply).containsEntry("success", false);
    assertThat(reply.get("message").toString())
        .contains("Broken failed")
        .contains("IllegalStateException")
        .doesNotContain("secret internals");
  }

  @Test
  void messagesAndPopUpsReachOnlyTheTargetedUser() {
    WebUi other = server.webUi("other-user-id", "bob");
    EventHub hub = hub().connect();
    hub.awaitConnected(WAIT);
    hub.publish(UserInterface.message(fake.apiUserId(), true, "Transfer done"));
    Form form = Form.builder().title("Pick").add(FormItem.text("x", "X")).build();
    hub.publish(
        UserInterface.form(
            "other-user-id", form, "studio.send", List.of(SelectedEntity.of("task", "t1"))));
    Map<String, Object> popUp = other.awaitMessages(1, WAIT).get(0);
    assertThat(popUp)
        .containsEntry("type", "widget")
        .containsEntry("title", "Pick")
        .containsEntry("actionIdentifier", "studio.send")
        .containsEntry("selection", List.of(Map.of("entityId", "t1", "entityType", "task")));
    Map<String, Object> notice = ui.awaitMessages(1, WAIT).get(0);
    assertThat(notice)
        .isEqualTo(Map.of("type", "message", "success", true, "message", "Transfer done"));
    assertThat(ui.messages()).hasSize(1);
    assertThat(other.messages()).hasSize(1);
  }

  @Test
  void taskAssignmentsFromEntityUpdates() throws Exception {
    EventHub hub = hub();
    BlockingQueue<EntityChanges.TaskAssignment> assigned = new LinkedBlockingQueue<>();
    EntityChanges.onTaskAssigned(hub, (a, e) -> assigned.add(a));
    hub.connect().awaitConnected(WAIT);
    server.awaitSubscription("topic=ftrack.update", WAIT);
    server.publish(
        "ftrack.update",
        Map.of(
            "entities",
            List.of(
                Map.of(
                    "entityId", "t9",
                    "entityType", "task",
                    "entity_type", "Task",
                    "action", "update",
                    "keys", List.of("statusid"),
                    "changes", Map.of("statusid", Map.of("old", "s1", "new", "s2"))),
                Map.of(
                    "entityId",
                    "ap1",
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
                        "context_id", Map.of("new", "t1"),
                        "resource_id", Map.of("new", "u1"),
                        "type", Map.of("new", "assignment")),
                    "parents",
                    List.of(Map.of("entityId", "p1", "entityType", "show"))))));
    EntityChanges.TaskAssignment a = assigned.poll(10, TimeUnit.SECONDS);
    assertThat(a).isEqualTo(new EntityChanges.TaskAssignment("t1", "u1", "ap1"));
    assertThat(assigned.poll(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void noLaunchIsLostAfterTwentyForcedDrops() {
    EventHub hub = hub();
    SendAction send = new SendAction();
    ActionService.builder(hub).build().register(send);
    hub.connect().awaitConnected(WAIT);
    String launchSubscription =
        "topic=ftrack.action.launch and data.actionIdentifier=\"studio.send\"";
    Map<String, Object> item = send.action().toItem();
    for (int drop = 1; drop <= 20; drop++) {
      if (drop % 4 == 0) {
        server.restart();
      } else {
        server.dropAllConnections();
      }
      server.awaitSubscription("topic=ftrack.meta.reply", WAIT);
      server.awaitSubscription("topic=ftrack.action.discover", WAIT);
      server.awaitSubscription(launchSubscription, WAIT);
      List<Map<String, Object>> selection = List.of(selected("assetversion", "v" + drop));
      String launch = ui.launch(item, selection);
      String submit = ui.submit(launch, Map.of("site", "van"));
      assertThat(ui.awaitReplies(launch, 1, WAIT).get(0)).containsKey("items");
      assertThat(ui.awaitReplies(submit, 1, WAIT).get(0)).containsEntry("success", true);
    }
    assertThat(send.submitted).hasSize(20);
    assertThat(send.submitted)
        .extracting(r -> r.selection().get(0).entityId())
        .containsExactly(
            java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "v" + i)
                .toArray(String[]::new));
    assertThat(server.subscriptions()).hasSize(3);
  }

  @Test
  void warmUpRehearsesDiscoversWithoutCallingHandlersOrSendingAnything() {
    EventHub hub = hub();
    AtomicInteger discovers = new AtomicInteger();
    AtomicInteger launches = new AtomicInteger();
    ActionService service = ActionService.builder(hub).build();
    SendAction send = new SendAction();
    service.register(
        new ActionHandler() {
          @Override
          public Action action() {
            return send.action();
          }

          @Override
          public boolean discover(ActionRequest request) {
            discovers.incrementAndGet();
            return send.discover(request);
          }

          @Override
          public ActionResponse launch(ActionRequest request) {
            launches.incrementAndGet();
            return send.launch(request);
          }
        });

    assertThat(service.warmUp(40)).isEqualTo(40);
    assertThat(discovers).hasValue(0);
    assertThat(launches).hasValue(0);

    hub.connect().awaitConnected(WAIT);
    server.awaitSubscription("topic=ftrack.action.discover", WAIT);
    String id = ui.discover(List.of(selected("assetversion", "v1")));
    assertThat(ui.awaitItems(id, 1, WAIT))
        .extracting(i -> i.get("actionIdentifier"))
        .containsExactly("studio.send");
    assertThat(discovers).hasValue(1);
    assertThat(server.publishedEvents())
        .noneMatch(e -> String.valueOf(e.get("inReplyToEvent")).startsWith("rehearsal"))
        .noneMatch(e -> String.valueOf(e.get("id")).startsWith("rehearsal"));
  }
}
