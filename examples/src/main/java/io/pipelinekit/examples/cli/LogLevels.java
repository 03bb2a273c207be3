package io.pipelinekit.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code --verbose} and {@code --log-level} as slf4j-simple settings. They are read from the raw
 * arguments before the command line is parsed, because slf4j-simple fixes each logger's level when
 * the logger is made.
 */
final class LogLevels {
  static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private LogLevels() {}

  /**
   * The system properties the arguments ask for; malformed values are left to the parser, which
   * reports them.
   */
  static Map<String, String> fromArguments(String[] args) {
    Map<String, String> props = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      }
      if (a.equals("--verbose")) {
        props.put(PREFIX + "log.io.pipelinekit", "debug");
      }
      String value = null;
      if (a.equals("--log-level") && i + 1 < args.length) {
        value = args[++i];
      } else if (a.startsWith("--log-level=")) {
        value = a.substring("--log-level=".length());
      }
      if (value != null && valid(value)) {
        int eq = value.indexOf('=');
        if (eq < 0) {
          props.put(PREFIX + "defaultLogLevel", value.toLowerCase(Locale.ROOT));
        } else {
          props.put(
              PREFIX + "log." + value.substring(0, eq),
              value.substring(eq + 1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return props;
  }

  static boolean valid(String value) {
    int eq = value.indexOf('=');
    String level = (eq < 0 ? value : value.substring(eq + 1)).toLowerCase(Locale.ROOT);
    return LEVELS.contains(level) && (eq != 0);
  }

  /** Checks a {@code --log-level} value while parsing. */
  static final class Converter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!valid(value)) {
        throw new CommandLine.TypeConversionException(
            "'"
                + value
                + "' is not LEVEL or LOGGER=LEVEL; levels: trace, debug, info, warn, error, off");
      }
      return value;
    }
  }
}
