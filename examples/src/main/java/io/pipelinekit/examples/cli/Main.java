package io.pipelinekit.examples.cli;

import io.pipelinekit.flows.FlowException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code java -jar pipelinekit-examples.jar}.
 *
 * <pre>{@code
 * java -jar examples/target/pipelinekit-examples.jar demo
 * java -jar examples/target/pipelinekit-examples.jar send --version <id> --from hq --to la --wait --json
 * }</pre>
 */
@Command(
    name = "pipelinekit-examples",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "accsyn transfers driven from ftrack: the studio flows as programs.",
      "",
      "Start with @|bold demo|@: it runs every flow on embedded fakes, offline.",
      "The other commands talk to your real accsyn and ftrack, configured from the environment:",
      "  ACCSYN_WORKSPACE, ACCSYN_API_USER, ACCSYN_API_KEY (accsyn)",
      "  FTRACK_SERVER, FTRACK_API_USER, FTRACK_API_KEY (ftrack)",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 unexpected error, 2 bad input, 3 authentication failed,",
      "            4 not found, 5 transfer failed, 6 timeout."
    },
    subcommands = {
      DemoCommand.class,
      SetupCommand.class,
      SendCommand.class,
      ReviewDistributeCommand.class,
      PublishBackCommand.class,
      ListenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the tool and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the tool.
   *
   * @param args the arguments
   * @return the exit code
   */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          PrintWriter err = line.getErr();
          err.println("error: " + message(e));
          return ExitCodes.of(e);
        });
    cl.setParameterExceptionHandler(
        (e, args2) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("error: " + e.getMessage());
          err.println("Run with --help for usage.");
          return ExitCodes.BAD_INPUT;
        });
    return cl.execute(args);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (e instanceof FlowException || m == null || m.isBlank()) {
      return m == null ? e.getClass().getSimpleName() : m;
    }
    return m;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
