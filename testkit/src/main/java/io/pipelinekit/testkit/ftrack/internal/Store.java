package io.pipelinekit.testkit.ftrack.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The fake's database: rows by id, with indexes kept up to date on every write, as a server's
 * tables are. A batch writes in place and keeps an undo log; if any operation fails, the log is
 * played back, so the batch leaves nothing behind, which is how the real server's batches are
 * atomic. Batches and reads run one at a time.
 *
 * <p>Every write costs O(log n) per index (rows by id, by creation order, by type, and by each
 * attribute some query has looked up), so seeding or registering hundreds of thousands of rows
 * grows linearly instead of copying the whole table per batch.
 */
public final class Store {
  private final Schema schema;
  private final Clock clock;
  private final AtomicLong idCounter = new AtomicLong();
  private final boolean deterministicIds;
  private final Snapshot tables = new Snapshot();

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

  /**
   * Reads the committed state. The reader must not keep the snapshot or a view of it: it must
   * return what it found as its own values.
   */
  public synchronized <T> T read(Function<Snapshot, T> reader) {
    return reader.apply(tables);
  }

  /**
   * Runs a batch; when {@code work} throws, every write it made is undone before the exception
   * propagates.
   *
   * @return what {@code work} returned
   */
  public synchronized <T> T transaction(Function<Snapshot, T> work) {
    if (tables.undo != null) {
      return work.apply(tables);
    }
    tables.undo = new ArrayList<>();
    boolean committed = false;
    try {
      T result = work.apply(tables);
      committed = true;
      return result;
    } finally {
      List<Slot> undo = tables.undo;
      tables.undo = null;
      if (!committed) {
        tables.rollBack(undo);
      }
    }
  }

  /** A row with its place in creation order; an update keeps the place. */
  private record Slot(String id, Long seq, Row row) {}

  /**
   * The tables as a batch or a reader sees them: rows by id, in creation order, by type, and by the
   * value of any attribute looked up with {@link #where}.
   */
  public final class Snapshot {
    private final Map<String, Slot> byId = new HashMap<>();
    private final TreeMap<Long, Row> byOrder = new TreeMap<>();
    private final Map<String, TreeMap<Long, Row>> byType = new HashMap<>();
    private final Map<String, Map<Object, TreeMap<Long, Row>>> byKey = new HashMap<>();
    private long nextSeq;
    private long version;

    /** The previous slot of every id written in the running batch, oldest first; null outside. */
    private List<Slot> undo;

    Snapshot() {}

    /** The schema. */
    public Schema schema() {
      return schema;
    }

    /** The row with this id, or null. */
    public Row get(String id) {
      Slot s = id == null ? null : byId.get(id);
      return s == null ? null : s.row();
    }

    /** Every row, in creation order (a view: do not write while iterating). */
    public Iterable<Row> all() {
      return Collections.unmodifiableCollection(byOrder.values());
    }

    /** Every row of a type or its subtypes, in creation order. */
    public List<Row> ofType(String type) {
      List<TreeMap<Long, Row>> parts = new ArrayList<>();
      for (Map.Entry<String, TreeMap<Long, Row>> e : byType.entrySet()) {
        if (schema.isA(e.getKey(), type)) {
          parts.add(e.getValue());
        }
      }
      return merged(parts);
    }

    /** Rows whose attribute {@code key} equals {@code value}, in creation order. */
    public List<Row> where(String key, Object value) {
      if (value == null) {
        return List.of();
      }
      if (key.equals("id")) {
        Row r = get(String.valueOf(value));
        return r == null || !value.equals(r.id()) ? List.of() : List.of(r);
      }
      TreeMap<Long, Row> hits = index(key).get(value);
      return hits == null ? List.of() : new ArrayList<>(hits.values());
    }

    /** Rows whose attribute {@code key} equals any of the values, in creation order, each once. */
    public List<Row> whereAny(String key, Collection<?> values) {
      List<TreeMap<Long, Row>> parts = new ArrayList<>();
      if (key.equals("id")) {
        TreeMap<Long, Row> found = new TreeMap<>();
        for (Object v : values) {
          Slot s = v == null ? null : byId.get(String.valueOf(v));
          if (s != null && v.equals(s.id())) {
            found.put(s.seq(), s.row());
          }
        }
        return new ArrayList<>(found.values());
      }
      Map<Object, TreeMap<Long, Row>> index = index(key);
      for (Object v : new java.util.HashSet<>(values)) {
        TreeMap<Long, Row> hits = v == null ? null : index.get(v);
        if (hits != null) {
          parts.add(hits);
        }
      }
      return merged(parts);
    }

