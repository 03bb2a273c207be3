package io.pipelinekit.ftrack.events.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claims kept in memory for a while (default one hour), for several hubs in one process. Replicas
 * in different processes need a shared store such as {@link FtrackJobClaimStore}. Thread-safe.
 *
 * <pre>{@code
 * ClaimStore claims = InMemoryClaimStore.create();
 * }</pre>
 */
public final class InMemoryClaimStore implements ClaimStore {
  private final Map<IdempotencyKey, Instant> claims = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  private InMemoryClaimStore(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * A store keeping claims for one hour.
   *
   * @return the store
   */
  public static InMemoryClaimStore create() {
    return create(Duration.ofHours(1), Clock.systemUTC());
  }

  /**
   * A store.
   *
   * @param ttl how long a claim is kept
   * @param clock the clock
   * @return the store
   */
  public static InMemoryClaimStore create(Duration ttl, Clock clock) {
    return new InMemoryClaimStore(
        Objects.requireNonNull(ttl, "ttl == null"), Objects.requireNonNull(clock, "clock == null"));
  }

  @Override
  public boolean tryClaim(IdempotencyKey key) {
    Instant now = clock.instant();
    claims.values().removeIf(expiry -> expiry.isBefore(now));
    return claims.putIfAbsent(key, now.plus(ttl)) == null;
  }
}
