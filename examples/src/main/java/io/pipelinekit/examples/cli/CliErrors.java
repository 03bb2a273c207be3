package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.ftrack.FtrackException;
import io.pipelinekit.ftrack.UnknownLocationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a command threw into what a command-line user reads: an exit code, its kind, a one
 * line message and a hint naming flags and environment variables. The libraries' messages suggest
 * Java calls (their users write Java); those suggestions are rewritten here into the options that
 * set the same thing.
 */
final class CliErrors {
  /** One error as printed on stderr and in the {@code --json} output. */
  record Described(int exitCode, String kind, String message, String hint) {
    /** The {@code error} object of the JSON output. */
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", kind);
      m.put("message", message);
      m.put("hint", hint);
      return m;
    }
  }

  /** Library suggestions in Java, and what the command line says instead. */
  private static final List<Map.Entry<Pattern, String>> JAVA_TO_CLI =
      List.of(
          rule(
              "workspace\\(\"<code>\"\\) or set ACCSYN_WORKSPACE",
              "pass --accsyn-workspace CODE or set ACCSYN_WORKSPACE"),
          rule(
              "username\\(\"you@example\\.com\"\\) or set ACCSYN_API_USER",
              "pass --accsyn-user EMAIL or set ACCSYN_API_USER"),
          rule(
              "apiKey\\(\\.\\.\\.\\) or set ACCSYN_API_KEY",
              "pass --accsyn-api-key-file FILE or set ACCSYN_API_KEY"),
          rule(
              "ACCSYN_WORKSPACE or workspace\\(\\.\\.\\.\\)",
              "--accsyn-workspace or ACCSYN_WORKSPACE"),
          rule(" \\(serverDetail\\(\\)\\)", ""),
          rule("or call serverUrl\\([^)]*\\)", "or pass --ftrack-server URL"),
          rule("or call apiUser\\(\\.\\.\\.\\)", "or pass --ftrack-user NAME"),
          rule("or call apiKey\\(\\.\\.\\.\\)", "or pass --ftrack-api-key-file FILE"),
          rule(
              ",? or map it with LocationDirectory\\.builder\\(\\)\\.map\\(.*?\\(\\.\\.\\.\\)\\)",
              ""),
          rule(
              "; configure it with PathResolver\\.builder\\(\\)\\.location\\(.*?\\(\\.\\.\\.\\)\\)",
              "; the location is not on the accsyn volume the studio layout names"));

  /**
   * A Java call in a message: {@code from("hq")}, {@code apiKey(...)}, {@code reviewSession(id)}.
   */
  static final Pattern JAVA_CALL =
      Pattern.compile("\\b[a-z][A-Za-z]*\\((\"[^\"]*\"(, ?\"[^\"]*\")*|\\.\\.\\.|…|[A-Za-z]+)?\\)");

  /** Where a clause starts: what follows may be cut when it suggests a Java call. */
  private static final Pattern CLAUSE = Pattern.compile(": |; | \\(|, ");

  /**
   * A punctuation mark doubled by a wrapper that added its own full stop: "key!." or "header..".
   */
  private static final Pattern DOUBLED = Pattern.compile("(?<![.!?])([.!?])\\.(?!\\.)");

  private CliErrors() {}

  private static Map.Entry<Pattern, String> rule(String regex, String replacement) {
    return Map.entry(Pattern.compile(regex), Matcher.quoteReplacement(replacement));
  }

  static Described describe(Throwable e) {
    int code = ExitCodes.of(e);
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return new Described(code, ExitCodes.kind(code), speakCli(message), hint(e, code));
  }

  /** A library message with its Java suggestions replaced and doubled punctuation removed. */
  static String speakCli(String message) {
    String m = message.strip();
    for (Map.Entry<Pattern, String> r : JAVA_TO_CLI) {
      m = r.getKey().matcher(m).replaceAll(r.getValue());
    }
    Matcher call = JAVA_CALL.matcher(m);
    if (call.find()) {
      // A suggestion in Java that no rule above knows: keep what is wrong, drop the Java.
      int cut = -1;
      Matcher clause = CLAUSE.matcher(m);
      while (clause.find() && clause.start() < call.start()) {
        cut = clause.start();
      }
      if (cut > 0) {
        m = m.substring(0, cut);
      }
    }
    return tidy(m);
  }

  /** One full stop at most, and none after a "!" or "?". */
  static String tidy(String message) {
    return DOUBLED.matcher(message).replaceAll("$1");
  }

  private static String hint(Throwable e, int code) {
    if (e instanceof CliException c) {
      return c.hint();
    }
    boolean accsyn = causedBy(e, AccsynException.class);
    boolean ftrack = causedBy(e, FtrackException.class);
    switch (code) {
      case ExitCodes.UNAVAILABLE:
        if (ftrack && !accsyn) {
          return "check the network and --ftrack-server (or FTRACK_SERVER), then run again later";
        }
        return "check the network and the accsyn server (--accsyn-endpoint, or ACCSYN_WORKSPACE"
            + " for the hosted service), then run again later";
      case ExitCodes.AUTHENTICATION:
        if (ftrack && !accsyn) {
          return "check --ftrack-user (or FTRACK_API_USER) and the key in --ftrack-api-key-file"
              + " (or FTRACK_API_KEY)";
        }
        return "check --accsyn-user (or ACCSYN_API_USER) and the key in --accsyn-api-key-file"
            + " (or ACCSYN_API_KEY)";
      case ExitCodes.NOT_FOUND:
        return "check the ids and names given on the command line";
      case ExitCodes.TRANSFER_FAILED:
        return "see which files did not arrive, and the accsyn job for why";
      case ExitCodes.TIMEOUT:
        return "the transfer keeps running in accsyn; give a longer --timeout (e.g. 4h) or run"
            + " without --wait";
      case ExitCodes.BAD_INPUT:
        if (e instanceof UnknownLocationException
            || (e instanceof FlowException f && f.getMessage().contains("location '"))) {
          return "--from and --to take ftrack location names: an accsyn site code (e.g. hq) or"
              + " a user's e-mail";
        }
        return "see --help for the options and the environment variables they default to";
      default:
        return "this looks like a bug: run again with --verbose and report the output";
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
