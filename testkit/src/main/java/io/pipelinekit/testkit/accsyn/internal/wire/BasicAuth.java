package io.pipelinekit.testkit.accsyn.internal.wire;

import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * accsyn's own {@code basic} scheme: {@code basic <b64(username)>:<b64(api key)>}. This is not RFC
 * 7617 (which base64-encodes {@code user:password} as one), and the fake rejects that form so that
 * a client using it fails here as it would against the real service.
 *
 * @param username the decoded user name (e-mail)
 * @param apiKey the decoded API key
 */
public record BasicAuth(String username, String apiKey) {

  /** Parses the header value; throws an authentication error when it is missing or malformed. */
  public static BasicAuth parse(String header) {
    if (header == null || header.isBlank()) {
      throw AccsynError.of(
          AccsynError.Kind.AUTHENTICATION,
          "Authentication failed - no Authorization header supplied!",
          "Not authenticated, please supply your API credentials!");
    }
    String value = header.trim();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).equalsIgnoreCase("basic")) {
      throw malformed();
    }
    String credentials = value.substring(space + 1).trim();
    int colon = credentials.indexOf(':');
    if (colon <= 0 || colon == credentials.length() - 1) {
      throw malformed();
    }
    try {
      Base64.Decoder decoder = Base64.getDecoder();
      String user =
          new String(decoder.decode(credentials.substring(0, colon)), StandardCharsets.UTF_8);
      String key =
          new String(decoder.decode(credentials.substring(colon + 1)), StandardCharsets.UTF_8);
      return new BasicAuth(user, key);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static AccsynError malformed() {
    return AccsynError.of(
        AccsynError.Kind.AUTHENTICATION,
        "Authentication failed - malformed Authorization header, expected"
            + " 'basic <base64 username>:<base64 API key>'!",
        "Authentication failed, invalid API credentials!");
  }

  @Override
  public String toString() {
    return "BasicAuth[username=" + username + ", apiKey=****]";
  }
}
