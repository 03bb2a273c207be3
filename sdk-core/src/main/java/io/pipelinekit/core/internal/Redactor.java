package io.pipelinekit.core.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that may be logged or put in an exception message: the configured secret
 * values themselves (an API key, its base64 form, an Authorization header value), wherever they
 * appear, and the values of JSON fields named like secrets (an answer that echoes a key back in an
 * {@code api_key} field, a proxy page quoting the request).
 */
public final class Redactor {
  private static final String MARK = "<redacted>";

  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(\"(?:[A-Za-z0-9_-]*api[_-]key[A-Za-z0-9_-]*|password|[A-Za-z0-9_]*_token|session_key"
              + "|authorization)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
          Pattern.CASE_INSENSITIVE);

  private final List<String> secrets;

  /**
   * Creates a redactor.
   *
   * @param secrets the values to hide; values shorter than 4 characters are ignored, they would
   *     scramble innocent text and are no real secret anyway
   */
  public Redactor(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  /**
   * Hides every secret and every secret-looking JSON field.
   *
   * @param text any text, or null
   * @return the text with secrets replaced by {@code <redacted>}; empty for null
   */
  public String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MARK);
    }
    return fields(out);
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

  /**
   * Hides the values of JSON fields named like secrets.
   *
   * @param json JSON text
   * @return the text with those values replaced by {@code "<redacted>"}
   */
  public static String fields(String json) {
    Matcher m = SECRET_FIELD.matcher(json);
    return m.find() ? m.replaceAll("$1\"" + MARK + "\"") : json;
  }
}
