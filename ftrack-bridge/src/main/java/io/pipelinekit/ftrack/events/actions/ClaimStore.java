package io.pipelinekit.ftrack.events.actions;

/**
 * Decides which replica does the work of a launch: the first {@link #tryClaim} of a key wins, every
 * later one (in this or another process, depending on the store) loses. Implementations must be
 * thread-safe and atomic.
 *
 * <pre>{@code
 * ActionService.builder(hub).launchClaims(new FtrackJobClaimStore(session)).build();
 * }</pre>
 *
 * <p>{@link InMemoryClaimStore} covers one process; {@link FtrackJobClaimStore} covers replicas in
 * different processes through ftrack itself. A store over the work's own system works too, e.g.
 * looking up an accsyn job whose metadata holds {@link IdempotencyKey#value()} (see
 * docs/ftrack-actions.md).
 */
@FunctionalInterface
public interface ClaimStore {
  /**
   * Claims a key.
   *
   * @param key the key
   * @return true for the one caller that claimed it first
   */
  boolean tryClaim(IdempotencyKey key);
}
