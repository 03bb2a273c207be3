package io.pipelinekit.testkit.ftrack.hub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One user's web browser, played on the fake event hub: opens the Actions menu ({@link #discover}),
 * clicks an action ({@link #launch}), submits a form ({@link #submit}), and collects the replies
 * and the notices and pop-ups pushed to this user ({@link #messages()}). Events carry {@code
 * source.applicationId = ftrack.client.web} and {@code source.user = {id, username}}, as the real
 * web UI's do. Thread-safe.
 *
 * <pre>{@code
 * String discover = ui.discover(List.of(WebUi.selected("assetversion", versionId)));
 * Map<String, Object> item = ui.awaitItems(discover, 1, Duration.ofSeconds(5)).get(0);
 * String launch = ui.launch(item, List.of(WebUi.selected("assetversion", versionId)));
 * Map<String, Object> form = ui.awaitReplies(launch, 1, Duration.ofSeconds(5)).get(0);
 * String submit = ui.submit(launch, Map.of("site", "lon"));
 * }</pre>
 */
public final class WebUi {
  private final FakeEventHub hub;
  private final String userId;
  private final String username;
  private final String browserId = UUID.randomUUID().toString();
  private final Map<String, List<Map<String, Object>>> replies = bounded();
  private final List<Map<String, Object>> messages = new ArrayList<>();
  private final Map<String, Map<String, Object>> sentData = bounded();
  private final FakeEventHub.Peer peer;

  WebUi(FakeEventHub hub, String userId, String username) {
    this.hub = hub;
    this.userId = userId;
    this.username = username;
    this.peer =
        new FakeEventHub.Peer() {
          @Override
          void deliver(Map<String, Object> event, String frame) {
            received(event);
          }
        };
    Map<String, Object> user = Map.of("id", userId, "username", username);
    peer.subscribers.put(
        browserId,
        new FakeEventHub.Subscriber(
            Map.of("id", browserId, "applicationId", "ftrack.client.web", "user", user),
            HubExpression.parse("topic=ftrack.meta.reply"),
            "topic=ftrack.meta.reply"));
    String ui = browserId + "-ui";
    peer.subscribers.put(
        ui,
        new FakeEventHub.Subscriber(
            Map.of("id", ui, "applicationId", "ftrack.client.web", "user", user),
            HubExpression.parse("topic=ftrack.action.trigger-user-interface"),
            "topic=ftrack.action.trigger-user-interface"));
  }

  /** Keeps the latest events only, so a long-running browser (a benchmark) stays small. */
  private static <V> Map<String, V> bounded() {
    return new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > FakeEventHub.LOG_LIMIT;
      }
    };
  }

  FakeEventHub.Peer peer() {
    return peer;
  }

  /**
   * A selection entry as the web UI sends it.
   *
   * @param entityType the legacy type, e.g. {@code task}, {@code show}, {@code assetversion}
   * @param entityId the id
   * @return {@code {"entityId": …, "entityType": …}}
   */
  public static Map<String, Object> selected(String entityType, String entityId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entityId", entityId);
    m.put("entityType", entityType);
    return m;
  }

  /**
   * Opens the Actions menu on a selection: publishes {@code ftrack.action.discover}.
   *
   * @param selection the selection
   * @return the event id, to collect the replies with
   */
  public String discover(List<Map<String, Object>> selection) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("selection", List.copyOf(selection));
    data.put("groupers", List.of());
    data.put("filters", List.of());
    data.put("sorters", List.of());
    return publish("ftrack.action.discover", data);
  }

  /**
   * Clicks an action: publishes {@code ftrack.action.launch} with the item's keys plus the
   * selection.
   *
   * @param item a discover reply item (label, variant, actionIdentifier, …)
   * @param selection the selection
   * @return the event id
   */
  public String launch(Map<String, Object> item, List<Map<String, Object>> selection) {
    Map<String, Object> data = new LinkedHashMap<>(item);
    data.put("selection", List.copyOf(selection));
    return publish("ftrack.action.launch", data);
  }

  /**
   * Submits the form that answered a launch: publishes a new launch with the same data plus {@code
   * values}.
   *
   * @param launchEventId the launch (or earlier submit) the form answered
   * @param values the values by field name
   * @return the new event id
   * @throws IllegalArgumentException if this browser did not publish that launch
   */
  public String submit(String launchEventId, Map<String, ?> values) {
    Map<String, Object> earlier;
    synchronized (hub) {
      earlier = sentData.get(launchEventId);
    }
    if (earlier == null) {
      throw new IllegalArgumentException("this browser published no launch " + launchEventId);
    }
    Map<String, Object> data = new LinkedHashMap<>(earlier);
    data.put("values", new LinkedHashMap<>(values));
    return publish("ftrack.action.launch", data);
  }

  /**
   * Publishes any event as this browser.
   *
   * @param topic the topic
   * @param data the payload
   * @return the event id
   */
  public String publish(String topic, Map<String, Object> data) {
    String id = UUID.randomUUID().toString();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id);
    event.put("topic", topic);
    event.put("data", data);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("id", browserId);
    source.put("applicationId", "ftrack.client.web");
    source.put("user", Map.of("id", userId, "username", username));
    event.put("source", source);
    event.put("target", "");
    event.put("inReplyToEvent", null);
    event.put("sent", null);
    synchronized (hub) {
      sentData.put(id, data);
      replies.put(id, new ArrayList<>());
    }
    hub.route(event);
    return id;
  }

  private void received(Map<String, Object> event) {
    synchronized (hub) {
      Object to = event.get("inReplyToEvent");
      if ("ftrack.meta.reply".equals(event.get("topic")) && to != null) {
        List<Map<String, Object>> list = replies.get(to.toString());
        if (list != null) {
          list.add(data(event));
        }
      } else if ("ftrack.action.trigger-user-interface".equals(event.get("topic"))) {
        messages.add(data(event));
        FakeEventHub.trim(messages);
      }
      hub.changed();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> event) {
    return event.get("data") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * The replies received so far to an event.
   *
   * @param eventId the event
   * @return the reply payloads, in arrival order
   */
  public List<Map<String, Object>> replies(String eventId) {
    synchronized (hub) {
      return List.copyOf(replies.getOrDefault(eventId, List.of()));
    }
  }

  /**
   * Waits for replies to an event.
   *
   * @param eventId the event
   * @param count how many replies
   * @param timeout how long to wait
   * @return the reply payloads (at least {@code count})
   * @throws IllegalStateException on timeout
   */
  public List<Map<String, Object>> awaitReplies(String eventId, int count, Duration timeout) {
    hub.await(
        () -> replies.getOrDefault(eventId, List.of()).size() >= count,
        timeout,
        () -> count + " replies to " + eventId + "; got " + replies.get(eventId));
    return replies(eventId);
  }

  /**
   * Waits for discover replies and returns their action items.
   *
   * @param discoverEventId the discover
   * @param count how many replies to wait for
   * @param timeout how long to wait
   * @return the items of all replies
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> awaitItems(String discoverEventId, int count, Duration timeout) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> r : awaitReplies(discoverEventId, count, timeout)) {
      if (r.get("items") instanceof List<?> l) {
        l.forEach(i -> items.add((Map<String, Object>) i));
      }
    }
    return items;
  }

  /**
   * The notices and pop-ups pushed to this user so far.
   *
   * @return their payloads
   */
  public List<Map<String, Object>> messages() {
    synchronized (hub) {
      return List.copyOf(messages);
    }
  }

  /**
   * Waits for pushed notices or pop-ups.
   *
   * @param count how many
   * @param timeout how long to wait
   * @return the payloads
   */
  public List<Map<String, Object>> awaitMessages(int count, Duration timeout) {
    hub.await(() -> messages.size() >= count, timeout, () -> count + " messages; got " + messages);
    return messages();
  }
}
