package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.ComponentTrie;
import io.pipelinekit.paths.internal.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Everything mapping needs about one site, computed once when the table is built: a component trie
 * per case policy over every root in force at the site, and each share's effective root per
 * platform (raw and formatted). Immutable after construction.
 */
final class SiteIndex {
  /** One root in the index. {@code platform} is empty for extra match-only spellings. */
  record Entry(
      Share share,
      int shareIndex,
      Optional<Platform> platform,
      Share.Root root,
      PathFlavour flavour,
      Platform base) {
    /** Precomputes the root's flavour and the plain platform: this runs on every lookup. */
    Entry(Share share, int shareIndex, Optional<Platform> platform, Share.Root root) {
      this(
          share,
          shareIndex,
          platform,
          root,
          root.path().flavour(),
          platform.map(Platform::base).orElse(null));
    }

    boolean accepts(Optional<Platform> sourcePlatform, PathFlavour inputFlavour) {
      return accepts(sourcePlatform.map(Platform::base).orElse(null), inputFlavour);
    }

    /** Whether the root can hold input of that flavour from that plain platform (null: any). */
    boolean accepts(Platform sourceBase, PathFlavour inputFlavour) {
      return flavour == inputFlavour && (sourceBase == null || base == null || base == sourceBase);
    }

    /**
     * One bit per (flavour, plain platform or any) query this entry {@link #accepts}: trie nodes OR
     * them, so the fast path tests a node's entries with one load ({@link #queryBit}).
     */
    int acceptanceBits() {
      int bits = 0;
      for (PathFlavour f : PathFlavour.values()) {
        if (accepts((Platform) null, f)) {
          bits |= queryBit(null, f);
        }
        for (Platform p : BASES) {
          if (accepts(p, f)) {
            bits |= queryBit(p, f);
          }
        }
      }
      return bits;
    }

    /** The bit of {@link #acceptanceBits} for a query; {@code sourceBase} is plain or null. */
    static int queryBit(Platform sourceBase, PathFlavour inputFlavour) {
      int column = sourceBase == null ? BASES.size() : sourceBase.ordinal();
      return 1 << (inputFlavour.ordinal() * (BASES.size() + 1) + column);
    }

    private static final List<Platform> BASES =
        List.of(Platform.WINDOWS, Platform.LINUX, Platform.MAC);
  }

  /** The result of matching a path: how many of its components the root took, and its owners. */
  record Match(int consumedComponents, List<Entry> entries) {
    List<Share> distinctShares() {
      Set<Share> set = new LinkedHashSet<>();
      for (Entry e : entries) {
        set.add(e.share());
      }
      return List.copyOf(set);
    }
  }

  final String site;
  final ComponentTrie<Entry> sensitive = new ComponentTrie<>(false);
  final ComponentTrie<Entry> insensitive = new ComponentTrie<>(true);

  /** Effective root per share, indexed by {@link Platform#ordinal()}. */
  final Map<Share, Share.Root[]> roots = new IdentityHashMap<>();

  /** Effective roots by the share's index in the table, for the hot path. */
  final Share.Root[][] rootsByIndex;

  /** The same roots formatted, by share index, for the hot path. */
  final String[][] formattedByIndex;

  private final RootKeys keys;

