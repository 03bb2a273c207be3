package io.pipelinekit.accsyn.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
    Instant plain = plainUtc(t);
    if (plain != null) {
      return Optional.of(plain);
    }
    if (SHORT_YEAR.matcher(t).matches()) {
      int yy = Integer.parseInt(t.substring(0, 2));
      t = (yy <= 68 ? "20" : "19") + t;
    }
    try {
      // An offset ("Z", "+01:00") follows the time; without one the text means UTC.
      return Optional.of(
          hasOffset(t)
              ? OffsetDateTime.parse(t).toInstant()
              : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * accsyn's own form, {@code yyyy-MM-ddTHH:mm:ss} with no zone, read by hand: it is in every job
   * and task, and a 100,000-task answer would otherwise spend a third of its decoding in {@code
   * DateTimeFormatter}.
   *
   * @return the instant, or null for any other text (the general parser then decides)
   */
  private static Instant plainUtc(String t) {
    if (t.length() != 19
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
  }

  /** The decimal value of {@code t[from, to)}, or -1 if a character is not an ASCII digit. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean hasOffset(String t) {
    int time = t.indexOf('T');
    if (time < 0) {
      return false;
    }
    for (int i = time + 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
        return true;
      }
    }
    return false;
  }
}
