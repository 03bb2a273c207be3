package io.pipelinekit.testkit.accsyn;

import io.pipelinekit.testkit.accsyn.internal.faults.FaultPlan;
import io.pipelinekit.testkit.accsyn.internal.faults.FaultPlan.Kind;
import java.time.Duration;
import java.util.Objects;

/**
 * Arms faults on a running fake. Operations are named like recorded calls: an event uri such as
 * {@code transfer/create}, {@code login}, {@code lookup}, or {@code *} for all. Counts say how many
 * matching requests the fault hits; it then disarms itself.
 *
 * <pre>{@code
 * fake.faults().dropAfterCommit("transfer/create", 1); // job created, client sees a dead socket
 * fake.faults().throttle("transfer/find", 2);          // two 429s, then normal answers
 * fake.faults().failTasks("*comp.1005.exr");           // that file's task fails when it runs
 * fake.faults().gatewayTimeoutThenCommit("transfer/create", 1, Duration.ofMillis(700));
 *                                                      // 504 now, the job appears 0.7 s later
 * }</pre>
 */
public final class Faults {
  private final FaultPlan plan;

  Faults(FaultPlan plan) {
    this.plan = plan;
  }

  /** Delays every response by {@code delay}. */
  public Faults latency(Duration delay) {
    return latency("*", delay);
  }

  /** Delays responses to an operation by {@code delay}. */
  public Faults latency(String operation, Duration delay) {
    plan.arm(op(operation), Kind.LATENCY, -1, Objects.requireNonNull(delay, "delay == null"));
    return this;
  }

  /** Answers the next {@code times} matching requests with HTTP 429 and a rate-limit message. */
  public Faults throttle(String operation, int times) {
    return arm(operation, Kind.THROTTLE, times);
  }

  /**
   * Enforces a token-bucket rate limit like the service's (30 requests/s, burst 60): requests over
   * it get HTTP 429 with a rate-limit message. {@code 0} turns it off.
   */
  public Faults rateLimit(double requestsPerSecond, int burst) {
    if (requestsPerSecond < 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be >= 0 and burst >= 1");
    }
    plan.rateLimit(requestsPerSecond, burst);
    return this;
  }

  /** Answers with HTTP 500 and an {@code exception} envelope, without running the operation. */
  public Faults serverError(String operation, int times) {
    return arm(operation, Kind.SERVER_ERROR, times);
  }

  /** Answers with HTTP 502 and an HTML page (a non-JSON body, as a proxy would). */
  public Faults badGateway(String operation, int times) {
    return arm(operation, Kind.BAD_GATEWAY, times);
  }

  /** Closes the connection after reading the request, without running the operation. */
  public Faults dropBeforeCommit(String operation, int times) {
    return arm(operation, Kind.DROP_BEFORE_COMMIT, times);
  }

  /** Runs the operation (the create is committed), then closes the connection unanswered. */
  public Faults dropAfterCommit(String operation, int times) {
    return arm(operation, Kind.DROP_AFTER_COMMIT, times);
  }

  /**
   * A gateway in front of accsyn gives up at once: the next {@code times} matching requests get
   * HTTP 504 and a gateway page, while the operation runs {@code commitAfter} later (a create is
   * committed although the client saw a failure). {@code Duration.ZERO} commits before answering.
   */
  public Faults gatewayTimeoutThenCommit(String operation, int times, Duration commitAfter) {
    plan.arm(
        op(operation),
        Kind.GATEWAY_TIMEOUT_LATE_COMMIT,
        positiveTimes(times),
        notNegative(commitAfter, "commitAfter"));
    return this;
  }

  /**
   * The server is slow: the next {@code times} matching requests get no answer for {@code stall}
   * (set it past the client's read timeout, so the client times out), then HTTP 504; the operation
   * runs {@code commitAfter} after the request arrived.
   */
  public Faults stallThenCommit(String operation, int times, Duration stall, Duration commitAfter) {
    plan.arm(
        op(operation),
        Kind.STALL_LATE_COMMIT,
        positiveTimes(times),
        notNegative(commitAfter, "commitAfter"),
        notNegative(stall, "stall"));
    return this;
  }

  private static int positiveTimes(int times) {
    if (times <= 0) {
      throw new IllegalArgumentException("times must be > 0: " + times);
    }
    return times;
  }

  private static Duration notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d;
  }

  /** Makes tasks whose source path matches the wildcard fail when they run (E#J005). */
  public Faults failTasks(String sourceGlob) {
    plan.armTask(Objects.requireNonNull(sourceGlob, "sourceGlob == null"), false);
    return this;
  }

  /**
   * Corrupts the bytes written for tasks whose source path matches, so verification catches it and
   * the task fails.
   */
  public Faults corruptTasks(String sourceGlob) {
    plan.armTask(Objects.requireNonNull(sourceGlob, "sourceGlob == null"), true);
    return this;
  }

  /** Disarms every fault. */
  public Faults clear() {
    plan.clear();
    return this;
  }

  private Faults arm(String operation, Kind kind, int times) {
    if (times <= 0) {
      throw new IllegalArgumentException("times must be > 0: " + times);
    }
    plan.arm(op(operation), kind, times, Duration.ZERO);
    return this;
  }

  private static String op(String operation) {
    return Objects.requireNonNull(operation, "operation == null").trim();
  }
}
