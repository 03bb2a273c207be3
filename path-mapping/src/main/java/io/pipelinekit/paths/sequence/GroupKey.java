package io.pipelinekit.paths.sequence;

/**
 * Identifies a collapse group by the head {@code source[0, headEnd)} and tail {@code
 * source[tailStart, end)} of a name, without copying them: a probe key is re-pointed at each name,
 * and only a new group stores a key of its own. Case-insensitive keys fold each code point
 * (upper-case, then lower-case), which does not depend on the default locale.
 */
final class GroupKey {
  private final boolean fold;
  private String source;
  private int headEnd;
  private int tailStart;
  private int hash;

  GroupKey(boolean fold) {
    this.fold = fold;
  }

  GroupKey set(String source, int headEnd, int tailStart) {
    this.source = source;
    this.headEnd = headEnd;
    this.tailStart = tailStart;
    this.hash = fold ? foldedHash() : exactHash();
    return this;
  }

  GroupKey copy() {
    GroupKey copy = new GroupKey(fold);
    copy.source = source;
    copy.headEnd = headEnd;
    copy.tailStart = tailStart;
    copy.hash = hash;
    return copy;
  }

  /** Whether {@code name} split at the given points belongs to this key; no hashing needed. */
  boolean matches(String name, int nameHeadEnd, int nameTailStart) {
    if (!fold) {
      int tailLength = source.length() - tailStart;
      return headEnd == nameHeadEnd
          && tailLength == name.length() - nameTailStart
          && source.regionMatches(tailStart, name, nameTailStart, tailLength)
          && source.regionMatches(0, name, 0, headEnd);
    }
    return foldedEquals(source, 0, headEnd, name, 0, nameHeadEnd)
        && foldedEquals(source, tailStart, source.length(), name, nameTailStart, name.length());
  }

  String head() {
    return fold ? folded(source, 0, headEnd) : source.substring(0, headEnd);
  }

  String tail() {
    return fold ? folded(source, tailStart, source.length()) : source.substring(tailStart);
  }

  private int exactHash() {
    int h = 1;
    for (int i = 0; i < headEnd; i++) {
      h = 31 * h + source.charAt(i);
    }
    h = 31 * h + headEnd; // keeps "a1|b" apart from "a|1b"
    for (int i = tailStart, end = source.length(); i < end; i++) {
      h = 31 * h + source.charAt(i);
    }
    return h;
  }

  private int foldedHash() {
    int h = foldedHash(1, source, 0, headEnd);
    h = 31 * h + '|';
    return foldedHash(h, source, tailStart, source.length());
  }

  private static int foldedHash(int h, String text, int from, int to) {
    for (int i = from; i < to; ) {
      int codePoint = text.codePointAt(i);
      h = 31 * h + fold(codePoint);
      i += Character.charCount(codePoint);
    }
    return h;
  }

  private static boolean foldedEquals(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
    int i = aFrom;
    int j = bFrom;
    while (i < aTo && j < bTo) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb && fold(ca) != fold(cb)) {
        return false;
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return i == aTo && j == bTo;
  }

  private static String folded(String text, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; ) {
      int codePoint = text.codePointAt(i);
      out.appendCodePoint(fold(codePoint));
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GroupKey)) {
      return false;
    }
    GroupKey other = (GroupKey) o;
    return hash == other.hash && matches(other.source, other.headEnd, other.tailStart);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
