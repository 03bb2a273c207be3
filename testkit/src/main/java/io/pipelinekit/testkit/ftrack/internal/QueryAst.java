package io.pipelinekit.testkit.ftrack.internal;

import java.util.List;

/** The parsed form of a query. */
public final class QueryAst {
  private QueryAst() {}

  /** A whole query. {@code projections} is empty for a bare {@code Type where …}. */
  public record Select(
      List<String> projections,
      String type,
      Node where,
      List<OrderItem> orderBy,
      Long offset,
      Long limit) {}

  /** One sort key. */
  public record OrderItem(String path, boolean descending) {}

  /** A condition. */
  public sealed interface Node permits And, Or, Not, Compare, InList, InQuery, Relation {}

  /** All hold. */
  public record And(List<Node> parts) implements Node {}

  /** Any holds. */
  public record Or(List<Node> parts) implements Node {}

  /** Does not hold. */
  public record Not(Node inner) implements Node {}

  /** {@code path op value}; {@code value} is null for {@code None}. */
  public record Compare(String path, String op, Object value) implements Node {}

  /** {@code path in (a, b)} or {@code not_in}. */
  public record InList(String path, boolean negated, List<Object> values) implements Node {}

  /** {@code path in (select … from …)}. */
  public record InQuery(String path, boolean negated, Select query) implements Node {}

  /** {@code path has (…)} or {@code path any (…)}; {@code inner} is null for {@code any ()}. */
  public record Relation(String path, String kind, Node inner) implements Node {}
}
