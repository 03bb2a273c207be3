package io.pipelinekit.examples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a duration as people write it on a command line, {@code 4h}, {@code 30m}, {@code 90s},
 * {@code 1h30m}, {@code 500ms}, or as ISO-8601 ({@code PT4H}).
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern SHORT =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(v);
    if (!v.isEmpty() && m.matches()) {
      Duration d =
          Duration.ofHours(number(m.group(1)))
              .plusMinutes(number(m.group(2)))
              .plusSeconds(number(m.group(3)))
              .plusMillis(number(m.group(4)));
      if (!d.isZero()) {
        return d;
      }
    } else if (v.startsWith("p")) {
      try {
        Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below, in the words of the command line
      }
    }
    throw new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration; give e.g. 4h, 30m, 90s, 1h30m or ISO-8601 PT4H");
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
