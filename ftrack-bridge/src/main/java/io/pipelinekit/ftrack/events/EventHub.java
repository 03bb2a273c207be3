package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.internal.HttpClients;
import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.core.internal.Scheduler;
import io.pipelinekit.ftrack.FtrackConfigurationException;
import io.pipelinekit.ftrack.events.internal.EventWire;
import io.pipelinekit.ftrack.events.internal.Frame;
import io.pipelinekit.ftrack.events.internal.Trees;
import io.pipelinekit.ftrack.internal.ServerCredentials;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the ftrack event hub: the Socket.IO 0.9 handshake and WebSocket, heartbeat answers,
 * publishing with server acks, subscriptions evaluated by the server and again locally, replies,
 * and publish-and-wait-for-reply.
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
 *
 * <p>Inside, package-private parts each do one job: {@link Handshake}, {@link HubConnection} (one
 * WebSocket and its watchdog), {@link PendingAcks}, {@link ReplyWaiters}, {@link OutgoingEvents}
 * (source defaults and meta events) and {@link ListenerDispatch}; this class keeps the connection
 * lifecycle and the public API. Timers run on an injectable scheduler, so tests move time by hand.
 */
public final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  /** The reply topic. */
  public static final String REPLY_TOPIC = "ftrack.meta.reply";

  private static final String REHEARSED_ACK = "6:::0+[{\"success\":true}]";

  private final HttpUrl serverUrl;
  private final String apiUser;
  private final String id;
  private final ReconnectBackoff backoff;
  private final int queueCapacity;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Scheduler scheduler;
  private final Redactor redactor;
  private final Handshake handshake;
  private final PendingAcks acks;
  private final ReplyWaiters replies = new ReplyWaiters();
  private final OutgoingEvents outgoing;
  private final ListenerDispatch dispatch;
  private final HubConnection.Events connectionEvents;

  private final Object lock = new Object();
  private final Deque<Outgoing> queue = new ArrayDeque<>();
  private final List<HubSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong connections = new AtomicLong();
  private final Map<String, Object> replySubscriberMetadata;

  // Guarded by lock.
  private HubConnection current;
  private long generation;
  private int attempt;
  private boolean started;
  private boolean closed;
  private String lastFailure = "not connected yet";
  private CountDownLatch connectedSignal = new CountDownLatch(1);

  private EventHub(Builder b) {
    this.serverUrl = b.server.url().newBuilder().encodedPath("/").query(null).build();
    this.apiUser = b.server.apiUser();
    this.id = b.id != null ? b.id : UUID.randomUUID().toString().replace("-", "");
    this.backoff = b.backoff;
    this.queueCapacity = b.queueCapacity;
    this.redactor = new Redactor(List.of(b.server.apiKey()));
    this.ownsClient = b.client == null;
    OkHttpClient.Builder base =
        b.client != null
            ? HttpClients.derived(b.client)
            : HttpClients.owned("ftrack-event-hub-http", b.handshakeTimeout);
    this.client =
        base.connectTimeout(b.handshakeTimeout)
            .readTimeout(b.handshakeTimeout)
            .writeTimeout(b.handshakeTimeout)
            .build();
    this.scheduler = b.scheduler != null ? b.scheduler : Scheduler.daemon("ftrack-event-hub");
    this.handshake =
        new Handshake(
            client,
            serverUrl,
            apiUser,
            b.server.apiKey(),
            b.queryAuthentication,
            b.heartbeatTimeout,
            redactor);
    this.acks = new PendingAcks(scheduler, b.ackTimeout);
    this.outgoing = new OutgoingEvents(id, apiUser, b.applicationId, b.host, b.clientToken);
    this.dispatch = new ListenerDispatch(b.executor, b.errorHandler);
    this.replySubscriberMetadata = Map.of("id", id);
    this.connectionEvents =
        new HubConnection.Events() {
          @Override
          public void received(HubConnection c, String text) {
            EventHub.this.received(c, text);
          }

          @Override
          public void failed(HubConnection c, String reason) {
            EventHub.this.failed(c.gen, c, reason);
          }
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
    HubSubscription s =
        new HubSubscription(parsed, Trees.freezeMap(meta), listener, this::unsubscribe);
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
    Map<String, Object> wire = outgoing.wire(event);
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
    ReplyWaiters.Waiter waiter = replies.add(event.id(), reply::complete, true);
    Scheduler.Cancellable timer =
        scheduler.schedule(
            () -> {
              replies.remove(event.id(), waiter);
              reply.completeExceptionally(
                  new EventHubTimeoutException("no reply to " + event + " within " + timeout));
            },
            timeout);
    reply.whenComplete((r, t) -> timer.cancel());
    try {
      publish(event)
          .whenComplete(
              (ok, t) -> {
                if (t != null) {
                  replies.remove(event.id(), waiter);
                  reply.completeExceptionally(t);
                }
              });
    } catch (RuntimeException e) {
      replies.remove(event.id(), waiter);
      timer.cancel();
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
    ReplyWaiters.Waiter waiter =
        replies.add(event.id(), r -> dispatch.dispatch(() -> true, onReply, r), false);
    scheduler.schedule(() -> replies.remove(event.id(), waiter), window);
    try {
      return publish(event);
    } catch (RuntimeException e) {
      replies.remove(event.id(), waiter);
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
   * Runs an event through this hub's receiving and replying code as if the server had delivered it,
   * without a connection: the event is written as the server's frame, parsed, decoded and matched
   * against every subscription, a reply with {@code replyData} is built and encoded, and an ack
   * like the server's is read. Nothing is sent and no listener is called. A freshly started
   * listener that rehearses the events it expects (a few hundred times) finds that code loaded and
   * compiled when the first real ones arrive, instead of paying for it while a user waits; it also
   * starts the dispatch thread.
   *
   * @param event an event as the server would deliver it (with a {@code source.id} for a reply)
   * @param replyData the payload of the reply to encode; empty for none
   * @return the expressions of the subscriptions that would receive the event
   */
  public List<String> rehearse(Event event, Map<String, ?> replyData) {
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(replyData, "replyData == null");
    dispatch.execute(() -> {});
    Event received = EventWire.decode(Frame.parse(Frame.event(0, event.toMap())).eventArgument());
    if (REPLY_TOPIC.equals(received.topic())) {
      targets(received, replySubscriberMetadata);
    }
    List<String> receivers = new ArrayList<>();
    for (HubSubscription s : subscriptions) {
      if (targets(received, s.metadata()) && s.expression().matches(received)) {
        receivers.add(s.expression().text());
      }
    }
    if (!replyData.isEmpty() && received.sourceId().isPresent()) {
      Frame.event(1, outgoing.wire(reply(received, replyData, replySubscriberMetadata)));
      // The server's ack of the reply; packet 0 is never sent, so no future completes.
      acks.acked(Frame.parse(REHEARSED_ACK));
    }
    return List.copyOf(receivers);
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
    HubConnection c;
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
        for (HubSubscription s : subscriptions) {
          c.ws.send(outgoing.unsubscribeFrame(s.subscriberId()));
        }
        c.ws.send(outgoing.unsubscribeFrame(id));
        c.ws.send(Frame.DISCONNECT_TEXT);
      }
    }
    if (c != null) {
      c.stopWatchdog();
      c.ws.close(1000, "closed by the client");
    }
    EventHubException closedError = new EventHubException("the event hub was closed");
    dropped.forEach(o -> o.ack.completeExceptionally(closedError));
    acks.failAll(closedError);
    replies.clear();
    scheduler.shutdown();
    dispatch.shutdown();
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
    handshake.start(
        new Handshake.Outcome() {
          @Override
          public void session(String sid, Duration heartbeatTimeout, HttpUrl webSocketUrl) {
            openSocket(gen, sid, heartbeatTimeout, webSocketUrl);
          }

          @Override
          public void failed(String reason) {
            EventHub.this.failed(gen, null, reason);
          }
        });
  }

  private void openSocket(long gen, String sid, Duration heartbeatTimeout, HttpUrl url) {
    Request request = new Request.Builder().url(url).build();
    synchronized (lock) {
      if (closed || gen != generation) {
        return;
      }
      HubConnection c =
          new HubConnection(gen, sid, heartbeatTimeout, scheduler, connectionEvents, redactor);
      c.ws = client.newWebSocket(request, c);
      current = c;
      c.startWatchdog();
    }
  }

  private void connected(HubConnection c) {
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
      for (HubSubscription s : subscriptions) {
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
      dispatch.execute(l::onConnected);
    }
  }

  private void failed(long gen, HubConnection c, String reason) {
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
      scheduler.schedule(this::attempt, delay);
    }
    if (c != null) {
      c.abort();
    }
    acks.failAll(
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
        dispatch.execute(() -> l.onDisconnected(reason));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending (callers hold lock)

  private void send(HubConnection c, Outgoing o) {
    long packet = acks.track(o.ack);
    if (!c.ws.send(Frame.event(packet, o.wire))) {
      // Not enqueued by OkHttp: the socket is going away, so the event was not sent; keep it.
      acks.untrack(packet);
      queue.addFirst(o);
      return;
    }
    acks.expire(packet);
  }

  private void sendSubscribe(HubConnection c, Map<String, Object> subscriber, String expression) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    ack.whenComplete(
        (ok, t) -> {
          if (t != null && !(t instanceof CancellationException)) {
            LOG.debug("subscription {} not confirmed: {}", expression, t.getMessage());
          }
        });
    long packet = acks.track(ack);
    c.ws.send(Frame.event(packet, outgoing.subscribe(subscriber, expression)));
    acks.expire(packet);
  }

  private void unsubscribe(HubSubscription s) {
    synchronized (lock) {
      if (!subscriptions.remove(s)) {
        return;
      }
      if (!closed && current != null && current.connected) {
        current.ws.send(outgoing.unsubscribeFrame(s.subscriberId()));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving (on the WebSocket reader thread)

  private void received(HubConnection c, String text) {
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
      case Frame.ACK -> acks.acked(frame);
      case Frame.DISCONNECT -> failed(c.gen, c, "the server sent a disconnect");
      case Frame.ERROR -> failed(c.gen, c, "the server sent an error: " + frame.data());
      default -> LOG.debug("ignored frame type {}", frame.type());
    }
  }

  private void incoming(Event event) {
    if (REPLY_TOPIC.equals(event.topic()) && targets(event, replySubscriberMetadata)) {
      replies.deliver(event);
    }
    for (HubSubscription s : subscriptions) {
      if (targets(event, s.metadata()) && s.expression().matches(event)) {
        dispatch.dispatch(() -> subscriptions.contains(s), s.listener(), event);
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

  private record Outgoing(Map<String, Object> wire, CompletableFuture<Void> ack) {}

  /** Builds an {@link EventHub}. Not thread-safe. Values set in code win over the environment. */
  public static final class Builder {
    private final ServerCredentials server = new ServerCredentials();
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
    private Scheduler scheduler;

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
      server.serverUrl(serverUrl);
      return this;
    }

    /**
     * The API user.
     *
     * @param apiUser the user name
     * @return this builder
     */
    public Builder apiUser(String apiUser) {
      server.apiUser(apiUser);
      return this;
    }

    /**
     * The API key; kept out of logs, messages and {@code toString()}.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      server.apiKey(apiKey);
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
      server.fromEnvironment(environment);
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
      server.validate();
      return new EventHub(this);
    }

    /**
     * Where the hub's timers run and what time it is: reconnection delays, the heartbeat watchdog,
     * ack and reply timeouts. Default: one daemon thread on real time. Tests pass a manual
     * scheduler and move time by hand.
     *
     * @param scheduler the scheduler; the hub shuts it down on close
     * @return this builder
     */
    Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    @Override
    public String toString() {
      return server.describe("EventHub.Builder");
    }
  }
}
