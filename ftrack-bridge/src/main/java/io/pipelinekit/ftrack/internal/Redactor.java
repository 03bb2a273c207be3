package io.pipelinekit.ftrack.internal;

import java.util.List;

/**
 * Replaces secrets in text that may be logged or put in an exception message (a server echoing the
 * key back, a proxy page quoting the request).
 */
public final class Redactor {
  private final List<String> secrets;

  /**
   * Creates a redactor.
   *
   * @param secrets the values to hide; blank ones are ignored
   */
  public Redactor(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  /**
   * Hides every secret.
   *
   * @param text any text
   * @return the text with each secret replaced by {@code <redacted>}
   */
  public String redact(String text) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "<redacted>");
    }
    return out;
  }

  /**
   * The redacted start of a text, for messages.
   *
   * @param text any text
   * @param max the most characters to keep
   * @return at most {@code max} characters, with an ellipsis when cut
   */
  public String excerpt(String text, int max) {
    String r = redact(text).strip();
    return r.length() <= max ? r : r.substring(0, max) + "…";
  }
}
