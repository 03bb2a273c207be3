package io.pipelinekit.paths.cli;

import io.pipelinekit.paths.DotDotPolicy;
import io.pipelinekit.paths.MappingOptions;
import io.pipelinekit.paths.MappingResult;
import io.pipelinekit.paths.PathFlavour;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.PathMappingException;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RelativePolicy;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.Source;
import io.pipelinekit.paths.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A command-line front end to {@link PathMapper}, for pipeline TDs and shell scripts.
 *
 * <pre>
 * java -jar path-mapping.jar --roots roots.json --to windows /storage/shots/a.exr
 * find /storage/shots -name '*.exr' | java -jar path-mapping.jar --roots roots.json --to share
 * </pre>
 *
 * <p>Each input path gives one output line, in order: the mapped path, or an empty line when it
 * could not be mapped (the reason goes to standard error), so output lines stay aligned with input
 * lines. With {@code --tsv} each line is {@code input TAB output TAB status}. Exit status: 0 if
 * every path mapped, 1 if some did not, 2 for a usage or root-table error.
 */
public final class PathMapCli {
  static final String USAGE =
      String.join(
          "\n",
          "usage: path-mapping --roots FILE --to TARGET [options] [PATH ...]",
          "",
          "Maps each PATH (or each line of standard input when no PATH is given) through the",
          "root table FILE (JSON; see docs/path-mapping.md).",
          "",
          "  --roots FILE         the root table (required)",
          "  --to TARGET          share | windows | linux | mac | windows_vpn | linux_vpn |",
          "                       mac_vpn, optionally @SITE (e.g. linux@london)",
          "  --from SOURCE        windows | posix | linux | mac ..., optionally @SITE;",
          "                       default: detect the flavour, main site",
          "  --prefer-volume      emit volume=... instead of the most specific share",
          "  --strict-dotdot      reject '..' that leaves the root the path starts in",
          "  --keep-dotdot        keep '..' in the output (still contained in the root)",
          "  --literal            check sequence tokens like <UDIM> as literal names",
          "  --win32              strip trailing dots/spaces of Windows names, as Win32 does",
          "  --long-paths         emit \\\\?\\ for Windows paths of 260 characters or more",
          "  --nfc                rewrite names below the root to Unicode NFC",
          "  --relative POLICY    keep | reject | default-volume (default: keep)",
          "  --hint SHARE         the share to choose when several own a root",
          "  --tsv                print input, output and status separated by tabs",
          "  -h, --help           show this help");