    /**
     * A number that changes with every write (rolled back or not), so that a reader can keep what
     * it computed from the tables for as long as the number stays the same.
     */
    public long version() {
      return version;
    }

    /** Stores a row (insert or replace). */
    public void put(Row row) {
      version++;
      Slot old = byId.get(row.id());
      remember(row.id(), old);
      if (old != null) {
        unlink(old);
      }
      link(new Slot(row.id(), old == null ? Long.valueOf(nextSeq++) : old.seq(), row));
    }

    /** Removes a row. */
    public void remove(String id) {
      version++;
      Slot old = byId.get(id);
      if (old != null) {
        remember(id, old);
        unlink(old);
      }
    }

    /** The clock. */
    public Clock clock() {
      return clock;
    }

    /** A new id. */
    public String newId() {
      return Store.this.newId();
    }

    private void remember(String id, Slot old) {
      if (undo != null) {
        undo.add(old != null ? old : new Slot(id, -1L, null));
      }
    }

    /** Puts back, newest first, what each write of a failed batch replaced. */
    private void rollBack(List<Slot> undone) {
      version++;
      for (int i = undone.size() - 1; i >= 0; i--) {
        Slot before = undone.get(i);
        Slot now = byId.get(before.id());
        if (now != null) {
          unlink(now);
        }
        if (before.row() != null) {
          link(before);
        }
      }
    }

    private void link(Slot s) {
      byId.put(s.id(), s);
      byOrder.put(s.seq(), s.row());
      byType.computeIfAbsent(s.row().type(), t -> new TreeMap<>()).put(s.seq(), s.row());
      for (Map.Entry<String, Map<Object, TreeMap<Long, Row>>> e : byKey.entrySet()) {
        Object v = s.row().get(e.getKey());
        if (v != null) {
          e.getValue().computeIfAbsent(v, k -> new TreeMap<>()).put(s.seq(), s.row());
        }
      }
    }

    private void unlink(Slot s) {
      byId.remove(s.id());
      byOrder.remove(s.seq());
      TreeMap<Long, Row> ofType = byType.get(s.row().type());
      if (ofType != null) {
        ofType.remove(s.seq());
      }
      for (Map.Entry<String, Map<Object, TreeMap<Long, Row>>> e : byKey.entrySet()) {
        Object v = s.row().get(e.getKey());
        TreeMap<Long, Row> hits = v == null ? null : e.getValue().get(v);
        if (hits != null) {
          hits.remove(s.seq());
          if (hits.isEmpty()) {
            e.getValue().remove(v);
          }
        }
      }
    }

    /** The index of an attribute, built by one scan the first time it is asked for. */
    private Map<Object, TreeMap<Long, Row>> index(String key) {
      Map<Object, TreeMap<Long, Row>> index = byKey.get(key);
      if (index == null) {
        index = new HashMap<>();
        for (Map.Entry<Long, Row> e : byOrder.entrySet()) {
          Object v = e.getValue().get(key);
          if (v != null) {
            index.computeIfAbsent(v, k -> new TreeMap<>()).put(e.getKey(), e.getValue());
          }
        }
        byKey.put(key, index);
      }
      return index;
    }

    private List<Row> merged(List<TreeMap<Long, Row>> parts) {
      if (parts.isEmpty()) {
        return new ArrayList<>();
      }
      if (parts.size() == 1) {
        return new ArrayList<>(parts.get(0).values());
      }
      TreeMap<Long, Row> all = new TreeMap<>();
      for (TreeMap<Long, Row> p : parts) {
        all.putAll(p);
      }
      return new ArrayList<>(all.values());
    }

    /** The creation rank of a stored row, for ordering candidates; -1 if it is not stored. */
    long seq(Row row) {
      Slot s = byId.get(row.id());
      return s == null ? -1 : s.seq();
    }
  }
}
