package io.pipelinekit.ftrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.ftrack.events.internal.EventWire;
import io.pipelinekit.ftrack.events.internal.Frame;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventAndChangesTest {
  @Test
  void eventsAreDeepImmutableCopies() {
    List<Object> list = new ArrayList<>(List.of("a"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("list", list);
    data.put("ratio", 0.5d);
    Event e = Event.builder().topic("t").data(data).build();
    list.add("b");
    data.put("late", 1);
    assertThat(e.data()).isEqualTo(Map.of("list", List.of("a"), "ratio", new BigDecimal("0.5")));
    assertThatThrownBy(() -> e.data().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) e.data().get("list")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(e.id()).hasSize(32);
    assertThat(e.toBuilder().build()).isEqualTo(e);
  }

  @Test
  void badEventsAreRefusedWithAClearMessage() {
    assertThatThrownBy(() -> Event.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic");
    assertThatThrownBy(() -> Event.builder().topic("t").data(Map.of("x", new Object())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON tree");
  }

  @Test
  void toStringShowsNoData() {
    Event e = Event.builder().topic("t").data(Map.of("password", "hunter2")).build();
    assertThat(e.toString()).contains("t").doesNotContain("hunter2");
  }

  @Test
  void wireDecodingAcceptsTheSnakeCaseReplyKeyAndIgnoresUnknownKeys() {
    Event e =
        EventWire.decode(
            Map.of("topic", "ftrack.meta.reply", "id", "r", "in_reply_to_event", "q", "extra", 1));
    assertThat(e.inReplyToEvent()).contains("q");
    assertThatThrownBy(() -> EventWire.decode(Map.of("id", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void framesSplitAtMostThreeTimes() {
    Frame f = Frame.parse("5:::{\"a\":\"b:c::d\"}");
    assertThat(f.type()).isEqualTo(5);
    assertThat(f.data()).isEqualTo("{\"a\":\"b:c::d\"}");
    assertThat(Frame.parse("2::")).isEqualTo(new Frame(2, "", "", ""));
    assertThat(Frame.parse("1")).isEqualTo(new Frame(1, "", "", ""));
    Frame ack = Frame.parse("6:::12+[{\"success\":true}]");
    assertThat(ack.ackId()).isEqualTo(12);
    assertThat(ack.ackArguments()).isEqualTo(List.of(Map.of("success", true)));
    assertThat(Frame.event(3, Map.of("topic", "t")))
        .isEqualTo("5:3+::{\"name\":\"ftrack.event\",\"args\":[{\"topic\":\"t\"}]}");
    assertThat(Frame.event(0, Map.of("topic", "t"))).startsWith("5:::{");
    assertThatThrownBy(() -> Frame.parse("x::")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void entityChangesDecodeEveryField() {
    Event update =
        Event.builder()
            .topic("ftrack.update")
            .data(
                Map.of(
                    "entities",
                    List.of(
                        Map.of(
                            "entityId",
                            "v1",
                            "entityType",
                            "assetversion",
                            "entity_type",
                            "AssetVersion",
                            "action",
                            "update",
                            "parentId",
                            "a1",
                            "keys",
                            List.of("statusid"),
                            "changes",
                            Map.of("statusid", Map.of("old", "s1", "new", "s2")),
                            "parents",
                            List.of(
                                Map.of("entityId", "a1", "entityType", "asset"),
                                Map.of("entityId", "p1", "entityType", "show"))),
                        Map.of("entityId", "x", "entityType", "task", "action", "move"),
                        Map.of("entityId", "y", "entityType", "task", "action", "archive"))))
            .build();
    List<EntityChange> changes = EntityChanges.of(update);
    assertThat(changes).hasSize(3);
    EntityChange v = changes.get(0);
    assertThat(v.entityId()).isEqualTo("v1");
    assertThat(v.is("AssetVersion")).isTrue();
    assertThat(v.is("asset_version")).isTrue();
    assertThat(v.is("Task")).isFalse();
    assertThat(v.kind()).isEqualTo(EntityChange.Kind.UPDATE);
    assertThat(v.keys()).containsExactly("statusid");
    assertThat(v.changes().get("statusid"))
        .isEqualTo(new EntityChange.Change(Optional.of("s1"), Optional.of("s2")));
    assertThat(v.newValue("status_id", "statusid")).contains("s2");
    assertThat(v.parentId()).contains("a1");
    assertThat(v.projectId()).contains("p1");
    assertThat(changes.get(1).kind()).isEqualTo(EntityChange.Kind.MOVE);
    assertThat(changes.get(2).kind()).isEqualTo(EntityChange.Kind.UNKNOWN);
    assertThat(changes.get(2).action()).isEqualTo("archive");
    assertThat(EntityChanges.assignment(v)).isEmpty();
    assertThat(EntityChanges.of(Event.builder().topic("other").build())).isEmpty();
  }
}
