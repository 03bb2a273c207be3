package io.pipelinekit.paths.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A trie of path components. Lookup walks the input once, so it costs O(path depth) whatever the
 * number of roots, and the deepest root wins regardless of the order roots were added. One trie
 * holds roots of one case policy; an insensitive trie folds keys with {@link Text#fold(String)}.
 *
 * @param <E> what a root node carries
 */
public final class ComponentTrie<E> {
  private final boolean caseInsensitive;
  private final Node<E> top = new Node<>();

  /** Creates an empty trie comparing keys exactly or case-insensitively. */
  public ComponentTrie(boolean caseInsensitive) {
    this.caseInsensitive = caseInsensitive;
  }

  /** Adds a root whose keys (already NFC) are {@code keys}. */
  public void add(List<String> keys, E entry) {
    Node<E> node = top;
    for (String k : keys) {
      String key = caseInsensitive ? Text.fold(k) : k;
      node = node.children.computeIfAbsent(key, x -> new Node<>());
    }
    node.entries.add(entry);
  }

  /**
   * Finds the deepest node on the path of {@code keys} with at least one entry accepted by {@code
   * filter}, and adds those entries to {@code out}.
   *
   * @param keys the input's keys, NFC
   * @param filter which entries count
   * @param out receives the entries of the deepest matching node
   * @return the depth of that node (number of keys consumed), or -1 if none matched
   */
  public int deepest(String[] keys, Predicate<? super E> filter, List<E> out) {
    Node<E> node = top;
    Node<E> best = null;
    int bestDepth = -1;
    for (int i = 0; i < keys.length; i++) {
      if (node.children.isEmpty()) {
        break;
      }
      String k = keys[i];
      node = node.children.get(caseInsensitive ? Text.fold(k) : k);
      if (node == null) {
        break;
      }
      if (!node.entries.isEmpty() && anyAccepted(node.entries, filter)) {
        best = node;
        bestDepth = i + 1;
      }
    }
    if (best != null) {
      for (E e : best.entries) {
        if (filter.test(e)) {
          out.add(e);
        }
      }
    }
    return bestDepth;
  }

  private static <E> boolean anyAccepted(List<E> entries, Predicate<? super E> filter) {
    for (E e : entries) {
      if (filter.test(e)) {
        return true;
      }
    }
    return false;
  }

  private static final class Node<E> {
    final Map<String, Node<E>> children = new HashMap<>(4);
    final List<E> entries = new ArrayList<>(1);
  }
}
