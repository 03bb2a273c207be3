package io.pipelinekit.testkit.ftrack.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The fake's database: rows by id. A batch runs on a private copy that replaces the visible state
 * only if every operation succeeded, which is how the real server's batches are atomic. Batches run
 * one at a time.
 */
public final class Store {
  private final Schema schema;
  private final Clock clock;
  private final AtomicLong idCounter = new AtomicLong();
  private final boolean deterministicIds;
  private volatile Snapshot current = new Snapshot(new LinkedHashMap<>());

  /** Creates an empty store. */
  public Store(Schema schema, Clock clock, boolean deterministicIds) {
    this.schema = schema;
    this.clock = clock;
    this.deterministicIds = deterministicIds;
  }

  /** The schema. */
  public Schema schema() {
    return schema;
  }

  /** The clock for created_at and the like. */
  public Clock clock() {
    return clock;
  }

  /** A new id: a random UUID, or a counter formatted as one for deterministic fixtures. */
  public String newId() {
    if (deterministicIds) {
      return String.format("00000000-0000-4000-8000-%012d", idCounter.incrementAndGet());
    }
    return java.util.UUID.randomUUID().toString();
  }

  /** Reads the committed state. */
  public <T> T read(Function<Snapshot, T> reader) {
    return reader.apply(current);
  }

  /**
   * Runs a batch on a copy and publishes it only when {@code work} returns normally.
   *
   * @return what {@code work} returned
   */
  public synchronized <T> T transaction(Function<Snapshot, T> work) {
    Snapshot copy = new Snapshot(new LinkedHashMap<>(current.rows));
    T result = work.apply(copy);
    current = copy;
    return result;
  }

  /** A consistent view of the rows, with lazily built indexes of foreign keys. */
  public final class Snapshot {
    private final LinkedHashMap<String, Row> rows;
    private Map<String, Map<Object, List<Row>>> byKey = new HashMap<>();

    Snapshot(LinkedHashMap<String, Row> rows) {
      this.rows = rows;
    }

    /** The schema. */
    public Schema schema() {
      return schema;
    }

    /** The row with this id, or null. */
    public Row get(String id) {
      return id == null ? null : rows.get(id);
    }

    /** Every row, in creation order. */
    public Iterable<Row> all() {
      return rows.values();
    }

    /** Every row of a type or its subtypes, in creation order. */
    public List<Row> ofType(String type) {
      List<Row> out = new ArrayList<>();
      for (Row r : rows.values()) {
        if (schema.isA(r.type(), type)) {
          out.add(r);
        }
      }
      return out;
    }

    /** Rows whose attribute {@code key} equals {@code value}, through an index. */
    public synchronized List<Row> where(String key, Object value) {
      Map<Object, List<Row>> index = byKey.get(key);
      if (index == null) {
        index = new HashMap<>();
        for (Row r : rows.values()) {
          Object v = r.get(key);
          if (v != null) {
            index.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
          }
        }
        byKey.put(key, index);
      }
      return index.getOrDefault(value, List.of());
    }

    /** Stores a row (insert or replace). */
    public synchronized void put(Row row) {
      rows.put(row.id(), row);
      byKey = new HashMap<>();
    }

    /** Removes a row. */
    public synchronized void remove(String id) {
      rows.remove(id);
      byKey = new HashMap<>();
    }

    /** The clock. */
    public Clock clock() {
      return clock;
    }

    /** A new id. */
    public String newId() {
      return Store.this.newId();
    }
  }
}
