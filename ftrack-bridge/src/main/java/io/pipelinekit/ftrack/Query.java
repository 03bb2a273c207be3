package io.pipelinekit.ftrack;

import io.pipelinekit.ftrack.internal.QueryText;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A query of the ftrack query language: {@code select … from … where … order by …}, with names
 * checked and values quoted.
 *
 * <pre>{@code
 * Query q = Query.select("id", "name", "version")
 *     .from("AssetVersion")
 *     .where(Criteria.attr("asset.parent.id").is(shotId))
 *     .orderBy("version", Query.Order.DESCENDING);
 * q.toExpression();
 * // select id, name, version from AssetVersion where asset.parent.id is "…" order by version descending
 * }</pre>
 *
 * <p>Immutable: every method returns a new query. Paging ({@code offset}/{@code limit}) is added by
 * {@link QueryResult}; set {@link #offset}/{@link #limit} only to bound the whole result.
 */
public final class Query {
  /** Sort direction. */
  public enum Order {
    /** Smallest first. */
    ASCENDING,
    /** Largest first. */
    DESCENDING
  }

  private final List<String> projections;
  private final String type;
  private final Criteria where;
  private final List<String> orderBy;
  private final Long offset;
  private final Long limit;

  private Query(
      List<String> projections,
      String type,
      Criteria where,
      List<String> orderBy,
      Long offset,
      Long limit) {
    this.projections = List.copyOf(projections);
    this.type = type;
    this.where = where;
    this.orderBy = List.copyOf(orderBy);
    this.offset = offset;
    this.limit = limit;
  }

  /**
   * Starts a query with its projections. An explicit select list is always sent, as the official
   * client does.
   *
   * @param projections attribute paths, e.g. {@code id}, {@code asset.name}; at least one
   * @return a query without a type yet: call {@link #from}
   */
  public static Query select(String... projections) {
    return select(List.of(projections));
  }

  /**
   * Starts a query with its projections.
   *
   * @param projections attribute paths; at least one
   * @return a query without a type yet: call {@link #from}
   */
  public static Query select(List<String> projections) {
    if (projections.isEmpty()) {
      throw new IllegalArgumentException("select needs at least one attribute, e.g. id");
    }
    List<String> checked = new ArrayList<>();
    for (String p : projections) {
      String path = QueryText.checkPath(p);
      if (!checked.contains(path)) {
        checked.add(path);
      }
    }
    return new Query(checked, null, null, List.of(), null, null);
  }

  /**
   * The entity type to query.
   *
   * @param entityType e.g. {@code Component} (also returns its subtypes)
   * @return the query
   */
  public Query from(String entityType) {
    return new Query(projections, QueryText.checkType(entityType), where, orderBy, offset, limit);
  }

  /**
   * The condition; replaces any earlier one.
   *
   * @param criteria the condition
   * @return the query
   */
  public Query where(Criteria criteria) {
    Objects.requireNonNull(criteria, "criteria == null");
    return new Query(projections, type, criteria, orderBy, offset, limit);
  }

  /**
   * Adds an ascending sort key.
   *
   * @param attribute an attribute path
   * @return the query
   */
  public Query orderBy(String attribute) {
    return orderBy(attribute, Order.ASCENDING);
  }

  /**
   * Adds a sort key.
   *
   * @param attribute an attribute path
   * @param order the direction
   * @return the query
   */
  public Query orderBy(String attribute, Order order) {
    List<String> o = new ArrayList<>(orderBy);
    o.add(
        QueryText.checkPath(attribute)
            + (order == Order.DESCENDING ? " descending" : " ascending"));
    return new Query(projections, type, where, o, offset, limit);
  }

  /**
   * Skips the first results.
   *
   * @param n how many to skip
   * @return the query
   */
  public Query offset(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + n);
    }
    return new Query(projections, type, where, orderBy, n, limit);
  }

  /**
   * Returns at most {@code n} results in all (pages are sized by the session).
   *
   * @param n the maximum
   * @return the query
   */
  public Query limit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + n);
    }
    return new Query(projections, type, where, orderBy, offset, n);
  }

  /**
   * The projections.
   *
   * @return the attribute paths
   */
  public List<String> projections() {
    return projections;
  }

  /**
   * The entity type.
   *
   * @return the type, once {@link #from} was called
   */
  public Optional<String> entityType() {
    return Optional.ofNullable(type);
  }

  /**
   * The condition.
   *
   * @return the condition, if any
   */
  public Optional<Criteria> criteria() {
    return Optional.ofNullable(where);
  }

  /**
   * The offset of the whole result.
   *
   * @return the offset, if set
   */
  public OptionalLong offset() {
    return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  /**
   * The limit of the whole result.
   *
   * @return the limit, if set
   */
  public OptionalLong limit() {
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /**
   * The query text.
   *
   * @return the expression
   * @throws IllegalStateException if {@link #from} was not called
   */
  public String toExpression() {
    return toExpression(ZoneOffset.UTC);
  }

  /**
   * The query text, with datetime values written naive in the zone the server reads them in: UTC on
   * a server with timezone support, the server's zone without (what {@link FtrackSession} sends).
   *
   * @param zone the zone of naive datetimes on the server
   * @return the expression
   * @throws IllegalStateException if {@link #from} was not called
   */
  public String toExpression(ZoneId zone) {
    if (type == null) {
      throw new IllegalStateException("the query has no type: call from(\"Type\")");
    }
    StringBuilder sb = new StringBuilder("select ");
    sb.append(String.join(", ", projections)).append(" from ").append(type);
    if (where != null) {
      sb.append(" where ").append(where.toString(zone));
    }
    if (!orderBy.isEmpty()) {
      sb.append(" order by ").append(String.join(", ", orderBy));
    }
    if (offset != null) {
      sb.append(" offset ").append(offset);
    }
    if (limit != null) {
      sb.append(" limit ").append(limit);
    }
    return sb.toString();
  }

  /** Whether a datetime value is in the condition. */
  boolean hasDatetimes() {
    return where != null && where.hasDatetimes();
  }

  @Override
  public String toString() {
    return type == null ? "select " + String.join(", ", projections) : toExpression();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Query && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
