package io.pipelinekit.ftrack.events;

import io.pipelinekit.ftrack.events.internal.Trees;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event of the ftrack event hub: a topic, a data tree, who sent it ({@code source}), whom it is
 * for ({@code target}, an expression over subscriber metadata; empty for everyone), and for replies
 * the id of the event answered ({@code inReplyToEvent}). Immutable and thread-safe; the data and
 * source trees are deep, unmodifiable copies of maps, lists, strings, numbers ({@link Long} or
 * {@link java.math.BigDecimal}), booleans and nulls.
 *
 * <pre>{@code
 * Event e = Event.builder()
 *     .topic("my.studio.render-done")
 *     .data(Map.of("shot", "sh010", "frames", 240))
 *     .build();
 * hub.publish(e);
 * String shot = e.string("data.shot").orElseThrow();
 * }</pre>
 *
 * <p>Unset source keys ({@code id}, {@code user.username}, {@code applicationId}, {@code host}) are
 * filled by the hub when it publishes, without overwriting what is set.
 */
public final class Event {
  private final String id;
  private final String topic;
  private final Map<String, Object> data;
  private final Map<String, Object> source;
  private final String target;
  private final String inReplyToEvent;
  private final String sent;

  private Event(Builder b) {
    this.id = b.id != null ? b.id : UUID.randomUUID().toString().replace("-", "");
    this.topic = b.topic;
    this.data = Trees.freezeMap(b.data);
    this.source = Trees.freezeMap(b.source);
    this.target = b.target;
    this.inReplyToEvent = b.inReplyToEvent;
    this.sent = b.sent;
  }

  /**
   * A builder.
   *
   * @return a new builder with a random id
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this event's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.topic = topic;
    b.data = data;
    b.source = source;
    b.target = target;
    b.inReplyToEvent = inReplyToEvent;
    b.sent = sent;
    return b;
  }

  /**
   * The event id, unique per event.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The topic, e.g. {@code ftrack.action.launch}.
   *
   * @return the topic
   */
  public String topic() {
    return topic;
  }

  /**
   * The payload.
   *
   * @return an unmodifiable tree, empty when there is none
   */
  public Map<String, Object> data() {
    return data;
  }

  /**
   * Who sent the event: {@code id} (the sending hub), {@code user} ({@code id}, {@code username}),
   * {@code applicationId}, {@code host}.
   *
   * @return an unmodifiable tree, possibly empty
   */
  public Map<String, Object> source() {
    return source;
  }

  /**
   * The id of the hub or subscriber that sent the event; replies are targeted at it.
   *
   * @return the id, if known
   */
  public Optional<String> sourceId() {
    return string("source.id");
  }

  /**
   * The target expression; empty for a broadcast.
   *
   * @return the expression, e.g. {@code id=3f1c…}
   */
  public String target() {
    return target;
  }

  /**
   * For a reply, the id of the event it answers.
   *
   * @return the id, if this is a reply
   */
  public Optional<String> inReplyToEvent() {
    return Optional.ofNullable(inReplyToEvent);
  }

  /**
   * The time the server stamped on the event, as it sent it (the format is not documented).
   *
   * @return the text, when the server set one
   */
  public Optional<String> sent() {
    return Optional.ofNullable(sent);
  }

  /**
   * A value by dotted path over the event's wire form, e.g. {@code data.actionIdentifier} or {@code
   * source.user.id}.
   *
   * @param path the path
   * @return the value; empty when missing or null
   */
  public Optional<Object> value(String path) {
    Objects.requireNonNull(path, "path == null");
    return Trees.path(toMap(), path);
  }

  /**
   * A scalar by dotted path, as text (numbers as their literal, booleans as {@code true}/{@code
   * false}).
   *
   * @param path the path
   * @return the text; empty when missing, null, a map or a list
   */
  public Optional<String> string(String path) {
    return value(path).flatMap(Trees::text);
  }

  /**
   * The event as it goes on the wire (inside {@code args[0]}): {@code id}, {@code topic}, {@code
   * data}, {@code source}, {@code target}, {@code inReplyToEvent}, {@code sent}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("topic", topic);
    m.put("data", data);
    m.put("source", source);
    m.put("target", target);
    m.put("inReplyToEvent", inReplyToEvent);
    m.put("sent", sent);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event e && e.toMap().equals(toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  /** Topic and ids only: data can be large and may hold what a user typed. */
  @Override
  public String toString() {
    return "Event{topic="
        + topic
        + ", id="
        + id
        + (inReplyToEvent == null ? "" : ", inReplyToEvent=" + inReplyToEvent)
        + (target.isEmpty() ? "" : ", target=" + target)
        + "}";
  }

  /** Builds an {@link Event}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String topic;
    private Map<String, ?> data;
    private Map<String, ?> source;
    private String target = "";
    private String inReplyToEvent;
    private String sent;

    private Builder() {}

    /**
     * The id. Default: a random UUID without dashes.
     *
     * @param id a unique id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * The topic (required).
     *
     * @param topic e.g. {@code ftrack.action.launch}
     * @return this builder
     */
    public Builder topic(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic == null");
      return this;
    }

    /**
     * The payload.
     *
     * @param data a tree of maps, lists, strings, numbers, booleans and nulls
     * @return this builder
     */
    public Builder data(Map<String, ?> data) {
      this.data = Objects.requireNonNull(data, "data == null");
      return this;
    }

    /**
     * The source; keys left out are filled by the hub on publish.
     *
     * @param source e.g. {@code {"id": …, "user": {"username": …}}}
     * @return this builder
     */
    public Builder source(Map<String, ?> source) {
      this.source = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /**
     * The target expression over subscriber metadata; default empty (everyone).
     *
     * @param target e.g. {@code applicationId=ftrack.client.web and user.id="…"}
     * @return this builder
     */
    public Builder target(String target) {
      this.target = Objects.requireNonNull(target, "target == null");
      return this;
    }

    /**
     * The id of the event this one answers.
     *
     * @param eventId the original event's id
     * @return this builder
     */
    public Builder inReplyToEvent(String eventId) {
      this.inReplyToEvent = Objects.requireNonNull(eventId, "eventId == null");
      return this;
    }

    /**
     * The server's time stamp (set when decoding received events).
     *
     * @param sent the text as received
     * @return this builder
     */
    public Builder sent(String sent) {
      this.sent = sent;
      return this;
    }

    /**
     * Builds the event.
     *
     * @return the event
     * @throws IllegalArgumentException if the topic is missing or blank, or data is not a JSON tree
     */
    public Event build() {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("an event needs a topic, e.g. topic(\"my.topic\")");
      }
      return new Event(this);
    }
  }
}
