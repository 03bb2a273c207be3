package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.OsPathParser;
import io.pipelinekit.paths.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A path in accsyn share notation: {@code [party:]kind=code[/relative/path][/]}. Immutable and
 * thread-safe.
 *
 * <p>Examples: {@code share=storage/shots/a.exr}, {@code volume=(default)/a.exr}, {@code
 * site=london:share=projects/sh010/}, {@code anna@studio.com:home=anna/inbox/}. In the relative
 * part both {@code /} and {@code \} separate components, so traversal hidden behind backslashes is
 * still seen. The trailing separator is kept: accsyn reads a destination ending in {@code /} as a
 * folder to copy into.
 *
 * <pre>{@code
 * SharePath p = SharePath.parse("site=london:share=storage/shots/");
 * p.party();       // Optional[site=london]
 * p.code();        // storage
 * p.components();  // [shots]
 * p.toString();    // site=london:share=storage/shots/
 * }</pre>
 */
public final class SharePath {
  /** The code that names the workspace's default volume: {@code (default)}. */
  public static final String DEFAULT_CODE = "(default)";

  private final ShareKind kind;
  private final String code;

  /**
   * The components joined with {@code /} ({@code ""} for none). Mapping builds share paths from
   * this text alone, so millions of mapped paths do not each pay for a list of substrings that most
   * callers never look at.
   */
  private final String joined;

  /**
   * The components, split from {@link #joined} on first use. Racy but safe: every thread computes
   * the same immutable list, and immutable lists are safely published.
   */
  private List<String> components;

  private final boolean trailingSeparator;
  private final String party;

  private SharePath(
      ShareKind kind,
      String code,
      List<String> components,
      boolean trailingSeparator,
      String party) {
    this(kind, code, String.join("/", components), components, trailingSeparator, party);
  }

  private SharePath(
      ShareKind kind,
      String code,
      String joined,
      List<String> components,
      boolean trailingSeparator,
      String party) {
    this.kind = kind;
    this.code = code;
    this.joined = joined;
    this.components = components;
    this.trailingSeparator = trailingSeparator && !joined.isEmpty();
    this.party = party;
  }

