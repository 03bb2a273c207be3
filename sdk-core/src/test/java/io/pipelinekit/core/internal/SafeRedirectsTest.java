package io.pipelinekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafeRedirectsTest {
  private final MockWebServer origin = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private OkHttpClient client;

  @BeforeEach
  void start() throws Exception {
    origin.start();
    elsewhere.start();
    client = HttpClients.owned("test-http", Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    HttpClients.release(client);
    origin.close();
    elsewhere.close();
  }

  /** The origin as "localhost", the other server as "127.0.0.1": two hosts on loopback. */
  private HttpUrl origin(String path) {
    return origin.url(path).newBuilder().host("localhost").build();
  }

  private HttpUrl elsewhere(String path) {
    return elsewhere.url(path).newBuilder().host("127.0.0.1").build();
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  private Request post(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("ftrack-api-key", "the-key")
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build();
  }

  @Test
  void aCrossHostRedirectIsRefusedAndNothingReachesTheOtherHost() throws Exception {
    HttpUrl target = elsewhere("/api?api_key=the-key");
    origin.enqueue(redirect(307, target.toString()));
    assertThatThrownBy(() -> client.newCall(post(origin("/api"))).execute())
        .isInstanceOf(RedirectRefusedException.class)
        .hasMessageContaining(target.newBuilder().query(null).build().toString())
        .hasMessageNotContaining("the-key");
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void aSameHostRedirectIsFollowedWithMethodBodyAndHeaders() throws Exception {
    origin.enqueue(redirect(307, "/api/v2"));
    origin.enqueue(new MockResponse.Builder().body("ok").build());
    try (Response r = client.newCall(post(origin("/api"))).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("ok");
    }
    origin.takeRequest();
    RecordedRequest second = origin.takeRequest();
    assertThat(second.getTarget()).isEqualTo("/api/v2");
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(second.getHeaders().get("ftrack-api-key")).isEqualTo("the-key");
    assertThat(second.getBody().utf8()).isEqualTo("{}");
  }

  @Test
  void aPostIsNotTurnedIntoAGetByA302() throws Exception {
    origin.enqueue(redirect(302, "/elsewhere-on-same-host"));
    try (Response r = client.newCall(post(origin("/api"))).execute()) {
      assertThat(r.code()).isEqualTo(302);
    }
    assertThat(origin.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aDerivedClientOfACallerIsGuardedToo() throws Exception {
    OkHttpClient callers = new OkHttpClient.Builder().followRedirects(true).build();
    OkHttpClient derived = HttpClients.derived(callers).build();
    origin.enqueue(redirect(301, elsewhere("/x").toString()));
    assertThatThrownBy(
            () -> derived.newCall(new Request.Builder().url(origin("/")).build()).execute())
        .isInstanceOf(RedirectRefusedException.class);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(HttpClients.derived(derived).build().interceptors())
        .filteredOn(i -> i instanceof SafeRedirects)
        .hasSize(1);
  }

  @Test
  void onlySameOriginOrAnHttpsUpgradeIsAllowed() {
    HttpUrl https = HttpUrl.get("https://studio.example/api");
    assertThat(SafeRedirects.allowed(https, HttpUrl.get("https://STUDIO.example/v2"))).isTrue();
    assertThat(SafeRedirects.allowed(https, HttpUrl.get("http://studio.example/api"))).isFalse();
    assertThat(SafeRedirects.allowed(https, HttpUrl.get("https://studio.example:8443/"))).isFalse();
    assertThat(SafeRedirects.allowed(https, HttpUrl.get("https://evil.example/api"))).isFalse();
    assertThat(
            SafeRedirects.allowed(
                HttpUrl.get("http://studio.example/api"), HttpUrl.get("https://studio.example/")))
        .isTrue();
  }
}
