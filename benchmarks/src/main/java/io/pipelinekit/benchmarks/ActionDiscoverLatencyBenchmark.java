package io.pipelinekit.benchmarks;

import io.pipelinekit.ftrack.events.Event;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.actions.Action;
import io.pipelinekit.ftrack.events.actions.ActionHandler;
import io.pipelinekit.ftrack.events.actions.ActionRequest;
import io.pipelinekit.ftrack.events.actions.ActionResponse;
import io.pipelinekit.ftrack.events.actions.ActionService;
import io.pipelinekit.ftrack.events.actions.SelectedEntity;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.hub.WebUi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Discover-to-reply latency of an action on loopback: the Actions menu opens on a selection, the
 * action listener (an {@link EventHub} with an {@link ActionService}) decides it applies and its
 * reply comes back. The server is testkit's fake ftrack event hub on 127.0.0.1, so the figures are
 * the bridge's own overhead (frames, JSON, expression matching, dispatch) plus two loopback
 * WebSocket hops, not a real server's routing time.
 *
 * <ul>
 *   <li>{@code webUi}: the fake's played browser publishes the discover in-process; the listener
 *       answers over its WebSocket (one hop each way);
 *   <li>{@code secondHub}: a second {@link EventHub} publishes the discover and waits for the reply
 *       with {@link EventHub#publishAndWaitForReply} (both sides over WebSockets).
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ActionDiscoverLatencyBenchmark
 * </pre>
 *
 * <p>These are a warmed-up listener's figures; {@link ColdStartBenchmark} measures the first round
 * trips of a freshly started {@code listen} process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ActionDiscoverLatencyBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<Map<String, Object>> SELECTION =
      List.of(WebUi.selected("assetversion", "5f1c0f0e-0000-4000-8000-000000000001"));

  private FakeFtrack fake;
  private EventHub listener;
  private EventHub asker;
  private WebUi ui;
  private Event discover;

  /** Starts the fake, the action listener and the asking hub. */
  @Setup(Level.Trial)
  public void start() {
    fake = FakeFtrack.builder().build();
    listener = EventHub.builder().fromEnvironment(fake.environment()).build();
    ActionService.builder(listener)
        .build()
        .register(
            new ActionHandler() {
              @Override
              public Action action() {
                return Action.builder()
                    .identifier("bench.send")
                    .label("Bench")
                    .variant("Send")
                    .appliesTo(SelectedEntity.Kind.VERSION)
                    .build();
              }

              @Override
              public ActionResponse launch(ActionRequest request) {
                return ActionResponse.success("ok");
              }
            });
    listener.connect().awaitConnected(TIMEOUT);
    fake.eventHub().awaitSubscription("topic=ftrack.action.discover", TIMEOUT);
    asker = EventHub.builder().fromEnvironment(fake.environment()).build();
    asker.connect().awaitConnected(TIMEOUT);
    fake.eventHub().awaitSubscription("topic=ftrack.meta.reply", 2, TIMEOUT);
    ui = fake.eventHub().webUi(fake.apiUserId(), fake.apiUser());
    discover =
        Event.builder()
            .topic("ftrack.action.discover")
            .data(Map.of("selection", SELECTION))
            .build();
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void stop() {
    asker.close();
    listener.close();
    fake.close();
  }

  /**
   * Discover from the played web UI to the reply's arrival.
   *
   * @return the reply items
   */
  @Benchmark
  public List<Map<String, Object>> webUi() {
    String id = ui.discover(SELECTION);
    return ui.awaitItems(id, 1, TIMEOUT);
  }

  /**
   * Discover from a second hub to the reply's arrival.
   *
   * @return the reply
   */
  @Benchmark
  public Event secondHub() {
    return asker.publishAndWaitForReply(discover.toBuilder().id(newId()).build(), TIMEOUT);
  }

  private static String newId() {
    return java.util.UUID.randomUUID().toString();
  }
}
