package io.pipelinekit.paths;

import io.pipelinekit.paths.internal.OsPathParser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An operating-system path, parsed: flavour, root and components. Immutable and thread-safe.
 *
 * <p>Parsing never consults the host OS, so a Windows path is understood on Linux and vice versa.
 * Duplicate separators collapse (except the leading {@code \\} of UNC), a trailing separator is
 * remembered because accsyn gives it meaning for destinations, and {@code .}/{@code ..} stay as
 * written until a mapper normalises them. Formatting uses the flavour's own separator.
 *
 * <p>A {@code \\?\} path is taken literally, as Windows takes it: a {@code .} or {@code ..} in it
 * is a name no other notation can hold, so parsing fails with {@link
 * FailureKind#LITERAL_DOT_SEGMENT}, and names ending with a dot or a space are kept as written.
 *
 * <pre>{@code
 * OsPath p = OsPath.parse("s:/shots\\sh010/", PathFlavour.WINDOWS);
 * p.root();                  // Drive[letter=S]
 * p.components();            // [shots, sh010]
 * p.hasTrailingSeparator();  // true
 * p.toString();              // S:\shots\sh010\
 * }</pre>
 */
public final class OsPath {
  /** Windows' classic MAX_PATH, including the terminating NUL. */
  private static final int WINDOWS_MAX_PATH = 260;

  private final PathFlavour flavour;
  private final PathRoot root;
  private final boolean trailingSeparator;
  private final boolean longPathPrefix;
  // Names are taken as written (a \\?\ path with a name Windows would otherwise trim).
  private final boolean literal;
  // One of the two is set at construction; the other is derived on first use. Both derivations
  // are pure, so a race only repeats work; volatile makes the published value safe to read.
  private volatile List<String> components;
  private volatile String text;

  private OsPath(
      PathFlavour flavour,
      PathRoot root,
      List<String> components,
      boolean trailingSeparator,
      boolean longPathPrefix,
      boolean literal) {
    this.flavour = flavour;
    this.root = root;
    this.components = components;
    this.trailingSeparator = trailingSeparator && !components.isEmpty();
    this.longPathPrefix = longPathPrefix && flavour == PathFlavour.WINDOWS;
    this.literal =
        literal && flavour == PathFlavour.WINDOWS && !(root instanceof PathRoot.Relative);
  }

  private OsPath(PathFlavour flavour, PathRoot root, String canonicalText, boolean trailing) {
    this.flavour = flavour;
    this.root = root;
    this.text = canonicalText;
    this.trailingSeparator = trailing;
    this.longPathPrefix = false;
    this.literal = false;
  }

  /**
   * Wraps text the caller has formatted exactly as {@link #toString()} would (canonical separators,
   * no duplicates, no long-path prefix); components are parsed from it on demand.
   */
  static OsPath preformatted(
      PathFlavour flavour, PathRoot root, String canonicalText, boolean trailingSeparator) {
    return new OsPath(flavour, root, canonicalText, trailingSeparator);
  }

  /**
   * Builds a path from its parts.
   *
   * @param flavour the syntax family
   * @param root the root; drive and UNC roots require the Windows flavour
   * @param components the names below the root, none empty and none containing a separator
   * @param trailingSeparator whether the text ends with a separator (ignored without components)
   * @return the path
   * @throws IllegalArgumentException if a component is empty or contains a separator, or the root
   *     does not fit the flavour
   */
  public static OsPath of(
      PathFlavour flavour, PathRoot root, List<String> components, boolean trailingSeparator) {
    Objects.requireNonNull(flavour, "flavour == null");
    Objects.requireNonNull(root, "root == null");
    List<String> copy = List.copyOf(components);
    if (flavour == PathFlavour.POSIX
        && (root instanceof PathRoot.Drive || root instanceof PathRoot.Unc)) {
      throw new IllegalArgumentException("a POSIX path cannot have root " + root);
    }
    if (flavour == PathFlavour.WINDOWS && root instanceof PathRoot.Posix) {
      throw new IllegalArgumentException("a Windows path cannot have the POSIX root");
    }
    for (String c : copy) {
      if (c.isEmpty()) {
        throw new IllegalArgumentException("empty path component in " + copy);
      }
      for (int i = 0; i < c.length(); i++) {
        if (flavour.isSeparator(c.charAt(i))) {
          throw new IllegalArgumentException(
              "component '" + c + "' contains the separator '" + c.charAt(i) + "'");
        }
      }
    }
    return new OsPath(flavour, root, copy, trailingSeparator, false, false);
  }

  /**
   * Parses path text of a known flavour. {@code file:} URLs are accepted in any flavour and give a
   * POSIX or Windows path according to their content.
   *
   * @param text the path text
   * @param flavour how to read it
   * @return the parsed path
   * @throws PathRejectedException for drive-relative ({@code S:x}), root-relative ({@code \x}),
   *     device ({@code \\.\}) and malformed input
   */
  public static OsPath parse(String text, PathFlavour flavour) {
    return tryParse(text, flavour).orElseThrow();
  }

  /**
   * Like {@link #parse(String, PathFlavour)} but returns a typed failure instead of throwing.
   *
   * @param text the path text
   * @param flavour how to read it
   * @return the parsed path or the reason it was rejected
   */
  public static MappingResult<OsPath> tryParse(String text, PathFlavour flavour) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(flavour, "flavour == null");
    return OsPathParser.parse(text, flavour)
        .map(
            r ->
                new OsPath(
                    r.flavour(),
                    r.root(),
                    r.components(),
                    r.trailingSeparator(),
                    false,
                    r.literal()));
  }

  /**
   * Builds a path from parts the caller guarantees valid: an unmodifiable list of non-empty
   * components without separators. Skips the copy and checks of {@link #of} on hot paths.
   */
  static OsPath trusted(
      PathFlavour flavour, PathRoot root, List<String> components, boolean trailingSeparator) {
    return new OsPath(flavour, root, components, trailingSeparator, false, false);
  }

  /**
   * Whether the names are taken exactly as written, as Windows takes those of a {@code \\?\} path.
   * Only set when that differs from the plain reading: some name ends with a dot or a space, which
   * Win32 would otherwise trim. Such a path formats with its {@code \\?\} prefix.
   */
  boolean isLiteral() {
    return literal;
  }

  /**
   * The syntax family.
   *
   * @return the flavour
   */
  public PathFlavour flavour() {
    return flavour;
  }

  /**
   * The root.
   *
   * @return the root; {@link PathRoot.Relative} for relative paths
   */
  public PathRoot root() {
    return root;
  }

  /**
   * The names below the root, in order.
   *
   * @return an unmodifiable list, empty for a bare root
   */
  public List<String> components() {
    List<String> c = components;
    if (c == null) {
      c = OsPathParser.parse(text, flavour).orElseThrow().components();
      components = c;
    }
    return c;
  }

  /**
   * Whether the text ended with a separator after at least one component.
   *
   * @return true for {@code /storage/shots/}
   */
  public boolean hasTrailingSeparator() {
    return trailingSeparator;
  }

  /**
   * Whether the path has a root.
   *
   * @return false for relative paths
   */
  public boolean isAbsolute() {
    return root.isAbsolute();
  }

  /**
   * The last component.
   *
   * @return the file or folder name, or empty for a bare root
   */
  public Optional<String> fileName() {
    List<String> c = components();
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
  }

  /**
   * The same path with other components, keeping flavour and root.
   *
   * @param newComponents the components
   * @param newTrailingSeparator whether to end with a separator
   * @return the new path
   */
  public OsPath withComponents(List<String> newComponents, boolean newTrailingSeparator) {
    OsPath p = of(flavour, root, newComponents, newTrailingSeparator);
    if (literal) {
      for (String c : p.components()) {
        if (c.equals(".") || c.equals("..")) {
          throw new IllegalArgumentException(
              "'" + c + "' in a \\\\?\\ path would be a literal name, which nothing can hold");
        }
      }
      p = new OsPath(flavour, root, p.components(), p.trailingSeparator, false, true);
    }
    return longPathPrefix ? p.withLongPathPrefix(true) : p;
  }

  /**
   * The same path, formatted by {@link #toString()} with the Win32 long-path prefix ({@code \\?\})
   * when it is 260 characters or longer. Has no effect on POSIX paths.
   *
   * @param value true to emit the prefix when needed
   * @return the new path
   */
  public OsPath withLongPathPrefix(boolean value) {
    return new OsPath(flavour, root, components(), trailingSeparator, value, literal);
  }

  /**
   * Whether {@link #toString()} emits the long-path prefix when needed.
   *
   * @return true if requested
   */
  public boolean usesLongPathPrefix() {
    return longPathPrefix;
  }

  /**
   * Formats the path with the flavour's separator, e.g. {@code S:\shots\a.exr}, {@code
   * \\fs01\storage\a.exr}, {@code /storage/a.exr}. A drive root alone is {@code S:\}, never the
   * drive-relative {@code S:}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = format(longPathPrefix);
      text = t;
    }
    return t;
  }

  /**
   * Formats the path, optionally with the Win32 long-path prefix ({@code \\?\S:\...} or {@code
   * \\?\UNC\server\share\...}) when a Windows path is too long for classic MAX_PATH.
   *
   * <p>A path parsed from a {@code \\?\} form whose names Windows would otherwise change (one ends
   * with a dot or a space) always keeps its prefix: without it, the text would name another file.
   *
   * @param longPathPrefixWhenNeeded emit {@code \\?\} for Windows paths of 260 characters or more
   * @return the text
   */
  public String format(boolean longPathPrefixWhenNeeded) {
    List<String> components = components();
    int size = 16;
    for (int i = 0; i < components.size(); i++) {
      size += components.get(i).length() + 1;
    }
    StringBuilder sb = new StringBuilder(size);
    appendRoot(sb);
    char sep = flavour.separator();
    for (int i = 0; i < components.size(); i++) {
      if (i > 0 || root instanceof PathRoot.Unc) {
        sb.append(sep);
      }
      sb.append(components.get(i));
    }
    if (trailingSeparator) {
      sb.append(sep);
    }
    if (literal
        || (longPathPrefixWhenNeeded
            && flavour == PathFlavour.WINDOWS
            && sb.length() >= WINDOWS_MAX_PATH)) {
      if (root instanceof PathRoot.Drive) {
        sb.insert(0, "\\\\?\\");
      } else if (root instanceof PathRoot.Unc) {
        sb.replace(0, 2, "\\\\?\\UNC\\");
      }
    }
    return sb.toString();
  }

  private void appendRoot(StringBuilder sb) {
    if (root instanceof PathRoot.Posix) {
      sb.append('/');
    } else if (root instanceof PathRoot.Drive d) {
      sb.append(d.letter()).append(":\\");
    } else if (root instanceof PathRoot.Unc u) {
      sb.append("\\\\").append(u.server()).append('\\').append(u.share());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OsPath other
        && flavour == other.flavour
        && root.equals(other.root)
        && components().equals(other.components())
        && trailingSeparator == other.trailingSeparator
        && longPathPrefix == other.longPathPrefix
        && literal == other.literal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(flavour, root, components(), trailingSeparator, longPathPrefix, literal);
  }
}
