package io.pipelinekit.testkit.ftrack;

import io.pipelinekit.testkit.ftrack.internal.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Posts raw JSON to a fake, as any ftrack client would, for tests written from the protocol. */
final class RawFtrack {
  static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .callTimeout(Duration.ofSeconds(10))
          .retryOnConnectionFailure(false)
          .build();

  record Answer(int status, Object body) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> results() {
      return (List<Map<String, Object>>) body;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) body;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data(int i) {
      return (List<Map<String, Object>>) results().get(i).get("data");
    }
  }

  private final FakeFtrack fake;
  private String user;
  private String key;
  private boolean strict;

  RawFtrack(FakeFtrack fake) {
    this.fake = fake;
    this.user = fake.apiUser();
    this.key = fake.apiKey();
  }

  RawFtrack as(String user, String key) {
    this.user = user;
    this.key = key;
    return this;
  }

  RawFtrack strict() {
    this.strict = true;
    return this;
  }

  Answer post(Object... operations) {
    return postText(WireJson.write(List.of(operations)));
  }

  Answer postText(String body) {
    Request r =
        new Request.Builder()
            .url(fake.serverUrl() + "/api")
            .header("ftrack-user", user)
            .header("ftrack-api-key", key)
            .header("ftrack-strict-api", String.valueOf(strict))
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    try (Response response = HTTP.newCall(r).execute()) {
      String text = response.body().string();
      Object parsed;
      try {
        parsed = WireJson.parse(text);
      } catch (IllegalArgumentException e) {
        parsed = text;
      }
      return new Answer(response.code(), parsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer query(String expression) {
    return post(Map.of("action", "query", "expression", expression));
  }

  static Map<String, Object> op(String action, Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("action", action);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
