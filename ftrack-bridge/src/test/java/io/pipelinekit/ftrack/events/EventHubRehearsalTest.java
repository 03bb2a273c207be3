package io.pipelinekit.ftrack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link EventHub#rehearse}: the receiving code runs, nothing is sent and no listener is called.
 */
class EventHubRehearsalTest {
  private static EventHub unconnected() {
    return EventHub.builder()
        .serverUrl("http://127.0.0.1:1")
        .apiUser("pipeline")
        .apiKey("not-used")
        .build();
  }

  @Test
  void namesTheSubscriptionsThatWouldReceiveTheEventWithoutCallingThem() {
    try (EventHub hub = unconnected()) {
      AtomicInteger calls = new AtomicInteger();
      hub.subscribe("topic=ftrack.action.discover", e -> calls.incrementAndGet());
      hub.subscribe("topic=ftrack.action.launch", e -> calls.incrementAndGet());
      hub.subscribe(
          "topic=ftrack.action.discover and source.user.username=\"someone.else\"",
          e -> calls.incrementAndGet());
      Event discover =
          Event.builder()
              .topic("ftrack.action.discover")
              .id("e1")
              .data(Map.of("selection", List.of()))
              .source(Map.of("id", "web-ui", "user", Map.of("username", "pipeline")))
              .build();

      assertThat(hub.rehearse(discover, Map.of("items", List.of(Map.of("label", "Send")))))
          .containsExactly("topic=ftrack.action.discover");
      assertThat(hub.rehearse(discover.toBuilder().target("id=\"another-hub\"").build(), Map.of()))
          .isEmpty();
      assertThat(calls).hasValue(0);
      assertThat(hub.isConnected()).isFalse();
    }
  }
}
