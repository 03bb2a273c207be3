package io.pipelinekit.accsyn.party;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One end of an accsyn transfer (see docs/protocol/accsyn-v3.md, "Parties"): the workspace, a user,
 * a user's client on a given host, a site or an explicit client. Immutable and thread-safe.
 *
 * <p>{@link #toString()} is the exact wire text that goes before the {@code :} of a path:
 *
 * <table>
 *   <caption>Parties and their wire text</caption>
 *   <tr><th>factory</th><th>wire text</th><th>resolves to</th></tr>
 *   <tr><td>{@code workspace()}</td><td>(nothing)</td><td>the main site's server for the volume
 *       in the path</td></tr>
 *   <tr><td>{@code workspace("acme")}</td><td>{@code acme}</td><td>the same, named</td></tr>
 *   <tr><td>{@code user("lisa@example.com")}</td><td>{@code lisa@example.com}</td><td>the user's
 *       most recently online client</td></tr>
 *   <tr><td>{@code userAt("lisa@example.com", "ws01")}</td><td>{@code lisa@example.com@ws01}</td>
 *       <td>that user's client on that host</td></tr>
 *   <tr><td>{@code site("la")}</td><td>{@code site=la}</td><td>a server of the site</td></tr>
 *   <tr><td>{@code client(id)}</td><td>{@code client=<id>}</td><td>exactly that client</td></tr>
 * </table>
 *
 * <p>An e-mail, code or host name that is {@code .} or holds {@code ..} is refused with {@link
 * UnsafePathException}: accsyn puts these values in paths, where they could climb out.
 *
 * <pre>{@code
 * Party.site("la").toString();                       // site=la
 * Party.parse("emma@compers.com@ws01").host();       // Optional[ws01]
 * }</pre>
 */
public final class Party {
  /** What a party names. */
  public enum Kind {
    /** The workspace itself (hq), named or omitted. */
    WORKSPACE,
    /** A user, by e-mail: that user's most recently online client. */
    USER,
    /** A user's client on one host: {@code email@hostname}. */
    USER_AT_HOST,
    /** A site, by code or id: {@code site=<code>}. */
    SITE,
    /** An explicit client (desktop app, server, user server), by id: {@code client=<id>}. */
    CLIENT
  }

  private static final Party OMITTED = new Party(Kind.WORKSPACE, null, null);
  private static final Pattern ENTITY_ID = Pattern.compile("[a-z0-9]{24}");

  private final Kind kind;
  private final String value; // null only for the omitted workspace
  private final String host;

  private Party(Kind kind, String value, String host) {
    this.kind = kind;
    this.value = value;
    this.host = host;
  }

  /**
   * The workspace without naming it: nothing is written before the path.
   *
   * @return the omitted workspace party
   */
  public static Party workspace() {
    return OMITTED;
  }

  /**
   * The workspace named by its code, e.g. {@code acme:share=projects/x}.
   *
   * @param code the workspace code
   * @return the party
   * @throws IllegalArgumentException if the code is blank or has a separator, {@code :}, {@code =}
   *     or {@code @}
   */
  public static Party workspace(String code) {
    return new Party(Kind.WORKSPACE, checkWord("workspace code", code, "acme"), null);
  }

  /**
   * A user by e-mail.
   *
   * @param email e.g. {@code lisa@example.com}
   * @return the party
   * @throws IllegalArgumentException if the text is not an e-mail address
   */
  public static Party user(String email) {
    return new Party(Kind.USER, checkEmail(email), null);
  }

  /**
   * A user's client on one host.
   *
   * @param email the user's e-mail
   * @param hostname the client's host name as accsyn knows it (the client code)
   * @return the party
   * @throws IllegalArgumentException if either part is malformed
   */
  public static Party userAt(String email, String hostname) {
    String h = checkWord("host name", hostname, "ws01");
    return new Party(Kind.USER_AT_HOST, checkEmail(email), h);
  }

  /**
   * A site by code or id.
   *
   * @param code e.g. {@code la}
   * @return the party
   * @throws IllegalArgumentException if the code is blank or has a separator, {@code :}, {@code =}
   *     or {@code @}
   */
  public static Party site(String code) {
    return new Party(Kind.SITE, checkWord("site code", code, "la"), null);
  }

  /**
   * An explicit client by its 24-character id.
   *
   * @param id the client id
   * @return the party
   * @throws IllegalArgumentException if the id is not 24 lower-case letters or digits
   */
  public static Party client(String id) {
    Objects.requireNonNull(id, "client id == null");
    if (!ENTITY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "client id \""
              + id
              + "\" is not an accsyn id (24 lower-case letters or digits, e.g."
              + " 5d84a31ace1bf9913a17cc20)");
    }
    return new Party(Kind.CLIENT, id, null);
  }

  /**
   * Parses the wire text of a party ({@code site=la}, {@code client=<id>}, {@code lisa@x.com},
   * {@code lisa@x.com@ws01}, a workspace code, or the empty string for the omitted workspace).
   *
   * @param text the text
   * @return the party
   * @throws IllegalArgumentException if the text is none of these
   */
  public static Party parse(String text) {
    Objects.requireNonNull(text, "party == null");
    if (text.isEmpty()) {
      return OMITTED;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("site=")) {
      return site(text.substring(5));
    }
    if (lower.startsWith("client=")) {
      return client(text.substring(7));
    }
    int first = text.indexOf('@');
    if (first >= 0) {
      int second = text.indexOf('@', first + 1);
      if (second < 0) {
        return user(text);
      }
      return userAt(text.substring(0, second), text.substring(second + 1));
    }
    if (text.indexOf('=') >= 0) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not an accsyn party; write site=<code>, client=<id>, an e-mail,"
              + " email@host or a workspace code");
    }
    return workspace(text);
  }

  /**
   * What the party names.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether this is the workspace written as nothing at all.
   *
   * @return true for {@link #workspace()}
   */
  public boolean isOmitted() {
    return value == null;
  }

  /**
   * The code, e-mail or id the party names.
   *
   * @return the value; empty only for the omitted workspace
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The host of a {@link Kind#USER_AT_HOST} party.
   *
   * @return the host name, or empty for other kinds
   */
  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  /**
   * Whether a destination path may be omitted for this party, which means "mirror the source
   * paths": valid towards sites and users' mapped shares, not the workspace.
   *
   * @return true for sites, users and clients
   */
  public boolean canMirror() {
    return kind != Kind.WORKSPACE;
  }

  /**
   * A path at this party.
   *
   * @param path the path, with or without a party of its own (its own party is replaced)
   * @return the path with this party
   */
  public AccsynPath at(AccsynPath path) {
    return path.withParty(this);
  }

  /**
   * The wire text: empty for the omitted workspace.
   *
   * @return e.g. {@code site=la}
   */
  @Override
  public String toString() {
    if (value == null) {
      return "";
    }
    switch (kind) {
      case SITE:
        return "site=" + value;
      case CLIENT:
        return "client=" + value;
      case USER_AT_HOST:
        return value + "@" + host;
      default:
        return value;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Party other
        && kind == other.kind
        && Objects.equals(value, other.value)
        && Objects.equals(host, other.host);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, host);
  }

  private static String checkEmail(String email) {
    Objects.requireNonNull(email, "e-mail == null");
    if (email.contains("..")) {
      // No e-mail address has '..' (RFC 5322 dot-atoms), and accsyn puts e-mails in paths.
      throw new UnsafePathException(
          email,
          "holds '..', which no e-mail address has and which would climb out of the path"
              + " accsyn builds from it (home=<e-mail>/...); check the address");
    }
    int at = email.indexOf('@');
    boolean ok =
        at > 0
            && at == email.lastIndexOf('@')
            && at < email.length() - 1
            && email.chars().noneMatch(c -> c <= ' ' || c == ':' || c == '/' || c == '\\');
    if (!ok) {
      throw new IllegalArgumentException(
          "\"" + email + "\" is not an e-mail address (expected e.g. lisa@example.com)");
    }
    return email;
  }

  private static String checkWord(String what, String text, String example) {
    Objects.requireNonNull(text, what + " == null");
    UnsafePathException.checkName(what, text);
    boolean ok =
        !text.isEmpty()
            && text.chars()
                .noneMatch(
                    c -> c <= ' ' || c == ':' || c == '/' || c == '\\' || c == '=' || c == '@');
    if (!ok) {
      throw new IllegalArgumentException(
          what
              + " \""
              + text
              + "\" is empty or contains whitespace, ':', '/', '\\', '=' or '@' (e.g. "
              + example
              + ")");
    }
    return text;
  }
}
