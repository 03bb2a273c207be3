package io.pipelinekit.testkit.ftrack.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.internal.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake hub over raw HTTP and WebSocket frames, without any ftrack client. */
class FakeEventHubTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final OkHttpClient http = new OkHttpClient();
  private FakeFtrack fake;

  @BeforeEach
  void start() {
    fake = FakeFtrack.builder().build();
  }

  @AfterEach
  void stop() {
    fake.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Response handshake(String user, String key) throws Exception {
    return http.newCall(
            new Request.Builder()
                .url(fake.serverUrl() + "/socket.io/1/")
                .header("ftrack-user", user)
                .header("ftrack-api-key", key)
                .build())
        .execute();
  }

  private String sid() throws Exception {
    try (Response r = handshake(fake.apiUser(), fake.apiKey())) {
      assertThat(r.code()).isEqualTo(200);
      String[] parts = r.body().string().split(":");
      assertThat(parts).hasSize(4);
      assertThat(parts[1]).isEqualTo("60");
      assertThat(parts[3].split(",")).contains("websocket");
      return parts[0];
    }
  }

  private static final class Client extends WebSocketListener {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> failures = new LinkedBlockingQueue<>();
    WebSocket ws;

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      frames.add(text);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      failures.add(response == null ? -1 : response.code());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      failures.add(code);
    }

    String next() throws InterruptedException {
      String f = frames.poll(5, TimeUnit.SECONDS);
      assertThat(f).as("a frame from the fake").isNotNull();
      return f;
    }

    String nextNonHeartbeat() throws InterruptedException {
      String f;
      do {
        f = next();
      } while (f.equals("2::"));
      return f;
    }
  }

  private Client open(String sid) throws Exception {
    Client c = new Client();
    c.ws =
        http.newWebSocket(
            new Request.Builder()
                .url(fake.serverUrl().replace("http", "ws") + "/socket.io/1/websocket/" + sid)
                .build(),
            c);
    return c;
  }

  private static String event(
      String topic, Map<String, Object> data, String target, String sourceId) {
    return WireJson.write(
        Map.of(
            "name",
            "ftrack.event",
            "args",
            List.of(
                Map.of(
                    "id", topic + "-" + System.nanoTime(),
                    "topic", topic,
                    "data", data,
                    "source", Map.of("id", sourceId),
                    "target", target))));
  }

  private static String subscribe(String id, String expression) {
    return event(
        "ftrack.meta.subscribe",
        Map.of("subscriber", Map.of("id", id, "role", id), "subscription", expression),
        "",
        id);
  }

  @Test
  void handshakeNeedsValidCredentialsByHeaderOrQuery() throws Exception {
    try (Response r = handshake(fake.apiUser(), "wrong")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).contains("InvalidCredentialsError");
    }
    try (Response r =
        http.newCall(
                new Request.Builder()
                    .url(
                        fake.serverUrl()
                            + "/socket.io/1/?api_user="
                            + fake.apiUser()
                            + "&api_key="
                            + fake.apiKey())
                    .build())
            .execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void connectHeartbeatEventAckAndDisconnect() throws Exception {
    FakeEventHub hub = fake.eventHub().heartbeatInterval(Duration.ofMillis(50));
    Client a = open(sid());
    assertThat(a.next()).isEqualTo("1::");
    assertThat(a.next()).isEqualTo("2::");
    a.ws.send("2::");
    a.ws.send("5:1+::" + subscribe("sub-a", "topic=studio.* and data.n>1"));
    assertThat(a.nextNonHeartbeat()).isEqualTo("6:::1+[{\"success\":true}]");
    a.ws.send("5:2+::" + subscribe("sub-a", "topic=x"));
    assertThat(a.nextNonHeartbeat())
        .startsWith("6:::2+[{\"success\":false,\"message\":\"Duplicate subscriber");
    Client b = open(sid());
    assertThat(b.next()).isEqualTo("1::");
    b.ws.send("5:::" + event("studio.note", Map.of("n", 1, "url", "http://a:1/b"), "", "b"));
    b.ws.send("5:::" + event("studio.note", Map.of("n", 2, "url", "http://a:1/b"), "", "b"));
    String frame = a.nextNonHeartbeat();
    assertThat(frame).startsWith("5:::{\"name\":\"ftrack.event\",\"args\":[{");
    Map<?, ?> payload = (Map<?, ?>) WireJson.parse(frame.split(":", 4)[3]);
    Map<?, ?> e = (Map<?, ?>) ((List<?>) payload.get("args")).get(0);
    assertThat(e.get("data")).isEqualTo(Map.of("n", 2L, "url", "http://a:1/b"));
    assertThat(e.get("sent")).isNotNull();
    Await.until(() -> hub.heartbeatAnswers() >= 1);
    a.ws.send("0::");
    Await.until(() -> hub.connectionCount() == 1);
    assertThat(hub.subscriptions()).isEmpty();
  }

  @Test
  void targetsRouteBySubscriberMetadata() throws Exception {
    Client a = open(sid());
    Client b = open(sid());
    a.next();
    b.next();
    a.ws.send("5:1+::" + subscribe("farm", "topic=ping"));
    b.ws.send("5:1+::" + subscribe("desk", "topic=ping"));
    a.nextNonHeartbeat();
    b.nextNonHeartbeat();
    Client c = open(sid());
    c.next();
    c.ws.send("5:::" + event("ping", Map.of("to", "desk"), "role=desk", "c"));
    c.ws.send("5:::" + event("ping", Map.of("to", "farm"), "role=farm", "c"));
    assertThat(b.nextNonHeartbeat()).contains("\"to\":\"desk\"");
    assertThat(a.nextNonHeartbeat()).contains("\"to\":\"farm\"");
  }

  @Test
  void aSidIsUsedOnceAndRestartInvalidatesIssuedSids() throws Exception {
    FakeEventHub hub = fake.eventHub();
    String sid = sid();
    Client a = open(sid);
    assertThat(a.next()).isEqualTo("1::");
    Client again = open(sid);
    assertThat(again.failures.poll(5, TimeUnit.SECONDS)).isEqualTo(404);
    String unused = sid();
    assertThat(hub.restart()).isEqualTo(1);
    assertThat(a.failures.poll(5, TimeUnit.SECONDS)).isEqualTo(1012);
    Client stale = open(unused);
    assertThat(stale.failures.poll(5, TimeUnit.SECONDS)).isEqualTo(404);
    hub.refuseHandshakes(true);
    try (Response r = handshake(fake.apiUser(), fake.apiKey())) {
      assertThat(r.code()).isEqualTo(503);
    }
  }

  @Test
  void theWebUiPublishesAsTheBrowserAndCollectsReplies() throws Exception {
    FakeEventHub hub = fake.eventHub();
    WebUi ui = hub.webUi("user-1", "jane");
    Client action = open(sid());
    action.next();
    action.ws.send("5:1+::" + subscribe("act", "topic=ftrack.action.discover"));
    action.nextNonHeartbeat();
    String discover = ui.discover(List.of(WebUi.selected("task", "t1")));
    Map<?, ?> payload = (Map<?, ?>) WireJson.parse(action.nextNonHeartbeat().split(":", 4)[3]);
    Map<?, ?> e = (Map<?, ?>) ((List<?>) payload.get("args")).get(0);
    assertThat(e.get("id")).isEqualTo(discover);
    assertThat(e.get("source"))
        .isEqualTo(
            Map.of(
                "id", ((Map<?, ?>) e.get("source")).get("id"),
                "applicationId", "ftrack.client.web",
                "user", Map.of("id", "user-1", "username", "jane")));
    assertThat(((Map<?, ?>) e.get("data")).get("selection"))
        .isEqualTo(List.of(Map.of("entityId", "t1", "entityType", "task")));
    String browser = ((Map<?, ?>) e.get("source")).get("id").toString();
    action.ws.send(
        "5:::"
            + WireJson.write(
                Map.of(
                    "name",
                    "ftrack.event",
                    "args",
                    List.of(
                        Map.of(
                            "id",
                            "r1",
                            "topic",
                            "ftrack.meta.reply",
                            "data",
                            Map.of("items", List.of(Map.of("label", "A"))),
                            "source",
                            Map.of("id", "act"),
                            "target",
                            "id=" + browser,
                            "inReplyToEvent",
                            discover)))));
    assertThat(ui.awaitItems(discover, 1, WAIT)).containsExactly(Map.of("label", "A"));
    assertThat(hub.publishedEvents())
        .extracting(m -> m.get("topic"))
        .contains("ftrack.action.discover", "ftrack.meta.reply");
  }

  /** Polls with a deadline. */
  static final class Await {
    static void until(java.util.function.BooleanSupplier c) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!c.getAsBoolean()) {
        assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
        Thread.sleep(2);
      }
    }
  }
}
