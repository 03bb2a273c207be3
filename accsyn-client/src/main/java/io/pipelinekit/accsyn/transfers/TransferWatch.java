package io.pipelinekit.accsyn.transfers;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running watch on one job, from {@code transfers().watch(id, options, listener)}. Polling is
 * scheduled, never a busy loop, and no thread is blocked between polls.
 *
 * <pre>{@code
 * TransferWatch w = client.transfers().watch(id, WatchOptions.defaults(), listener);
 * ...
 * w.cancel();                                   // stop polling; the job is not touched
 * TransferOutcome o = w.outcome().join();       // or wait for the end
 * }</pre>
 */
public interface TransferWatch {
  /**
   * Completes with the outcome when the job is final; exceptionally with a {@link
   * TransferTimeoutException} on timeout, the polling error if polling fails, or a {@link
   * java.util.concurrent.CancellationException} after {@link #cancel()}.
   *
   * @return the outcome
   */
  CompletableFuture<TransferOutcome> outcome();

  /**
   * The job as last polled.
   *
   * @return the job, or empty before the first poll
   */
  Optional<Transfer> latest();

  /**
   * Stops polling (the job itself goes on). Idempotent.
   *
   * @return true if this call stopped the watch
   */
  boolean cancel();
}
