package io.pipelinekit.ftrack;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The lazy result of a query. Pages are fetched as the stream or iterator advances, each as {@code
 * <expression> offset N limit P}, following {@code metadata.next.offset} until the server says
 * there is no next page (or sends an empty one), as the official client does (see
 * docs/protocol/ftrack.md, "Paging").
 *
 * <pre>{@code
 * QueryResult r = session.query("select id, name from Shot where project.name is \"demo\"");
 * r.stream().map(e -> e.string("name").orElse("")).forEach(System.out::println);
 * Optional<Entity> any = r.first();      // one request with "limit 1"
 * Entity exactly = r.one();              // "limit 2": throws unless exactly one
 * }</pre>
 *
 * <p>A result can be consumed several times; each consumption sends its own requests. Iterators are
 * not thread-safe.
 */
public final class QueryResult implements Iterable<Entity> {
  private static final Pattern OFFSET =
      Pattern.compile("\\s+offset\\s+(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LIMIT =
      Pattern.compile("\\s+limit\\s+(\\d+)", Pattern.CASE_INSENSITIVE);

  private final FtrackSession session;
  private final String expression;
  private final String base;
  private final long userOffset;
  private final Long userLimit;

  QueryResult(FtrackSession session, String expression) {
    this.session = session;
    this.expression = expression.strip();
    String b = this.expression;
    Matcher o = OFFSET.matcher(b);
    long off = 0;
    if (o.find()) {
      off = Long.parseLong(o.group(1));
      b = o.replaceAll("");
    }
    Matcher l = LIMIT.matcher(b);
    Long lim = null;
    if (l.find()) {
      lim = Long.parseLong(l.group(1));
      b = l.replaceAll("");
    }
    this.base = b.strip();
    this.userOffset = off;
    this.userLimit = lim;
  }

  /**
   * The expression as given.
   *
   * @return the expression
   */
  public String expression() {
    return expression;
  }

  /**
   * Every result, lazily, page by page.
   *
   * @return a sequential stream
   */
  public Stream<Entity> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Fetches every page.
   *
   * @return all results, in server order
   */
  public List<Entity> all() {
    List<Entity> out = new ArrayList<>();
    iterator().forEachRemaining(out::add);
    return out;
  }

  /**
   * The first result, in one request with {@code limit 1} (any offset is kept).
   *
   * @return the first entity, if any
   */
  public Optional<Entity> first() {
    String e = base + (userOffset > 0 ? " offset " + userOffset : "") + " limit 1";
    List<Entity> page = run(e).entities();
    return page.isEmpty() ? Optional.empty() : Optional.of(page.get(0));
  }

  /**
   * The only result, in one request with {@code limit 2}.
   *
   * @return the entity
   * @throws FtrackResultCountException if there is none or more than one
   * @throws IllegalArgumentException if the expression has its own offset or limit
   */
  public Entity one() {
    if (userLimit != null || userOffset > 0) {
      throw new IllegalArgumentException(
          "one() cannot be used with an expression that has an offset or a limit: " + expression);
    }
    List<Entity> page = run(base + " limit 2").entities();
    if (page.size() != 1) {
      throw new FtrackResultCountException(
          (page.isEmpty() ? "no entity" : "more than one entity")
              + " matches '"
              + base
              + "'; one() needs exactly one",
          page.size());
    }
    return page.get(0);
  }

  @Override
  public Iterator<Entity> iterator() {
    return new Pager();
  }

  @Override
  public String toString() {
    return "QueryResult{" + expression + "}";
  }

  /**
   * Sends one page; a query the server cannot run is reported with the caller's text, not only the
   * paged text the server saw.
   */
  private OperationResult run(String sent) {
    try {
      return session.call(Operation.query(sent));
    } catch (FtrackServerException e) {
      if (e.getClass() != FtrackServerException.class) {
        throw e;
      }
      throw new FtrackQueryException(expression, sent, e);
    }
  }

  private final class Pager implements Iterator<Entity> {
    private List<Entity> page = List.of();
    private int index;
    private long nextOffset = userOffset;
    private long delivered;
    private boolean done;

    @Override
    public boolean hasNext() {
      while (index >= page.size()) {
        if (done) {
          return false;
        }
        fetch();
      }
      return true;
    }

    private void fetch() {
      long size = session.pageSize();
      if (userLimit != null) {
        size = Math.min(size, userLimit - delivered);
        if (size <= 0) {
          done = true;
          page = List.of();
          index = 0;
          return;
        }
      }
      OperationResult r = run(base + " offset " + nextOffset + " limit " + size);
      List<Entity> entities = r.entities();
      if (userLimit != null && delivered + entities.size() > userLimit) {
        entities = entities.subList(0, (int) (userLimit - delivered));
      }
      page = entities;
      index = 0;
      delivered += entities.size();
      OptionalLong next = r.nextOffset();
      if (entities.isEmpty() || next.isEmpty() || next.getAsLong() <= nextOffset) {
        // The last page: no next offset, an empty page, or a server that does not move on.
        done = true;
      } else {
        nextOffset = next.getAsLong();
      }
      if (userLimit != null && delivered >= userLimit) {
        done = true;
      }
    }

    @Override
    public Entity next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.get(index++);
    }
  }
}
