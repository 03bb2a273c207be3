package io.pipelinekit.testkit.ftrack;

import io.pipelinekit.testkit.ftrack.internal.ApiHandler;
import io.pipelinekit.testkit.ftrack.internal.FaultPlan;
import io.pipelinekit.testkit.ftrack.internal.FtrackError;
import java.time.Duration;
import java.util.Map;

/**
 * Fault and latency injection for {@link FakeFtrack}. Faults armed with {@code next…} apply to the
 * next request each, in the order armed; rules apply until {@link #clear()}.
 *
 * <pre>{@code
 * fake.faults().nextHttp(502, "<html>Bad gateway</html>");     // a proxy error page
 * fake.faults().nextException("ServerError", "database is down");
 * fake.faults().rejectCreates("ComponentLocation", "ValidationError", "disk full");
 * fake.faults().latency(Duration.ofMillis(50));
 * }</pre>
 */
public final class FtrackFaults {
  private final FaultPlan plan;
  private final ApiHandler handler;

  FtrackFaults(FaultPlan plan, ApiHandler handler) {
    this.plan = plan;
    this.handler = handler;
  }

  /**
   * The next request gets this raw answer (any body, e.g. HTML), without being run.
   *
   * @param status the HTTP status
   * @param body the body
   * @return this
   */
  public FtrackFaults nextHttp(int status, String body) {
    plan.add(new FaultPlan.Fault(status, body, false));
    return this;
  }

  /**
   * The next request gets the error envelope {@code {"exception": name, "content": content}} with
   * HTTP 200, without being run.
   *
   * @param exceptionName e.g. {@code ServerError}
   * @param content the message
   * @return this
   */
  public FtrackFaults nextException(String exceptionName, String content) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("exception", exceptionName);
    m.put("content", content);
    m.put("error_code", null);
    plan.add(
        new FaultPlan.Fault(200, io.pipelinekit.testkit.ftrack.internal.WireJson.write(m), false));
    return this;
  }

  /**
   * The next request's connection is closed without an answer (nothing is run).
   *
   * @return this
   */
  public FtrackFaults nextDrop() {
    plan.add(new FaultPlan.Fault(0, "", true));
    return this;
  }

  /**
   * Every batch that creates an entity of this type fails with this error, and, as on the real
   * server, nothing of that batch is applied.
   *
   * @param entityType e.g. {@code ComponentLocation}
   * @param exceptionName e.g. {@code ValidationError}
   * @param content the message
   * @return this
   */
  public FtrackFaults rejectCreates(String entityType, String exceptionName, String content) {
    handler.rejectCreates(entityType, new FtrackError(exceptionName, content, 400));
    return this;
  }

  /**
   * Delays every answer.
   *
   * @param latency the delay; zero for none
   * @return this
   */
  public FtrackFaults latency(Duration latency) {
    plan.latencyMs(latency.toMillis());
    return this;
  }

  /** Disarms every fault, rule and latency. */
  public void clear() {
    plan.clear();
    handler.clearRejections();
  }
}
