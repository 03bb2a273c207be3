package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.Condition;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Typed filters for finding transfers. Every set field narrows the search (AND). accsyn compares
 * case-insensitively and accepts human-readable values ({@code user=lisa@example.com}, {@code
 * destination=la}).
 *
 * <pre>{@code
 * client.transfers().find(TransferFilter.builder()
 *     .addStatuses(TransferStatus.RUNNING, TransferStatus.WAITING)
 *     .destinationSite("la")
 *     .namePattern("* backup")
 *     .build());
 * }</pre>
 */
@Value.Immutable
public interface TransferFilter {
  /**
   * Any of these statuses.
   *
   * @return the statuses; empty means any
   */
  Set<TransferStatus> statuses();

  /**
   * The owner, by e-mail or id.
   *
   * @return the user
   */
  Optional<String> user();

  /**
   * The source site (or workspace) code.
   *
   * @return the code
   */
  Optional<String> sourceSite();

  /**
   * The destination site code.
   *
   * @return the code
   */
  Optional<String> destinationSite();

  /**
   * The name, with {@code *} as a wildcard (e.g. {@code "* backup"}).
   *
   * @return the pattern
   */
  Optional<String> namePattern();

  /**
   * The parent: a queue, delivery or request id.
   *
   * @return the id
   */
  Optional<String> parent();

  /**
   * Also search finished and aborted jobs ({@code finished=True}).
   *
   * @return the flag
   */
  @Value.Default
  default boolean includeFinished() {
    return false;
  }

  /**
   * Search archived (purged) jobs instead; slow.
   *
   * @return the flag
   */
  @Value.Default
  default boolean archived() {
    return false;
  }

  /**
   * At most this many jobs.
   *
   * @return the limit
   */
  OptionalInt limit();

  /** Rejects an unknown status, which would match nothing. */
  @Value.Check
  default void check() {
    if (statuses().contains(TransferStatus.UNKNOWN)) {
      throw new IllegalArgumentException("cannot filter on TransferStatus.UNKNOWN");
    }
  }

  /**
   * The query this filter sends.
   *
   * @return the query
   */
  default Query toQuery() {
    List<Condition> cs = new ArrayList<>();
    if (statuses().size() == 1) {
      cs.add(Condition.of("status", Operator.EQ, statuses().iterator().next().wire()));
    } else if (!statuses().isEmpty()) {
      cs.add(
          Condition.of(
              "status",
              Operator.IN,
              statuses().stream().map(TransferStatus::wire).sorted().toList()));
    }
    user().ifPresent(u -> cs.add(Condition.of("user", Operator.EQ, u)));
    sourceSite().ifPresent(s -> cs.add(Condition.of("source", Operator.EQ, s)));
    destinationSite().ifPresent(s -> cs.add(Condition.of("destination", Operator.EQ, s)));
    namePattern().ifPresent(n -> cs.add(Condition.of("name", Operator.EQ, n)));
    parent().ifPresent(p -> cs.add(Condition.of("parent", Operator.EQ, p)));
    Query q = Query.of("transfer");
    if (!cs.isEmpty()) {
      Condition all = cs.get(0);
      for (int i = 1; i < cs.size(); i++) {
        all = all.and(cs.get(i));
      }
      q = q.where(all);
    }
    if (includeFinished()) {
      q = q.finished(true);
    }
    if (archived()) {
      q = q.archived(true);
    }
    if (limit().isPresent()) {
      q = q.limit(limit().getAsInt());
    }
    return q;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TransferFilter}; not thread-safe. */
  final class Builder extends ImmutableTransferFilter.Builder {}
}
