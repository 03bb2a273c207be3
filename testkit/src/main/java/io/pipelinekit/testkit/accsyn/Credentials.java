package io.pipelinekit.testkit.accsyn;

import java.net.URI;
import java.util.Objects;

/**
 * What a client needs to talk to a fake: base URL, workspace, user name and API key. {@link
 * #toString()} hides the key.
 *
 * <pre>{@code
 * Credentials c = fake.credentials("anna@studio.com");
 * URI base = c.baseUrl();            // http://127.0.0.1:PORT
 * String header = c.authorization(); // basic <b64 user>:<b64 key>
 * }</pre>
 */
public final class Credentials {
  private final URI baseUrl;
  private final String workspace;
  private final String username;
  private final String apiKey;

  private Credentials(URI baseUrl, String workspace, String username, String apiKey) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.workspace = Objects.requireNonNull(workspace, "workspace == null");
    this.username = Objects.requireNonNull(username, "username == null");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
  }

  /** Creates credentials. */
  public static Credentials of(URI baseUrl, String workspace, String username, String apiKey) {
    return new Credentials(baseUrl, workspace, username, apiKey);
  }

  /** The fake's base URL, {@code http://127.0.0.1:<port>} (no path). */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The workspace code (sent as {@code X-Accsyn-Workspace}). */
  public String workspace() {
    return workspace;
  }

  /** The user's e-mail. */
  public String username() {
    return username;
  }

  /** The API key. */
  public String apiKey() {
    return apiKey;
  }

  /** The {@code Authorization} header value in accsyn's own {@code basic} scheme. */
  public String authorization() {
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    return "basic "
        + b64.encodeToString(username.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + ":"
        + b64.encodeToString(apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c
        && baseUrl.equals(c.baseUrl)
        && workspace.equals(c.workspace)
        && username.equals(c.username)
        && apiKey.equals(c.apiKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseUrl, workspace, username, apiKey);
  }

  @Override
  public String toString() {
    return "Credentials{baseUrl="
        + baseUrl
        + ", workspace="
        + workspace
        + ", username="
        + username
        + ", apiKey=****}";
  }
}
