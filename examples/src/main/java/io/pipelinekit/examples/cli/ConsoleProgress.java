package io.pipelinekit.examples.cli;

import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.flows.FlowProgress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Shows a flow's progress on a console: a live bar redrawn in place on a terminal, and plain lines
 * (on a status change, or at most every few seconds) when the output is a log file or a CI job.
 */
public final class ConsoleProgress implements FlowProgress {
  private final PrintStream out;
  private final boolean terminal;
  private final Duration lineInterval;
  private final Clock clock;
  private String lastLine = "";
  private Instant lastPrinted = Instant.EPOCH;
  private boolean barShown;

  private ConsoleProgress(PrintStream out, boolean terminal, Duration lineInterval, Clock clock) {
    this.out = out;
    this.terminal = terminal;
    this.lineInterval = lineInterval;
    this.clock = clock;
  }

  /**
   * Progress on a stream.
   *
   * @param out where to print
   * @param terminal true for a redrawn bar, false for plain lines
   * @return the progress
   */
  public static ConsoleProgress on(PrintStream out, boolean terminal) {
    return new ConsoleProgress(
        Objects.requireNonNull(out, "out == null"),
        terminal,
        Duration.ofSeconds(5),
        Clock.systemUTC());
  }

  /**
   * Whether standard output is an interactive terminal.
   *
   * @return true on a terminal
   */
  public static boolean stdoutIsTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }

  @Override
  public synchronized void step(String message) {
    endBar();
    out.println("  " + message);
  }

  @Override
  public synchronized void warning(String message) {
    endBar();
    out.println("  ! " + message);
  }

  @Override
  public synchronized void transfer(String label, Transfer t) {
    int pct = t.percent().orElse(0);
    String speed = speed(t.speed());
    if (terminal) {
      int width = 24;
      int filled = Math.min(width, pct * width / 100);
      String bar = "#".repeat(filled) + " ".repeat(width - filled);
      out.print(
          String.format(
              Locale.ROOT,
              "\r  %-28s [%s] %3d%% %-8s %s   ",
              label,
              bar,
              pct,
              t.status().wire(),
              speed));
      out.flush();
      barShown = true;
      return;
    }
    String line = label + ": " + t.status().wire() + " " + pct + "%";
    Instant now = clock.instant();
    boolean changed = !line.equals(lastLine);
    boolean statusChanged = !lastLine.startsWith(label + ": " + t.status().wire() + " ");
    if (statusChanged
        || (changed && Duration.between(lastPrinted, now).compareTo(lineInterval) >= 0)) {
      out.println("  " + line + (speed.isEmpty() ? "" : " " + speed));
      lastLine = line;
      lastPrinted = now;
    }
  }

  /** The speed as shown, or nothing when a copy was too fast to measure ("0.0 MB/s" puzzles). */
  static String speed(OptionalDouble megabytesPerSecond) {
    return megabytesPerSecond.isPresent() && megabytesPerSecond.getAsDouble() >= 0.05
        ? String.format(Locale.ROOT, "%.1f MB/s", megabytesPerSecond.getAsDouble())
        : "";
  }

  private void endBar() {
    if (barShown) {
      out.println();
      barShown = false;
    }
  }
}
