package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.Text;
import java.util.List;
import java.util.Map;

/**
 * Turns paths into the keys the component tries are built from: a root token (and, for UNC, the
 * share name), then one key per component, all in NFC. UNC host names are folded and mapped through
 * the declared aliases, never through DNS.
 */
final class RootKeys {
  private static final String[] DRIVE_KEYS = new String[26];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      DRIVE_KEYS[c - 'A'] = c + ":";
    }
  }

  private final Map<String, String> hostAliases;

  /**
   * @param hostAliases folded alias → folded host
   */
  RootKeys(Map<String, String> hostAliases) {
    this.hostAliases = Map.copyOf(hostAliases);
  }

  /** The declared aliases, folded alias → folded host. */
  Map<String, String> hostAliases() {
    return hostAliases;
  }

  /** The trie key of a drive root, e.g. {@code "S:"}, for a drive letter in either case. */
  static String driveKey(char letter) {
    return DRIVE_KEYS[Character.toUpperCase(letter) - 'A'];
  }

  /** How many keys the root takes: two for UNC (host and share), one otherwise. */
  static int rootKeyCount(PathRoot root) {
    return root instanceof PathRoot.Unc ? 2 : 1;
  }

  String[] keysOf(OsPath path) {
    return keysOf(path.root(), path.components());
  }

  String[] keysOf(PathRoot root, List<String> components) {
    int offset = rootKeyCount(root);
    String[] keys = new String[components.size() + offset];
    if (root instanceof PathRoot.Posix) {
      keys[0] = "/";
    } else if (root instanceof PathRoot.Drive d) {
      keys[0] = DRIVE_KEYS[d.letter() - 'A'];
    } else if (root instanceof PathRoot.Unc u) {
      keys[0] = hostKey(u.server());
      keys[1] = Text.nfc(u.share());
    }
    for (int i = 0; i < components.size(); i++) {
      keys[offset + i] = Text.nfc(components.get(i));
    }
    return keys;
  }

  /** The trie key of a UNC server: folded, through the aliases. */
  String hostKey(String server) {
    return "\\\\" + canonicalHost(server);
  }

  /**
   * {@link #hostKey(String)} of {@code text[start, end)}. Studios have a handful of file servers
   * that appear in millions of paths, so recent answers are remembered in a small fixed-size table
   * keyed by the exact server text: no substring, folding or alias lookup on a hit. Entries are
   * immutable and replaced whole, so the unsynchronised table is safe to share between threads.
   */
  String hostKey(String text, int start, int end) {
    int len = end - start;
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + text.charAt(i);
    }
    int slot = (h ^ (h >>> 16)) & (hostCache.length - 1);
    HostKey cached = hostCache[slot];
    if (cached != null && cached.raw.length() == len && text.startsWith(cached.raw, start)) {
      return cached.key;
    }
    String raw = text.substring(start, end);
    String key = hostKey(raw);
    hostCache[slot] = new HostKey(raw, key);
    return key;
  }

  private final HostKey[] hostCache = new HostKey[64];

  private static final class HostKey {
    final String raw;
    final String key;

    HostKey(String raw, String key) {
      this.raw = raw;
      this.key = key;
    }
  }

  /** A host-and-share key for recognising configured UNC roots. */
  String uncKey(String server, String share) {
    return canonicalHost(server) + "\\" + Text.fold(share);
  }

  /** Host names are case-insensitive and may have declared aliases. */
  private String canonicalHost(String server) {
    String folded = Text.fold(server);
    return hostAliases.getOrDefault(folded, folded);
  }
}
