package io.pipelinekit.ftrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.internal.ManualScheduler;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.hub.FakeEventHub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub client against the fake ftrack event hub: routing, replies, resilience. */
class EventHubFakeTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  private FakeFtrack fake;
  private FakeEventHub server;
  private final List<EventHub> hubs = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = FakeFtrack.builder().build();
    server = fake.eventHub().heartbeatInterval(Duration.ofMillis(100));
  }

  @AfterEach
  void stop() {
    hubs.forEach(EventHub::close);
    fake.close();
  }

  static EventHub.Builder fastHub(FakeFtrack fake) {
    return EventHub.builder()
        .fromEnvironment(fake.environment())
        .heartbeatTimeout(Duration.ofSeconds(3))
        .backoff(
            ReconnectBackoff.builder()
                .initialDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(40))
                .build());
  }

  private EventHub hub() {
    return hub(fastHub(fake));
  }

  private EventHub hub(EventHub.Builder b) {
    EventHub h = b.build();
    hubs.add(h);
    return h;
  }

  @Test
  void publishedEventsReachMatchingSubscribersOnly() throws Exception {
    EventHub a = hub().connect();
    EventHub b = hub();
    BlockingQueue<Event> renders = new LinkedBlockingQueue<>();
    BlockingQueue<Event> all = new LinkedBlockingQueue<>();
    b.subscribe("topic=studio.render and data.shot=sh010", renders::add);
    b.subscribe("topic=studio.*", all::add);
    b.connect();
    a.awaitConnected(WAIT);
    b.awaitConnected(WAIT);
    server.awaitSubscription("topic=studio.*", WAIT);
    server.awaitSubscription("topic=studio.render and data.shot=sh010", WAIT);
    a.publish(Event.builder().topic("studio.render").data(Map.of("shot", "sh020")).build())
        .get(5, TimeUnit.SECONDS);
    a.publish(Event.builder().topic("studio.render").data(Map.of("shot", "sh010")).build())
        .get(5, TimeUnit.SECONDS);
    Event e = renders.poll(5, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.string("data.shot")).contains("sh010");
    assertThat(e.sourceId()).contains(a.id());
    assertThat(e.sent()).isPresent();
    Await.until("both events on the wildcard subscriber", WAIT, () -> all.size() == 2);
    assertThat(renders).isEmpty();
  }

  @Test
  void publishAndWaitForReplyGetsTheFirstReply() {
    EventHub asker = hub().connect();
    EventHub answerer = hub();
    answerer.subscribe(
        "topic=studio.question",
        e -> answerer.publishReply(e, Map.of("answer", 42, "to", e.string("data.q").orElse(""))));
    answerer.connect();
    asker.awaitConnected(WAIT);
    answerer.awaitConnected(WAIT);
    server.awaitSubscription("topic=studio.question", WAIT);
    Event reply =
        asker.publishAndWaitForReply(
            Event.builder().topic("studio.question").data(Map.of("q", "life")).build(), WAIT);
    assertThat(reply.topic()).isEqualTo("ftrack.meta.reply");
    assertThat(reply.data()).containsEntry("answer", 42L).containsEntry("to", "life");
    assertThat(reply.target()).isEqualTo("id=\"" + asker.id() + "\"");
  }

  @Test
  void replyWaitTimesOutOnTheHubsClock() {
    ManualScheduler time = new ManualScheduler();
    // Virtual time jumps past any heartbeat timeout; only the reply timeout is under test.
    EventHub asker =
        hub(fastHub(fake).heartbeatTimeout(Duration.ofHours(1)).scheduler(time)).connect();
    time.runDue();
    asker.awaitConnected(WAIT);
    CompletableFuture<Event> reply =
        asker.publishForReply(
            Event.builder().topic("nobody.listens").build(), Duration.ofSeconds(30));
    time.advance(Duration.ofSeconds(29));
    assertThat(reply).isNotDone();
    time.advance(Duration.ofSeconds(2));
    assertThat(reply)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(EventHubTimeoutException.class)
        .withMessageContaining("nobody.listens");
  }

  @Test
  void targetedEventsReachOnlyTheTargetedSubscriber() throws Exception {
    EventHub sender = hub().connect();
    EventHub receiver = hub();
    BlockingQueue<Event> mine = new LinkedBlockingQueue<>();
    BlockingQueue<Event> other = new LinkedBlockingQueue<>();
    receiver.subscribe("topic=studio.ping", Map.of("id", "wanted", "role", "farm"), mine::add);
    receiver.subscribe("topic=studio.ping", Map.of("id", "unwanted", "role", "desk"), other::add);
    receiver.connect();
    receiver.awaitConnected(WAIT);
    sender.awaitConnected(WAIT);
    server.awaitSubscription("topic=studio.ping", 2, WAIT);
    sender
        .publish(Event.builder().topic("studio.ping").target("role=farm").build())
        .get(5, TimeUnit.SECONDS);
    assertThat(mine.poll(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(other.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aThrowingListenerIsReportedAndTheHubCarriesOn() throws Exception {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    EventHub h = hub(fastHub(fake).listenerErrorHandler((e, t) -> errors.add(t)));
    BlockingQueue<Event> got = new LinkedBlockingQueue<>();
    h.subscribe(
        "topic=studio.x",
        e -> {
          if (e.string("data.n").orElse("").equals("1")) {
            throw new IllegalStateException("boom");
          }
          got.add(e);
        });
    h.connect().awaitConnected(WAIT);
    h.publish(Event.builder().topic("studio.x").data(Map.of("n", 1)).build());
    h.publish(Event.builder().topic("studio.x").data(Map.of("n", 2)).build());
    Event second = got.poll(5, TimeUnit.SECONDS);
    assertThat(second).isNotNull();
    assertThat(second.string("data.n")).contains("2");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).hasMessage("boom");
  }

  @Test
  void aSlowListenerDoesNotBlockHeartbeats() throws Exception {
    EventHub h = hub(fastHub(fake).heartbeatTimeout(Duration.ofMillis(600)));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    h.subscribe(
        "topic=studio.slow",
        e -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        });
    h.connect().awaitConnected(WAIT);
    h.publish(Event.builder().topic("studio.slow").build());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    long before = server.heartbeatAnswers();
    // Several heartbeat timeouts pass while the listener blocks: the hub keeps answering and stays
    // on the same connection.
    Await.until("15 heartbeats answered", WAIT, () -> server.heartbeatAnswers() >= before + 15);
    assertThat(h.connectionCount()).isEqualTo(1);
    assertThat(server.handshakeCount()).isEqualTo(1);
    release.countDown();
  }

  @Test
  void eventsPublishedWhileDisconnectedAreQueuedAndSentAfterReconnecting() throws Exception {
    EventHub listener = hub();
    BlockingQueue<Event> got = new LinkedBlockingQueue<>();
    listener.subscribe("topic=studio.queued", got::add);
    listener.connect().awaitConnected(WAIT);
    server.awaitSubscription("topic=studio.queued", WAIT);
    server.refuseHandshakes(true);
    EventHub publisher = hub().connect();
    CompletableFuture<Void> ack =
        publisher.publish(Event.builder().topic("studio.queued").data(Map.of("n", 1)).build());
    Await.until("a refused handshake", WAIT, () -> server.handshakeCount() >= 3);
    assertThat(publisher.isConnected()).isFalse();
    assertThat(got).isEmpty();
    server.refuseHandshakes(false);
    ack.get(10, TimeUnit.SECONDS);
    Event e = got.poll(5, TimeUnit.SECONDS);
    assertThat(e).isNotNull();
    assertThat(e.string("data.n")).contains("1");
  }

  @Test
  void theOutgoingQueueIsBounded() {
    server.refuseHandshakes(true);
    EventHub h = hub(fastHub(fake).outgoingQueueCapacity(2)).connect();
    h.publish(Event.builder().topic("a").build());
    h.publish(Event.builder().topic("b").build());
    assertThatThrownBy(() -> h.publish(Event.builder().topic("c").build()))
        .isInstanceOf(EventHubQueueFullException.class)
        .hasMessageContaining("2 events");
  }

  @Test
  void reconnectsAfterTwentyDropsWithEverySubscriptionAndNoEventLost() throws Exception {
    EventHub h = hub();
    BlockingQueue<Event> a = new LinkedBlockingQueue<>();
    BlockingQueue<Event> b = new LinkedBlockingQueue<>();
    h.subscribe("topic=studio.a", a::add);
    h.subscribe("topic=studio.b and data.kind=launch", b::add);
    h.connect().awaitConnected(WAIT);
    for (int i = 1; i <= 20; i++) {
      if (i % 5 == 0) {
        server.restart();
      } else {
        server.dropAllConnections();
      }
      server.awaitSubscription("topic=ftrack.meta.reply", WAIT);
      server.awaitSubscription("topic=studio.a", WAIT);
      server.awaitSubscription("topic=studio.b and data.kind=launch", WAIT);
      server.publish("studio.a", Map.of("i", i));
      server.publish("studio.b", Map.of("i", i, "kind", "launch"));
      Event ea = a.poll(5, TimeUnit.SECONDS);
      Event eb = b.poll(5, TimeUnit.SECONDS);
      assertThat(ea).as("studio.a after drop %d", i).isNotNull();
      assertThat(eb).as("studio.b after drop %d", i).isNotNull();
      assertThat(ea.string("data.i")).contains(String.valueOf(i));
      assertThat(eb.string("data.i")).contains(String.valueOf(i));
    }
    assertThat(server.subscriptions()).hasSize(3);
    assertThat(server.connectionCount()).isEqualTo(1);
    Await.until("21 connections", WAIT, () -> h.connectionCount() == 21);
    assertThat(server.handshakeCount()).isGreaterThanOrEqualTo(21);
  }

  @Test
  void aSilentServerIsDetectedByTheWatchdogAndTheHubReconnectsAfterTheBackoff() throws Exception {
    server.heartbeatInterval(Duration.ofHours(1));
    ManualScheduler time = new ManualScheduler();
    EventHub h =
        hub(
            fastHub(fake)
                .heartbeatTimeout(Duration.ofSeconds(30))
                .backoff(
                    ReconnectBackoff.builder()
                        .initialDelay(Duration.ofSeconds(2))
                        .jitter(0)
                        .build())
                .scheduler(time));
    List<String> reasons = new CopyOnWriteArrayList<>();
    h.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void onDisconnected(String reason) {
            reasons.add(reason);
          }
        });
    BlockingQueue<Event> synced = new LinkedBlockingQueue<>();
    h.subscribe("topic=studio.sync", synced::add);
    h.connect();
    time.runDue();
    h.awaitConnected(WAIT);
    // Frames arrive in order on the socket: once this event has arrived, so has everything the
    // server sent while the hub connected, and nothing late can reset the silence counted below.
    server.awaitSubscription("topic=studio.sync", WAIT);
    server.publish("studio.sync", Map.of());
    assertThat(synced.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
    time.advance(Duration.ofSeconds(29));
    assertThat(h.isConnected()).isTrue();
    time.advance(Duration.ofSeconds(2));
    assertThat(h.isConnected()).isFalse();
    Await.until("the disconnect reported", WAIT, () -> !reasons.isEmpty());
    assertThat(reasons.get(0)).contains("nothing heard");
    // The reconnection waits for the backoff on the hub's clock, not on the wall clock.
    assertThat(time.pending()).contains(Duration.ofSeconds(2));
    time.advance(Duration.ofMillis(1999));
    assertThat(h.connectionCount()).isEqualTo(1);
    time.advance(Duration.ofMillis(1));
    Await.until("a reconnection", WAIT, () -> h.connectionCount() == 2);
  }

  @Test
  void badCredentialsSurfaceInAwaitConnectedWithoutTheKey() {
    EventHub h = hub(fastHub(fake).apiUser("pipeline-bot").apiKey("wrong-key-123456"));
    h.connect();
    Await.until("two refused handshakes", WAIT, () -> server.handshakeCount() >= 2);
    assertThatThrownBy(() -> h.awaitConnected(Duration.ofMillis(10)))
        .isInstanceOf(EventHubTimeoutException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("FTRACK_API_KEY")
        .hasMessageNotContaining("wrong-key-123456");
  }

  @Test
  void unsubscribeStopsDeliveryAndTellsTheServer() throws Exception {
    EventHub h = hub();
    BlockingQueue<Event> got = new LinkedBlockingQueue<>();
    Subscription s = h.subscribe("topic=studio.u", got::add);
    h.connect().awaitConnected(WAIT);
    server.awaitSubscription("topic=studio.u", WAIT);
    s.unsubscribe();
    Await.until(
        "the server forgets it", WAIT, () -> !server.subscriptions().contains("topic=studio.u"));
    server.publish("studio.u", Map.of());
    assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void closeFailsQueuedEvents() {
    server.refuseHandshakes(true);
    EventHub h = hub().connect();
    CompletableFuture<Void> ack = h.publish(Event.builder().topic("a").build());
    h.close();
    assertThatThrownBy(() -> ack.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void duplicateSubscriberIdsAreRefusedLocally() {
    EventHub h = hub();
    h.subscribe("topic=a", Map.of("id", "same"), e -> {});
    assertThatThrownBy(() -> h.subscribe("topic=b", Map.of("id", "same"), e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same");
    assertThatThrownBy(() -> h.subscribe("topic=", e -> {}))
        .isInstanceOf(InvalidExpressionException.class);
  }

  @Test
  void aServerThatNeverAcksFailsTheFutureInsteadOfLeaking() {
    server.ackEvents(false);
    ManualScheduler time = new ManualScheduler();
    EventHub h =
        hub(
            fastHub(fake)
                .heartbeatTimeout(Duration.ofHours(1))
                .ackTimeout(Duration.ofSeconds(60))
                .scheduler(time));
    h.connect();
    time.runDue();
    h.awaitConnected(WAIT);
    CompletableFuture<Void> ack = h.publish(Event.builder().topic("studio.noack").build());
    time.advance(Duration.ofSeconds(59));
    assertThat(ack).isNotDone();
    time.advance(Duration.ofSeconds(1));
    assertThat(ack)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOf(EventHubTimeoutException.class)
        .withMessageContaining("did not acknowledge");
  }

  @Test
  void aSessionGivesAHubForTheSameServerAndUser() throws Exception {
    try (io.pipelinekit.ftrack.FtrackSession session =
            io.pipelinekit.ftrack.FtrackSession.fromEnvironment(fake.environment());
        EventHub h = session.eventHub().heartbeatTimeout(Duration.ofSeconds(3)).build()) {
      assertThat(h.apiUser()).isEqualTo(fake.apiUser());
      assertThat(h.toString()).doesNotContain(fake.apiKey());
      BlockingQueue<Event> got = new LinkedBlockingQueue<>();
      h.subscribe("topic=studio.session", got::add);
      h.connect().awaitConnected(WAIT);
      h.publish(Event.builder().topic("studio.session").build()).get(5, TimeUnit.SECONDS);
      Event e = got.poll(5, TimeUnit.SECONDS);
      assertThat(e).isNotNull();
      assertThat(e.string("source.clientToken")).isPresent();
      assertThat(e.string("source.user.username")).contains(fake.apiUser());
    }
  }

  @Test
  void queryAuthenticationWorksForProxiesThatStripHeaders() {
    okhttp3.OkHttpClient stripping =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .removeHeader("ftrack-user")
                            .removeHeader("ftrack-api-key")
                            .build()))
            .build();
    try {
      EventHub headersOnly = hub(fastHub(fake).okHttpClient(stripping)).connect();
      Await.until("a refused handshake", WAIT, () -> server.handshakeCount() >= 1);
      assertThatThrownBy(() -> headersOnly.awaitConnected(Duration.ofMillis(200)))
          .hasMessageContaining("HTTP 401");
      EventHub withQuery =
          hub(fastHub(fake).okHttpClient(stripping).queryAuthentication(true)).connect();
      withQuery.awaitConnected(WAIT);
      assertThat(withQuery.isConnected()).isTrue();
    } finally {
      hubs.forEach(EventHub::close);
      stripping.dispatcher().executorService().shutdown();
    }
  }
}
