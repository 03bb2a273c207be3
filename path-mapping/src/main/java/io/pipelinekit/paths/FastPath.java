package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.ComponentTrie;
import io.pipelinekit.paths.internal.Text;
import io.pipelinekit.paths.internal.WindowsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single-pass mapper for the common case: an absolute POSIX, drive or UNC path of plain names
 * (below U+0300, no {@code .} or {@code ..}, nothing to warn about) under exactly one root, or
 * {@code share=} / {@code volume=} notation, with or without a party, naming a share by its exact
 * code. It walks the tries on character ranges of the input, hashing each root component while
 * checking it, and copies the remainder straight into the output, without splitting the input into
 * components.
 *
 * <p>It returns null whenever the case is not plain, and the general path in {@link PathMapper}
 * then decides, so every failure and warning is produced in one place. {@code
 * FastPathEquivalenceTest} checks that both paths agree on random input.
 */
final class FastPath {
  /** Windows' classic MAX_PATH limit, beyond which the long-path prefix may be needed. */
  private static final int WINDOWS_LONG = 259;

  // Character classes for the remainder loop: one table lookup and one branch per character.
  private static final int SLASH = 1;
  private static final int BACKSLASH = 2;
  private static final int WINDOWS_INVALID = 4;
  private static final int COLON = 8;
  private static final int STOP = 16;
  private static final byte[] ASCII_CLASS = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_CLASS[c] = (byte) (WindowsNames.isInvalidAscii((char) c) ? WINDOWS_INVALID : 0);
    }
    ASCII_CLASS['/'] |= SLASH;
    ASCII_CLASS['\\'] |= BACKSLASH;
    ASCII_CLASS[':'] |= COLON;
    ASCII_CLASS[0] |= STOP;
  }

  private FastPath() {}

  /** Where the root part of the input ended and which share owns it. */
  private static final class Hit {
    int shareIndex;
    PathFlavour flavour;
    int restStart;
    boolean sawComponent;

    /** Share notation: both separators separate, and input names are not Win32 names. */
    boolean shareNotation;

    /** The site a {@code site=x:} party names, or null. */
    String partySite;

    boolean separates(char c) {
      return c == '/' || (c == '\\' && (shareNotation || flavour == PathFlavour.WINDOWS));
    }
  }

  private static int classOf(char c) {
    if (c < 128) {
      return ASCII_CLASS[c];
    }
    return c >= 0x300 ? STOP : 0; // from U+0300 on, NFC questions go to the general path
  }

  static OsPath toOs(
      RootTable table, MappingOptions options, String text, Source source, Target target) {
    if (options.normalizeRemainderNfc() || options.shareHint().isPresent()) {
      return null;
    }
    Hit hit = locate(table, text, source);
    if (hit == null) {
      hit = locateShare(table, text);
      if (hit == null) {
        return null;
      }
    }
    String site = target.site().orElse(hit.partySite != null ? hit.partySite : table.mainSite());
    SiteIndex index = table.siteOrNull(site);
    if (index == null) {
      return null;
    }
    Platform platform = target.platform();
    Share.Root root = index.rootsByIndex[hit.shareIndex][platform.ordinal()];
    if (root == null) {
      return null;
    }
    String rootText = index.formattedByIndex[hit.shareIndex][platform.ordinal()];
    PathFlavour out = platform.flavour();
    boolean windowsTarget = out == PathFlavour.WINDOWS;
    if (windowsTarget && rootText.length() + text.length() > NameRules.WINDOWS_MAX_PATH_UNITS) {
      return null; // perhaps too long for Windows: the general path measures and reports it
    }
    boolean windowsSource = hit.flavour == PathFlavour.WINDOWS && !hit.shareNotation;
    int separators = windowsSource || hit.shareNotation ? SLASH | BACKSLASH : SLASH;
    int refused =
        STOP
            | (windowsTarget ? WINDOWS_INVALID : 0)
            | (platform.base() == Platform.MAC ? COLON : 0);
    boolean checkTrailingDots = windowsTarget || windowsSource;
    char sep = out.separator();
    // A name holding the other separator is not plain: a Windows source may mix in '/', and in
    // share notation '\\' separates too.
    int otherSeparator = windowsSource ? SLASH : hit.shareNotation ? BACKSLASH : 0;
    String plain =
        plainLayout(
            text,
            hit.restStart,
            rootText,
            sep,
            windowsSource ? '\\' : '/',
            otherSeparator,
            refused,
            checkTrailingDots,
            windowsTarget);
    if (plain != null) {
      if (options.longPathPrefix() && windowsTarget && plain.length() >= WINDOWS_LONG) {
        return null;
      }
      boolean trailingSep = plain.charAt(plain.length() - 1) == sep;
      return OsPath.preformatted(out, root.path().root(), plain, trailingSep);
    }
    int n = text.length();
    // Bulk-copy the remainder after the root, one slot further on, then validate and rewrite it
    // in place: each name is written at most one slot ahead of where it was read, so nothing is
    // overwritten before it is read. Array access is much cheaper than charAt per character.
    int rootLen = rootText.length();
    int restLen = n - hit.restStart;
    char[] buf = new char[rootLen + restLen + 2];
    rootText.getChars(0, rootLen, buf, 0);
    int readStart = rootLen + 1;
    text.getChars(hit.restStart, n, buf, readStart);
    int readEnd = readStart + restLen;
    int len = rootLen;
    boolean rootEndsWithSep = buf[len - 1] == sep;
    int count = 0;
    int nameStart = -1;
    for (int r = readStart; r < readEnd; r++) {
      char c = buf[r];
      int cls = classOf(c);
      if ((cls & separators) != 0) {
        if (nameStart >= 0) {
          if (!plainName(
              text, nameStart, r - readStart + hit.restStart, checkTrailingDots, windowsTarget)) {
            return null;
          }
          nameStart = -1;
          count++;
        }
        continue;
      }
      if ((cls & refused) != 0) {
        return null;
      }
      if (nameStart < 0) {
        if (count > 0 || !rootEndsWithSep) {
          buf[len++] = sep;
        }
        nameStart = r - readStart + hit.restStart;
      }
      buf[len++] = c;
    }
    if (nameStart >= 0) {
      if (!plainName(text, nameStart, n, checkTrailingDots, windowsTarget)) {
        return null;
      }
      count++;
    }
    boolean trailing = (hit.sawComponent || count > 0) && hit.separates(text.charAt(n - 1));
    boolean hasComponents = count > 0 || !root.path().components().isEmpty();
    if (trailing && hasComponents) {
      buf[len++] = sep;
    }
    if (options.longPathPrefix() && windowsTarget && len >= WINDOWS_LONG) {
      return null;
    }
    return OsPath.preformatted(
        out, root.path().root(), new String(buf, 0, len), trailing && hasComponents);
  }

  /**
   * The output for the remainder's most common layout: one separator before each name, none
   * doubled, and a root that does not end with one. The output is then the root followed by the
   * remainder with its separators replaced, so the remainder is copied in bulk and only scanned;
   * one branch per character decides where names end. Null for any other layout, which the
   * rewriting loop in {@link #toOs} handles.
   */
  private static String plainLayout(
      String text,
      int restStart,
      String rootText,
      char sep,
      char primary,
      int otherSeparator,
      int refused,
      boolean checkTrailingDots,
      boolean windowsTarget) {
    int n = text.length();
    int rootLen = rootText.length();
    if (restStart >= n
        || rootText.charAt(rootLen - 1) == sep
        || text.charAt(restStart) != primary) {
      return null;
    }
    int notPlain = refused | otherSeparator;
    int total = rootLen + n - restStart;
    char[] buf = new char[total];
    rootText.getChars(0, rootLen, buf, 0);
    text.getChars(restStart, n, buf, rootLen);
    int r = rootLen; // always at a separator when the outer loop starts
    while (r < total) {
      buf[r++] = sep;
      int nameStart = r;
      int classes = 0;
      while (r < total) {
        char c = buf[r];
        if (c == primary) {
          break;
        }
        classes |= c < 128 ? ASCII_CLASS[c] : (c >= 0x300 ? STOP : 0);
        r++;
      }
      if (r == nameStart) {
        if (r < total || nameStart == rootLen + 1) {
          return null; // a doubled separator, or a remainder that is only a separator
        }
        break; // the trailing separator, kept
      }
      int offset = restStart - rootLen;
      if ((classes & notPlain) != 0
          || !plainName(text, nameStart + offset, r + offset, checkTrailingDots, windowsTarget)) {
        return null;
      }
    }
    return new String(buf);
  }

  /**
   * A name the general path would take as it is: no dot segment, nothing Windows changes, not too
   * long for Windows.
   */
  private static boolean plainName(
      String text, int start, int end, boolean checkTrailingDots, boolean windowsTarget) {
    return !isDotSegment(text, start, end)
        && !(checkTrailingDots && endsBadly(text, end))
        && !(windowsTarget
            && (end - start > WindowsNames.MAX_NAME_UNITS
                || WindowsNames.isReserved(text, start, end)));
  }

  static SharePath toShare(RootTable table, MappingOptions options, String text, Source source) {
    if (options.normalizeRemainderNfc() || options.shareHint().isPresent()) {
      return null;
    }
    Hit hit = locate(table, text, source);
    if (hit == null) {
      return null;
    }
    Share share = table.shares().get(hit.shareIndex);
    if (options.preferVolume() && share.kind() == ShareKind.FOLDER) {
      return null;
    }
    // One pass checks every name and whether the remainder is already written the way share
    // notation joins names (one separator of the input's own kind between names); then the
    // joined names are one substring, and the share path splits them only if asked.
    int n = text.length();
    char primary = hit.flavour == PathFlavour.WINDOWS ? '\\' : '/';
    int pos = hit.restStart;
    int first = -1;
    int last = -1;
    boolean plain = true;
    while (pos < n) {
      int separators = 0;
      while (pos < n && hit.flavour.isSeparator(text.charAt(pos))) {
        plain &= text.charAt(pos) == primary;
        separators++;
        pos++;
      }
      if (pos >= n) {
        break;
      }
      plain &= first < 0 || separators == 1;
      int start = pos;
      while (pos < n && !hit.flavour.isSeparator(text.charAt(pos))) {
        char c = text.charAt(pos);
        if (c >= 0x300 || c == 0 || c == '\\') {
          return null;
        }
        pos++;
      }
      if (isDotSegment(text, start, pos)
          || (hit.flavour == PathFlavour.WINDOWS && endsBadly(text, pos))) {
        return null;
      }
      if (first < 0) {
        first = start;
      }
      last = pos;
    }
    boolean trailing = first >= 0 && hit.flavour.isSeparator(text.charAt(n - 1));
    ShareKind kind =
        options.preferVolume() && share.kind() == ShareKind.VOLUME
            ? ShareKind.VOLUME
            : ShareKind.SHARE;
    if (first < 0) {
      return SharePath.trusted(kind, share.code(), List.of(), false);
    }
    if (plain) {
      String joined = text.substring(first, last);
      if (primary != '/') {
        joined = joined.replace(primary, '/');
      }
      return SharePath.joined(kind, share.code(), joined, trailing);
    }
    List<String> rest = new ArrayList<>(8);
    for (int k = first; k < last; ) {
      int end = k;
      while (end < last && !hit.flavour.isSeparator(text.charAt(end))) {
        end++;
      }
      if (end > k) {
        rest.add(text.substring(k, end));
      }
      k = end + 1;
    }
    return SharePath.trusted(kind, share.code(), rest, trailing);
  }

  /** Walks the root part; null unless exactly one share owns the deepest matching root. */
  private static Hit locate(RootTable table, String text, Source source) {
    int n = text.length();
    if (n < 2) {
      return null;
    }
    Optional<PathFlavour> given = source.flavour();
    char c0 = text.charAt(0);
    PathFlavour flavour;
    String rootKey;
    int pos;
    // The UNC share name belongs to the root: it is walked like a component but is not one.
    boolean uncShareNext = false;
    if (c0 == '/'
        && given.orElse(PathFlavour.POSIX) == PathFlavour.POSIX
        && (given.isPresent() || text.charAt(1) != '/')) {
      flavour = PathFlavour.POSIX;
      rootKey = "/";
      pos = 1;
    } else if (given.orElse(PathFlavour.WINDOWS) == PathFlavour.WINDOWS
        && n >= 3
        && text.charAt(1) == ':'
        && ((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z'))
        && (text.charAt(2) == '\\' || text.charAt(2) == '/')) {
      flavour = PathFlavour.WINDOWS;
      rootKey = RootKeys.driveKey(c0);
      pos = 3;
    } else if (isUncStart(text, given)) {
      int serverEnd = 2;
      while (serverEnd < n && !PathFlavour.WINDOWS.isSeparator(text.charAt(serverEnd))) {
        char c = text.charAt(serverEnd);
        if (c >= 0x300 || c == 0) {
          return null;
        }
        serverEnd++;
      }
      if (serverEnd == 2
          || serverEnd + 1 >= n
          || PathFlavour.WINDOWS.isSeparator(text.charAt(serverEnd + 1))) {
        return null; // no share, or an empty one: malformed, which the general path reports
      }
      flavour = PathFlavour.WINDOWS;
      rootKey = table.keys().hostKey(text, 2, serverEnd);
      pos = serverEnd;
      uncShareNext = true;
    } else {
      return null;
    }
    SiteIndex index = table.siteOrNull(source.site().orElse(table.mainSite()));
    if (index == null) {
      return null;
    }
    Platform platform = source.platform().map(Platform::base).orElse(null);
    int want = SiteIndex.Entry.queryBit(platform, flavour);
    boolean windowsSeparators = flavour == PathFlavour.WINDOWS;
    ComponentTrie<SiteIndex.Entry> st = index.sensitive;
    ComponentTrie<SiteIndex.Entry> it = index.insensitive;
    ComponentTrie.Node<SiteIndex.Entry> s = st.child(st.top(), rootKey, 0, rootKey.length());
    ComponentTrie.Node<SiteIndex.Entry> i = it.child(it.top(), rootKey, 0, rootKey.length());
    ComponentTrie.Node<SiteIndex.Entry> sBest = accepted(s, want) ? s : null;
    ComponentTrie.Node<SiteIndex.Entry> iBest = accepted(i, want) ? i : null;
    int sDepth = sBest == null ? -1 : 0;
    int iDepth = iBest == null ? -1 : 0;
    int sEnd = pos;
    int iEnd = pos;
    int depth = 0;
    boolean sawComponent = false;
    while (pos < n && (s != null || i != null)) {
      char c = text.charAt(pos);
      if (c == '/' || (windowsSeparators && c == '\\')) {
        pos++;
        continue;
      }
      // Check and hash the component in one scan; the trie probes reuse the hashes.
      int start = pos;
      int hash = 0;
      int foldedHash = 0;
      boolean fold = i != null;
      while (true) {
        if (c >= 0x300 || c == 0) {
          return null;
        }
        hash = 31 * hash + c;
        if (fold) {
          foldedHash = 31 * foldedHash + ComponentTrie.foldChar(c);
        }
        if (++pos >= n) {
          break;
        }
        c = text.charAt(pos);
        if (c == '/' || (windowsSeparators && c == '\\')) {
          break;
        }
      }
      if (isDotSegment(text, start, pos)
          || (windowsSeparators && !uncShareNext && endsBadly(text, pos))) {
        return null;
      }
      sawComponent |= !uncShareNext;
      uncShareNext = false;
      depth++;
      if (s != null) {
        s = st.child(s, text, start, pos, hash);
        if (accepted(s, want)) {
          sBest = s;
          sDepth = depth;
          sEnd = pos;
        }
      }
      if (i != null) {
        i = it.child(i, text, start, pos, foldedHash);
        if (accepted(i, want)) {
          iBest = i;
          iDepth = depth;
          iEnd = pos;
        }
      }
    }
    if (uncShareNext || (sDepth < 0 && iDepth < 0)) {
      return null; // a UNC path without a share is malformed: the general path says so
    }
    int shareIndex = -1;
    if (sDepth >= iDepth) {
      shareIndex = single(sBest, shareIndex, platform, flavour);
    }
    if (iDepth >= sDepth && shareIndex != -2) {
      shareIndex = single(iBest, shareIndex, platform, flavour);
    }
    if (shareIndex < 0) {
      return null;
    }
    Hit hit = new Hit();
    hit.shareIndex = shareIndex;
    hit.flavour = flavour;
    hit.restStart = sDepth >= iDepth ? sEnd : iEnd;
    hit.sawComponent = sawComponent || hasComponentAfter(text, hit.restStart, flavour);
    return hit;
  }

  /** {@code \\server\...} or, when the flavour is known to be Windows, {@code //server/...}. */
  private static boolean isUncStart(String text, Optional<PathFlavour> given) {
    if (given.orElse(PathFlavour.WINDOWS) != PathFlavour.WINDOWS) {
      return false; // for POSIX, \\server is a relative name
    }
    char c0 = text.charAt(0);
    char c1 = text.charAt(1);
    boolean backslashes = c0 == '\\' && c1 == '\\';
    boolean slashes = c0 == '/' && c1 == '/' && given.orElse(null) == PathFlavour.WINDOWS;
    if (!(backslashes || slashes) || text.length() < 4) {
      return false;
    }
    char c2 = text.charAt(2);
    // \\?\ and \\.\ are long and device forms, left to the general path.
    return !((c2 == '?' || c2 == '.') && PathFlavour.WINDOWS.isSeparator(text.charAt(3)))
        && !PathFlavour.WINDOWS.isSeparator(c2);
  }

  /**
   * Share notation with a plain code, {@code [party:]share=code[/rest]} or {@code volume=}, naming
   * a share of the table by its exact spelling; null for anything else, which the general path then
   * reads.
   */
  private static Hit locateShare(RootTable table, String text) {
    int n = text.length();
    int kindStart = 0;
    int eq = kindEnd(text, 0);
    if (eq < 0) {
      // A party before the first ':', plain text without separators.
      int colon = 0;
      while (colon < n) {
        char c = text.charAt(colon);
        if (c == ':' || c == '/' || c == '\\' || c == 0 || c >= 0x300) {
          break;
        }
        colon++;
      }
      if (colon == 0 || colon >= n || text.charAt(colon) != ':') {
        return null;
      }
      kindStart = colon + 1;
      eq = kindEnd(text, kindStart);
      if (eq < 0) {
        return null;
      }
    }
    int codeEnd = eq + 1;
    int hash = 0;
    while (codeEnd < n) {
      char c = text.charAt(codeEnd);
      if (c == '/' || c == '\\') {
        break;
      }
      if (c == 0 || c >= 0x300) {
        return null;
      }
      hash = 31 * hash + c;
      codeEnd++;
    }
    if (codeEnd == eq + 1) {
      return null;
    }
    int shareIndex = table.shareIndexOfExactCode(text, eq + 1, codeEnd, hash);
    if (shareIndex < 0) {
      return null; // another spelling, (default) or unknown: the general path resolves or reports
    }
    ShareKind written = text.charAt(kindStart) == 'v' ? ShareKind.VOLUME : ShareKind.SHARE;
    if (!written.accepts(table.shares().get(shareIndex).kind())) {
      return null;
    }
    Hit hit = new Hit();
    hit.shareIndex = shareIndex;
    hit.flavour = PathFlavour.POSIX;
    hit.shareNotation = true;
    hit.restStart = codeEnd;
    if (kindStart > 0 && Text.regionMatchesAscii(text, 0, "site=")) {
      String main = table.mainSite();
      int length = kindStart - 1 - 5;
      // The main site's own String lets the site lookup skip folding and hashing.
      hit.partySite =
          length == main.length() && text.startsWith(main, 5)
              ? main
              : text.substring(5, kindStart - 1);
    }
    return hit;
  }

  /** The index of the {@code =} after a {@code share} or {@code volume} keyword at {@code at}. */
  private static int kindEnd(String text, int at) {
    if (text.startsWith("share=", at)) {
      return at + 5;
    }
    if (text.startsWith("volume=", at)) {
      return at + 6;
    }
    return -1;
  }

  /** Whether one of the node's entries accepts the query bit {@code want}. */
  private static boolean accepted(ComponentTrie.Node<SiteIndex.Entry> node, int want) {
    return node != null && (node.tag() & want) != 0;
  }

  /**
   * The index of the one share among accepted entries and {@code already}: -1 if none, -2 if
   * several (then the general path reports the ambiguity).
   */
  private static int single(
      ComponentTrie.Node<SiteIndex.Entry> node,
      int already,
      Platform platform,
      PathFlavour flavour) {
    int found = already;
    List<SiteIndex.Entry> entries = node.entries();
    for (int k = 0; k < entries.size(); k++) {
      SiteIndex.Entry e = entries.get(k);
      if (!e.accepts(platform, flavour)) {
        continue;
      }
      if (found == -1) {
        found = e.shareIndex();
      } else if (found != e.shareIndex()) {
        return -2;
      }
    }
    return found;
  }

  private static boolean hasComponentAfter(String text, int pos, PathFlavour flavour) {
    for (int k = pos; k < text.length(); k++) {
      if (!flavour.isSeparator(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDotSegment(String text, int start, int end) {
    int len = end - start;
    return (len == 1 && text.charAt(start) == '.')
        || (len == 2 && text.charAt(start) == '.' && text.charAt(start + 1) == '.');
  }

  private static boolean endsBadly(String text, int end) {
    char last = text.charAt(end - 1);
    return last == '.' || last == ' ';
  }
}
