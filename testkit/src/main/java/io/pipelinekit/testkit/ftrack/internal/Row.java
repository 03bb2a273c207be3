package io.pipelinekit.testkit.ftrack.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One stored entity: its concrete type and its scalar attributes (foreign keys included).
 * Immutable; an update stores a new row.
 *
 * <p>Rows of the same shape (the same attribute names in the same order) share one table of names,
 * and each row keeps only an array of values: a server holds hundreds of thousands of rows, and a
 * map per row would cost several times the data.
 */
public final class Row {
  private static final Map<List<String>, Shape> SHAPES = new ConcurrentHashMap<>();

  private final String type;
  private final Shape shape;
  private final Object[] values;

  /** Creates a row; the attributes are copied. */
  public Row(String type, Map<String, Object> attributes) {
    this.type = type;
    String[] names = attributes.keySet().toArray(new String[0]);
    this.shape = SHAPES.computeIfAbsent(List.of(names), k -> new Shape(names));
    this.values = attributes.values().toArray();
  }

  /** The concrete type. */
  public String type() {
    return type;
  }

  /** The id. */
  public String id() {
    return (String) get("id");
  }

  /** The attributes, in the order they were given (an unmodifiable view). */
  public Map<String, Object> attributes() {
    return new Attributes();
  }

  /** One attribute, or null. */
  public Object get(String name) {
    Integer i = shape.index.get(name);
    return i == null ? null : values[i];
  }

  /** A string attribute, or null. */
  public String str(String name) {
    Object v = get(name);
    return v == null ? null : String.valueOf(v);
  }

  /** A copy with some attributes replaced. */
  public Row with(Map<String, Object> changes) {
    Map<String, Object> m = new LinkedHashMap<>(attributes());
    m.putAll(changes);
    return new Row(type, m);
  }

  @Override
  public String toString() {
    return type + attributes();
  }

  /** The attribute names of rows of one shape, and where each one's value is. */
  private static final class Shape {
    final String[] names;
    final Map<String, Integer> index = new HashMap<>();

    Shape(String[] names) {
      this.names = Arrays.copyOf(names, names.length);
      for (int i = 0; i < names.length; i++) {
        index.put(names[i], i);
      }
    }
  }

  private final class Attributes extends AbstractMap<String, Object> {
    @Override
    public Object get(Object key) {
      return key instanceof String s ? Row.this.get(s) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return shape.index.containsKey(key);
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return values.length;
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < values.length;
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (i >= values.length) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, Object> e =
                  new AbstractMap.SimpleImmutableEntry<>(shape.names[i], values[i]);
              i++;
              return e;
            }
          };
        }
      };
    }
  }
}
