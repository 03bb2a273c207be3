package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.internal.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Socket.IO 0.9 handshake: {@code GET socket.io/1/} with the credentials, answered by {@code
 * sid:heartbeat:close:transports}. Its response is always closed, so the connection goes back to
 * the pool whatever the outcome.
 */
final class Handshake {
  /** What a handshake ends with. */
  interface Outcome {
    /** The server gave a session. */
    void session(String sid, Duration heartbeatTimeout, HttpUrl webSocketUrl);

    /** No session: the reason, with no secret in it. */
    void failed(String reason);
  }

  private final OkHttpClient client;
  private final HttpUrl serverUrl;
  private final String apiUser;
  private final String apiKey;
  private final boolean queryAuthentication;
  private final Duration heartbeatTimeoutOverride;
  private final Redactor redactor;

  Handshake(
      OkHttpClient client,
      HttpUrl serverUrl,
      String apiUser,
      String apiKey,
      boolean queryAuthentication,
      Duration heartbeatTimeoutOverride,
      Redactor redactor) {
    this.client = client;
    this.serverUrl = serverUrl;
    this.apiUser = apiUser;
    this.apiKey = apiKey;
    this.queryAuthentication = queryAuthentication;
    this.heartbeatTimeoutOverride = heartbeatTimeoutOverride;
    this.redactor = redactor;
  }

  /** Sends the handshake; the outcome arrives on an OkHttp thread. */
  void start(Outcome outcome) {
    HttpUrl.Builder url = serverUrl.newBuilder().addPathSegments("socket.io/1/");
    if (queryAuthentication) {
      // The JavaScript client's way; off by default because URLs end up in access logs.
      url.addQueryParameter("api_user", apiUser).addQueryParameter("api_key", apiKey);
    }
    Request request =
        new Request.Builder()
            .url(url.build())
            .header("ftrack-user", apiUser)
            .header("ftrack-api-key", apiKey)
            .build();
    client
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                outcome.failed(
                    "handshake with "
                        + serverUrl
                        + " failed: "
                        + e.getClass().getSimpleName()
                        + ": "
                        + redactor.redact(String.valueOf(e.getMessage())));
              }

              @Override
              public void onResponse(Call call, Response response) {
                String text;
                int code;
                try (response) {
                  code = response.code();
                  ResponseBody body = response.body();
                  text = body == null ? "" : body.string();
                } catch (IOException e) {
                  outcome.failed("handshake body could not be read: " + e.getMessage());
                  return;
                }
                answered(code, text, outcome);
              }
            });
  }

  private void answered(int code, String text, Outcome outcome) {
    if (code != 200) {
      outcome.failed(
          "handshake answered HTTP "
              + code
              + (code == 401 || code == 403 ? " (check FTRACK_API_USER and FTRACK_API_KEY)" : "")
              + ": "
              + redactor.excerpt(text, 200));
      return;
    }
    String handshake = text.strip();
    String[] parts = handshake.split(":", -1);
    if (parts.length < 4 || parts[0].isBlank()) {
      outcome.failed("unexpected handshake answer: " + redactor.excerpt(handshake, 100));
      return;
    }
    if (!List.of(parts[3].split(",")).contains("websocket")) {
      outcome.failed(
          "the server offers no websocket transport (offers " + parts[3] + "); check proxies");
      return;
    }
    Duration timeout = heartbeatTimeoutOverride;
    if (timeout == null) {
      long seconds;
      try {
        seconds = Long.parseLong(parts[1].strip());
      } catch (NumberFormatException e) {
        seconds = 0;
      }
      timeout = Duration.ofSeconds(seconds > 0 ? seconds : 60);
    }
    HttpUrl ws =
        serverUrl
            .newBuilder()
            .addPathSegments("socket.io/1/websocket")
            .addPathSegment(parts[0])
            .build();
    outcome.session(parts[0], timeout, ws);
  }
}
