package io.pipelinekit.accsyn.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * accsyn's date-time text (see docs/protocol/accsyn-v3.md, "Dates"): UTC {@code
 * yyyy-MM-ddTHH:mm:ss}, no zone, no millis, on the way out; leniently ISO-8601 on the way in, with
 * "no offset" meaning UTC.
 */
public final class WireTime {
  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  // Python also accepts two-digit years; they mean 20xx there (strptime %y maps 00-68 to 20xx).
  private static final Pattern SHORT_YEAR = Pattern.compile("^\\d{2}-\\d{2}-\\d{2}T.*");

  private WireTime() {}

  /**
   * Formats an instant as accsyn sends it.
   *
   * @param instant the instant
   * @return e.g. {@code 2026-11-23T00:16:26}
   */
  public static String format(Instant instant) {
    return OUT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /**
   * Parses a date-time string.
   *
   * @param text the text
   * @return the instant, or empty if it is no ISO-8601 date-time
   */
  public static Optional<Instant> parse(String text) {
    String t = text.trim();
    if (SHORT_YEAR.matcher(t).matches()) {
      int yy = Integer.parseInt(t.substring(0, 2));
      t = (yy <= 68 ? "20" : "19") + t;
    }
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // no offset: UTC
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