  /**
   * Indexes the roots of one site.
   *
   * @param site the site's spelling, for messages
   * @param shares the table's shares
   * @param effectiveRoot the table's fallback rules for this site
   * @param keys key construction with the table's host aliases
   * @param rejectAmbiguity whether two shares on one root is an error
   */
  SiteIndex(
      String site,
      List<Share> shares,
      BiFunction<Share, Platform, Optional<Share.Root>> effectiveRoot,
      RootKeys keys,
      boolean rejectAmbiguity) {
    this.site = site;
    this.keys = keys;
    Map<String, List<Entry>> byFoldedKey = new HashMap<>();
    rootsByIndex = new Share.Root[shares.size()][];
    formattedByIndex = new String[shares.size()][];
    for (int index = 0; index < shares.size(); index++) {
      Share share = shares.get(index);
      Share.Root[] effective = new Share.Root[Platform.values().length];
      String[] text = new String[effective.length];
      for (Platform p : Platform.values()) {
        Optional<Share.Root> root = effectiveRoot.apply(share, p);
        if (root.isPresent()) {
          effective[p.ordinal()] = root.get();
          text[p.ordinal()] = root.get().path().toString();
          add(byFoldedKey, new Entry(share, index, Optional.of(p), root.get()));
        }
      }
      roots.put(share, effective);
      rootsByIndex[index] = effective;
      formattedByIndex[index] = text;
      for (Share.Root extra : share.extraMatches()) {
        add(byFoldedKey, new Entry(share, index, Optional.empty(), extra));
      }
    }
    if (rejectAmbiguity) {
      for (List<Entry> group : byFoldedKey.values()) {
        checkUnambiguous(group);
      }
    }
    sensitive.freeze(Entry::acceptanceBits);
    insensitive.freeze(Entry::acceptanceBits);
  }

  Optional<Share.Root> root(Share share, Platform platform) {
    Share.Root[] r = roots.get(share);
    return Optional.ofNullable(r == null ? null : r[platform.ordinal()]);
  }

  /**
   * Matches an absolute, normalised path, given as parts, against the roots of this site.
   *
   * @return the deepest match, or empty
   */
  Optional<Match> match(
      PathRoot root,
      PathFlavour flavour,
      List<String> components,
      Optional<Platform> sourcePlatform) {
    String[] k = keys.keysOf(root, components);
    Predicate<Entry> filter = e -> e.accepts(sourcePlatform, flavour);
    List<Entry> a = new ArrayList<>(2);
    List<Entry> b = new ArrayList<>(2);
    int da = sensitive.deepest(k, filter, a);
    int db = insensitive.deepest(k, filter, b);
    int depth = Math.max(da, db);
    if (depth < 0) {
      return Optional.empty();
    }
    List<Entry> entries = a;
    if (da == db) {
      entries.addAll(b);
    } else if (db > da) {
      entries = b;
    }
    return Optional.of(new Match(depth - RootKeys.rootKeyCount(root), entries));
  }

  private void add(Map<String, List<Entry>> byFoldedKey, Entry e) {
    List<String> k = List.of(keys.keysOf(e.root().path()));
    (e.root().casePolicy() == CasePolicy.INSENSITIVE ? insensitive : sensitive).add(k, e);
    List<String> folded = new ArrayList<>(k.size());
    for (String key : k) {
      folded.add(Text.fold(key));
    }
    byFoldedKey.computeIfAbsent(String.join("\u0000", folded), x -> new ArrayList<>()).add(e);
  }

  /** Roots equal under the weaker of their case policies must belong to one share. */
  private void checkUnambiguous(List<Entry> group) {
    for (int i = 0; i < group.size(); i++) {
      for (int j = i + 1; j < group.size(); j++) {
        Entry a = group.get(i);
        Entry b = group.get(j);
        if (a.share() == b.share()) {
          continue;
        }
        boolean clash =
            a.root().casePolicy() == CasePolicy.INSENSITIVE
                || b.root().casePolicy() == CasePolicy.INSENSITIVE
                || Arrays.equals(keys.keysOf(a.root().path()), keys.keysOf(b.root().path()));
        if (clash) {
          throw new RootTableException(
              "shares '"
                  + a.share().code()
                  + "' ("
                  + describe(a)
                  + ") and '"
                  + b.share().code()
                  + "' ("
                  + describe(b)
                  + ") own the same root at site "
                  + site
                  + ", so a path under it cannot name one share; give each share its own root,"
                  + " or build the table with allowAmbiguousRoots() and pass a share hint when"
                  + " mapping");
        }
      }
    }
  }

  private static String describe(Entry e) {
    return e.platform().map(Platform::key).orElse("extra match") + " " + e.root().path();
  }
}
