package io.pipelinekit.paths.sequence;

import java.util.Arrays;

/** A growable array of primitive ints, so frames are never boxed. Not thread-safe. */
final class IntArrayList {
  private int[] values;
  private int size;

  IntArrayList(int capacity) {
    values = new int[Math.max(capacity, 4)];
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, grow(values.length));
    }
    values[size++] = value;
  }

  void addAll(IntArrayList other) {
    int needed = size + other.size;
    if (needed > values.length) {
      values = Arrays.copyOf(values, Math.max(needed, grow(values.length)));
    }
    System.arraycopy(other.values, 0, values, size, other.size);
    size = needed;
  }

  int get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  /** The backing array; only the first {@link #size()} entries are meaningful. */
  int[] array() {
    return values;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  private static int grow(int length) {
    int next = length + (length >> 1) + 1;
    return next < 0 ? Integer.MAX_VALUE - 8 : next;
  }
}
