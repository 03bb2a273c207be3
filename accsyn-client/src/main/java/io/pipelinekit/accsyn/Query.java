package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.internal.QueryText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An accsyn {@code find}: entity type, filter, attributes, scope and paging. Immutable; every
 * method returns a new query.
 *
 * <pre>{@code
 * Query q = Query.of("transfer")
 *     .where("status", Operator.NE, "failed")
 *     .and("user", Operator.EQ, "lisa@example.com")
 *     .attributes("id", "status", "progress")
 *     .finished(true)
 *     .limit(50);
 * Query same = Query.parse("Transfer WHERE status!=failed AND user=lisa@example.com");
 * }</pre>
 *
 * <p>The expression goes through the official client's whitespace processing; the entity type is
 * lower-cased, but no value changes case: {@code code=Anna-WS} is sent as written (accsyn compares
 * values case-insensitively, so nothing is gained by folding them, and a value is the caller's).
 */
public final class Query {
  private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_/]*");

  private final String entityType;
  private final Condition condition; // null: no WHERE
  private final String parsedExpression; // set by parse(); already decoded
  private final List<String> attributes;
  private final String parent;
  private final Integer limit;
  private final int skip;
  private final Boolean finished;
  private final Boolean inactive;
  private final Boolean archived;
  private final boolean create;
  private final boolean update;

  private Query(Parts p) {
    this.entityType = p.entityType;
    this.condition = p.condition;
    this.parsedExpression = p.parsedExpression;
    this.attributes = List.copyOf(p.attributes);
    this.parent = p.parent;
    this.limit = p.limit;
    this.skip = p.skip;
    this.finished = p.finished;
    this.inactive = p.inactive;
    this.archived = p.archived;
    this.create = p.create;
    this.update = p.update;
  }

  /** A query's parts while one query is derived from another; each wither changes its own. */
  private static final class Parts {
    String entityType;
    Condition condition;
    String parsedExpression;
    List<String> attributes = List.of();
    String parent;
    Integer limit;
    int skip;
    Boolean finished;
    Boolean inactive;
    Boolean archived;
    boolean create;
    boolean update;

    Parts(String entityType) {
      this.entityType = entityType;
    }

    Parts(Query q) {
      this(q.entityType);
      condition = q.condition;
      parsedExpression = q.parsedExpression;
      attributes = q.attributes;
      parent = q.parent;
      limit = q.limit;
      skip = q.skip;
      finished = q.finished;
      inactive = q.inactive;
      archived = q.archived;
      create = q.create;
      update = q.update;
    }
  }

  private Query with(Consumer<Parts> change) {
    Parts p = new Parts(this);
    change.accept(p);
    return new Query(p);
  }

  /**
   * All entities of a type.
   *
   * @param entityType e.g. {@code transfer}, {@code user}, {@code task}; lower-cased
   * @return the query
   */
  public static Query of(String entityType) {
    Objects.requireNonNull(entityType, "entityType == null");
    String t = entityType.strip();
    if (!ENTITY_TYPE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "invalid entity type \"" + entityType + "\"; e.g. transfer, user, volume, task");
    }
    Parts p = new Parts(t.toLowerCase(Locale.ROOT));
    return new Query(p);
  }

  /**
   * A query written in accsyn's query language, {@code <entitytype> [WHERE <expression>]},
   * processed exactly as accsyn's Python client does.
   *
   * @param text e.g. {@code Transfer WHERE name="My Transfer"}
   * @return the query
   * @throws IllegalArgumentException if the text has invalid syntax
   */
  public static Query parse(String text) {
    QueryText.Decoded d = QueryText.decode(text);
    Parts p = new Parts(d.entityType());
    p.condition = d.expression().map(Condition::raw).orElse(null);
    p.parsedExpression = d.expression().orElse(null);
    return new Query(p);
  }

  /**
   * Adds a filter (AND with any existing one).
   *
   * @param attribute the attribute
   * @param operator the comparison
   * @param value the value, see {@link Condition#of}
   * @return the new query
   */
  public Query where(String attribute, Operator operator, Object value) {
    return where(Condition.of(attribute, operator, value));
  }

  /**
   * Adds a filter (AND with any existing one).
   *
   * @param condition the condition
   * @return the new query
   */
  public Query where(Condition condition) {
    return and(condition);
  }

  /**
   * ANDs a filter.
   *
   * @param attribute the attribute
   * @param operator the comparison
   * @param value the value
   * @return the new query
   */
  public Query and(String attribute, Operator operator, Object value) {
    return and(Condition.of(attribute, operator, value));
  }

  /**
   * ANDs a filter.
   *
   * @param c the condition
   * @return the new query
   */
  public Query and(Condition c) {
    Objects.requireNonNull(c, "condition == null");
    return withCondition(condition == null ? c : condition.and(c));
  }

  /**
   * ORs a filter with everything so far.
   *
   * @param attribute the attribute
   * @param operator the comparison
   * @param value the value
   * @return the new query
   */
  public Query or(String attribute, Operator operator, Object value) {
    return or(Condition.of(attribute, operator, value));
  }

  /**
   * ORs a filter with everything so far.
   *
   * @param c the condition
   * @return the new query
   */
  public Query or(Condition c) {
    Objects.requireNonNull(c, "condition == null");
    if (condition == null) {
      throw new IllegalStateException("or(...) needs a condition before it; start with where(...)");
    }
    return withCondition(condition.or(c));
  }

  private Query withCondition(Condition c) {
    return with(
        p -> {
          p.condition = c;
          p.parsedExpression = null;
        });
  }

  /**
   * Restricts the attributes returned.
   *
   * @param names attribute names
   * @return the new query
   */
  public Query attributes(String... names) {
    List<String> list = new ArrayList<>();
    for (String n : names) {
      Objects.requireNonNull(n, "attribute == null");
      if (n.isBlank()) {
        throw new IllegalArgumentException("attribute names must not be blank");
      }
      list.add(n.strip());
    }
    return with(p -> p.attributes = list);
  }

  /**
   * Finds sub-entities of a parent: the tasks of a job, the files of a collection.
   *
   * @param parentId the parent's id
   * @return the new query
   */
  public Query parent(String parentId) {
    Objects.requireNonNull(parentId, "parentId == null");
    return with(p -> p.parent = parentId);
  }

  /**
   * At most this many entities.
   *
   * @param limit positive
   * @return the new query
   */
  public Query limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return with(p -> p.limit = limit);
  }

  /**
   * Skips this many entities first.
   *
   * @param skip zero or more
   * @return the new query
   */
  public Query skip(int skip) {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative, was " + skip);
    }
    return with(p -> p.skip = skip);
  }

  /**
   * Searches finished (done and aborted) jobs instead of active ones.
   *
   * @param finished the flag, sent as is
   * @return the new query
   */
  public Query finished(boolean finished) {
    return with(p -> p.finished = finished);
  }

  /**
   * Searches deactivated users and shares.
   *
   * @param inactive the flag, sent as is
   * @return the new query
   */
  public Query inactive(boolean inactive) {
    return with(p -> p.inactive = inactive);
  }

  /**
   * Searches archived (purged) jobs; slow on the server.
   *
   * @param archived the flag, sent as is
   * @return the new query
   */
  public Query archived(boolean archived) {
    return with(p -> p.archived = archived);
  }

  /**
   * For {@code attributes WHERE entitytype=<type>}: asks for the attributes a create accepts
   * instead of those a find returns (the official client's {@code create=True}).
   *
   * @param create the flag, sent as is
   * @return the new query
   * @see AttributeSet
   */
  public Query create(boolean create) {
    return with(p -> p.create = create);
  }

  /**
   * For {@code attributes WHERE entitytype=<type>}: asks for the attributes an update accepts (the
   * official client's {@code update=True}).
   *
   * @param update the flag, sent as is
   * @return the new query
   * @see AttributeSet
   */
  public Query update(boolean update) {
    return with(p -> p.update = update);
  }

  /**
   * The entity type, lower-cased.
   *
   * @return e.g. {@code transfer}
   */
  public String entityType() {
    return entityType;
  }

  /**
   * The expression as sent in the event's {@code query}: whitespace processed, case kept.
   *
   * @return the expression, or empty without a filter
   */
  public Optional<String> expression() {
    if (parsedExpression != null) {
      return Optional.of(parsedExpression);
    }
    if (condition == null) {
      return Optional.empty();
    }
    return QueryText.decode(entityType + " WHERE " + condition.text()).expression();
  }

  /**
   * The attributes asked for.
   *
   * @return the names, empty for all
   */
  public List<String> attributes() {
    return attributes;
  }

  /**
   * The parent id for sub-entities.
   *
   * @return the id
   */
  public Optional<String> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * The limit.
   *
   * @return the limit, empty for none
   */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * The number of entities skipped.
   *
   * @return zero or more
   */
  public int skip() {
    return skip;
  }

  /**
   * The finished flag.
   *
   * @return the flag if set
   */
  public Optional<Boolean> finished() {
    return Optional.ofNullable(finished);
  }

  /**
   * The inactive flag.
   *
   * @return the flag if set
   */
  public Optional<Boolean> inactive() {
    return Optional.ofNullable(inactive);
  }

  /**
   * The archived flag.
   *
   * @return the flag if set
   */
  public Optional<Boolean> archived() {
    return Optional.ofNullable(archived);
  }

  /**
   * The create flag of an attributes query.
   *
   * @return true to ask for the attributes a create accepts
   */
  public boolean create() {
    return create;
  }

  /**
   * The update flag of an attributes query.
   *
   * @return true to ask for the attributes an update accepts
   */
  public boolean update() {
    return update;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Query)) {
      return false;
    }
    Query q = (Query) o;
    return entityType.equals(q.entityType)
        && expression().equals(q.expression())
        && attributes.equals(q.attributes)
        && Objects.equals(parent, q.parent)
        && Objects.equals(limit, q.limit)
        && skip == q.skip
        && Objects.equals(finished, q.finished)
        && Objects.equals(inactive, q.inactive)
        && Objects.equals(archived, q.archived)
        && create == q.create
        && update == q.update;
  }

  @Override
  public int hashCode() {
    return Objects.hash(entityType, expression(), attributes, parent, limit, skip);
  }

  /** The query in accsyn's language, plus its options. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(entityType);
    expression().ifPresent(e -> sb.append(" WHERE ").append(e));
    if (!attributes.isEmpty()) {
      sb.append(" attributes=").append(attributes);
    }
    if (parent != null) {
      sb.append(" parent=").append(parent);
    }
    if (limit != null) {
      sb.append(" limit=").append(limit);
    }
    if (skip > 0) {
      sb.append(" skip=").append(skip);
    }
    if (finished != null) {
      sb.append(" finished=").append(finished);
    }
    if (inactive != null) {
      sb.append(" inactive=").append(inactive);
    }
    if (archived != null) {
      sb.append(" archived=").append(archived);
    }
    if (create) {
      sb.append(" create=true");
    }
    if (update) {
      sb.append(" update=true");
    }
    return sb.toString();
  }
}
