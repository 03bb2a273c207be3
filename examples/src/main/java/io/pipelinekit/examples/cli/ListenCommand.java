package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.examples.listen.ActionListener;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.ftrack.events.EventHub;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code listen}: the ftrack action listener, until SIGTERM or ctrl-c. */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the accsyn actions in ftrack's Actions menu until stopped.",
      "",
      "Serves \"accsyn Send\" and \"Distribute review session\" in the ftrack web UI's Actions"
          + " menu until stopped (SIGTERM or ctrl-c, then exit code 0). Each asks for its options"
          + " in a dialog, then runs in the background with progress on an ftrack Job and a"
          + " notice when it is done.",
      "",
      "Safe to run as several replicas: a submitted dialog is claimed through an ftrack Job"
          + " named after the click, so exactly one replica does the work.",
      "",
      "Example (as a service, see docs/ftrack-actions.md for systemd and Jenkins):",
      "  listen --from hq",
      "  listen --from hq --auto-send-on-assign --to la"
    })
final class ListenCommand implements Callable<Integer> {
  /** How long a signal waits for the listener to close before the JVM exits anyway. */
  static final Duration GRACE = Duration.ofSeconds(30);

  @Mixin Connection connection;

  @Option(
      names = "--from",
      paramLabel = "LOCATION",
      description = "The source location the dialogs propose; auto-send's source (for example hq).")
  String from;

  @Option(
      names = "--auto-send-on-assign",
      description = "When a user is assigned to a task, send the task's files --from > --to.")
  boolean autoSend;

  @Option(
      names = "--to",
      paramLabel = "LOCATION",
      description = "Auto-send's destination location, for example la, or a user's e-mail.")
  String to;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "4",
      description = "Transfers watched at once; more are queued (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "12h",
      converter = DurationConverter.class,
      description =
          "How long one transfer is watched at most, for example 4h (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** Released by the shutdown hook (SIGTERM, ctrl-c); tests release it themselves. */
  final CountDownLatch stopped = new CountDownLatch(1);

  /** Released once {@link #call()} has closed everything and knows its exit code. */
  private final CountDownLatch finished = new CountDownLatch(1);

  private volatile int exitCode = ExitCodes.ERROR;

  /**
   * Ends the JVM with a code from within the shutdown hook. A JVM stopped by SIGTERM otherwise
   * exits with 143 whatever the program returns; halting from the hook after a clean close makes
   * the exit code the program's. Tests replace it.
   */
  IntConsumer halt = code -> Runtime.getRuntime().halt(code);

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "First poll interval while watching a transfer (default: ${DEFAULT-VALUE}).")
  Duration poll;

  @Override
  public Integer call() throws InterruptedException {
    if (autoSend && (from == null || to == null)) {
      throw CliException.badInput(
          "--auto-send-on-assign needs --from and --to",
          "give both as ftrack location names, e.g. --from hq --to la");
    }
    if (!autoSend && to != null) {
      throw CliException.badInput(
          "--to is only for --auto-send-on-assign", "add --auto-send-on-assign or drop --to");
    }
    try {
      exitCode = serve();
      return exitCode;
    } catch (RuntimeException e) {
      exitCode = ExitCodes.of(e);
      throw e;
    } finally {
      finished.countDown();
    }
  }

  /**
   * What the shutdown hook runs on SIGTERM or ctrl-c: stop serving, wait until {@link #call()} has
   * closed the listener and the connections, then exit with its code.
   */
  void onSignal() {
    log().info("stopping (signal received)");
    stopped.countDown();
    try {
      if (finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        halt.accept(exitCode);
      } else {
        log().warn("the listener did not stop within {}; exiting anyway", GRACE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int serve() throws InterruptedException {
    Logger log = log();
    try (Studio studio = connection.studio();
        EventHub hub = studio.ftrack().eventHub().build()) {
      // The hub reconnects after any failure, a refused key included: check the key once first,
      // so that a wrong one ends the service with the authentication exit code.
      studio.ftrack().serverInformation();
      studio.ftrack().query("select id from User where username is \"" + hub.apiUser() + "\"");
      ActionListener.Builder b =
          ActionListener.builder(studio.accsyn(), studio.ftrack(), hub)
              .layout(studio.layout())
              .workers(workers)
              .waiting(timeout, poll)
              .progress(new LoggedProgress());
      if (from != null) {
        b.defaultFrom(from);
      }
      if (autoSend) {
        b.autoSendOnAssign(from, to);
      }
      ActionListener listener = b.build();
      Thread hook = new Thread(this::onSignal, "pipelinekit-listen-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      listener.start();
      log.info(
          "listening on {} as {}; stop with ctrl-c or SIGTERM",
          studio.ftrack().serverUrl(),
          hub.apiUser());
      try {
        stopped.await();
      } finally {
        listener.close();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
          // the hook is running: that is how we got here
        }
      }
      return ExitCodes.OK;
    }
  }

  /** Progress of background work goes to the log: a service has no terminal. */
  static final class LoggedProgress implements FlowProgress {
    @Override
    public void step(String message) {
      log().info(message);
    }

    @Override
    public void transfer(String label, Transfer t) {
      log().debug("{}: {} {}%", label, t.status().wire(), t.percent().orElse(0));
    }

    @Override
    public void warning(String message) {
      log().warn(message);
    }
  }

  /**
   * The logger, looked up when first used so that --verbose and --log-level, applied when the
   * command line is parsed, take effect.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ListenCommand.class);
  }
}
