package io.pipelinekit.ftrack.events.actions;

import io.pipelinekit.core.internal.JsonSyntaxException;
import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackCertificateException;
import io.pipelinekit.ftrack.FtrackIoException;
import io.pipelinekit.ftrack.FtrackServerException;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.FtrackUnexpectedResponseException;
import io.pipelinekit.ftrack.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims through ftrack: creates the ftrack Job that will show the work's progress, with {@link
 * IdempotencyKey#uuid()} as its id. The server refuses a second entity with the same id, so across
 * any number of replicas exactly one create succeeds; the losers see the error, find the Job there
 * and step back. The winner updates that Job as the work proceeds ({@code status} {@code done} or
 * {@code failed} in a {@code finally}). Thread-safe.
 *
 * <p>Each store (one per replica) writes a random owner token into the Job's {@code data} ({@code
 * claimed_by}). When a create's outcome is unknown (a timeout or a dropped connection after the
 * server may have applied it), the store looks the Job up by its id: if it carries this store's
 * token the claim is won, if another token it is lost, and if there is no Job the create is sent
 * again, which is safe because a second create with the same id can never succeed twice.
 *
 * <p>A claim also carries a lease ({@code lease_until} in {@code data}, default {@link
 * #DEFAULT_LEASE}). A replica that dies while working leaves a {@code running} Job behind; {@link
 * #failAbandoned()}, run by any replica at start and from time to time, marks the claim Jobs whose
 * lease has passed as {@code failed}. Work that may outlast the lease calls {@link #renew}.
 *
 * <pre>{@code
 * FtrackJobClaimStore claims = new FtrackJobClaimStore(session, "accsyn: sending files");
 * claims.failAbandoned();                       // at start: no click stays "running" for good
 * if (claims.tryClaim(key)) { ... }
 * }</pre>
 */
public final class FtrackJobClaimStore implements ClaimStore {
  /** The default lease of a claim: the time a worker has before its Job counts as abandoned. */
  public static final Duration DEFAULT_LEASE = Duration.ofHours(6);

  private static final Logger LOG = LoggerFactory.getLogger(FtrackJobClaimStore.class);

  /** Sends of one create whose outcome stayed unknown; each is followed by a look-up. */
  private static final int MAX_SENDS = 3;

  private final FtrackSession session;
  private final String description;
  private final Duration lease;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();

  /**
   * Creates the store with the default lease and the system clock.
   *
   * @param session the session to create Jobs with
   * @param description the Job description shown in the web UI's Jobs menu
   */
  public FtrackJobClaimStore(FtrackSession session, String description) {
    this(session, description, DEFAULT_LEASE, Clock.systemUTC());
  }

  /**
   * Creates the store.
   *
   * @param session the session to create Jobs with
   * @param description the Job description shown in the web UI's Jobs menu
   * @param lease how long a claim holds without {@link #renew}; positive
   * @param clock the clock leases are measured on
   */
  public FtrackJobClaimStore(
      FtrackSession session, String description, Duration lease, Clock clock) {
    this.session = Objects.requireNonNull(session, "session == null");
    this.description = Objects.requireNonNull(description, "description == null");
    this.lease = Objects.requireNonNull(lease, "lease == null");
    if (lease.isZero() || lease.isNegative()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
    }
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public boolean tryClaim(IdempotencyKey key) {
    String id = key.uuid().toString();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("status", "running");
    key.userId().ifPresent(u -> data.put("user_id", u));
    data.put("data", jobData(key.value(), clock.instant().plus(lease)));
    for (int send = 1; ; send++) {
      try {
        session.call(Operation.create("Job", data));
        return true;
      } catch (FtrackServerException e) {
        // Nothing of the create was applied: another replica created the Job first (or an
        // earlier send of ours did), or the create failed for another reason.
        Optional<Claim> claim = lookUp(id);
        if (claim.isPresent()) {
          return claim.get().ownedBy(owner);
        }
        throw e;
      } catch (FtrackCertificateException e) {
        throw e;
      } catch (FtrackIoException | FtrackUnexpectedResponseException e) {
        // No answer, an answer cut short, or a gateway's error page: the server may or may not
        // have created the Job, and its id says where to look.
        Optional<Claim> claim = lookUp(id);
        if (claim.isPresent()) {
          LOG.debug("claim {}: outcome was unknown, the Job shows it", id);
          return claim.get().ownedBy(owner);
        }
        if (send >= MAX_SENDS) {
          throw e;
        }
      }
    }
  }

  /**
   * Extends the lease of a claim this store holds, for work that outlasts {@link #DEFAULT_LEASE}.
   *
   * @param key the claimed key
   * @return true if the claim is this store's and still running, and was extended
   */
  public boolean renew(IdempotencyKey key) {
    String id = key.uuid().toString();
    Optional<Claim> claim = lookUp(id);
    if (claim.isEmpty() || !claim.get().ownedBy(owner) || !claim.get().running) {
      return false;
    }
    session.call(
        Operation.update(
            EntityRef.of("Job", id),
            Map.of("data", jobData(key.value(), clock.instant().plus(lease)))));
    return true;
  }

  /**
   * Marks as {@code failed} every claim Job still {@code running} whose lease has passed: its
   * worker died or lost its connection for longer than the lease, and nobody finishes it otherwise.
   * Any replica may run it; run it at start and periodically.
   *
   * @return how many Jobs were marked
   */
  public int failAbandoned() {
    Instant now = clock.instant();
    List<Entity> jobs =
        session
            .query(
                "select id, status, data from Job where status is \"running\" and data like"
                    + " \"%claimed_by%\"")
            .all();
    int n = 0;
    for (Entity job : jobs) {
      Claim c = Claim.of(job);
      if (c.leaseUntil != null && c.leaseUntil.isBefore(now)) {
        session.call(
            Operation.update(
                EntityRef.of("Job", job.id()),
                Map.of(
                    "status",
                    "failed",
                    "data",
                    JsonTree.write(
                        Map.of(
                            "description",
                            description
                                + ": abandoned, the worker did not finish within its lease")))));
        n++;
      }
    }
    if (n > 0) {
      LOG.info("marked {} abandoned claim Job(s) as failed", n);
    }
    return n;
  }

  private String jobData(String keyValue, Instant leaseUntil) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", description);
    // The key rides along for operators; the owner and lease settle unknown outcomes and orphans.
    m.put("idempotency_key", keyValue);
    m.put("claimed_by", owner);
    m.put("lease_until", leaseUntil.toString());
    return JsonTree.write(m);
  }

  private Optional<Claim> lookUp(String id) {
    return session
        .query("select id, status, data from Job where id is \"" + id + "\"")
        .first()
        .map(Claim::of);
  }

  /** What a claim Job says about itself. */
  private static final class Claim {
    final String claimedBy;
    final Instant leaseUntil;
    final boolean running;

    private Claim(String claimedBy, Instant leaseUntil, boolean running) {
      this.claimedBy = claimedBy;
      this.leaseUntil = leaseUntil;
      this.running = running;
    }

    static Claim of(Entity job) {
      boolean running = "running".equals(job.string("status").orElse(""));
      String by = null;
      Instant until = null;
      Optional<String> raw = job.string("data");
      if (raw.isPresent()) {
        try {
          Object parsed = JsonTree.parse(raw.get());
          if (parsed instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) parsed;
            by = m.get("claimed_by") instanceof String ? (String) m.get("claimed_by") : null;
            if (m.get("lease_until") instanceof String) {
              until = Instant.parse((String) m.get("lease_until"));
            }
          }
        } catch (JsonSyntaxException | DateTimeParseException e) {
          // Not a claim this store wrote: it belongs to somebody else.
        }
      }
      return new Claim(by, until, running);
    }

    boolean ownedBy(String owner) {
      return owner.equals(claimedBy);
    }
  }
}
