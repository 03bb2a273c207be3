package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.internal.HttpClients;
import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.ftrack.FtrackConfigurationException;
import io.pipelinekit.ftrack.events.internal.EventWire;
import io.pipelinekit.ftrack.events.internal.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the ftrack event hub (spec §4): the Socket.IO 0.9 handshake and WebSocket, heartbeat
 * answers, publishing with server acks, subscriptions evaluated by the server and again locally,
 * replies, and publish-and-wait-for-reply.
 *
 * <pre>{@code
 * try (EventHub hub = EventHub.builder().fromEnvironment(System.getenv()).build()) {
 *   hub.subscribe("topic=ftrack.update", e -> System.out.println(e.data()));
 *   hub.connect();
 *   hub.awaitConnected(Duration.ofSeconds(30));
 *   Event reply = hub.publishAndWaitForReply(
 *       Event.builder().topic("my.question").build(), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Built to run for months: when the connection drops, the server restarts or heartbeats stop
 * ({@link Builder#heartbeatTimeout}), the hub reconnects with a fresh handshake after a {@link
 * ReconnectBackoff} delay, forever, and re-sends every subscription (the reply subscriber first).
 * Events published while disconnected wait in a bounded queue and go out once connected. The hub
 * has no replay: events published by others while this hub was disconnected are not delivered.
 *
 * <p>Threads: frames are read on OkHttp's WebSocket thread, which only answers heartbeats,
 * completes acks and replies, and hands events to the dispatch executor (one daemon thread by
 * default, so listeners see events one at a time in arrival order). Timers and reconnection run on
 * one scheduler thread. Every thread the hub creates is a daemon. Thread-safe; {@link #close()} is
 * idempotent.
 */
public final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  /** The reply topic. */
  public static final String REPLY_TOPIC = "ftrack.meta.reply";

  private final HttpUrl serverUrl;
  private final String apiUser;
  private final String apiKey;
  private final String id;
  private final String applicationId;
  private final String host;
  private final String clientToken;
  private final ReconnectBackoff backoff;
  private final Duration heartbeatTimeoutOverride;
  private final Duration handshakeTimeout;
  private final Duration ackTimeout;
  private final int queueCapacity;
  private final boolean queryAuthentication;
  private final BiConsumer<Event, Throwable> errorHandler;
  private final Redactor redactor;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final ScheduledExecutorService scheduler;
  private final Executor dispatcher;
  private final ExecutorService ownedDispatcher;

  private final Object lock = new Object();
  private final Deque<Outgoing> queue = new ArrayDeque<>();
  private final Map<Long, CompletableFuture<Void>> acks = new ConcurrentHashMap<>();
  private final Map<String, ReplyWaiter> replyWaiters = new ConcurrentHashMap<>();
  private final List<SubscriptionImpl> subscriptions = new CopyOnWriteArrayList<>();
  private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong packetIds = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final Map<String, Object> replySubscriberMetadata;

  // Guarded by lock.
  private Connection current;
  private long generation;
  private int attempt;
  private boolean started;
  private boolean closed;
  private String lastFailure = "not connected yet";
  private CountDownLatch connectedSignal = new CountDownLatch(1);

  private EventHub(Builder b) {
    this.serverUrl = b.url;
    this.apiUser = b.apiUser;
    this.apiKey = b.apiKey;
    this.id = b.id != null ? b.id : UUID.randomUUID().toString().replace("-", "");
    this.applicationId = b.applicationId;
    this.host = b.host;
    this.clientToken = b.clientToken;
    this.backoff = b.backoff;
    this.heartbeatTimeoutOverride = b.heartbeatTimeout;
    this.handshakeTimeout = b.handshakeTimeout;
    this.ackTimeout = b.ackTimeout;
    this.queueCapacity = b.queueCapacity;
    this.queryAuthentication = b.queryAuthentication;
    this.redactor = new Redactor(List.of(b.apiKey));
    this.errorHandler = b.errorHandler != null ? b.errorHandler : this::logListenerFailure;
    this.ownsClient = b.client == null;
    OkHttpClient.Builder base =
        b.client != null
            ? HttpClients.derived(b.client)
            : HttpClients.owned("ftrack-event-hub-http", handshakeTimeout);
    this.client =
        base.connectTimeout(handshakeTimeout)
            .readTimeout(handshakeTimeout)
            .writeTimeout(handshakeTimeout)
            .build();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(daemon("ftrack-event-hub", new AtomicInteger()));
    if (b.executor != null) {
      this.dispatcher = b.executor;
      this.ownedDispatcher = null;
    } else {
      this.ownedDispatcher =
          Executors.newSingleThreadExecutor(daemon("ftrack-event-dispatch", new AtomicInteger()));
      this.dispatcher = ownedDispatcher;
    }
    this.replySubscriberMetadata = Map.of("id", id);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name, AtomicInteger n) {
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * A builder; nothing is read from the environment unless asked.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This hub's id: the {@code source.id} of what it publishes, and the subscriber id replies are
   * targeted at.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The API user the hub connects as.
   *
   * @return the user name
   */
  public String apiUser() {
    return apiUser;
  }

  /**
   * Starts connecting in the background (and reconnecting after every drop, until {@link
   * #close()}). Returns at once; idempotent.
   *
   * @return this hub
   * @throws IllegalStateException if the hub is closed
   */
  public EventHub connect() {
    synchronized (lock) {
      ensureOpen();
      if (started) {
        return this;
      }
      started = true;
    }
    scheduler.execute(this::attempt);
    return this;
  }

  /**
   * Waits until the hub is connected and its subscriptions are sent.
   *
   * @param timeout how long to wait
   * @throws EventHubTimeoutException if not connected in time; the message has the last failure
   * @throws IllegalStateException if the hub was never told to {@link #connect()} or is closed
   */
  public void awaitConnected(Duration timeout) {
    CountDownLatch signal;
    synchronized (lock) {
      ensureOpen();
      if (!started) {
        throw new IllegalStateException("call connect() before awaitConnected()");
      }
      signal = connectedSignal;
    }
    try {
      if (!signal.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        String why;
        synchronized (lock) {
          why = lastFailure;
        }
        throw new EventHubTimeoutException(
            "not connected to the ftrack event hub at "
                + serverUrl
                + " within "
                + timeout
                + "; last problem: "
                + why);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventHubException("interrupted while waiting for the event hub", e);
    }
  }

  /**
   * Whether a connection is up and subscribed.
   *
   * @return true when connected
   */
  public boolean isConnected() {
    synchronized (lock) {
      return current != null && current.connected;
    }
  }

  /**
   * How many times the hub has connected (1 after the first connection, 2 after a reconnection…).
   *
   * @return the count
   */
  public long connectionCount() {
    return connections.get();
  }

  /**
   * Adds a listener for connections and drops.
   *
   * @param listener the listener
   */
  public void addConnectionListener(ConnectionListener listener) {
    connectionListeners.add(Objects.requireNonNull(listener, "listener == null"));
  }

  /**
   * Subscribes with a random subscriber id.
   *
   * @param expression e.g. {@code topic=ftrack.action.launch and data.actionIdentifier=my.action}
   * @param listener called for each matching event
   * @return the subscription
   * @throws InvalidExpressionException if the expression does not parse
   */
  public Subscription subscribe(String expression, EventListener listener) {
    return subscribe(expression, Map.of(), listener);
  }

  /**
   * Subscribes with subscriber metadata, which targeted events are matched against (e.g. {@code
   * {"id": "my-listener", "applicationId": "studio.sender"}}).
   *
   * @param expression the subscription expression
   * @param metadata subscriber metadata; a random {@code id} is added when it has none
   * @param listener called for each matching event
   * @return the subscription
   * @throws InvalidExpressionException if the expression does not parse
   * @throws IllegalArgumentException if a subscriber with that id exists on this hub
   */
  public Subscription subscribe(
      String expression, Map<String, ?> metadata, EventListener listener) {
    EventExpression parsed = EventExpression.parse(expression);
    Objects.requireNonNull(listener, "listener == null");
    Map<String, Object> meta = new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata"));
    meta.putIfAbsent("id", UUID.randomUUID().toString().replace("-", ""));
    SubscriptionImpl s =
        new SubscriptionImpl(
            parsed, io.pipelinekit.ftrack.events.internal.Trees.freezeMap(meta), listener);
    synchronized (lock) {
      ensureOpen();
      if (s.subscriberId().equals(id)
          || subscriptions.stream().anyMatch(o -> o.subscriberId().equals(s.subscriberId()))) {
        throw new IllegalArgumentException(
            "a subscriber with id '" + s.subscriberId() + "' already exists on this hub");
      }
      subscriptions.add(s);
      if (current != null && current.connected) {
        sendSubscribe(current, s.metadata(), s.expression().text());
      }
    }
    return s;
  }

  /**
   * Publishes an event. Unset source keys are filled in ({@code id} = this hub, {@code
   * user.username}, {@code applicationId}, {@code host}). While disconnected, the event waits in
   * the outgoing queue.
   *
   * @param event the event
   * @return completes when the server acknowledges the event; fails with {@link EventHubException}
   *     when the server rejects it, or when the connection drops before the ack (then it may or may
   *     not have been delivered; it is not sent again)
   * @throws EventHubQueueFullException if disconnected and the queue is full
   * @throws IllegalStateException if the hub is closed
   */
  public CompletableFuture<Void> publish(Event event) {
    Objects.requireNonNull(event, "event == null");
    Map<String, Object> wire = withSourceDefaults(event);
    CompletableFuture<Void> ack = new CompletableFuture<>();
    synchronized (lock) {
      ensureOpen();
      if (current != null && current.connected) {
        send(current, new Outgoing(wire, ack));
      } else {
        if (queue.size() >= queueCapacity) {
          throw new EventHubQueueFullException(
              "the event hub has been disconnected long enough to queue "
                  + queueCapacity
                  + " events; "
                  + event
                  + " was not queued. Last problem: "
                  + lastFailure);
        }
        queue.addLast(new Outgoing(wire, ack));
      }
    }
    return ack;
  }

  /**
   * Publishes an event and completes with the first reply to it.
   *
   * @param event the event
   * @param timeout how long to wait for a reply
   * @return completes with the reply, or fails with {@link EventHubTimeoutException}. It completes
   *     on a hub thread: use the {@code …Async} stages for slow follow-up work
   */
  public CompletableFuture<Event> publishForReply(Event event, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    synchronized (lock) {
      ensureOpen();
    }
    CompletableFuture<Event> reply = new CompletableFuture<>();
    ReplyWaiter waiter = new ReplyWaiter(reply::complete, true);
    replyWaiters.put(event.id(), waiter);
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              replyWaiters.remove(event.id(), waiter);
              reply.completeExceptionally(
                  new EventHubTimeoutException("no reply to " + event + " within " + timeout));
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    reply.whenComplete((r, t) -> timer.cancel(false));
    try {
      publish(event)
          .whenComplete(
              (ok, t) -> {
                if (t != null) {
                  replyWaiters.remove(event.id(), waiter);
                  reply.completeExceptionally(t);
                }
              });
    } catch (RuntimeException e) {
      replyWaiters.remove(event.id(), waiter);
      timer.cancel(false);
      throw e;
    }
    return reply;
  }

  /**
   * Publishes an event and waits for the first reply.
   *
   * @param event the event
   * @param timeout how long to wait
   * @return the reply
   * @throws EventHubTimeoutException if no reply came in time
   * @throws EventHubException if the server rejected the event
   */
  public Event publishAndWaitForReply(Event event, Duration timeout) {
    CompletableFuture<Event> f = publishForReply(event, timeout);
    try {
      // The scheduled timeout completes the future; the extra second only guards a stuck timer.
      return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventHubException("interrupted while waiting for a reply to " + event, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new EventHubException("no reply to " + event, e.getCause());
    } catch (TimeoutException e) {
      throw new EventHubTimeoutException("no reply to " + event + " within " + timeout);
    }
  }

  /**
   * Publishes an event and calls a listener for every reply that arrives within a window (several
   * subscribers may answer one event).
   *
   * @param event the event
   * @param window how long replies are accepted
   * @param onReply called on the dispatch thread for each reply
   * @return the publish ack, as {@link #publish(Event)}
   */
  public CompletableFuture<Void> publish(Event event, Duration window, EventListener onReply) {
    Objects.requireNonNull(onReply, "onReply == null");
    synchronized (lock) {
      ensureOpen();
    }
    ReplyWaiter waiter = new ReplyWaiter(r -> dispatch(null, onReply, r), false);
    replyWaiters.put(event.id(), waiter);
    scheduler.schedule(
        () -> replyWaiters.remove(event.id(), waiter), window.toNanos(), TimeUnit.NANOSECONDS);
    try {
      return publish(event);
    } catch (RuntimeException e) {
      replyWaiters.remove(event.id(), waiter);
      throw e;
    }
  }

  /**
   * Replies to an event: topic {@code ftrack.meta.reply}, target {@code id=<source.id of the
   * event>}, {@code inReplyToEvent} = its id.
   *
   * @param original the event answered
   * @param data the reply payload
   * @return the publish ack
   * @throws IllegalArgumentException if the event has no {@code source.id} to reply to
   */
  public CompletableFuture<Void> publishReply(Event original, Map<String, ?> data) {
    return publish(reply(original, data, Map.of("id", id)));
  }

  /**
   * The reply event for an event (not published).
   *
   * @param original the event answered
   * @param data the payload
   * @param source the replying subscriber's metadata
   * @return the reply
   * @throws IllegalArgumentException if the event has no {@code source.id}
   */
  static Event reply(Event original, Map<String, ?> data, Map<String, ?> source) {
    String to =
        original
            .sourceId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cannot reply to " + original + ": it has no source.id"));
    return Event.builder()
        .topic(REPLY_TOPIC)
        .data(data)
        .source(source)
        .target("id=" + EventExpression.quote(to))
        .inReplyToEvent(original.id())
        .build();
  }

  /**
   * Disconnects cleanly: unsubscribes every subscriber, sends the Socket.IO disconnect, closes the
   * WebSocket and stops the hub's threads. Queued events are dropped (their futures fail).
   * Idempotent.
   */
  @Override
  public void close() {
    Connection c;
    List<Outgoing> dropped;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      c = current;
      current = null;
      generation++;
      dropped = new ArrayList<>(queue);
      queue.clear();
      if (c != null && c.connected) {
        for (SubscriptionImpl s : subscriptions) {
          c.ws.send(unsubscribeFrame(s.subscriberId()));
        }
        c.ws.send(unsubscribeFrame(id));
        c.ws.send(Frame.DISCONNECT_TEXT);
      }
    }
    if (c != null) {
      c.stopWatchdog();
      c.ws.close(1000, "closed by the client");
    }
    EventHubException closedError = new EventHubException("the event hub was closed");
    dropped.forEach(o -> o.ack.completeExceptionally(closedError));
    failAcks(closedError);
    replyWaiters.clear();
    scheduler.shutdownNow();
    if (ownedDispatcher != null) {
      ownedDispatcher.shutdown();
    }
    if (ownsClient) {
      HttpClients.release(client);
    }
    LOG.debug("event hub {} closed", id);
  }

  @Override
  public String toString() {
    return "EventHub{server=" + serverUrl + ", user=" + apiUser + ", id=" + id + "}";
  }

  // ---------------------------------------------------------------------------------------------
  // Connection lifecycle

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the event hub is closed");
    }
  }

  private void attempt() {
    long gen;
    synchronized (lock) {
      if (closed) {
        return;
      }
      gen = ++generation;
    }
    HttpUrl.Builder url = serverUrl.newBuilder().addPathSegments("socket.io/1/");
    if (queryAuthentication) {
      // The JS client's way (spec §4.1); off by default because URLs end up in access logs.
      url.addQueryParameter("api_user", apiUser).addQueryParameter("api_key", apiKey);
    }
    HttpUrl handshake = url.build();
    Request request =
        new Request.Builder()
            .url(handshake)
            .header("ftrack-user", apiUser)
            .header("ftrack-api-key", apiKey)
            .build();
    client
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                failed(
                    gen,
                    null,
                    "handshake with "
                        + serverUrl
                        + " failed: "
                        + e.getClass().getSimpleName()
                        + ": "
                        + redactor.redact(String.valueOf(e.getMessage())));
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  ResponseBody body = response.body();
                  String text = body == null ? "" : body.string();
                  if (response.code() != 200) {
                    failed(
                        gen,
                        null,
                        "handshake answered HTTP "
                            + response.code()
                            + (response.code() == 401 || response.code() == 403
                                ? " (check FTRACK_API_USER and FTRACK_API_KEY)"
                                : "")
                            + ": "
                            + redactor.excerpt(text, 200));
                    return;
                  }
                  openSocket(gen, text.strip());
                } catch (IOException e) {
                  failed(gen, null, "handshake body could not be read: " + e.getMessage());
                }
              }
            });
  }

  private void openSocket(long gen, String handshake) {
    String[] parts = handshake.split(":", -1);
    if (parts.length < 4 || parts[0].isBlank()) {
      failed(gen, null, "unexpected handshake answer: " + redactor.excerpt(handshake, 100));
      return;
    }
    if (!List.of(parts[3].split(",")).contains("websocket")) {
      failed(
          gen,
          null,
          "the server offers no websocket transport (offers " + parts[3] + "); check proxies");
      return;
    }
    Duration timeout = heartbeatTimeoutOverride;
    if (timeout == null) {
      long seconds = 0;
      try {
        seconds = Long.parseLong(parts[1].strip());
      } catch (NumberFormatException e) {
        seconds = 0;
      }
      timeout = Duration.ofSeconds(seconds > 0 ? seconds : 60);
    }
    HttpUrl ws =
        serverUrl
            .newBuilder()
            .addPathSegments("socket.io/1/websocket")
            .addPathSegment(parts[0])
            .build();
    Request request = new Request.Builder().url(ws).build();
    synchronized (lock) {
      if (closed || gen != generation) {
        return;
      }
      Connection c = new Connection(gen, parts[0], timeout);
      c.ws = client.newWebSocket(request, c);
      current = c;
      c.startWatchdog();
    }
  }

  private void connected(Connection c) {
    List<Outgoing> flushed = new ArrayList<>();
    synchronized (lock) {
      if (closed || c.gen != generation || c.failed || c.connected) {
        return;
      }
      c.connected = true;
      attempt = 0;
      lastFailure = "connected";
      // The reply subscriber first, so replies to queued events find their way back.
      sendSubscribe(c, replySubscriberMetadata, "topic=" + REPLY_TOPIC);
      for (SubscriptionImpl s : subscriptions) {
        sendSubscribe(c, s.metadata(), s.expression().text());
      }
      while (!queue.isEmpty()) {
        Outgoing o = queue.pollFirst();
        flushed.add(o);
        send(c, o);
      }
      connections.incrementAndGet();
      connectedSignal.countDown();
    }
    LOG.debug(
        "event hub {} connected (sid {}), {} subscriptions, {} queued events sent",
        id,
        c.sid.length() > 6 ? c.sid.substring(0, 6) + "…" : c.sid,
        subscriptions.size(),
        flushed.size());
    for (ConnectionListener l : connectionListeners) {
      execute(() -> safely(l::onConnected));
    }
  }

  private void failed(long gen, Connection c, String reason) {
    boolean wasConnected;
    Duration delay;
    int n;
    synchronized (lock) {
      if (closed || gen != generation) {
        return;
      }
      if (c != null) {
        if (c.failed) {
          return;
        }
        c.failed = true;
      }
      wasConnected = c != null && c.connected;
      if (current == c || current != null && current.gen == gen) {
        current = null;
      }
      if (wasConnected) {
        connectedSignal = new CountDownLatch(1);
      }
      generation++;
      lastFailure = reason;
      n = ++attempt;
      delay = backoff.delay(n);
      scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (c != null) {
      c.stopWatchdog();
      if (c.ws != null) {
        // Cancelling alone leaks the connection when the server's close frame has already ended
        // the reader: OkHttp gives the connection back only once its WebSocket streams close,
        // which takes a close frame written or a failed write. So write one, then cancel.
        c.ws.close(1001, "reconnecting");
        c.ws.cancel();
      }
    }
    failAcks(
        new EventHubException(
            "the event hub connection dropped before the server acknowledged the event; it may or"
                + " may not have been delivered ("
                + reason
                + ")"));
    if (wasConnected || n % 10 == 1) {
      LOG.warn(
          "ftrack event hub: {}; reconnecting in {} ms (attempt {})", reason, delay.toMillis(), n);
    } else {
      LOG.debug(
          "ftrack event hub: {}; reconnecting in {} ms (attempt {})", reason, delay.toMillis(), n);
    }
    if (wasConnected) {
      for (ConnectionListener l : connectionListeners) {
        execute(() -> safely(() -> l.onDisconnected(reason)));
      }
    }
  }

  private void failAcks(EventHubException error) {
    for (Long k : List.copyOf(acks.keySet())) {
      CompletableFuture<Void> f = acks.remove(k);
      if (f != null) {
        f.completeExceptionally(error);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending (callers hold lock)

  private void send(Connection c, Outgoing o) {
    long packet = packetIds.incrementAndGet();
    acks.put(packet, o.ack);
    if (!c.ws.send(Frame.event(packet, o.wire))) {
      // Not enqueued by OkHttp: the socket is going away, so the event was not sent; keep it.
      acks.remove(packet);
      queue.addFirst(o);
      return;
    }
    expireAck(packet);
  }

  /** A server that never acks must not make the pending-ack map grow for ever. */
  private void expireAck(long packet) {
    scheduler.schedule(
        () -> {
          CompletableFuture<Void> f = acks.remove(packet);
          if (f != null) {
            f.completeExceptionally(
                new EventHubTimeoutException(
                    "the event hub did not acknowledge the event within "
                        + ackTimeout
                        + "; it may or may not have been delivered"));
          }
        },
        ackTimeout.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private void sendSubscribe(Connection c, Map<String, Object> subscriber, String expression) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subscriber", subscriber);
    data.put("subscription", expression);
    Event e = Event.builder().topic("ftrack.meta.subscribe").data(data).build();
    CompletableFuture<Void> ack = new CompletableFuture<>();
    ack.whenComplete(
        (ok, t) -> {
          if (t != null && !(t instanceof CancellationException)) {
            LOG.debug("subscription {} not confirmed: {}", expression, t.getMessage());
          }
        });
    long packet = packetIds.incrementAndGet();
    acks.put(packet, ack);
    c.ws.send(Frame.event(packet, withSourceDefaults(e)));
    expireAck(packet);
  }

  private String unsubscribeFrame(String subscriberId) {
    Event e =
        Event.builder()
            .topic("ftrack.meta.unsubscribe")
            .data(Map.of("subscriber", Map.of("id", subscriberId)))
            .build();
    return Frame.event(0, withSourceDefaults(e));
  }

  private Map<String, Object> withSourceDefaults(Event event) {
    Map<String, Object> source = new LinkedHashMap<>(event.source());
    source.putIfAbsent("id", id);
    Object user = source.get("user");
    if (user instanceof Map<?, ?> u) {
      if (!u.containsKey("username")) {
        Map<Object, Object> copy = new LinkedHashMap<>(u);
        copy.put("username", apiUser);
        source.put("user", copy);
      }
    } else {
      source.put("user", Map.of("username", apiUser));
    }
    source.putIfAbsent("applicationId", applicationId);
    source.putIfAbsent("host", host);
    if (clientToken != null) {
      source.putIfAbsent("clientToken", clientToken);
    }
    Map<String, Object> wire = new LinkedHashMap<>(event.toMap());
    wire.put("source", source);
    return wire;
  }

  private void unsubscribe(SubscriptionImpl s) {
    synchronized (lock) {
      if (!subscriptions.remove(s)) {
        return;
      }
      if (!closed && current != null && current.connected) {
        current.ws.send(unsubscribeFrame(s.subscriberId()));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving (on the WebSocket reader thread)

  private void received(Connection c, String text) {
    Frame frame;
    try {
      frame = Frame.parse(text);
    } catch (IllegalArgumentException e) {
      LOG.debug("ignored a frame that is not Socket.IO 0.9: {}", e.getMessage());
      return;
    }
    switch (frame.type()) {
      case Frame.CONNECT -> connected(c);
      case Frame.HEARTBEAT -> c.ws.send(Frame.HEARTBEAT_TEXT);
      case Frame.EVENT -> {
        try {
          incoming(EventWire.decode(frame.eventArgument()));
        } catch (RuntimeException e) {
          LOG.debug("ignored an event frame that could not be decoded: {}", e.getMessage());
        }
      }
      case Frame.ACK -> acked(frame);
      case Frame.DISCONNECT -> failed(c.gen, c, "the server sent a disconnect");
      case Frame.ERROR -> failed(c.gen, c, "the server sent an error: " + frame.data());
      default -> LOG.debug("ignored frame type {}", frame.type());
    }
  }

  private void acked(Frame frame) {
    CompletableFuture<Void> f;
    List<?> args;
    try {
      f = acks.remove(frame.ackId());
      args = frame.ackArguments();
    } catch (RuntimeException e) {
      LOG.debug("ignored an ack that could not be decoded: {}", e.getMessage());
      return;
    }
    if (f == null) {
      return;
    }
    if (!args.isEmpty()
        && args.get(0) instanceof Map<?, ?> m
        && Boolean.FALSE.equals(m.get("success"))) {
      f.completeExceptionally(
          new EventHubException("the event hub rejected the event: " + m.get("message")));
    } else {
      f.complete(null);
    }
  }

  private void incoming(Event event) {
    if (REPLY_TOPIC.equals(event.topic()) && event.inReplyToEvent().isPresent()) {
      ReplyWaiter w = replyWaiters.get(event.inReplyToEvent().get());
      if (w != null && targets(event, replySubscriberMetadata)) {
        if (w.once) {
          replyWaiters.remove(event.inReplyToEvent().get(), w);
        }
        w.consumer.accept(event);
      }
    }
    for (SubscriptionImpl s : subscriptions) {
      if (targets(event, s.metadata()) && s.expression().matches(event)) {
        dispatch(s, s.listener, event);
      }
    }
  }

  private static boolean targets(Event event, Map<String, Object> subscriber) {
    if (event.target().isBlank()) {
      return true;
    }
    try {
      return EventExpression.parse(event.target()).matches(subscriber);
    } catch (InvalidExpressionException e) {
      LOG.debug("ignored {} with a target that does not parse: {}", event, e.getMessage());
      return false;
    }
  }

  private void dispatch(SubscriptionImpl s, EventListener listener, Event event) {
    try {
      dispatcher.execute(
          () -> {
            if (s != null && !subscriptions.contains(s)) {
              return; // unsubscribed meanwhile
            }
            try {
              listener.onEvent(event);
            } catch (Throwable t) {
              try {
                errorHandler.accept(event, t);
              } catch (RuntimeException ignored) {
                LOG.warn("the listener error handler failed too", ignored);
              }
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("dropped {}: the dispatcher is shut down", event);
    }
  }

  private void logListenerFailure(Event event, Throwable t) {
    LOG.warn("an event listener failed on {}; the hub carries on", event, t);
  }

  private void execute(Runnable r) {
    try {
      dispatcher.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("not run: the dispatcher is shut down");
    }
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("a connection listener failed", e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private record Outgoing(Map<String, Object> wire, CompletableFuture<Void> ack) {}

  private record ReplyWaiter(java.util.function.Consumer<Event> consumer, boolean once) {}

  private final class SubscriptionImpl implements Subscription {
    private final EventExpression expression;
    private final Map<String, Object> metadata;
    private final EventListener listener;

    SubscriptionImpl(EventExpression expression, Map<String, Object> metadata, EventListener l) {
      this.expression = expression;
      this.metadata = metadata;
      this.listener = l;
    }

    @Override
    public String subscriberId() {
      return String.valueOf(metadata.get("id"));
    }

    @Override
    public EventExpression expression() {
      return expression;
    }

    @Override
    public Map<String, Object> metadata() {
      return metadata;
    }

    @Override
    public void unsubscribe() {
      EventHub.this.unsubscribe(this);
    }

    @Override
    public String toString() {
      return "Subscription{" + subscriberId() + ": " + expression + "}";
    }
  }

  /** One WebSocket connection and its watchdog. */
  private final class Connection extends WebSocketListener {
    final long gen;
    final String sid;
    final Duration heartbeatTimeout;
    volatile WebSocket ws;
    volatile long lastHeard = System.nanoTime();
    boolean connected; // guarded by lock
    boolean failed; // guarded by lock
    private ScheduledFuture<?> watchdog;

    Connection(long gen, String sid, Duration heartbeatTimeout) {
      this.gen = gen;
      this.sid = sid;
      this.heartbeatTimeout = heartbeatTimeout;
    }

    void startWatchdog() {
      long period = Math.max(10, Math.min(1000, heartbeatTimeout.toMillis() / 4));
      watchdog =
          scheduler.scheduleAtFixedRate(
              () -> {
                if (System.nanoTime() - lastHeard > heartbeatTimeout.toNanos()) {
                  failed(gen, this, "nothing heard from the server for " + heartbeatTimeout);
                }
              },
              period,
              period,
              TimeUnit.MILLISECONDS);
    }

    void stopWatchdog() {
      ScheduledFuture<?> w = watchdog;
      if (w != null) {
        w.cancel(false);
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      lastHeard = System.nanoTime();
      received(this, text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      failed(gen, this, "the server closed the WebSocket (" + code + " " + reason + ")");
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      failed(gen, this, "the WebSocket closed (" + code + " " + reason + ")");
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      String status = response == null ? "" : " (HTTP " + response.code() + ")";
      failed(
          gen,
          this,
          "the WebSocket failed"
              + status
              + ": "
              + t.getClass().getSimpleName()
              + ": "
              + redactor.redact(String.valueOf(t.getMessage())));
    }
  }

  /** Builds an {@link EventHub}. Not thread-safe. Values set in code win over the environment. */
  public static final class Builder {
    private HttpUrl url;
    private String apiUser;
    private String apiKey;
    private String id;
    private String applicationId = "pipelinekit.ftrack-bridge";
    private String host = defaultHost();
    private String clientToken;
    private ReconnectBackoff backoff = ReconnectBackoff.defaults();
    private Duration heartbeatTimeout;
    private Duration handshakeTimeout = Duration.ofSeconds(60);
    private Duration ackTimeout = Duration.ofSeconds(60);
    private int queueCapacity = 1000;
    private boolean queryAuthentication;
    private OkHttpClient client;
    private Executor executor;
    private BiConsumer<Event, Throwable> errorHandler;

    private Builder() {}

    private static String defaultHost() {
      // From the environment rather than a DNS lookup, which can hang on a misconfigured host.
      String h = System.getenv("HOSTNAME");
      if (h == null || h.isBlank()) {
        h = System.getenv("COMPUTERNAME");
      }
      return h == null || h.isBlank() ? "unknown" : h;
    }

    /**
     * The server URL, e.g. {@code https://studio.ftrackapp.com}.
     *
     * @param serverUrl an http or https URL
     * @return this builder
     */
    public Builder serverUrl(String serverUrl) {
      Objects.requireNonNull(serverUrl, "serverUrl == null");
      HttpUrl parsed = HttpUrl.parse(serverUrl.strip());
      if (parsed == null) {
        throw new FtrackConfigurationException(
            "FTRACK_SERVER '"
                + serverUrl
                + "' is not an http(s) URL; use e.g. https://studio.ftrackapp.com");
      }
      this.url = parsed.newBuilder().encodedPath("/").query(null).build();
      return this;
    }

    /**
     * The API user.
     *
     * @param apiUser the user name
     * @return this builder
     */
    public Builder apiUser(String apiUser) {
      this.apiUser = Objects.requireNonNull(apiUser, "apiUser == null");
      return this;
    }

    /**
     * The API key; kept out of logs, messages and {@code toString()}.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * Fills unset values from {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code
     * FTRACK_API_KEY}.
     *
     * @param environment variables by name, e.g. {@link System#getenv()}
     * @return this builder
     */
    public Builder fromEnvironment(Map<String, String> environment) {
      Objects.requireNonNull(environment, "environment == null");
      String server = environment.get("FTRACK_SERVER");
      if (url == null && server != null && !server.isBlank()) {
        serverUrl(server);
      }
      if (apiUser == null) {
        apiUser = environment.get("FTRACK_API_USER");
      }
      if (apiKey == null) {
        apiKey = environment.get("FTRACK_API_KEY");
      }
      return this;
    }

    /**
     * The hub id (the {@code source.id} of what it publishes). Default: a random id.
     *
     * @param id a unique id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * The {@code source.applicationId} of what the hub publishes. Default {@code
     * pipelinekit.ftrack-bridge}.
     *
     * @param applicationId the id
     * @return this builder
     */
    public Builder applicationId(String applicationId) {
      this.applicationId = Objects.requireNonNull(applicationId, "applicationId == null");
      return this;
    }

    /**
     * The {@code source.host}. Default: {@code HOSTNAME} or {@code COMPUTERNAME}.
     *
     * @param host the host name
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /**
     * The {@code source.clientToken} of what the hub publishes (a session's {@code
     * ftrack-Clienttoken}, which also comes back in the {@code ftrack.update} events it causes).
     * Default: none.
     *
     * @param clientToken the token
     * @return this builder
     */
    public Builder clientToken(String clientToken) {
      this.clientToken = Objects.requireNonNull(clientToken, "clientToken == null");
      return this;
    }

    /**
     * The delays between reconnection attempts. Default {@link ReconnectBackoff#defaults()}.
     *
     * @param backoff the backoff
     * @return this builder
     */
    public Builder backoff(ReconnectBackoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff == null");
      return this;
    }

    /**
     * How long the hub waits without hearing anything (heartbeats included) before it reconnects.
     * Default: the heartbeat timeout the server announces in the handshake, or 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder heartbeatTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("heartbeatTimeout must be positive: " + timeout);
      }
      this.heartbeatTimeout = timeout;
      return this;
    }

    /**
     * The connect, read and write timeout of the handshake. Default 60 s, as Python uses.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Also sends the credentials as {@code ?api_user=&api_key=} on the handshake, as the JavaScript
     * client does, for a proxy that strips the {@code ftrack-user}/{@code ftrack-api-key} headers.
     * Default false: the headers only, as the Python client does, because URLs (and so the key) end
     * up in proxy and server access logs.
     *
     * @param enabled the flag
     * @return this builder
     */
    public Builder queryAuthentication(boolean enabled) {
      this.queryAuthentication = enabled;
      return this;
    }

    /**
     * How long a published event waits for the server's ack before its future fails with {@link
     * EventHubTimeoutException}. Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder ackTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("ackTimeout must be positive: " + timeout);
      }
      this.ackTimeout = timeout;
      return this;
    }

    /**
     * How many events may wait while disconnected. Default 1000.
     *
     * @param capacity a positive number
     * @return this builder
     */
    public Builder outgoingQueueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("outgoingQueueCapacity must be positive: " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * An OkHttp client to derive the hub's client from (it shares its pools; it is left open on
     * close).
     *
     * @param client the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Where listeners run. Default: one daemon thread owned by the hub (events in order). An
     * executor given here is not shut down by the hub, and with several threads listeners may see
     * events out of order.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder listenerExecutor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Receives what listeners throw. Default: logged at WARN with the event's topic and id.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder listenerErrorHandler(BiConsumer<Event, Throwable> handler) {
      this.errorHandler = Objects.requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Builds the hub. Nothing is sent until {@link EventHub#connect()}.
     *
     * @return the hub
     * @throws FtrackConfigurationException if the server, user or key is missing or blank
     */
    public EventHub build() {
      if (url == null) {
        throw new FtrackConfigurationException(
            "no ftrack server: set FTRACK_SERVER or call serverUrl(\"https://<studio>.ftrackapp.com\")");
      }
      if (apiUser == null || apiUser.isBlank()) {
        throw new FtrackConfigurationException(
            "no ftrack API user: set FTRACK_API_USER or call apiUser(...)");
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new FtrackConfigurationException(
            "no ftrack API key: set FTRACK_API_KEY or call apiKey(...)");
      }
      return new EventHub(this);
    }

    @Override
    public String toString() {
      return "EventHub.Builder{server="
          + url
          + ", user="
          + apiUser
          + ", apiKey="
          + (apiKey == null ? "unset" : "<redacted>")
          + "}";
    }
  }
}
