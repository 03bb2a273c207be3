package io.pipelinekit.accsyn.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.typed.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queues. */
class QueuesWireTest {
  static final String QID = "5f0c1a2b3c4d5e6f7a8b9c31";
  static final String HIGH =
      "{\"id\": \""
          + QID
          + "\", \"code\": \"high\", \"name\": \"High\", \"priority\": 999,"
          + " \"status\": \"waiting\", \"default\": false, \"uri\": \"root/high\"}";

  final Wire wire = new Wire();
  final Queues queues = Queues.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void findsCreatesPausesResumesDeletes() {
    wire.ok("[" + HIGH + "]").ok("[" + HIGH + "]").ok("[" + HIGH + "]").ok("[" + HIGH + "]");
    wire.ok("true").ok("[" + HIGH + "]");
    Queue q = queues.find("High").orElseThrow();
    assertThat(q.priority()).hasValue(999);
    assertThat(q.extra()).containsKey("uri");
    queues.create("Urgent", 900);
    queues.pause(QID);
    queues.resume(QID);
    queues.delete(QID);
    assertThat(queues.list()).hasSize(1);
    wire.next()
        .is("GET", "queue/find", "{\"single_entity_query\": true}")
        .withQuery("name=\"High\" OR code=\"High\"");
    wire.next().is("POST", "queue/create", "{\"name\": \"Urgent\", \"priority\": 900}");
    wire.next().is("PUT", "queue/edit", "{\"status\": \"paused\"}").withId(QID);
    wire.next().is("PUT", "queue/edit", "{\"status\": \"waiting\"}").withId(QID);
    assertThat(wire.next().uri()).isEqualTo("queue/delete");
    wire.next().is("GET", "queue/find", "{}");
    assertThatThrownBy(() -> queues.create("x", 1001)).hasMessageContaining("0-1000");
  }
}
