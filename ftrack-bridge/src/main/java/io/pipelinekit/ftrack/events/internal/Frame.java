package io.pipelinekit.ftrack.events.internal;

import io.pipelinekit.core.internal.JsonTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Socket.IO 0.9 frame, {@code <type>:<id>:<endpoint>:<data>} (see docs/protocol/ftrack.md,
 * "Event hub: frames"). Parsing splits at most three times: the data of an event may contain
 * colons.
 *
 * @param type 0 disconnect, 1 connect, 2 heartbeat, 3 message, 4 json, 5 event, 6 ack, 7 error, 8
 *     noop
 * @param id the message id, e.g. {@code 3+}; empty when none
 * @param endpoint always empty for ftrack
 * @param data the rest, possibly empty
 */
public record Frame(int type, String id, String endpoint, String data) {
  /** Disconnect. */
  public static final int DISCONNECT = 0;

  /** Connect. */
  public static final int CONNECT = 1;

  /** Heartbeat. */
  public static final int HEARTBEAT = 2;

  /** Event. */
  public static final int EVENT = 5;

  /** Ack. */
  public static final int ACK = 6;

  /** Error. */
  public static final int ERROR = 7;

  /** The heartbeat answer, {@code 2::}. */
  public static final String HEARTBEAT_TEXT = "2::";

  /** The disconnect frame, {@code 0::}. */
  public static final String DISCONNECT_TEXT = "0::";

  /**
   * Parses a frame.
   *
   * @param text the WebSocket text message
   * @return the frame
   * @throws IllegalArgumentException if the type is not a digit
   */
  public static Frame parse(String text) {
    String[] parts = text.split(":", 4);
    if (parts[0].length() != 1 || !Character.isDigit(parts[0].charAt(0))) {
      throw new IllegalArgumentException("not a Socket.IO 0.9 frame: type '" + parts[0] + "'");
    }
    return new Frame(
        parts[0].charAt(0) - '0',
        parts.length > 1 ? parts[1] : "",
        parts.length > 2 ? parts[2] : "",
        parts.length > 3 ? parts[3] : "");
  }

  /**
   * The event frame for an event, {@code 5:<n>+::{"name":"ftrack.event","args":[event]}} with an
   * ack id, or {@code 5:::…} without.
   *
   * @param ackId the packet id that asks for an ack with data, or 0 for none
   * @param event the event's wire map
   * @return the frame text
   */
  public static String event(long ackId, Map<String, Object> event) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("name", "ftrack.event");
    payload.put("args", List.of(event));
    return "5:" + (ackId > 0 ? ackId + "+" : "") + "::" + JsonTree.write(payload);
  }

  /**
   * For an event frame, the event's wire map.
   *
   * @return {@code args[0]}
   * @throws IllegalArgumentException if the data is not a named event with an object argument
   */
  public Map<?, ?> eventArgument() {
    Object parsed = JsonTree.parse(data);
    if (parsed instanceof Map<?, ?> m
        && m.get("args") instanceof List<?> args
        && !args.isEmpty()
        && args.get(0) instanceof Map<?, ?> event) {
      return event;
    }
    throw new IllegalArgumentException("an event frame without an event object in args");
  }

  /**
   * For an ack frame ({@code 6:::<n>+[json]}), the packet id acknowledged.
   *
   * @return the id
   * @throws IllegalArgumentException if the data does not start with a number
   */
  public long ackId() {
    int plus = data.indexOf('+');
    String n = plus < 0 ? data : data.substring(0, plus);
    try {
      return Long.parseLong(n.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an ack frame without a packet id: " + data, e);
    }
  }

  /**
   * For an ack frame, its arguments.
   *
   * @return the decoded list after {@code +}; empty when there is none
   */
  public List<?> ackArguments() {
    int plus = data.indexOf('+');
    if (plus < 0 || plus == data.length() - 1) {
      return List.of();
    }
    Object parsed = JsonTree.parse(data.substring(plus + 1));
    return parsed instanceof List<?> l ? l : List.of(parsed);
  }
}
