package io.pipelinekit.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The entry point of {@code java -jar pipelinekit-examples.jar}.
 *
 * <pre>{@code
 * java -jar examples/target/pipelinekit-examples.jar demo
 * java -jar examples/target/pipelinekit-examples.jar send --asset-version <id> --from hq --to la --wait --json
 * }</pre>
 */
@Command(
    name = "pipelinekit-examples",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "accsyn transfers driven from ftrack: the studio flows as programs.",
      "",
      "Start with demo: it runs every flow on embedded fakes, offline. The other commands talk to"
          + " your real accsyn and ftrack, configured from the environment (ACCSYN_WORKSPACE,"
          + " ACCSYN_API_USER, ACCSYN_API_KEY, FTRACK_SERVER, FTRACK_API_USER, FTRACK_API_KEY)"
          + " or from flags (see each command's --help).",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 unexpected error, 2 bad input, 3 authentication failed, 4 not found,"
          + " 5 transfer failed, 6 timeout, 7 a server is unavailable (retry later). With --json"
          + " every exit code comes with one JSON object on stdout."
    })
public final class Main implements Runnable {
  /**
   * The commands in the order the help lists them. Picocli builds a command's model by reflection
   * over its fields, mixins and option types, which costs more than the rest of a {@code --help}:
   * only the commands named on the command line get their model; the others are listed from their
   * one-sentence summary.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          DemoCommand.class,
          SetupCommand.class,
          SendCommand.class,
          ReviewDistributeCommand.class,
          PublishBackCommand.class,
          ListenCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Log what the SDK does on stderr (all pipelinekit loggers at debug level).")
  boolean verbose;

  @Option(
      names = "--log-level",
      paramLabel = "[LOGGER=]LEVEL",
      scope = ScopeType.INHERIT,
      converter = LogLevels.Converter.class,
      description = {
        "Log level (trace, debug, info, warn, error, off) of all loggers, or of one logger"
            + " and those below it. Repeatable, like this:",
        "--log-level io.pipelinekit.accsyn.http=debug"
      })
  List<String> logLevels;

  /**
   * Runs the tool and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the tool in the process environment.
   *
   * @param args the arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return run(System.getenv(), args);
  }

  /**
   * Runs the tool with the given environment variables.
   *
   * @param environment variables by name
   * @param args the arguments
   * @return the exit code
   */
  static int run(Map<String, String> environment, String... args) {
    Objects.requireNonNull(environment, "environment == null");
    // Before any logger exists: slf4j-simple reads its levels once, when it starts.
    LogLevels.fromArguments(args).forEach(System::setProperty);
    boolean json = Arrays.asList(args).contains("--json");
    CommandLine cl = commandLine(environment, Arrays.asList(args));
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          CliErrors.Described d = CliErrors.describe(e);
          report(line.getErr(), d);
          if (json) {
            System.out.println(Output.errorJson(d));
          }
          if (d.exitCode() == ExitCodes.ERROR) {
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("unexpected error", e);
          }
          return d.exitCode();
        });
    cl.setParameterExceptionHandler(
        (e, rest) -> {
          CliErrors.Described d =
              new CliErrors.Described(
                  ExitCodes.BAD_INPUT,
                  ExitCodes.kind(ExitCodes.BAD_INPUT),
                  CliErrors.tidy(e.getMessage()),
                  "run " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
          report(e.getCommandLine().getErr(), d);
          if (json) {
            System.out.println(Output.errorJson(d));
          }
          return ExitCodes.BAD_INPUT;
        });
    return cl.execute(args);
  }

  /**
   * The command line with a full model for each command named in {@code words} and a summary-only
   * entry for the others.
   *
   * @param environment variables by name
   * @param words the arguments, or the names of the commands to build in full
   * @return the root command line
   */
  static CommandLine commandLine(Map<String, String> environment, Collection<String> words) {
    CommandLine cl = new CommandLine(new Main(), new Factory(environment));
    for (Class<?> type : COMMANDS) {
      Command c = type.getAnnotation(Command.class);
      if (words.contains(c.name())) {
        cl.addSubcommand(c.name(), type);
      } else {
        CommandLine.Model.CommandSpec summary =
            CommandLine.Model.CommandSpec.create().name(c.name());
        summary.usageMessage().description(c.description()[0]);
        cl.addSubcommand(c.name(), summary);
      }
    }
    cl.addSubcommand("help", new CommandLine.HelpCommand());
    return cl;
  }

  private static void report(PrintWriter err, CliErrors.Described d) {
    err.println("error: " + d.message());
    err.println("hint: " + d.hint());
    err.flush();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Gives every {@link Connection} the environment the tool runs in. */
  private static final class Factory implements CommandLine.IFactory {
    private final Map<String, String> environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Map<String, String> environment) {
      this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Connection.class) {
        return type.cast(new Connection(environment));
      }
      return fallback.create(type);
    }
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"pipelinekit-examples " + (v == null ? "(development)" : v)};
    }
  }
}
