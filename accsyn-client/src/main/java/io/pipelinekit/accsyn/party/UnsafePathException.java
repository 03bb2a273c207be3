package io.pipelinekit.accsyn.party;

import java.util.Objects;

/**
 * A path or party that could climb out of where it points: a {@code ..} component, or an e-mail,
 * code or host name that is or holds {@code ..}. Thrown when the {@link AccsynPath} or {@link
 * Party} is built, so nothing that holds one can ever be sent to accsyn.
 *
 * <p>Like every other malformed argument in this package it is an {@link IllegalArgumentException};
 * catch this subtype to tell a refused traversal from a typo:
 *
 * <pre>{@code
 * try {
 *   client.files().ls(AccsynPath.parse(userInput));
 * } catch (UnsafePathException e) {
 *   log.warn("refused path {}", e.input());
 * }
 * }</pre>
 */
public final class UnsafePathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param input the refused text, as the caller gave it
   * @param reason what is wrong with it and how to fix it, without the text itself
   */
  UnsafePathException(String input, String reason) {
    super("\"" + Objects.requireNonNull(input, "input == null") + "\" " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** The same refusal for a larger text that holds the refused part. */
  UnsafePathException within(String text) {
    return text.equals(input) ? this : new UnsafePathException(text, reason);
  }

  /**
   * The refused text: what was passed to {@code parse}, or the share path, component, e-mail, code
   * or host name a factory was given.
   *
   * @return the text
   */
  public String input() {
    return input;
  }

  static final String DOT_DOT_COMPONENT =
      "contains the component '..', which would climb out of the folder it names; accsyn paths"
          + " may not step up: write the path without '..'";

  static void checkComponents(String text, String input) {
    int n = text.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '/' || text.charAt(i) == '\\') {
        if (i - start == 2 && text.charAt(start) == '.' && text.charAt(start + 1) == '.') {
          throw new UnsafePathException(input, DOT_DOT_COMPONENT);
        }
        start = i + 1;
      }
    }
  }

  static void checkName(String what, String text) {
    if (text.equals(".") || text.contains("..")) {
      throw new UnsafePathException(
          text,
          "is a "
              + what
              + " that is '.' or holds '..', which would climb out of a path where accsyn puts"
              + " it; give the real "
              + what);
    }
  }
}
