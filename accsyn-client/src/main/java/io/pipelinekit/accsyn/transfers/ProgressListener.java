package io.pipelinekit.accsyn.transfers;

/**
 * Told about a watched job's progress: after the first poll, and after every poll where status,
 * percent, size, speed or remaining time changed. Called on the thread that completed the poll;
 * keep it short and do not block.
 *
 * <pre>{@code
 * ProgressListener l = t -> log.info("{} {}% {}", t.status(), t.progress().percent(), t.etr());
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that does nothing. */
  ProgressListener NONE = t -> {};

  /**
   * The job as last polled.
   *
   * @param transfer the job, with {@link Transfer#progress()}
   */
  void onProgress(Transfer transfer);
}
