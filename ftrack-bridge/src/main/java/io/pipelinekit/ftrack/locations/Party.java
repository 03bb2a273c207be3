package io.pipelinekit.ftrack.locations;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An accsyn party a location stands for: a site ({@code site=hq}), a user by e-mail (an employee's
 * or a vendor's machine, {@code anna@studio.com}), or the workspace itself (the main site; no party
 * in accsyn notation).
 *
 * <pre>{@code
 * Party.site("hq").notation();              // Optional[site=hq]
 * Party.user("anna@vendor.com").notation(); // Optional[anna@vendor.com]
 * Party.workspace().notation();             // Optional.empty
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Party {
  /** The kinds of party. */
  public enum Kind {
    /** An accsyn site, by code. */
    SITE,
    /** A user, by e-mail. */
    USER,
    /** The workspace (main site). */
    WORKSPACE
  }

  private static final Party WORKSPACE = new Party(Kind.WORKSPACE, "");

  private final Kind kind;
  private final String value;

  private Party(Kind kind, String value) {
    this.kind = kind;
    this.value = value;
  }

  /**
   * A site.
   *
   * @param code the site code, e.g. {@code hq}
   * @return the party
   */
  public static Party site(String code) {
    Objects.requireNonNull(code, "code == null");
    if (code.isBlank() || code.matches(".*[:/\\\\=@\\s].*")) {
      throw new IllegalArgumentException("'" + code + "' is not a site code");
    }
    return new Party(Kind.SITE, code.strip());
  }

  /**
   * A user.
   *
   * @param email the user's e-mail
   * @return the party
   */
  public static Party user(String email) {
    Objects.requireNonNull(email, "email == null");
    String e = email.strip();
    if (!LocationDirectory.isEmail(e)) {
      throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
    }
    return new Party(Kind.USER, e.toLowerCase(Locale.ROOT));
  }

  /**
   * The workspace.
   *
   * @return the party
   */
  public static Party workspace() {
    return WORKSPACE;
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The site code of a site.
   *
   * @return the code; empty for other kinds
   */
  public Optional<String> siteCode() {
    return kind == Kind.SITE ? Optional.of(value) : Optional.empty();
  }

  /**
   * The e-mail of a user (lower case).
   *
   * @return the e-mail; empty for other kinds
   */
  public Optional<String> email() {
    return kind == Kind.USER ? Optional.of(value) : Optional.empty();
  }

  /**
   * The party in accsyn path notation, to put before {@code :path}.
   *
   * @return {@code site=<code>} or the e-mail; empty for the workspace, whose party is omitted
   */
  public Optional<String> notation() {
    switch (kind) {
      case SITE:
        return Optional.of("site=" + value);
      case USER:
        return Optional.of(value);
      default:
        return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Party && ((Party) o).kind == kind && ((Party) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value);
  }

  @Override
  public String toString() {
    return kind == Kind.WORKSPACE ? "workspace" : notation().orElseThrow();
  }
}