  private PathMapCli() {}

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the CLI with explicit streams; used by {@link #main(String[])} and tests.
   *
   * @param args the arguments
   * @param in standard input, read when no path argument is given
   * @param out receives one line per input path
   * @param err receives errors and warnings
   * @return the exit status: 0 all mapped, 1 some failed, 2 usage or table error
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Arguments a;
    try {
      a = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("path-mapping: " + e.getMessage());
      err.println("Run with --help for usage.");
      return 2;
    }
    if (a.help) {
      out.println(USAGE);
      return 0;
    }
    PathMapper mapper;
    try {
      mapper = PathMapper.of(RootTable.load(a.roots), a.options.build());
    } catch (PathMappingException e) {
      err.println("path-mapping: " + e.getMessage());
      return 2;
    }
    boolean allOk = true;
    try {
      if (a.paths.isEmpty()) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isEmpty()) {
            allOk &= mapOne(mapper, a, line, out, err);
          }
        }
      } else {
        for (String p : a.paths) {
          allOk &= mapOne(mapper, a, p, out, err);
        }
      }
    } catch (IOException e) {
      err.println("path-mapping: cannot read standard input: " + e.getMessage());
      return 2;
    }
    out.flush();
    return allOk ? 0 : 1;
  }

  private static boolean mapOne(
      PathMapper mapper, Arguments a, String input, PrintStream out, PrintStream err) {
    MappingResult<?> r =
        a.target.isEmpty()
            ? mapper.toShare(input, a.source)
            : mapper.toOs(input, a.source, a.target.get());
    for (String w : r.warnings()) {
      err.println("warning: " + input + ": " + w);
    }
    String mapped = r.value().map(Object::toString).orElse("");
    if (a.tsv) {
      String status = r.failureKind().map(Enum::name).orElse("OK");
      out.println(input + "\t" + mapped + "\t" + status);
    } else {
      out.println(mapped);
    }
    r.failure().ifPresent(f -> err.println("error: " + f.kind() + ": " + f.message()));
    return r.isSuccess();
  }

  /** Parsed command-line arguments. */
  private static final class Arguments {
    Path roots;
    Optional<Target> target = Optional.empty();
    boolean targetGiven;
    Source source = Source.detect();
    final MappingOptions.Builder options = MappingOptions.builder();
    final List<String> paths = new ArrayList<>();
    boolean tsv;
    boolean help;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "-h":
          case "--help":
            a.help = true;
            return a;
          case "--roots":
            a.roots = Path.of(value(args, ++i, arg));
            break;
          case "--to":
            a.target = parseTarget(value(args, ++i, arg));
            a.targetGiven = true;
            break;
          case "--from":
            a.source = parseSource(value(args, ++i, arg));
            break;
          case "--prefer-volume":
            a.options.preferVolume(true);
            break;
          case "--strict-dotdot":
            a.options.dotDot(DotDotPolicy.STRICT);
            break;
          case "--keep-dotdot":
            a.options.dotDot(DotDotPolicy.KEEP);
            break;
          case "--literal":
            a.options.patternMode(false);
            break;
          case "--win32":
            a.options.win32Semantics(true);
            break;
          case "--long-paths":
            a.options.longPathPrefix(true);
            break;
          case "--nfc":
            a.options.normalizeRemainderNfc(true);
            break;
          case "--relative":
            a.options.relativePaths(parseRelative(value(args, ++i, arg)));
            break;
          case "--hint":
            a.options.shareHint(value(args, ++i, arg));
            break;
          case "--tsv":
            a.tsv = true;
            break;
          case "--":
            for (i++; i < args.length; i++) {
              a.paths.add(args[i]);
            }
            break;
          default:
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            a.paths.add(arg);
        }
      }
      if (a.roots == null) {
        throw new IllegalArgumentException("--roots FILE is required");
      }
      if (!a.targetGiven) {
        throw new IllegalArgumentException("--to TARGET is required (share, windows, linux, mac)");
      }
      return a;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static Optional<Target> parseTarget(String text) {
      String[] parts = text.split("@", 2);
      if (parts[0].equalsIgnoreCase("share")) {
        if (parts.length > 1) {
          throw new IllegalArgumentException("--to share takes no @SITE");
        }
        return Optional.empty();
      }
      Platform p = platform(parts[0], "--to");
      return Optional.of(parts.length > 1 ? Target.of(p, parts[1]) : Target.of(p));
    }

    private static Source parseSource(String text) {
      String[] parts = text.split("@", 2);
      String what = parts[0].toLowerCase(Locale.ROOT);
      Source s;
      if (what.equals("posix")) {
        s = Source.of(PathFlavour.POSIX);
      } else if (what.equals("detect")) {
        s = Source.detect();
      } else {
        s = Source.of(platform(what, "--from"));
      }
      return parts.length > 1 ? s.atSite(parts[1]) : s;
    }

    private static Platform platform(String key, String option) {
      return Platform.fromKey(key)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      option
                          + " "
                          + key
                          + ": unknown platform; use windows, linux, mac or their _vpn forms"));
    }

    private static RelativePolicy parseRelative(String text) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "keep":
          return RelativePolicy.KEEP;
        case "reject":
          return RelativePolicy.REJECT;
        case "default-volume":
          return RelativePolicy.DEFAULT_VOLUME;
        default:
          throw new IllegalArgumentException(
              "--relative " + text + ": use keep, reject or default-volume");
      }
    }
  }
}
