package io.pipelinekit.accsyn.internal.typed;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses accsyn's {@code etr} (estimated time remaining). accsyn only documents "a string such as
 * 'Hh:Mm:Ss'", and the empty string when not running, so this accepts the unit form ({@code
 * 1h:02m:05s}, {@code 2d 3h:04m:05s}, {@code 45s}), the clock form ({@code 01:02:05}, {@code
 * 02:05}) and plain seconds, and gives up (empty) on anything else rather than guessing.
 */
public final class Etr {
  private static final Pattern UNITS =
      Pattern.compile(
          "(?:(\\d+)\\s*d)?[\\s:]*(?:(\\d+)\\s*h)?[\\s:]*(?:(\\d+)\\s*m)?[\\s:]*(?:(\\d+)\\s*s)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})");
  private static final Pattern SECONDS = Pattern.compile("\\d+");

  private Etr() {}

  /**
   * Parses an {@code etr} value.
   *
   * @param text the text, possibly empty
   * @return the remaining time, or empty if the text is empty or not understood
   */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (SECONDS.matcher(t).matches()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
    }
    Matcher c = CLOCK.matcher(t);
    if (c.matches()) {
      long h = c.group(1) == null ? 0 : Long.parseLong(c.group(1));
      long m = Long.parseLong(c.group(2));
      long s = Long.parseLong(c.group(3));
      return Optional.of(Duration.ofHours(h).plusMinutes(m).plusSeconds(s));
    }
    Matcher u = UNITS.matcher(t);
    if (u.matches()
        && (u.group(1) != null || u.group(2) != null || u.group(3) != null || u.group(4) != null)) {
      return Optional.of(
          Duration.ofDays(num(u.group(1)))
              .plusHours(num(u.group(2)))
              .plusMinutes(num(u.group(3)))
              .plusSeconds(num(u.group(4))));
    }
    return Optional.empty();
  }

  private static long num(String g) {
    return g == null ? 0 : Long.parseLong(g);
  }
}
