package io.pipelinekit.testkit.ftrack.hub;

import io.pipelinekit.testkit.ftrack.internal.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The event hub of the fake ftrack server (see docs/protocol/ftrack.md, "Event hub: handshake" and
 * the sections after it), on the same port as {@code /api}: the Socket.IO 0.9 handshake ({@code GET
 * /socket.io/1/} answering {@code sid:60:60:websocket,xhr-polling}), the WebSocket at {@code
 * /socket.io/1/websocket/<sid>} (one use per sid), {@code 1::} on connect, {@code 2::} heartbeats,
 * events with acks, {@code ftrack.meta.subscribe}/{@code unsubscribe}, routing of every event to
 * each connection with a matching subscriber (one copy per connection, targets evaluated against
 * subscriber metadata), and {@code sent} time stamps.
 *
 * <p>Test controls play the web UI ({@link #webUi}), publish as the server ({@link #publish}), drop
 * every connection or restart ({@link #dropAllConnections()}, {@link #restart()}), refuse
 * handshakes, and observe subscriptions, heartbeat answers and published events.
 *
 * <pre>{@code
 * try (FakeFtrack fake = FakeFtrack.builder().build()) {
 *   FakeEventHub hub = fake.eventHub().heartbeatInterval(Duration.ofMillis(200));
 *   WebUi ui = hub.webUi(fake.apiUserId(), fake.apiUser());
 *   // connect the code under test to fake.serverUrl(), then:
 *   hub.awaitSubscription("topic=ftrack.action.discover", Duration.ofSeconds(5));
 *   String discover = ui.discover(List.of(WebUi.selected("task", taskId)));
 *   List<Map<String, Object>> replies = ui.awaitReplies(discover, 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe. The hub has no replay, as the real one: events published while nobody is
 * subscribed are dropped.
 */
public final class FakeEventHub implements AutoCloseable {
  private final BiPredicate<String, String> credentials;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fake-ftrack-event-hub");
            t.setDaemon(true);
            return t;
          });
  private final Set<String> issuedSids = ConcurrentHashMap.newKeySet();
  private final List<Peer> peers = new ArrayList<>(); // guarded by this
  private final List<Map<String, Object>> published = new ArrayList<>(); // guarded by this
  private final List<String> framesIn = new ArrayList<>(); // guarded by this
  private final AtomicLong handshakes = new AtomicLong();
  private final AtomicLong heartbeatAnswers = new AtomicLong();
  private final AtomicLong connectionsOpened = new AtomicLong();
  private volatile Duration heartbeatInterval = Duration.ofSeconds(25);
  private volatile int heartbeatTimeoutSeconds = 60;
  private volatile boolean refuseHandshakes;
  private volatile boolean ackEvents = true;
  private ScheduledFuture<?> heartbeats;

  private FakeEventHub(BiPredicate<String, String> credentials) {
    this.credentials = credentials;
    scheduleHeartbeats();
  }

  /**
   * Creates the hub; {@code FakeFtrack} does this and routes {@code /socket.io/} to {@link
   * #dispatch}.
   *
   * @param credentials accepts a user name and API key
   * @return the hub
   */
  public static FakeEventHub create(BiPredicate<String, String> credentials) {
    return new FakeEventHub(credentials);
  }

  /**
   * Whether a request is for the hub.
   *
   * @param request the request
   * @return true for paths under {@code /socket.io/}
   */
  public static boolean handles(RecordedRequest request) {
    return request.getUrl().encodedPath().startsWith("/socket.io/");
  }

  /**
   * Answers a hub request: the handshake or the WebSocket upgrade.
   *
   * @param request the request
   * @return the response
   */
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/socket.io/1/") || path.equals("/socket.io/1")) {
      return handshake(request);
    }
    String prefix = "/socket.io/1/websocket/";
    if (path.startsWith(prefix) && "GET".equals(request.getMethod())) {
      String sid = path.substring(prefix.length());
      if (!issuedSids.remove(sid)) {
        // A stale or reused sid: the client must handshake again.
        return new MockResponse.Builder().code(404).body("unknown session id").build();
      }
      return new MockResponse.Builder().webSocketUpgrade(new SocketPeer(sid).listener).build();
    }
    return new MockResponse.Builder().code(404).body("<html>404 Not Found</html>").build();
  }

  private MockResponse handshake(RecordedRequest request) {
    handshakes.incrementAndGet();
    if (refuseHandshakes) {
      return new MockResponse.Builder()
          .code(503)
          .body("<html>503 Service Unavailable</html>")
          .build();
    }
    String user = request.getHeaders().get("ftrack-user");
    String key = request.getHeaders().get("ftrack-api-key");
    if (user == null || key == null) {
      user = request.getUrl().queryParameter("api_user");
      key = request.getUrl().queryParameter("api_key");
    }
    if (user == null || key == null || !credentials.test(user, key)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("exception", "InvalidCredentialsError");
      error.put("content", "The supplied API key is not valid.");
      error.put("error_code", null);
      return new MockResponse.Builder()
          .code(401)
          .addHeader("Content-Type", "application/json")
          .body(WireJson.write(error))
          .build();
    }
    String sid = UUID.randomUUID().toString().replace("-", "");
    issuedSids.add(sid);
    return new MockResponse.Builder()
        .addHeader("Content-Type", "text/plain")
        .body(sid + ":" + heartbeatTimeoutSeconds + ":60:websocket,xhr-polling")
        .build();
  }

  // -----------------------------------------------------------------------------------------
  // Test controls

  /**
   * How often the server sends {@code 2::}. Default 25 s.
   *
   * @param interval the interval
   * @return this hub
   */
  public synchronized FakeEventHub heartbeatInterval(Duration interval) {
    this.heartbeatInterval = interval;
    scheduleHeartbeats();
    return this;
  }

  /**
   * The heartbeat timeout announced in the handshake (field 2). Default 60.
   *
   * @param seconds the seconds
   * @return this hub
   */
  public FakeEventHub heartbeatTimeoutSeconds(int seconds) {
    this.heartbeatTimeoutSeconds = seconds;
    return this;
  }

  /**
   * Stops (or resumes) acknowledging events, as a JS-style server might.
   *
   * @param ack false to send no {@code 6:::} frames
   * @return this hub
   */
  public FakeEventHub ackEvents(boolean ack) {
    this.ackEvents = ack;
    return this;
  }

  /**
   * Makes handshakes fail with 503 (a server that is down) or succeed again.
   *
   * @param refuse true to refuse
   * @return this hub
   */
  public FakeEventHub refuseHandshakes(boolean refuse) {
    this.refuseHandshakes = refuse;
    return this;
  }

  /**
   * Cuts every WebSocket abruptly (no close frame) and forgets their subscriptions, as a network
   * drop does.
   *
   * @return how many connections were cut
   */
  public int dropAllConnections() {
    return cutAll(1001, "connection dropped");
  }

  private int cutAll(int code, String reason) {
    List<SocketPeer> cut = new ArrayList<>();
    synchronized (this) {
      for (Peer p : List.copyOf(peers)) {
        if (p instanceof SocketPeer s) {
          peers.remove(s);
          cut.add(s);
        }
      }
      notifyAll();
    }
    cut.forEach(p -> p.cut(code, reason));
    return cut.size();
  }

  /**
   * A server restart: every connection is cut and every issued session id becomes invalid.
   *
   * @return how many connections were cut
   */
  public int restart() {
    issuedSids.clear();
    return cutAll(1012, "server restart");
  }

  /**
   * Plays the web UI of one user: publishes discovers and launches as the browser does and collects
   * replies and pushed messages.
   *
   * @param userId the User id
   * @param username the user name
   * @return a browser connected to this hub
   */
  public WebUi webUi(String userId, String username) {
    WebUi ui = new WebUi(this, userId, username);
    synchronized (this) {
      peers.add(ui.peer());
    }
    return ui;
  }

  /**
   * Publishes an event as the server (e.g. {@code ftrack.update}) to every matching subscriber.
   *
   * @param topic the topic
   * @param data the payload
   * @return the event id
   */
  public String publish(String topic, Map<String, ?> data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", UUID.randomUUID().toString());
    event.put("topic", topic);
    event.put("data", data);
    event.put("source", Map.of("applicationId", "ftrack.server"));
    event.put("target", "");
    event.put("inReplyToEvent", null);
    event.put("sent", null);
    route(event);
    return (String) event.get("id");
  }

  /**
   * The number of live WebSocket connections (browsers played by {@link WebUi} not counted).
   *
   * @return the count
   */
  public synchronized int connectionCount() {
    return (int) peers.stream().filter(p -> p instanceof SocketPeer).count();
  }

  /**
   * How many WebSocket connections were opened since start.
   *
   * @return the count
   */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  /**
   * How many handshakes were asked for since start.
   *
   * @return the count
   */
  public long handshakeCount() {
    return handshakes.get();
  }

  /**
   * How many heartbeat answers clients sent.
   *
   * @return the count
   */
  public long heartbeatAnswers() {
    return heartbeatAnswers.get();
  }

  /**
   * The subscription expressions of every live WebSocket connection.
   *
   * @return the expressions, one per subscriber
   */
  public synchronized List<String> subscriptions() {
    List<String> out = new ArrayList<>();
    for (Peer p : peers) {
      if (p instanceof SocketPeer) {
        p.subscribers.values().forEach(s -> out.add(s.text()));
      }
    }
    return out;
  }

  /**
   * Waits until live connections hold a subscription at least {@code count} times.
   *
   * @param expression the expression as the client sent it
   * @param count how many subscribers
   * @param timeout how long to wait
   * @throws IllegalStateException on timeout, listing the subscriptions there are
   */
  public void awaitSubscription(String expression, int count, Duration timeout) {
    await(
        () -> subscriptions().stream().filter(expression::equals).count() >= count,
        timeout,
        () -> "no " + count + " subscriber(s) of '" + expression + "'; have " + subscriptions());
  }

  /**
   * Waits until a live connection holds a subscription.
   *
   * @param expression the expression as the client sent it
   * @param timeout how long to wait
   * @throws IllegalStateException on timeout
   */
  public void awaitSubscription(String expression, Duration timeout) {
    awaitSubscription(expression, 1, timeout);
  }

  /**
   * The events routed so far (subscribe and unsubscribe events not included), oldest first; the
   * latest 10,000.
   *
   * @return copies of the wire maps
   */
  public synchronized List<Map<String, Object>> publishedEvents() {
    return List.copyOf(published);
  }

  /**
   * The text frames received from WebSocket clients, oldest first; the latest 10,000.
   *
   * @return the frames
   */
  public synchronized List<String> receivedFrames() {
    return List.copyOf(framesIn);
  }

  /** Stops heartbeats and cuts every connection. */
  @Override
  public void close() {
    dropAllConnections();
    scheduler.shutdownNow();
  }

  // -----------------------------------------------------------------------------------------

  synchronized void await(
      BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            "fake event hub: timed out after " + timeout + ": " + what.get());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Logs keep the latest entries only, so a long-running fake (a benchmark) stays small. */
  static final int LOG_LIMIT = 10_000;

  static void trim(List<?> log) {
    if (log.size() > LOG_LIMIT) {
      log.subList(0, log.size() - LOG_LIMIT).clear();
    }
  }

  synchronized void changed() {
    notifyAll();
  }

  private synchronized void scheduleHeartbeats() {
    if (heartbeats != null) {
      heartbeats.cancel(false);
    }
    long ms = Math.max(5, heartbeatInterval.toMillis());
    heartbeats =
        scheduler.scheduleAtFixedRate(
            () -> {
              List<SocketPeer> live;
              synchronized (this) {
                live =
                    peers.stream()
                        .filter(p -> p instanceof SocketPeer)
                        .map(p -> (SocketPeer) p)
                        .toList();
              }
              live.forEach(s -> s.sendText("2::"));
            },
            ms,
            ms,
            TimeUnit.MILLISECONDS);
  }

  /** Routes an event from a client or the server. */
  void route(Map<String, Object> event) {
    if (event.get("sent") == null) {
      event.put("sent", Instant.now().toString());
    }
    List<Peer> to = new ArrayList<>();
    synchronized (this) {
      published.add(Collections.unmodifiableMap(event));
      trim(published);
      String target = event.get("target") instanceof String t ? t.strip() : "";
      HubExpression targetExpr = null;
      if (!target.isEmpty()) {
        try {
          targetExpr = HubExpression.parse(target);
        } catch (IllegalArgumentException e) {
          notifyAll();
          return;
        }
      }
      for (Peer p : peers) {
        for (Subscriber s : p.subscribers.values()) {
          if ((targetExpr == null || targetExpr.matches(s.metadata()))
              && s.subscription().matches(event)) {
            to.add(p);
            break;
          }
        }
      }
      notifyAll();
    }
    String frame = eventFrame(event);
    for (Peer p : to) {
      p.deliver(event, frame);
    }
  }

  static String eventFrame(Map<String, Object> event) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("name", "ftrack.event");
    payload.put("args", List.of(event));
    return "5:::" + WireJson.write(payload);
  }

  /**
   * Handles {@code ftrack.meta.*} and routes everything else.
   *
   * @return null on success, or an error message for the ack
   */
  String received(Peer from, Map<String, Object> event) {
    Object topic = event.get("topic");
    Map<?, ?> data = event.get("data") instanceof Map<?, ?> d ? d : Map.of();
    if ("ftrack.meta.subscribe".equals(topic)) {
      Map<?, ?> subscriber = data.get("subscriber") instanceof Map<?, ?> s ? s : Map.of();
      Object id = subscriber.get("id");
      Object expression = data.get("subscription");
      if (id == null || !(expression instanceof String text)) {
        return "a subscribe needs data.subscriber.id and data.subscription";
      }
      HubExpression parsed;
      try {
        parsed = HubExpression.parse(text);
      } catch (IllegalArgumentException e) {
        return "invalid subscription: " + e.getMessage();
      }
      synchronized (this) {
        for (Peer p : peers) {
          if (p.subscribers.containsKey(id.toString())) {
            return "Duplicate subscriber with id " + id;
          }
        }
        from.subscribers.put(id.toString(), new Subscriber(subscriber, parsed, text));
        notifyAll();
      }
      return null;
    }
    if ("ftrack.meta.unsubscribe".equals(topic)) {
      Map<?, ?> subscriber = data.get("subscriber") instanceof Map<?, ?> s ? s : Map.of();
      synchronized (this) {
        from.subscribers.remove(String.valueOf(subscriber.get("id")));
        notifyAll();
      }
      return null;
    }
    route(event);
    return null;
  }

  synchronized void remove(Peer p) {
    peers.remove(p);
    notifyAll();
  }

  record Subscriber(Map<?, ?> metadata, HubExpression subscription, String text) {}

  /** A connected client: a WebSocket, or a played browser. */
  abstract static class Peer {
    final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

    abstract void deliver(Map<String, Object> event, String frame);
  }

  /** One WebSocket client. */
  private final class SocketPeer extends Peer {
    private final String sid;
    private volatile WebSocket ws;
    final WebSocketListener listener =
        new WebSocketListener() {
          @Override
          public void onOpen(WebSocket webSocket, Response response) {
            opened(webSocket);
          }

          @Override
          public void onMessage(WebSocket webSocket, String text) {
            message(webSocket, text);
          }

          @Override
          public void onClosing(WebSocket webSocket, int code, String reason) {
            remove(SocketPeer.this);
            webSocket.close(1000, null);
          }

          @Override
          public void onClosed(WebSocket webSocket, int code, String reason) {
            remove(SocketPeer.this);
          }

          @Override
          public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            remove(SocketPeer.this);
          }
        };

    SocketPeer(String sid) {
      this.sid = sid;
    }

    @Override
    void deliver(Map<String, Object> event, String frame) {
      sendText(frame);
    }

    void sendText(String text) {
      WebSocket w = ws;
      if (w != null) {
        w.send(text);
      }
    }

    void cut(int code, String reason) {
      WebSocket w = ws;
      if (w != null) {
        // MockWebServer's server-side sockets cannot be cancelled; a close frame without waiting
        // for the answer ends the connection just as suddenly for the client.
        w.close(code, reason);
      }
    }

    private void opened(WebSocket webSocket) {
      this.ws = webSocket;
      connectionsOpened.incrementAndGet();
      synchronized (FakeEventHub.this) {
        peers.add(this);
        FakeEventHub.this.notifyAll();
      }
      webSocket.send("1::");
    }

    private void message(WebSocket webSocket, String text) {
      synchronized (FakeEventHub.this) {
        framesIn.add(text);
        trim(framesIn);
      }
      String[] parts = text.split(":", 4);
      switch (parts[0]) {
        case "2":
          heartbeatAnswers.incrementAndGet();
          changed();
          break;
        case "0":
          remove(this);
          webSocket.close(1000, "disconnected");
          break;
        case "5":
          String id = parts.length > 1 ? parts[1] : "";
          String json = parts.length > 3 ? parts[3] : "";
          String error;
          try {
            Object payload = WireJson.parse(json);
            if (!(payload instanceof Map<?, ?> m)
                || !"ftrack.event".equals(m.get("name"))
                || !(m.get("args") instanceof List<?> args)
                || args.isEmpty()
                || !(args.get(0) instanceof Map<?, ?> event)) {
              error = "expected {\"name\":\"ftrack.event\",\"args\":[event]}";
            } else {
              @SuppressWarnings("unchecked")
              Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) event);
              error = received(this, copy);
            }
          } catch (IllegalArgumentException e) {
            error = "the event is not JSON";
          }
          if (id.endsWith("+") && ackEvents) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("success", error == null);
            if (error != null) {
              result.put("message", error);
            }
            webSocket.send("6:::" + id + WireJson.write(List.of(result)));
          }
          break;
        default:
          break;
      }
    }

    @Override
    public String toString() {
      return "SocketPeer{" + sid + "}";
    }
  }
}
