package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Etr;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A transfer job as accsyn returns it (the answer to a create or find). Fields this type does not
 * know are kept in {@link #extra()}; statuses it does not know read as {@link
 * TransferStatus#UNKNOWN} with the text in {@link #statusText()}.
 *
 * <pre>{@code
 * Transfer t = client.transfers().get(id).orElseThrow();
 * t.status();                 // RUNNING
 * t.progress().percent();     // 42
 * t.destinationHr();          // Optional[site:la]
 * }</pre>
 */
@Value.Immutable
public interface Transfer {
  /**
   * The job id.
   *
   * @return the 24-character id
   */
  String id();

  /**
   * The job code (older alias of the name; not unique).
   *
   * @return the code
   */
  Optional<String> code();

  /**
   * The job name.
   *
   * @return the name
   */
  Optional<String> name();

  /**
   * The status.
   *
   * @return the status, {@link TransferStatus#UNKNOWN} for a status this client does not know
   */
  TransferStatus status();

  /**
   * The status text as sent.
   *
   * @return e.g. {@code running}; empty if none was sent
   */
  String statusText();

  /**
   * The source party reference, e.g. {@code workspace:<id>}, {@code user:<id>}, {@code site:<id>}.
   *
   * @return the reference
   */
  Optional<String> source();

  /**
   * The source in human-readable form.
   *
   * @return e.g. {@code site:hq}
   */
  Optional<String> sourceHr();

  /**
   * The destination party reference.
   *
   * @return the reference
   */
  Optional<String> destination();

  /**
   * The destination in human-readable form.
   *
   * @return e.g. {@code user:lisa@example.com}
   */
  Optional<String> destinationHr();

  /**
   * The user who owns the job (id).
   *
   * @return the id
   */
  Optional<String> user();

  /**
   * The owner in human-readable form.
   *
   * @return the e-mail
   */
  Optional<String> userHr();

  /**
   * The parent (queue, delivery or request) id.
   *
   * @return the id
   */
  Optional<String> parent();

  /**
   * The parent in human-readable form.
   *
   * @return e.g. the queue name
   */
  Optional<String> parentHr();

  /**
   * Total size in bytes of the non-excluded tasks.
   *
   * @return the size, or empty while unknown ({@code -1}, {@code 0} or {@code null} during init)
   */
  OptionalLong size();

  /**
   * Percent done ({@code progress}).
   *
   * @return 0–100, if sent
   */
  OptionalInt percent();

  /**
   * Current speed in MB/s.
   *
   * @return the speed, or empty when idle ({@code -1})
   */
  OptionalDouble speed();

  /**
   * The {@code etr} text.
   *
   * @return e.g. {@code 1h:02m:05s}; empty when not running
   */
  @Value.Default
  default String etr() {
    return "";
  }

  /**
   * When the job was created.
   *
   * @return the instant
   */
  Optional<Instant> created();

  /**
   * When the job finished.
   *
   * @return the instant, if finished
   */
  Optional<Instant> finished();

  /**
   * When the job was last modified.
   *
   * @return the instant
   */
  Optional<Instant> modified();

  /**
   * Job metadata.
   *
   * @return the metadata
   */
  Map<String, Json> metadata();

  /**
   * Job settings.
   *
   * @return the settings as sent
   */
  Map<String, Json> settings();

  /**
   * Every field this type does not model, as sent.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * The progress fields as one typed snapshot.
   *
   * @return the progress
   */
  default TransferProgress progress() {
    String etr = etr();
    return TransferProgress.builder()
        .status(status())
        .percent(Math.max(0, Math.min(100, percent().orElse(0))))
        .bytesTotal(size())
        .speedMegabytesPerSecond(speed())
        .remaining(Etr.parse(etr))
        .etrText(etr)
        .build();
  }

  /**
   * Decodes a job from the generic API.
   *
   * @param json the entity
   * @return the job
   * @throws io.pipelinekit.accsyn.AccsynException if it is not an object or has no id
   */
  static Transfer fromJson(Json json) {
    Fields f = Fields.of(json, "transfer");
    Builder b = builder().id(f.requiredId());
    f.string("code").ifPresent(b::code);
    f.string("name").ifPresent(b::name);
    String status = f.string("status").orElse("");
    b.statusText(status).status(TransferStatus.fromWire(status));
    f.string("source").ifPresent(b::source);
    f.string("source_hr").ifPresent(b::sourceHr);
    f.string("destination").ifPresent(b::destination);
    f.string("destination_hr").ifPresent(b::destinationHr);
    f.id("user").ifPresent(b::user);
    f.string("user_hr").ifPresent(b::userHr);
    f.id("parent").ifPresent(b::parent);
    f.string("parent_hr").ifPresent(b::parentHr);
    OptionalLong size = f.longValue("size");
    if (size.isPresent() && size.getAsLong() > 0) {
      b.size(size);
    }
    b.percent(f.intValue("progress"));
    OptionalDouble speed = f.doubleValue("speed");
    if (speed.isPresent() && speed.getAsDouble() >= 0) {
      b.speed(speed);
    }
    f.string("etr").ifPresent(b::etr);
    f.instant("created").ifPresent(b::created);
    f.instant("finished").ifPresent(b::finished);
    f.instant("modified").ifPresent(b::modified);
    b.putAllMetadata(f.object("metadata"));
    b.putAllSettings(f.object("settings"));
    b.putAllExtra(f.rest());
    return b.build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Transfer}; not thread-safe. */
  final class Builder extends ImmutableTransfer.Builder {}
}
