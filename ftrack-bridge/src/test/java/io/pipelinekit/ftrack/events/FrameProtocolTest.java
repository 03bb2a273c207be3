package io.pipelinekit.ftrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.internal.JsonTree;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted Socket.IO 0.9 server that sends and expects the exact frames of
 * docs/protocol/ftrack.md, "Event hub: handshake" and "Event hub: frames".
 */
class FrameProtocolTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String KEY = "secret-key-1234";

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<String> fromClient = new LinkedBlockingQueue<>();
  private final BlockingQueue<RecordedRequest> handshakes = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> socketPaths = new LinkedBlockingQueue<>();
  private final AtomicInteger sids = new AtomicInteger();
  private final List<WebSocket> allSockets = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile WebSocket serverSocket;
  private volatile String transports = "websocket,xhr-polling";
  private EventHub hub;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.equals("/socket.io/1/")) {
              handshakes.add(request);
              return new MockResponse.Builder()
                  .body("sid" + sids.incrementAndGet() + ":60:60:" + transports)
                  .build();
            }
            socketPaths.add(path);
            return new MockResponse.Builder()
                .webSocketUpgrade(
                    new WebSocketListener() {
                      @Override
                      public void onOpen(WebSocket webSocket, Response response) {
                        serverSocket = webSocket;
                        allSockets.add(webSocket);
                        webSocket.send("1::");
                      }

                      @Override
                      public void onMessage(WebSocket webSocket, String text) {
                        fromClient.add(text);
                      }

                      @Override
                      public void onClosing(WebSocket webSocket, int code, String reason) {
                        webSocket.close(1000, null);
                      }
                    })
                .build();
          }
        });
    server.start();
    hub =
        EventHub.builder()
            .serverUrl(server.url("/").toString())
            .apiUser("jane")
            .apiKey(KEY)
            .id("hub-1")
            .applicationId("test.app")
            .host("render01")
            .backoff(
                ReconnectBackoff.builder()
                    .initialDelay(Duration.ofMillis(10))
                    .maxDelay(Duration.ofMillis(50))
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    hub.close();
    allSockets.forEach(s -> s.close(1001, "test over"));
    server.close();
  }

  private String next() throws InterruptedException {
    String frame = fromClient.poll(5, TimeUnit.SECONDS);
    assertThat(frame).as("a frame from the client").isNotNull();
    return frame;
  }

  private static Map<?, ?> eventOf(String frame) {
    String json = frame.split(":", 4)[3];
    Map<?, ?> payload = (Map<?, ?>) JsonTree.parse(json);
    assertThat(payload.get("name")).isEqualTo("ftrack.event");
    return (Map<?, ?>) ((List<?>) payload.get("args")).get(0);
  }

  @Test
  void handshakeThenConnectThenReplySubscriberFirst() throws Exception {
    hub.subscribe("topic=my.topic", Map.of("id", "sub-1"), e -> {});
    hub.connect();
    RecordedRequest hs = handshakes.poll(5, TimeUnit.SECONDS);
    assertThat(hs).isNotNull();
    assertThat(hs.getMethod()).isEqualTo("GET");
    assertThat(hs.getHeaders().get("ftrack-user")).isEqualTo("jane");
    assertThat(hs.getHeaders().get("ftrack-api-key")).isEqualTo(KEY);
    assertThat(hs.getUrl().querySize()).as("no key in the URL by default").isZero();
    assertThat(socketPaths.poll(5, TimeUnit.SECONDS)).isEqualTo("/socket.io/1/websocket/sid1");

    String first = next();
    assertThat(first).startsWith("5:1+::{");
    Map<?, ?> reply = eventOf(first);
    assertThat(reply.get("topic")).isEqualTo("ftrack.meta.subscribe");
    assertThat(reply.get("data"))
        .isEqualTo(
            Map.of("subscriber", Map.of("id", "hub-1"), "subscription", "topic=ftrack.meta.reply"));
    Map<?, ?> source = (Map<?, ?>) reply.get("source");
    assertThat(source.get("id")).isEqualTo("hub-1");
    assertThat(source.get("user")).isEqualTo(Map.of("username", "jane"));
    assertThat(source.get("applicationId")).isEqualTo("test.app");
    assertThat(source.get("host")).isEqualTo("render01");
    assertThat(reply.keySet().stream().map(String::valueOf).toList())
        .contains("id", "target", "inReplyToEvent", "sent");
    assertThat(reply.get("target")).isEqualTo("");

    String second = next();
    assertThat(second).startsWith("5:2+::");
    assertThat(((Map<?, ?>) eventOf(second).get("data")).get("subscription"))
        .isEqualTo("topic=my.topic");
    hub.awaitConnected(WAIT);
    assertThat(hub.isConnected()).isTrue();
  }

  @Test
  void heartbeatIsEchoed() throws Exception {
    hub.connect();
    hub.awaitConnected(WAIT);
    next(); // reply subscriber
    serverSocket.send("2::");
    assertThat(next()).isEqualTo("2::");
  }

  @Test
  void eventFrameWithColonsInDataReachesSubscriber() throws Exception {
    BlockingQueue<Event> got = new LinkedBlockingQueue<>();
    hub.subscribe("topic=studio.note", got::add);
    hub.connect();
    hub.awaitConnected(WAIT);
    serverSocket.send(
        "5:::{\"name\":\"ftrack.event\",\"args\":[{\"id\":\"e1\",\"topic\":\"studio.note\","
            + "\"data\":{\"url\":\"http://a:8080/x\",\"text\":\"a::b:::c\"},"
            + "\"source\":{\"id\":\"other\"},\"target\":\"\",\"inReplyToEvent\":null,"
            + "\"sent\":\"2026-01-01T00:00:00\"}]}");
    serverSocket.send(
        "5:::{\"name\":\"ftrack.event\",\"args\":[{\"id\":\"e2\",\"topic\":\"studio.other\","
            + "\"data\":{},\"source\":{},\"target\":\"\"}]}");
    Event e = got.poll(5, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.id()).isEqualTo("e1");
    assertThat(e.data()).containsEntry("url", "http://a:8080/x").containsEntry("text", "a::b:::c");
    assertThat(e.sourceId()).contains("other");
    assertThat(e.sent()).contains("2026-01-01T00:00:00");
    assertThat(got.poll(100, TimeUnit.MILLISECONDS))
        .as("studio.other is filtered locally")
        .isNull();
  }

  @Test
  void acksCompleteOrFailThePublish() throws Exception {
    hub.connect();
    hub.awaitConnected(WAIT);
    next(); // 5:1+ reply subscriber
    CompletableFuture<Void> ok = hub.publish(Event.builder().topic("a").build());
    String f1 = next();
    assertThat(f1).startsWith("5:2+::");
    assertThat(eventOf(f1).get("topic")).isEqualTo("a");
    CompletableFuture<Void> rejected = hub.publish(Event.builder().topic("b").build());
    assertThat(next()).startsWith("5:3+::");
    assertThat(ok).isNotDone();
    serverSocket.send("6:::2+[{\"success\":true}]");
    serverSocket.send("6:::3+[{\"success\":false,\"message\":\"not allowed\"}]");
    ok.get(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> rejected.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(EventHubException.class)
        .hasMessageContaining("not allowed");
  }

  @Test
  void disconnectFrameLeadsToAFreshHandshake() throws Exception {
    hub.subscribe("topic=x", Map.of("id", "sub-x"), e -> {});
    hub.connect();
    hub.awaitConnected(WAIT);
    assertThat(handshakes.poll(5, TimeUnit.SECONDS)).isNotNull();
    next();
    next();
    serverSocket.send("0::");
    assertThat(handshakes.poll(5, TimeUnit.SECONDS)).as("a new handshake").isNotNull();
    assertThat(socketPaths.poll(5, TimeUnit.SECONDS)).isEqualTo("/socket.io/1/websocket/sid1");
    assertThat(socketPaths.poll(5, TimeUnit.SECONDS))
        .as("a new sid")
        .isEqualTo("/socket.io/1/websocket/sid2");
    // Both subscribers again, reply subscriber first.
    assertThat(((Map<?, ?>) eventOf(next()).get("data")).get("subscription"))
        .isEqualTo("topic=ftrack.meta.reply");
    assertThat(((Map<?, ?>) eventOf(next()).get("data")).get("subscription")).isEqualTo("topic=x");
    Await.until("a second connection", WAIT, () -> hub.connectionCount() == 2);
  }

  @Test
  void errorFrameReconnectsToo() throws Exception {
    hub.connect();
    hub.awaitConnected(WAIT);
    handshakes.poll(5, TimeUnit.SECONDS);
    serverSocket.send("7:::1+0");
    assertThat(handshakes.poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void closeUnsubscribesAndSendsDisconnect() throws Exception {
    hub.subscribe("topic=x", Map.of("id", "sub-x"), e -> {});
    hub.connect();
    hub.awaitConnected(WAIT);
    next();
    next();
    hub.close();
    Map<?, ?> unsub = eventOf(next());
    assertThat(unsub.get("topic")).isEqualTo("ftrack.meta.unsubscribe");
    assertThat(unsub.get("data")).isEqualTo(Map.of("subscriber", Map.of("id", "sub-x")));
    assertThat(eventOf(next()).get("data")).isEqualTo(Map.of("subscriber", Map.of("id", "hub-1")));
    assertThat(next()).isEqualTo("0::");
    assertThatThrownBy(() -> hub.publish(Event.builder().topic("late").build()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noWebsocketTransportMeansNoSocket() throws Exception {
    transports = "xhr-polling";
    hub.connect();
    assertThat(handshakes.poll(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(handshakes.poll(5, TimeUnit.SECONDS)).as("retried").isNotNull();
    assertThat(socketPaths).isEmpty();
    assertThatThrownBy(() -> hub.awaitConnected(Duration.ofMillis(50)))
        .isInstanceOf(EventHubTimeoutException.class)
        .hasMessageContaining("no websocket transport")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void targetsAreCheckedLocallyAgainstSubscriberMetadata() throws Exception {
    BlockingQueue<Event> got = new LinkedBlockingQueue<>();
    hub.subscribe("topic=studio.t", Map.of("id", "sub-t", "role", "farm"), got::add);
    hub.connect();
    hub.awaitConnected(WAIT);
    serverSocket.send(
        "5:::{\"name\":\"ftrack.event\",\"args\":[{\"id\":\"t1\",\"topic\":\"studio.t\","
            + "\"data\":{},\"source\":{},\"target\":\"role=desk\"}]}");
    serverSocket.send(
        "5:::{\"name\":\"ftrack.event\",\"args\":[{\"id\":\"t2\",\"topic\":\"studio.t\","
            + "\"data\":{},\"source\":{},\"target\":\"role=farm and id=sub-t\"}]}");
    Event e = got.poll(5, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.id()).as("the event targeted at another role is dropped").isEqualTo("t2");
  }

  @Test
  void repliesAreTargetedAtTheSenderAndCarryInReplyToEventInCamelCase() throws Exception {
    hub.connect();
    hub.awaitConnected(WAIT);
    next();
    Event question =
        Event.builder().id("q1").topic("studio.q").source(Map.of("id", "asker-9")).build();
    hub.publishReply(question, Map.of("ok", true));
    Map<?, ?> reply = eventOf(next());
    assertThat(reply.get("topic")).isEqualTo("ftrack.meta.reply");
    assertThat(reply.get("target")).isEqualTo("id=\"asker-9\"");
    assertThat(reply.get("inReplyToEvent")).isEqualTo("q1");
    assertThat(reply.keySet().stream().map(String::valueOf).toList())
        .doesNotContain("in_reply_to_event");
    assertThat(((Map<?, ?>) reply.get("source")).get("id")).isEqualTo("hub-1");
  }
}