  /**
   * Builds a share path without a party.
   *
   * @param kind the notation keyword
   * @param code the share code or id, or {@link #DEFAULT_CODE}
   * @param components the relative components, none empty and none containing a separator
   * @param trailingSeparator whether to end with {@code /}
   * @return the path
   */
  public static SharePath of(
      ShareKind kind, String code, List<String> components, boolean trailingSeparator) {
    Objects.requireNonNull(kind, "kind == null");
    checkCode(code);
    List<String> copy = List.copyOf(components);
    for (String c : copy) {
      if (c.isEmpty() || c.indexOf('/') >= 0 || c.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            "share path component '" + c + "' is empty or contains a separator");
      }
    }
    return new SharePath(kind, code, copy, trailingSeparator, null);
  }

  /**
   * A share path from parts the caller has already checked (a table's share code, components with
   * no separator and none empty) in a list nobody else holds: no copy, no second check.
   */
  static SharePath trusted(
      ShareKind kind, String code, List<String> components, boolean trailingSeparator) {
    return new SharePath(kind, code, List.copyOf(components), trailingSeparator, null);
  }

  /**
   * A share path from a table's share code and names the caller has checked and joined with single
   * {@code /} (none empty); the component list is split from them only if asked for.
   */
  static SharePath joined(
      ShareKind kind, String code, String joinedComponents, boolean trailingSeparator) {
    return new SharePath(kind, code, joinedComponents, null, trailingSeparator, null);
  }

  /**
   * Shortcut for {@code of(ShareKind.SHARE, code, components, false)}.
   *
   * @param code the share code
   * @param components the relative components
   * @return the path
   */
  public static SharePath share(String code, String... components) {
    return of(ShareKind.SHARE, code, List.of(components), false);
  }

  /**
   * Parses share notation.
   *
   * @param text e.g. {@code share=storage/a.exr} or {@code site=la:volume=(default)/x/}
   * @return the path
   * @throws PathRejectedException with {@link FailureKind#MALFORMED} if the text is not share
   *     notation
   */
  public static SharePath parse(String text) {
    return tryParse(text).orElseThrow();
  }

  /**
   * Like {@link #parse(String)} but returns a typed failure instead of throwing.
   *
   * @param text the text
   * @return the path or the reason it was rejected
   */
  public static MappingResult<SharePath> tryParse(String text) {
    Objects.requireNonNull(text, "text == null");
    if (text.indexOf('\0') >= 0) {
      return MappingResult.failure(
          FailureKind.INVALID_CHAR,
          text,
          "'"
              + text.replace("\0", "\\0")
              + "' contains a NUL character (shown as \\0), which neither accsyn nor any OS"
              + " allows in a path; remove it");
    }
    int surrogate = Text.unpairedSurrogate(text);
    if (surrogate >= 0) {
      return MappingResult.failure(
          FailureKind.INVALID_CHAR,
          text,
          "'"
              + text
              + "' contains an unpaired surrogate (U+"
              + Integer.toHexString(text.charAt(surrogate)).toUpperCase(Locale.ROOT)
              + ") at index "
              + surrogate
              + ", which has no UTF-8 form, so share notation cannot carry it; the text was"
              + " decoded wrongly upstream: fix its encoding");
    }
    int kindStart = kindStart(text);
    if (kindStart < 0) {
      return MappingResult.failure(
          FailureKind.MALFORMED,
          text,
          "'"
              + text
              + "' is not accsyn share notation; expected [party:]kind=code/path with kind one of"
              + " share, volume, folder, home, collection");
    }
    if (kindStart == 1) {
      return MappingResult.failure(
          FailureKind.MALFORMED,
          text,
          "'"
              + text
              + "' has an empty party before ':'; write party:kind=code/path or drop the ':'");
    }
    int eq = text.indexOf('=', kindStart);
    ShareKind kind = ShareKind.fromKey(text.substring(kindStart, eq)).orElseThrow();
    int codeEnd = firstSeparator(text, eq + 1);
    String code = text.substring(eq + 1, codeEnd);
    if (code.isEmpty()) {
      return MappingResult.failure(
          FailureKind.MALFORMED,
          text,
          "'" + text + "' has an empty share code after '" + kind.key() + "='");
    }
    // In share notation both / and \ separate, exactly as in a Windows path.
    List<String> parts = OsPathParser.split(text, codeEnd, PathFlavour.WINDOWS);
    int n = text.length();
    boolean trailing = !parts.isEmpty() && isSep(text.charAt(n - 1));
    String party = kindStart == 0 ? null : text.substring(0, kindStart - 1);
    return MappingResult.success(new SharePath(kind, code, parts, trailing, party), List.of());
  }

  /**
   * Whether text is written in share notation. Null-safe, unlike accsyn's own helper.
   *
   * @param text any text, or null
   * @return true if {@link #parse(String)} would recognise the notation
   */
  public static boolean isSharePath(String text) {
    return text != null && kindStart(text) >= 0;
  }

  /** Index where {@code kind=} starts (0, or just after a party's colon), or -1. */
  private static int kindStart(String text) {
    int end = firstSeparator(text, 0);
    int from = 0;
    while (from < end) {
      int eq = text.indexOf('=', from);
      if (eq < 0 || eq >= end) {
        return -1;
      }
      if (ShareKind.fromKey(text.substring(from, eq)).isPresent()
          && (from == 0 || text.charAt(from - 1) == ':')) {
        return from;
      }
      int colon = text.indexOf(':', from);
      if (colon < 0 || colon >= end) {
        return -1;
      }
      from = colon + 1;
    }
    return -1;
  }

  private static int firstSeparator(String text, int from) {
    int i = from;
    while (i < text.length() && !isSep(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSep(char c) {
    return c == '/' || c == '\\';
  }

  private static void checkCode(String code) {
    Objects.requireNonNull(code, "code == null");
    if (code.isEmpty() || code.indexOf('/') >= 0 || code.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("share code '" + code + "' is empty or has a separator");
    }
  }

  /**
   * The notation keyword.
   *
   * @return the kind
   */
  public ShareKind kind() {
    return kind;
  }

  /**
   * The share code, id or {@link #DEFAULT_CODE}, as written.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Whether the code is {@code (default)}.
   *
   * @return true for the default volume
   */
  public boolean isDefaultShare() {
    return DEFAULT_CODE.equals(code);
  }

  /**
   * The components below the share, as written (not normalised).
   *
   * @return an unmodifiable list
   */
  public List<String> components() {
    List<String> c = components;
    if (c == null) {
      c = joined.isEmpty() ? List.of() : List.of(joined.split("/", -1));
      components = c;
    }
    return c;
  }

  /**
   * Whether the path ends with a separator.
   *
   * @return true for {@code share=storage/shots/}
   */
  public boolean hasTrailingSeparator() {
    return trailingSeparator;
  }

  /**
   * The party prefix, e.g. {@code site=london}, {@code anna@studio.com} or {@code client=abc}.
   *
   * @return the party text without the colon, or empty
   */
  public Optional<String> party() {
    return Optional.ofNullable(party);
  }

  /**
   * The same path with a party prefix.
   *
   * @param newParty e.g. {@code site=london}; must not contain {@code /}
   * @return the new path
   */
  public SharePath withParty(String newParty) {
    Objects.requireNonNull(newParty, "newParty == null");
    if (newParty.isEmpty() || newParty.indexOf('/') >= 0 || newParty.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("party '" + newParty + "' is empty or has a separator");
    }
    return new SharePath(kind, code, joined, components, trailingSeparator, newParty);
  }

  /**
   * The same path without a party prefix.
   *
   * @return the new path
   */
  public SharePath withoutParty() {
    return new SharePath(kind, code, joined, components, trailingSeparator, null);
  }

  /**
   * The same share with other components.
   *
   * @param newComponents the components
   * @param newTrailingSeparator whether to end with {@code /}
   * @return the new path
   */
  public SharePath withComponents(List<String> newComponents, boolean newTrailingSeparator) {
    SharePath p = of(kind, code, newComponents, newTrailingSeparator);
    return party == null ? p : p.withParty(party);
  }

  /**
   * A path one level deeper.
   *
   * @param name the child name
   * @return the new path
   */
  public SharePath resolve(String name) {
    List<String> c = new ArrayList<>(components());
    c.add(name);
    return withComponents(c, false);
  }

  /**
   * Formats the notation: {@code [party:]kind=code[/c1/c2][/]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(64);
    if (party != null) {
      sb.append(party).append(':');
    }
    sb.append(kind.key()).append('=').append(code);
    if (!joined.isEmpty()) {
      sb.append('/').append(joined);
    }
    if (trailingSeparator) {
      sb.append('/');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SharePath other
        && kind == other.kind
        && code.equals(other.code)
        && joined.equals(other.joined)
        && trailingSeparator == other.trailingSeparator
        && Objects.equals(party, other.party);
  }

  @Override
  public int hashCode() {
    // Components never contain '/' and are never empty, so the joined text identifies them.
    return Objects.hash(kind, code, joined, trailingSeparator, party);
  }
}
