package io.pipelinekit.paths.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * A trie of path components. Lookup walks the input once, so it costs O(path depth) whatever the
 * number of roots, and the deepest root wins regardless of the order roots were added. One trie
 * holds roots of one case policy; an insensitive trie folds keys with {@link Text#fold(String)}.
 *
 * <p>Built with {@link #add}, then {@link #freeze() frozen} into open-addressed child tables that
 * can be probed with a character range of the input, so the hot path looks components up without
 * creating substrings. Thread-safe once frozen.
 *
 * @param <E> what a root node carries
 */
public final class ComponentTrie<E> {
  private final boolean caseInsensitive;
  private final Node<E> top = new Node<>();
  private boolean frozen;

  /** Creates an empty trie comparing keys exactly or case-insensitively. */
  public ComponentTrie(boolean caseInsensitive) {
    this.caseInsensitive = caseInsensitive;
  }

  /** Whether keys compare case-insensitively. */
  public boolean caseInsensitive() {
    return caseInsensitive;
  }

  /** Adds a root whose keys (already NFC) are {@code keys}. */
  public void add(List<String> keys, E entry) {
    if (frozen) {
      throw new IllegalStateException("trie is frozen");
    }
    Node<E> node = top;
    for (String k : keys) {
      String key = caseInsensitive ? Text.fold(k) : k;
      node = node.building.computeIfAbsent(key, x -> new Node<>());
    }
    node.entries.add(entry);
  }

  /** Ends building: turns every node's children into a probe table. */
  public void freeze() {
    freeze(e -> 0);
  }

  /**
   * Makes the trie read-only and tags each node with the OR of its entries' tags, so a hot lookup
   * can test a property of a node's entries with one load instead of walking them.
   */
  public void freeze(ToIntFunction<? super E> entryTag) {
    if (!frozen) {
      top.freeze(entryTag);
      frozen = true;
    }
  }

  /** The top node, above every root token. */
  public Node<E> top() {
    return top;
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
    for (int i = 0; i < keys.length && node != null; i++) {
      String k = keys[i];
      node = child(node, k, 0, k.length());
      if (node != null && node.accepts(filter)) {
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

  /**
   * The child of {@code node} named by {@code text[start, end)}, compared with this trie's case
   * policy. The range must hold only characters below U+0300 (so it is NFC as it stands) when
   * called from the hot path; {@link #deepest} passes whole NFC keys.
   *
   * @return the child, or null
   */
  public Node<E> child(Node<E> node, String text, int start, int end) {
    if (node.keys.length == 0) {
      return null;
    }
    if (caseInsensitive && hasSurrogate(text, start, end)) {
      // Supplementary letters fold by code point; do it exactly as the keys were folded.
      String folded = Text.fold(text.substring(start, end));
      return exactChild(node, folded);
    }
    return child(
        node,
        text,
        start,
        end,
        caseInsensitive ? foldedHash(text, start, end) : hash(text, start, end));
  }

  /**
   * Like {@link #child(Node, String, int, int)} with the range's hash already computed by the
   * caller while scanning it: {@code 31 * h + c} over the chars, each folded with {@link
   * #foldChar(char)} first in an insensitive trie. The range must hold no surrogate.
   */
  public Node<E> child(Node<E> node, String text, int start, int end, int rangeHash) {
    String[] keys = node.keys;
    if (keys.length == 0) {
      return null;
    }
    // The stored hashes settle almost every probe without touching the key strings.
    int[] hashes = node.hashes;
    int mask = keys.length - 1;
    int i = spread(rangeHash) & mask;
    int len = end - start;
    while (true) {
      String key = keys[i];
      if (key == null) {
        return null;
      }
      if (hashes[i] == rangeHash
          && key.length() == len
          && (caseInsensitive ? foldedEquals(key, text, start) : text.startsWith(key, start))) {
        return node.children[i];
      }
      i = (i + 1) & mask;
    }
  }

  private Node<E> exactChild(Node<E> node, String key) {
    String[] keys = node.keys;
    int mask = keys.length - 1;
    int i = spread(key.hashCode()) & mask;
    while (keys[i] != null) {
      if (keys[i].equals(key)) {
        return node.children[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  private static boolean hasSurrogate(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static int hash(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** Hash of the folded range; equal to {@code hash(fold(s))} for BMP text. */
  static int foldedHash(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + foldChar(s.charAt(i));
    }
    return h;
  }

  private static boolean foldedEquals(String foldedKey, String text, int start) {
    for (int i = 0; i < foldedKey.length(); i++) {
      if (foldedKey.charAt(i) != foldChar(text.charAt(start + i))) {
        return false;
      }
    }
    return true;
  }

  /** The per-char fold insensitive tries use for BMP text: simple upper case. */
  public static char foldChar(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }
    return Character.toUpperCase(c);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /**
   * A node: its children (a probe table once frozen) and the roots that end here.
   *
   * @param <E> the entry type
   */
  public static final class Node<E> {
    private Map<String, Node<E>> building = new LinkedHashMap<>(4);
    private String[] keys = new String[0];
    private int[] hashes = new int[0];
    private Node<E>[] children;
    private final List<E> entries = new ArrayList<>(1);
    private int tag;

    /** The OR of this node's entries' tags (see {@link ComponentTrie#freeze(ToIntFunction)}). */
    public int tag() {
      return tag;
    }

    /** The roots that end at this node. */
    public List<E> entries() {
      return entries;
    }

    /** Whether some entry here passes the filter. */
    public boolean accepts(Predicate<? super E> filter) {
      for (int i = 0; i < entries.size(); i++) {
        if (filter.test(entries.get(i))) {
          return true;
        }
      }
      return false;
    }

    @SuppressWarnings("unchecked")
    private void freeze(ToIntFunction<? super E> entryTag) {
      for (E e : entries) {
        tag |= entryTag.applyAsInt(e);
      }
      int size = Integer.highestOneBit(Math.max(1, building.size()) * 2 - 1) * 2;
      keys = new String[building.isEmpty() ? 0 : size];
      hashes = new int[keys.length];
      children = (Node<E>[]) new Node<?>[keys.length];
      int mask = keys.length - 1;
      for (Map.Entry<String, Node<E>> e : building.entrySet()) {
        String k = e.getKey();
        // Keys are stored folded in insensitive tries; their hash is the plain hash then.
        int h = hash(k, 0, k.length());
        int i = spread(h) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        hashes[i] = h;
        children[i] = e.getValue();
        e.getValue().freeze(entryTag);
      }
      building = null;
    }
  }
}
