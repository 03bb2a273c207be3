package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.EventHubTimeoutException;
import io.pipelinekit.ftrack.events.ReconnectBackoff;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The API key never follows a redirect to another host: OkHttp's own redirect handling drops only
 * {@code Authorization}, so {@code ftrack-api-key} and {@code ftrack-user} would reach whatever
 * host a 307 names. Tested for the REST session and the event hub handshake, with the SDK's own
 * OkHttp client and with a caller's.
 */
class RedirectsTest {
  static final String KEY = "7545384e-a653-11e1-a82c-f22c11dd25eq";

  @StartStop final MockWebServer origin = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  /** The origin as "localhost" and the other server as "127.0.0.1": two hosts on loopback. */
  private HttpUrl origin(String path) {
    return origin.url(path).newBuilder().host("localhost").build();
  }

  private HttpUrl elsewhere(String path) {
    return elsewhere.url(path).newBuilder().host("127.0.0.1").build();
  }

  private static MockResponse redirect(int code, HttpUrl to) {
    return new MockResponse.Builder().code(code).addHeader("Location", to.toString()).build();
  }

  @Test
  void theSessionRefusesACrossHostRedirectAndNamesTheTarget() {
    for (OkHttpClient callers : new OkHttpClient[] {null, new OkHttpClient()}) {
      HttpUrl target = elsewhere("/api");
      origin.enqueue(redirect(307, target));
      FtrackSession.Builder b =
          FtrackSession.builder()
              .serverUrl(origin("/").toString())
              .apiUser("jane")
              .apiKey(KEY)
              .timezoneSupport(true);
      if (callers != null) {
        b.okHttpClient(callers);
      }
      try (FtrackSession s = b.build()) {
        assertThatThrownBy(() -> s.call(Operation.query("select id from Project")))
            .isInstanceOf(FtrackIoException.class)
            .hasMessageContaining("redirect")
            .hasMessageContaining(target.toString())
            .hasMessageNotContaining(KEY);
      }
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  @Test
  void theSessionFollowsASameHostRedirectWithItsHeaders() throws Exception {
    origin.enqueue(redirect(308, origin("/api/v2")));
    origin.enqueue(
        new MockResponse.Builder()
            .body("[{\"action\":\"query\",\"data\":[],\"metadata\":{\"next\":{\"offset\":null}}}]")
            .build());
    try (FtrackSession s =
        FtrackSession.builder()
            .serverUrl(origin("/").toString())
            .apiUser("jane")
            .apiKey(KEY)
            .timezoneSupport(true)
            .build()) {
      s.call(Operation.query("select id from Project"));
    }
    origin.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest moved = origin.takeRequest(5, TimeUnit.SECONDS);
    assertThat(moved.getUrl().encodedPath()).isEqualTo("/api/v2");
    assertThat(moved.getMethod()).isEqualTo("POST");
    assertThat(moved.getHeaders().get("ftrack-api-key")).isEqualTo(KEY);
  }

  @Test
  void theHubHandshakeRefusesACrossHostRedirect() {
    HttpUrl target = elsewhere("/socket.io/1/");
    origin.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return redirect(307, target);
          }
        });
    try (EventHub hub =
        EventHub.builder()
            .serverUrl(origin("/").toString())
            .apiUser("jane")
            .apiKey(KEY)
            .queryAuthentication(true)
            .backoff(
                ReconnectBackoff.builder()
                    .initialDelay(Duration.ofHours(1))
                    .maxDelay(Duration.ofHours(1))
                    .build())
            .build()) {
      hub.connect();
      assertThatThrownBy(() -> hub.awaitConnected(Duration.ofSeconds(2)))
          .isInstanceOf(EventHubTimeoutException.class)
          .hasMessageContaining("redirect")
          .hasMessageContaining(target.toString())
          .hasMessageNotContaining(KEY);
    }
    assertThat(origin.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).isZero();
  }
}
