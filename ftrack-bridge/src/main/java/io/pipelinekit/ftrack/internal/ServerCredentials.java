package io.pipelinekit.ftrack.internal;

import io.pipelinekit.ftrack.FtrackConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The server, API user and API key that the session and event hub builders both take, from code or
 * from {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code FTRACK_API_KEY}. Values set in
 * code win over the environment. Not thread-safe, like the builders that hold one.
 */
public final class ServerCredentials {
  private HttpUrl url;
  private String apiUser;
  private String apiKey;

  /**
   * Sets the server URL. Trailing slashes are dropped, as the official client does before it
   * appends {@code /api} (OkHttp would keep an empty last path segment).
   *
   * @param serverUrl an http or https URL
   * @throws FtrackConfigurationException if it is not one
   */
  public void serverUrl(String serverUrl) {
    Objects.requireNonNull(serverUrl, "serverUrl == null");
    HttpUrl parsed = HttpUrl.parse(serverUrl.strip());
    if (parsed == null) {
      throw new FtrackConfigurationException(
          "FTRACK_SERVER '"
              + serverUrl
              + "' is not an http(s) URL; use e.g. https://studio.ftrackapp.com");
    }
    HttpUrl.Builder b = parsed.newBuilder();
    List<String> segments = new ArrayList<>(parsed.pathSegments());
    while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    b.encodedPath("/");
    for (String s : segments) {
      b.addPathSegment(s);
    }
    this.url = b.build();
  }

  /**
   * Sets the API user.
   *
   * @param apiUser the user
   */
  public void apiUser(String apiUser) {
    this.apiUser = Objects.requireNonNull(apiUser, "apiUser == null");
  }

  /**
   * Sets the API key.
   *
   * @param apiKey the key
   */
  public void apiKey(String apiKey) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
  }

  /**
   * Fills unset values from {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code
   * FTRACK_API_KEY}.
   *
   * @param environment variables by name
   */
  public void fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment == null");
    String server = environment.get("FTRACK_SERVER");
    if (url == null && server != null && !server.isBlank()) {
      serverUrl(server);
    }
    if (apiUser == null) {
      apiUser = environment.get("FTRACK_API_USER");
    }
    if (apiKey == null) {
      apiKey = environment.get("FTRACK_API_KEY");
    }
  }

  /**
   * Checks that all three are set.
   *
   * @throws FtrackConfigurationException naming what is missing and how to set it
   */
  public void validate() {
    if (url == null) {
      throw new FtrackConfigurationException(
          "no ftrack server: set FTRACK_SERVER or call serverUrl(\"https://<studio>.ftrackapp.com\")");
    }
    if (apiUser == null || apiUser.isBlank()) {
      throw new FtrackConfigurationException(
          "no ftrack API user: set FTRACK_API_USER or call apiUser(...)");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new FtrackConfigurationException(
          "no ftrack API key: set FTRACK_API_KEY or call apiKey(...); keys are made under"
              + " Settings > API keys in ftrack");
    }
  }

  /**
   * The server URL without a trailing slash, or null when unset.
   *
   * @return the URL
   */
  public HttpUrl url() {
    return url;
  }

  /**
   * The API user, or null when unset.
   *
   * @return the user
   */
  public String apiUser() {
    return apiUser;
  }

  /**
   * The API key, or null when unset.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * A builder's {@code toString()}, without the key.
   *
   * @param builderName e.g. {@code FtrackSession.Builder}
   * @return the text
   */
  public String describe(String builderName) {
    return builderName
        + "{server="
        + url
        + ", user="
        + apiUser
        + ", apiKey="
        + (apiKey == null ? "unset" : "<redacted>")
        + "}";
  }
}
