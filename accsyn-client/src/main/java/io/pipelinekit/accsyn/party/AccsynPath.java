package io.pipelinekit.accsyn.party;

import io.pipelinekit.paths.ShareKind;
import io.pipelinekit.paths.SharePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A path as accsyn reads it, {@code [<party>:]<path>} (see docs/protocol/accsyn-v3.md, "Paths"),
 * built on path-mapping's {@link SharePath} for share notation. Immutable and thread-safe; {@link
 * #toString()} is the exact wire text.
 *
 * <table>
 *   <caption>Path forms</caption>
 *   <tr><th>form</th><th>factory</th><th>wire text</th></tr>
 *   <tr><td>share notation</td><td>{@code share("projects", "sh010", "a.exr")}</td>
 *       <td>{@code share=projects/sh010/a.exr}</td></tr>
 *   <tr><td>site plus share</td><td>{@code share("render", "got").at(Party.site("cloud"))}</td>
 *       <td>{@code site=cloud:share=render/got}</td></tr>
 *   <tr><td>the user's home</td><td>{@code home("in")}</td><td>{@code ~/in}</td></tr>
 *   <tr><td>absolute OS path</td><td>{@code absolute("/Volumes/projects/ref.tif")}</td>
 *       <td>{@code /Volumes/projects/ref.tif}</td></tr>
 *   <tr><td>relative to the default volume</td><td>{@code relative("proj/ref.jpg")}</td>
 *       <td>{@code proj/ref.jpg}</td></tr>
 *   <tr><td>mirror (path omitted)</td><td>{@code mirror(Party.site("la"))}</td>
 *       <td>{@code site=la}</td></tr>
 *   <tr><td>placeholder</td><td>{@code placeholder(Party.site("cloud"))}</td>
 *       <td>{@code site=cloud:null}</td></tr>
 *   <tr><td>a delivery (ls only)</td><td>{@code delivery(id)}</td><td>{@code delivery=<id>}</td>
 *   </tr>
 * </table>
 *
 * <p><b>No climbing.</b> A {@code ..} component (behind {@code /} or {@code \}), or a share code,
 * id or party that holds {@code ..}, is refused with {@link UnsafePathException} when the path is
 * built, so no request can carry it.
 *
 * <p><b>Destinations and the trailing slash.</b> accsyn reads a destination that ends in {@code /}
 * (or {@code \}) as "put inside this folder"; without it the last element is the target name, so
 * {@code /Volumes/nas/TEMP} stores the file <i>as</i> TEMP. Use {@link #intoFolder()} for the first
 * meaning and {@link #asTarget()} for the second:
 *
 * <pre>{@code
 * AccsynPath.share("thefilm", "_FROM_HQ").at(Party.user("emma@compers.com")).intoFolder()
 *     .toString();   // emma@compers.com:share=thefilm/_FROM_HQ/
 * }</pre>
 */
public final class AccsynPath {
  /** The form of the path part. */
  public enum Kind {
    /**
     * Share notation: {@code share=}, {@code volume=}, {@code folder=}, {@code home=}, {@code
     * collection=}.
     */
    SHARE,
    /** The user's home share: {@code ~} or {@code ~/sub}. */
    HOME,
    /** An absolute OS path (local to a user's machine, or matching a volume path on a server). */
    ABSOLUTE,
    /** A bare relative path: relative to the default volume (or a user's download location). */
    RELATIVE,
    /** {@code delivery=<id>}: a delivery's files (listing only). */
    DELIVERY,
    /** No path: the party alone, meaning "mirror the other side's paths". */
    MIRROR,
    /** {@code null}: a placeholder path, e.g. for an excluded placeholder task. */
    PLACEHOLDER
  }

  private final Party party;
  private final Kind kind;
  private final SharePath share; // for SHARE, without party
  private final String text; // the path part for every other kind, without trailing separator
  private final boolean folder; // trailing separator
  // The wire text, made once: a job of 100,000 tasks sends (and hashes) every path, and building
  // it again on each use would allocate more than the whole encoded request.
  private final String wire;

  private AccsynPath(Party party, Kind kind, SharePath share, String text, boolean folder) {
    this.party = party;
    this.kind = kind;
    this.share = share;
    this.text = text;
    this.folder = folder;
    this.wire = wireText();
  }

  /**
   * A path in share notation. A party written in the share path ({@code site=la:share=x}) becomes
   * this path's party.
   *
   * @param path the share path
   * @return the accsyn path
   */
  public static AccsynPath of(SharePath path) {
    Objects.requireNonNull(path, "path == null");
    Party p = path.party().map(Party::parse).orElse(Party.workspace());
    SharePath bare = path.withoutParty();
    UnsafePathException.checkName("share code", bare.code());
    for (String c : bare.components()) {
      if (c.equals("..")) {
        throw new UnsafePathException(bare.toString(), UnsafePathException.DOT_DOT_COMPONENT);
      }
    }
    return new AccsynPath(p, Kind.SHARE, bare, null, bare.hasTrailingSeparator());
  }

  /**
   * {@code share=<code>/<components>}: the relaxed form that names any volume, folder, home or
   * collection by code or id.
   *
   * @param code the share code or id
   * @param components path components below the share, each without separators
   * @return the path
   */
  public static AccsynPath share(String code, String... components) {
    return of(SharePath.of(ShareKind.SHARE, checkedCode(code), List.of(components), false));
  }

  /**
   * {@code volume=<code>/<components>}.
   *
   * @param code the volume code or id, or {@link SharePath#DEFAULT_CODE}
   * @param components path components
   * @return the path
   */
  public static AccsynPath volume(String code, String... components) {
    return of(SharePath.of(ShareKind.VOLUME, checkedCode(code), List.of(components), false));
  }

  /**
   * {@code volume=(default)/<components>}: the workspace's default volume.
   *
   * @param components path components
   * @return the path
   */
  public static AccsynPath defaultVolume(String... components) {
    return volume(SharePath.DEFAULT_CODE, components);
  }

  /**
   * {@code folder=<code>/<components>}.
   *
   * @param code the shared folder's code or id
   * @param components path components
   * @return the path
   */
  public static AccsynPath folder(String code, String... components) {
    return of(SharePath.of(ShareKind.FOLDER, checkedCode(code), List.of(components), false));
  }

  /**
   * {@code collection=<code>}.
   *
   * @param code the collection code or id
   * @param components path components
   * @return the path
   */
  public static AccsynPath collection(String code, String... components) {
    return of(SharePath.of(ShareKind.COLLECTION, checkedCode(code), List.of(components), false));
  }

  /**
   * {@code home=<email>/<components>}: a named user's home share.
   *
   * @param email the home owner's e-mail (or the home's code or id)
   * @param components path components
   * @return the path
   */
  public static AccsynPath homeOf(String email, String... components) {
    Objects.requireNonNull(email, "email == null");
    UnsafePathException.checkName("home owner's e-mail or code", email);
    return of(SharePath.of(ShareKind.HOME, email, List.of(components), false));
  }

  /**
   * {@code ~} or {@code ~/<components>}: the calling user's home share.
   *
   * @param components path components
   * @return the path
   */
  public static AccsynPath home(String... components) {
    StringBuilder sb = new StringBuilder("~");
    for (String c : components) {
      sb.append('/').append(checkComponent(c));
    }
    return new AccsynPath(Party.workspace(), Kind.HOME, null, sb.toString(), false);
  }

  /**
   * An absolute OS path, sent verbatim. On a server it must match a configured volume path; on a
   * user's machine only that user may use it.
   *
   * @param osPath e.g. {@code /Volumes/projects/ref.tif}, {@code P:\proj\x.mov} or {@code
   *     \\fs01\assets\x}
   * @return the path
   * @throws IllegalArgumentException if the text is not absolute
   */
  public static AccsynPath absolute(String osPath) {
    Objects.requireNonNull(osPath, "osPath == null");
    if (!isAbsolute(osPath)) {
      throw new IllegalArgumentException(
          "\""
              + osPath
              + "\" is not an absolute path; start with '/', '\\\\' or a drive letter (e.g. P:\\),"
              + " or use AccsynPath.relative(...) for a path in the default volume");
    }
    return plain(Party.workspace(), Kind.ABSOLUTE, osPath);
  }

  /**
   * A bare relative path: relative to the default volume on the workspace side, or to a user's
   * download location on a user's side. accsyn no longer guesses that the first element is a share:
   * use {@link #share(String, String...)} for that.
   *
   * @param path e.g. {@code proj/ref.jpg}
   * @return the path
   * @throws IllegalArgumentException if the text is empty, absolute or share notation
   */
  public static AccsynPath relative(String path) {
    Objects.requireNonNull(path, "path == null");
    if (path.isEmpty()
        || isAbsolute(path)
        || SharePath.isSharePath(path)
        || path.startsWith("~")
        || path.toLowerCase(Locale.ROOT).startsWith("delivery=")) {
      throw new IllegalArgumentException(
          "\""
              + path
              + "\" is not a bare relative path; use absolute(...), home(...), share(...) or"
              + " parse(...) for other forms");
    }
    return plain(Party.workspace(), Kind.RELATIVE, path);
  }

  /**
   * {@code delivery=<id>}: the files of a delivery, for listing.
   *
   * @param deliveryId the delivery id
   * @return the path
   */
  public static AccsynPath delivery(String deliveryId) {
    return new AccsynPath(
        Party.workspace(), Kind.DELIVERY, null, "delivery=" + checkCode(deliveryId), false);
  }

  /**
   * The party alone: as a destination it means "mirror the source paths", valid towards a site or a
   * user's locally mapped share.
   *
   * @param party the party; not the workspace
   * @return the path
   * @throws IllegalArgumentException for a workspace party (omit the destination instead)
   */
  public static AccsynPath mirror(Party party) {
    Objects.requireNonNull(party, "party == null");
    if (!party.canMirror()) {
      throw new IllegalArgumentException(
          "a workspace party cannot stand without a path; omit the destination to mirror into the"
              + " workspace's default volume");
    }
    return new AccsynPath(party, Kind.MIRROR, null, "", false);
  }

  /**
   * {@code <party>:null}: a placeholder path, e.g. {@code site=cloud:null} in an excluded task.
   *
   * @param party the party
   * @return the path
   */
  public static AccsynPath placeholder(Party party) {
    Objects.requireNonNull(party, "party == null");
    return new AccsynPath(party, Kind.PLACEHOLDER, null, "null", false);
  }

  /**
   * Parses {@code [<party>:]<path>} as accsyn does. A single letter before {@code :} followed by a
   * separator is a Windows drive, not a party.
   *
   * @param text e.g. {@code site=cloud:share=render/got/}, {@code client=<id>:P:/proj/a.mov}, or
   *     {@code lisa@example.com}
   * @return the path
   * @throws IllegalArgumentException if the text is empty or its party is malformed
   * @throws UnsafePathException if a component is {@code ..} or a party, code or id holds it
   */
  public static AccsynPath parse(String text) {
    Objects.requireNonNull(text, "path == null");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an accsyn path cannot be empty");
    }
    try {
      return parseChecked(text);
    } catch (UnsafePathException e) {
      throw e.within(text);
    }
  }

  private static AccsynPath parseChecked(String text) {
    int colon = partyEnd(text);
    Party party = colon < 0 ? Party.workspace() : Party.parse(text.substring(0, colon));
    String rest = colon < 0 ? text : text.substring(colon + 1);
    if (colon < 0 && !party.canMirror() && isBarePartyText(text)) {
      // "site=la" or "lisa@x.com" alone: a party with no path.
      return mirror(Party.parse(text));
    }
    if (rest.isEmpty()) {
      return mirror(party);
    }
    return pathPart(rest).withParty(party);
  }

  private static boolean isBarePartyText(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return (lower.startsWith("site=") || lower.startsWith("client=") || text.indexOf('@') > 0)
        && text.indexOf('/') < 0
        && text.indexOf('\\') < 0;
  }

  private static AccsynPath pathPart(String rest) {
    if (rest.equals("null")) {
      return new AccsynPath(Party.workspace(), Kind.PLACEHOLDER, null, "null", false);
    }
    if (SharePath.isSharePath(rest)) {
      return of(SharePath.parse(rest));
    }
    if (rest.toLowerCase(Locale.ROOT).startsWith("delivery=")) {
      return delivery(rest.substring("delivery=".length()));
    }
    if (rest.equals("~") || rest.startsWith("~/") || rest.startsWith("~\\")) {
      return plain(Party.workspace(), Kind.HOME, rest);
    }
    return plain(Party.workspace(), isAbsolute(rest) ? Kind.ABSOLUTE : Kind.RELATIVE, rest);
  }

  /** Index of the colon that ends a party prefix, or -1. */
  private static int partyEnd(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return -1;
    }
    String head = text.substring(0, colon);
    if (head.indexOf('/') >= 0 || head.indexOf('\\') >= 0) {
      return -1; // the colon sits inside a path
    }
    if (head.length() == 1 && Character.isLetter(head.charAt(0))) {
      return -1; // a drive letter: C:\x, C:/x, C:
    }
    String lower = head.toLowerCase(Locale.ROOT);
    for (ShareKind k : ShareKind.values()) {
      if (lower.startsWith(k.key() + "=")) {
        return -1; // share notation with a colon inside (legacy delivery sub-path)
      }
    }
    if (lower.startsWith("delivery=")) {
      return -1;
    }
    return colon;
  }

  private static AccsynPath plain(Party party, Kind kind, String text) {
    UnsafePathException.checkComponents(text, text);
    boolean folder = endsWithSeparator(text) && text.length() > 1 && !isDriveRoot(text);
    String body = folder ? text.substring(0, text.length() - 1) : text;
    return new AccsynPath(party, kind, null, body, folder);
  }

  private static boolean isDriveRoot(String text) {
    return text.length() == 3 && text.charAt(1) == ':' && endsWithSeparator(text);
  }

  private static boolean endsWithSeparator(String text) {
    char c = text.charAt(text.length() - 1);
    return c == '/' || c == '\\';
  }

  private static boolean isAbsolute(String text) {
    if (text.startsWith("/") || text.startsWith("\\")) {
      return true;
    }
    return text.length() >= 2
        && Character.isLetter(text.charAt(0))
        && text.charAt(1) == ':'
        && (text.length() == 2 || text.charAt(2) == '/' || text.charAt(2) == '\\');
  }

  private static String checkedCode(String code) {
    Objects.requireNonNull(code, "code == null");
    UnsafePathException.checkName("share code", code);
    return code;
  }

  private static String checkComponent(String c) {
    Objects.requireNonNull(c, "component == null");
    if (c.equals("..")) {
      throw new UnsafePathException(c, UnsafePathException.DOT_DOT_COMPONENT);
    }
    if (c.isEmpty() || c.indexOf('/') >= 0 || c.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("path component '" + c + "' is empty or has a separator");
    }
    return c;
  }

  private static String checkCode(String id) {
    Objects.requireNonNull(id, "id == null");
    UnsafePathException.checkName("id", id);
    if (id.isEmpty() || id.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '\\' || c == ':')) {
      throw new IllegalArgumentException("id '" + id + "' is empty or has a separator");
    }
    return id;
  }

  /**
   * The party before the colon.
   *
   * @return the party; {@link Party#workspace()} when none is written
   */
  public Party party() {
    return party;
  }

  /**
   * The form of the path part.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The share path, for {@link Kind#SHARE}.
   *
   * @return the share path without a party, or empty for other kinds
   */
  public Optional<SharePath> sharePath() {
    return Optional.ofNullable(share);
  }

  /**
   * The path part as written after the party's colon.
   *
   * @return e.g. {@code share=projects/a.exr}; empty for {@link Kind#MIRROR}
   */
  public String path() {
    if (share != null) {
      return shareText();
    }
    return folder ? text + separator() : text;
  }

  /**
   * Whether a destination ending here is a folder to put things into (the path ends in a
   * separator).
   *
   * @return true after {@link #intoFolder()}
   */
  public boolean isFolder() {
    return folder;
  }

  /**
   * This path with another party.
   *
   * @param newParty the party
   * @return the new path
   */
  public AccsynPath withParty(Party newParty) {
    Objects.requireNonNull(newParty, "party == null");
    if (kind == Kind.MIRROR && !newParty.canMirror()) {
      throw new IllegalArgumentException("a mirror path needs a site, user or client party");
    }
    return new AccsynPath(newParty, kind, share, text, folder);
  }

  /**
   * Shortcut for {@code withParty(party)}.
   *
   * @param newParty the party
   * @return the new path
   */
  public AccsynPath at(Party newParty) {
    return withParty(newParty);
  }

  /**
   * As a destination: "put inside this folder" (a trailing separator).
   *
   * @return the new path
   * @throws IllegalStateException for mirror, placeholder and delivery paths, which have no folder
   */
  public AccsynPath intoFolder() {
    checkHasPath("intoFolder");
    if (kind == Kind.SHARE) {
      if (share.components().isEmpty()) {
        return this; // the share root is always a folder
      }
      SharePath s = share.withComponents(share.components(), true);
      return new AccsynPath(party, kind, s, null, true);
    }
    if (kind == Kind.HOME && text.equals("~")) {
      return this;
    }
    return new AccsynPath(party, kind, null, text, true);
  }

  /**
   * As a destination: "the last element is the target name" (no trailing separator).
   *
   * @return the new path
   */
  public AccsynPath asTarget() {
    if (!folder) {
      return this;
    }
    if (kind == Kind.SHARE) {
      return new AccsynPath(
          party, kind, share.withComponents(share.components(), false), null, false);
    }
    return new AccsynPath(party, kind, null, text, false);
  }

  /**
   * A path one level deeper.
   *
   * @param name the child name, without separators
   * @return the new path (not a folder target)
   * @throws IllegalStateException for mirror, placeholder and delivery paths
   */
  public AccsynPath resolve(String name) {
    checkHasPath("resolve");
    checkComponent(name);
    if (kind == Kind.SHARE) {
      return new AccsynPath(party, kind, share.resolve(name), null, false);
    }
    String sep = separator();
    String base = endsWithSeparator(text) ? text : text + sep;
    return new AccsynPath(party, kind, null, base + name, false);
  }

  /**
   * The path's components below its root: for share notation the components after the code; for
   * other forms the text split at separators, without empty parts.
   *
   * @return an unmodifiable list
   */
  public List<String> components() {
    if (share != null) {
      return share.components();
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split("[/\\\\]")) {
      if (!part.isEmpty() && !(kind == Kind.HOME && part.equals("~"))) {
        out.add(part);
      }
    }
    return List.copyOf(out);
  }

  private void checkHasPath(String op) {
    if (kind == Kind.MIRROR || kind == Kind.PLACEHOLDER || kind == Kind.DELIVERY) {
      throw new IllegalStateException(op + "() needs a path, but this is a " + kind + " path");
    }
  }

  private String separator() {
    return text.indexOf('\\') >= 0 && text.indexOf('/') < 0 ? "\\" : "/";
  }

  private String shareText() {
    return share.toString();
  }

  /**
   * The wire text: {@code [<party>:]<path>}.
   *
   * @return e.g. {@code site=cloud:share=render/got/}
   */
  @Override
  public String toString() {
    return wire;
  }

  private String wireText() {
    String p = path();
    if (party.isOmitted()) {
      return p;
    }
    return kind == Kind.MIRROR ? party.toString() : party + ":" + p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccsynPath other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
