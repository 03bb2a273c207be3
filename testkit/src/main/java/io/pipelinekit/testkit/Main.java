package io.pipelinekit.testkit;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackSeed;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Standalone entry point of the test kit: {@code java -jar testkit.jar accsyn [--port 8181] [--seed
 * studio.json] [--root DIR]} or {@code java -jar testkit.jar ftrack [--port 8182] [--seed
 * ftrack.json] [--api-user NAME --api-key KEY]}; {@code --help} lists every option, faults
 * included. The default port 8181 on 127.0.0.1 over plain http is where the official accsyn Python
 * client looks in dev mode.
 *
 * <pre>{@code
 * java -jar testkit/target/testkit.jar accsyn --port 8181 --seed studio.json
 * AS_DEV=true python3 my_script.py     # the official client in dev mode talks to it
 * java -jar testkit/target/testkit.jar ftrack --port 8182 --seed ftrack.json
 * FTRACK_SERVER=http://127.0.0.1:8182 FTRACK_API_USER=… FTRACK_API_KEY=… python3 my_action.py
 * }</pre>
 */
@Command(
    name = "testkit.jar",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Runs a fake accsyn or ftrack server until stopped (ctrl-c or SIGTERM).",
      "",
      "The fakes keep their state in memory and their files under a directory; they print where"
          + " they listen and the keys to use. See each command's --help for its options.",
      ""
    },
    subcommands = {Main.Accsyn.class, Main.Ftrack.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command; picocli fills it from the arguments. */
  public Main() {}

  /**
   * Runs a fake until the JVM is stopped (ctrl-c), or prints help.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line: help and usage errors return at once; a fake runs until the JVM stops.
   *
   * @param args the arguments
   * @return the exit code: 0, or 2 for a usage error
   */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (!(e instanceof IllegalArgumentException)) {
            throw e;
          }
          line.getErr().println("error: " + e.getMessage());
          line.getErr().println("Run " + line.getCommandSpec().qualifiedName() + " --help.");
          return 2;
        });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Parses the arguments of {@code accsyn}, starts the fake and prints where it listens. */
  static FakeAccsyn start(String[] args, PrintStream out) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing the fake to run");
    }
    if (!args[0].equals("accsyn")) {
      throw new IllegalArgumentException("unknown fake '" + args[0] + "'");
    }
    return parse(new Accsyn(), args).startFake(out);
  }

  /** Parses the arguments of {@code ftrack}, starts the fake ftrack server and prints where. */
  static FakeFtrack startFtrack(String[] args, PrintStream out) {
    if (args.length == 0 || !args[0].equals("ftrack")) {
      throw new IllegalArgumentException("not the ftrack fake");
    }
    return parse(new Ftrack(), args).startFake(out);
  }

  private static <T> T parse(T command, String[] args) {
    try {
      new CommandLine(command).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
      return command;
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Keeps a fake running until the JVM stops, then closes it. */
  private static int serve(AutoCloseable fake) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    fake.close();
                  } catch (Exception e) {
                    System.err.println("stopping the fake failed: " + e);
                  }
                  stopped.countDown();
                },
                "fake-shutdown"));
    stopped.await();
    return 0;
  }

  /** {@code accsyn}: the fake accsyn server. */
  @Command(
      name = "accsyn",
      mixinStandardHelpOptions = true,
      description = {
        "Runs a fake accsyn server that really copies files between local directories.",
        "",
        "The official Python client talks to it in dev mode (AS_DEV=true, port 8181). Faults"
            + " make it answer as a failing service would, for every client.",
        ""
      })
  static final class Accsyn implements Callable<Integer> {
    @Option(
        names = "--port",
        paramLabel = "PORT",
        defaultValue = "8181",
        description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--seed",
        paramLabel = "FILE",
        description = "A JSON seed file: workspace, sites, volumes, users (see docs/testing.md).")
    Path seed;

    @Option(
        names = "--root",
        paramLabel = "DIR",
        description = "Where the sites' and users' files live (default: a temporary directory).")
    Path root;

    @Option(
        names = "--latency",
        paramLabel = "DURATION",
        description = "Delay every answer, for example 200ms, 2s or PT0.2S.")
    String latency;

    @Option(
        names = "--throttle",
        paramLabel = "OPERATION:TIMES",
        description = "Answer the next TIMES calls of OPERATION (or *) with HTTP 429. Repeatable.")
    List<String> throttle = new ArrayList<>();

    @Option(
        names = "--server-error",
        paramLabel = "OPERATION:TIMES",
        description = "Answer the next TIMES calls of OPERATION (or *) with HTTP 500. Repeatable.")
    List<String> serverError = new ArrayList<>();

    @Option(
        names = "--fail-tasks",
        paramLabel = "GLOB",
        description = "Make transfer tasks whose source path matches fail. Repeatable.")
    List<String> failTasks = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
      return serve(startFake(System.out));
    }

    FakeAccsyn startFake(PrintStream out) {
      FakeAccsyn.Builder b = FakeAccsyn.builder().port(port);
      if (seed != null) {
        b.seed(seed);
      }
      if (root != null) {
        b.root(root);
      }
      List<Runnable> faults = new ArrayList<>();
      FakeAccsyn[] made = new FakeAccsyn[1];
      if (latency != null) {
        Duration d = duration(latency, "--latency");
        faults.add(() -> made[0].faults().latency(d));
      }
      for (String t : throttle) {
        OperationTimes o = OperationTimes.parse(t, "--throttle");
        faults.add(() -> made[0].faults().throttle(o.operation(), o.times()));
      }
      for (String t : serverError) {
        OperationTimes o = OperationTimes.parse(t, "--server-error");
        faults.add(() -> made[0].faults().serverError(o.operation(), o.times()));
      }
      for (String g : failTasks) {
        faults.add(() -> made[0].faults().failTasks(g));
      }
      FakeAccsyn fake = b.build();
      made[0] = fake;
      faults.forEach(Runnable::run);
      Credentials admin = fake.adminCredentials();
      out.println(
          "fake accsyn listening on " + fake.baseUrl() + " (workspace " + fake.workspace() + ")");
      out.println("files under " + fake.root());
      out.println("admin: " + admin.username() + " / API key " + admin.apiKey());
      out.println(
          "official Python client: AS_DEV=true ACCSYN_WORKSPACE="
              + fake.workspace()
              + " ACCSYN_API_USER="
              + admin.username()
              + " ACCSYN_API_KEY=<key>");
      out.flush();
      return fake;
    }
  }

  /** {@code ftrack}: the fake ftrack server. */
  @Command(
      name = "ftrack",
      mixinStandardHelpOptions = true,
      description = {
        "Runs a fake ftrack server: the JSON API, file locations and the event hub.",
        "",
        "Clients use it with FTRACK_SERVER, FTRACK_API_USER and FTRACK_API_KEY, as printed when it"
            + " starts.",
        ""
      })
  static final class Ftrack implements Callable<Integer> {
    @Option(
        names = "--port",
        paramLabel = "PORT",
        defaultValue = "8182",
        description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--seed",
        paramLabel = "FILE",
        description =
            "A JSON seed file: API user, users, locations, projects (see docs/testing.md).")
    Path seed;

    @Option(
        names = "--api-user",
        paramLabel = "NAME",
        description = "The API user clients log in as (with --api-key).")
    String user;

    @Option(
        names = "--api-key",
        paramLabel = "KEY",
        description = "That user's API key (with --api-user).")
    String key;

    @Option(
        names = "--latency",
        paramLabel = "DURATION",
        description = "Delay every answer, for example 200ms, 2s or PT0.2S.")
    String latency;

    @Override
    public Integer call() throws InterruptedException {
      return serve(startFake(System.out));
    }

    FakeFtrack startFake(PrintStream out) {
      if ((user == null) != (key == null)) {
        throw new IllegalArgumentException("give --api-user and --api-key together");
      }
      Duration delay = latency == null ? null : duration(latency, "--latency");
      FtrackSeed parsed = seed == null ? null : FtrackSeed.read(seed);
      FakeFtrack.Builder b = FakeFtrack.builder().port(port);
      if (parsed != null) {
        parsed.configure(b);
      }
      if (user != null) {
        b.apiUser(user, key);
      }
      FakeFtrack fake = parsed == null ? b.build() : b.build(parsed::applyTo);
      if (delay != null) {
        fake.faults().latency(delay);
      }
      out.println("fake ftrack listening on " + fake.serverUrl());
      out.println("API user: " + fake.apiUser() + " / API key " + fake.apiKey());
      out.println(
          "clients: FTRACK_SERVER="
              + fake.serverUrl()
              + " FTRACK_API_USER="
              + fake.apiUser()
              + " FTRACK_API_KEY=<key>");
      out.flush();
      return fake;
    }
  }

  /** An {@code OPERATION:TIMES} fault option. */
  private record OperationTimes(String operation, int times) {
    static OperationTimes parse(String value, String option) {
      int colon = value.lastIndexOf(':');
      try {
        if (colon > 0) {
          int times = Integer.parseInt(value.substring(colon + 1));
          if (times > 0) {
            return new OperationTimes(value.substring(0, colon), times);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          option + " " + value + " is not OPERATION:TIMES, e.g. transfer/find:2 or *:1");
    }
  }

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  static Duration duration(String value, String option) {
    Matcher m = SHORT_DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMinutes(n);
      };
    }
    try {
      return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " " + value + " is not a duration; give e.g. 200ms, 2s or PT0.2S", e);
    }
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"testkit " + (v == null ? "(development)" : v)};
    }
  }
}
