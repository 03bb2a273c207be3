package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.examples.listen.ActionListener;
import io.pipelinekit.flows.FlowException;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.ftrack.events.EventHub;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
      "Serves \"accsyn Send\" and \"Distribute review session\" in the ftrack web UI's Actions",
      "menu until stopped (SIGTERM or ctrl-c). Each asks for its options in a dialog, then runs",
      "in the background with progress on an ftrack Job and a notice when it is done.",
      "",
      "Safe to run as several replicas: a submitted dialog is claimed through an ftrack Job",
      "named after the click, so exactly one replica does the work.",
      "",
      "Example (as a service, see docs/ftrack-actions.md for systemd and Jenkins):",
      "  listen --from hq",
      "  listen --from hq --auto-send-on-assign --to la"
    })
final class ListenCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ListenCommand.class);

  @Mixin Connection connection;

  @Option(
      names = "--from",
      paramLabel = "LOCATION",
      description = "The source location the dialogs propose; auto-send's source (e.g. hq).")
  String from;

  @Option(
      names = "--auto-send-on-assign",
      description = "When a user is assigned to a task, send the task's files --from > --to.")
  boolean autoSend;

  @Option(
      names = "--to",
      paramLabel = "LOCATION",
      description = "Auto-send's destination location (e.g. la or emma@studio.com).")
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
      defaultValue = "PT12H",
      description = "How long one transfer is watched at most, ISO-8601 (default: 12 hours).")
  Duration timeout;

  /** Released by the shutdown hook (SIGTERM, ctrl-c); tests release it themselves. */
  final CountDownLatch stopped = new CountDownLatch(1);

  @Option(
      names = "--poll",
      paramLabel = "DURATION",
      defaultValue = "PT5S",
      description = "First poll interval while watching a transfer, ISO-8601 (default: 5 s).")
  Duration poll;

  @Override
  public Integer call() throws InterruptedException {
    if (autoSend && (from == null || to == null)) {
      throw FlowException.badInput(
          "--auto-send-on-assign needs --from and --to (ftrack location names, e.g. hq and la)");
    }
    if (!autoSend && to != null) {
      throw FlowException.badInput("--to is only for --auto-send-on-assign; add it or drop --to");
    }
    try (Studio studio = connection.studio();
        EventHub hub = studio.ftrack().eventHub().build()) {
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
      Thread hook =
          new Thread(
              () -> {
                LOG.info("stopping (signal received)");
                listener.close();
                stopped.countDown();
              },
              "pipelinekit-listen-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      listener.start();
      LOG.info(
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
      LOG.info(message);
    }

    @Override
    public void transfer(String label, Transfer t) {
      LOG.debug("{}: {} {}%", label, t.status().wire(), t.percent().orElse(0));
    }

    @Override
    public void warning(String message) {
      LOG.warn(message);
    }
  }
}
