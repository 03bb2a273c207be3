package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.ftrack.events.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies one unit of work caused by one launch, the same in every replica that receives the
 * launch: derived from the launch event's id, which the server delivers unchanged to every
 * subscriber. A second click (or a submitted form) is a new event and so a new key. Immutable.
 *
 * <pre>{@code
 * IdempotencyKey key = request.idempotencyKey();
 * if (claims.tryClaim(key)) {
 *   // put key.value() in the accsyn job's metadata, use key.uuid() as the ftrack Job id
 * }
 * }</pre>
 */
public final class IdempotencyKey {
  private final String value;
  private final String eventId;
  private final String userId;

  private IdempotencyKey(String value, String eventId, String userId) {
    this.value = value;
    this.eventId = eventId;
    this.userId = userId;
  }

  /**
   * The key of an event.
   *
   * @param event a launch (or any) event
   * @return the key
   */
  public static IdempotencyKey of(Event event) {
    Objects.requireNonNull(event, "event == null");
    return new IdempotencyKey(
        sha256("ftrack-event\n" + event.topic() + "\n" + event.id()).substring(0, 32),
        event.id(),
        event.string("source.user.id").orElse(null));
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /**
   * The key as 32 hex digits, e.g. for {@code metadata.ftrack_launch_key} of an accsyn job.
   *
   * @return the key
   */
  public String value() {
    return value;
  }

  /**
   * The key as a UUID, e.g. as the id of the ftrack Job that reports the work's progress: a second
   * create with the same id fails, so the Job itself is a claim.
   *
   * @return a name-based UUID of the key
   */
  public UUID uuid() {
    return UUID.nameUUIDFromBytes(("pipelinekit-launch:" + value).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The id of the event the key comes from.
   *
   * @return the event id
   */
  public String eventId() {
    return eventId;
  }

  /**
   * The launching user's id.
   *
   * @return the id, when the event carried one
   */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdempotencyKey k && k.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
