package io.pipelinekit.ftrack.events;

import io.pipelinekit.ftrack.events.internal.Frame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns events into what goes on the wire: the unset source keys filled in ({@code id} = the hub,
 * {@code user.username}, {@code applicationId}, {@code host}, {@code clientToken}), and the
 * subscribe and unsubscribe meta events.
 */
final class OutgoingEvents {
  private final String hubId;
  private final String apiUser;
  private final String applicationId;
  private final String host;
  private final String clientToken;

  OutgoingEvents(
      String hubId, String apiUser, String applicationId, String host, String clientToken) {
    this.hubId = hubId;
    this.apiUser = apiUser;
    this.applicationId = applicationId;
    this.host = host;
    this.clientToken = clientToken;
  }

  /**
   * The event's wire form with the source defaults.
   *
   * @param event the event
   * @return the map to encode
   */
  Map<String, Object> wire(Event event) {
    Map<String, Object> source = new LinkedHashMap<>(event.source());
    source.putIfAbsent("id", hubId);
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

  /** The subscribe meta event of a subscriber. */
  Map<String, Object> subscribe(Map<String, Object> subscriber, String expression) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subscriber", subscriber);
    data.put("subscription", expression);
    return wire(Event.builder().topic("ftrack.meta.subscribe").data(data).build());
  }

  /** The unsubscribe frame of a subscriber (sent without asking for an ack). */
  String unsubscribeFrame(String subscriberId) {
    Event e =
        Event.builder()
            .topic("ftrack.meta.unsubscribe")
            .data(Map.of("subscriber", Map.of("id", subscriberId)))
            .build();
    return Frame.event(0, wire(e));
  }
}
