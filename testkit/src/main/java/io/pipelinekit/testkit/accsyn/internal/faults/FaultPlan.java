package io.pipelinekit.testkit.accsyn.internal.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Thread-safe list of armed faults, consumed as requests and tasks hit them. */
public final class FaultPlan {

  /** What a request fault does. */
  public enum Kind {
    /** Delay the response headers. */
    LATENCY,
    /** Answer 429 with a rate-limit message. */
    THROTTLE,
    /** Answer 500 with an {@code exception} envelope. */
    SERVER_ERROR,
    /** Answer 502 with a non-JSON proxy page. */
    BAD_GATEWAY,
    /** Close the connection without running the operation. */
    DROP_BEFORE_COMMIT,
    /** Run the operation, then close the connection without answering. */
    DROP_AFTER_COMMIT,
    /** Answer 504 from a gateway at once; run the operation {@code delay} later. */
    GATEWAY_TIMEOUT_LATE_COMMIT,
    /**
     * Hold the answer for {@code stall}, then answer 504; run the operation {@code delay} later.
     */
    STALL_LATE_COMMIT
  }

  /** An armed request fault; {@code remaining < 0} means forever. */
  private static final class Rule {
    final String operation;
    final Kind kind;
    final Duration delay;
    final Duration stall;
    int remaining;

    Rule(String operation, Kind kind, int remaining, Duration delay, Duration stall) {
      this.operation = operation;
      this.kind = kind;
      this.remaining = remaining;
      this.delay = delay;
      this.stall = stall;
    }
  }

  /**
   * A fault that fired.
   *
   * @param kind what it does
   * @param delay the latency, or when a late commit runs
   * @param stall how long the answer is held (late commits), else zero
   */
  public record Fired(Kind kind, Duration delay, Duration stall) {
    /** The fault's name as recorded on calls. */
    public String label() {
      return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A task fault. */
  public record TaskFault(Pattern glob, boolean corrupt) {}

  private final List<Rule> rules = new ArrayList<>();
  private double ratePerSecond;
  private double burst;
  private double tokens;
  private long refilledAt;
  private final List<TaskFault> taskFaults = new ArrayList<>();

  /** Arms a request fault; {@code times < 0} for every matching request. */
  public synchronized void arm(String operation, Kind kind, int times, Duration delay) {
    arm(operation, kind, times, delay, Duration.ZERO);
  }

  /** Arms a request fault that also holds the answer for {@code stall}. */
  public synchronized void arm(
      String operation, Kind kind, int times, Duration delay, Duration stall) {
    rules.add(new Rule(operation.toLowerCase(Locale.ROOT), kind, times, delay, stall));
  }

  /** Arms a task fault by source-path wildcard. */
  public synchronized void armTask(String glob, boolean corrupt) {
    List<String> parts = new ArrayList<>();
    for (String p : glob.split("\\*", -1)) {
      parts.add(Pattern.quote(p));
    }
    taskFaults.add(
        new TaskFault(
            Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE), corrupt));
  }

  /** Disarms everything. */
  public synchronized void clear() {
    rules.clear();
    taskFaults.clear();
    ratePerSecond = 0;
  }

  /** Enforces a token-bucket rate limit on every request (0 turns it off). */
  public synchronized void rateLimit(double perSecond, int burstSize) {
    ratePerSecond = perSecond;
    burst = burstSize;
    tokens = burstSize;
    refilledAt = System.nanoTime();
  }

  /** Whether the rate limit lets one more request through now (consuming a token). */
  public synchronized boolean admit() {
    if (ratePerSecond <= 0) {
      return true;
    }
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Takes the latency (if any) that applies to an operation; latency stacks with other faults. */
  public synchronized Optional<Fired> latency(String operation) {
    return take(operation, true);
  }

  /** Takes the first non-latency fault that applies to an operation. */
  public synchronized Optional<Fired> fault(String operation) {
    return take(operation, false);
  }

  private Optional<Fired> take(String operation, boolean latency) {
    String op = operation.toLowerCase(Locale.ROOT);
    for (Rule r : rules) {
      if ((r.kind == Kind.LATENCY) != latency || r.remaining == 0) {
        continue;
      }
      if (r.operation.equals("*") || r.operation.equals(op)) {
        if (r.remaining > 0) {
          r.remaining--;
        }
        return Optional.of(new Fired(r.kind, r.delay, r.stall));
      }
    }
    return Optional.empty();
  }

  /** The task fault for a source path, if any: empty, or whether it corrupts (else it fails). */
  public synchronized Optional<Boolean> taskFault(String sourcePath) {
    for (TaskFault f : taskFaults) {
      if (f.glob().matcher(sourcePath.replace('\\', '/')).matches()
          || f.glob().matcher(sourcePath).matches()) {
        return Optional.of(f.corrupt());
      }
    }
    return Optional.empty();
  }
}
