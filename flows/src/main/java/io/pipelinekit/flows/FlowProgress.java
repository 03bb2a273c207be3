package io.pipelinekit.flows;

import io.pipelinekit.accsyn.transfers.Transfer;

/**
 * What a flow tells its caller while it runs. Every method has a no-op default, so a caller
 * overrides only what it shows. Called on the flow's thread or on the accsyn client's polling
 * thread; implementations must not block.
 *
 * <pre>{@code
 * flow.run(request, new FlowProgress() {
 *   public void step(String message) { log.info(message); }
 * });
 * }</pre>
 */
public interface FlowProgress {
  /** Shows nothing. */
  FlowProgress NONE = new FlowProgress() {};

  /**
   * A step started or finished ("Resolved 12 files in hq").
   *
   * @param message one line
   */
  default void step(String message) {}

  /**
   * A watched accsyn job changed (status, percent, speed).
   *
   * @param label what the job is for ("send hq > la")
   * @param transfer the job as last seen
   */
  default void transfer(String label, Transfer transfer) {}

  /**
   * Something was skipped or looks wrong but the flow goes on.
   *
   * @param message one line
   */
  default void warning(String message) {}
}
