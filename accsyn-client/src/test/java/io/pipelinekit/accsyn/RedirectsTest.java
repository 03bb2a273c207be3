package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.KEY;
import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Redirects never carry the Authorization header or the workspace headers to another host, with the
 * client's own OkHttp client or one the caller passes in (whose redirects OkHttp would follow).
 */
class RedirectsTest {
  @StartStop final MockWebServer origin = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  /** The same loopback server under another host name. */
  private HttpUrl elsewhere(String path) {
    return elsewhere.url(path).newBuilder().host("127.0.0.1").build();
  }

  private AccsynClient.Builder client() {
    // "localhost" for the origin, "127.0.0.1" for the other server: two hosts.
    return MockAccsyn.client(origin, time)
        .endpoint(origin.url("/").newBuilder().host("localhost").build().uri());
  }

  private void redirectTo(HttpUrl target, int code) {
    origin.enqueue(
        new MockResponse.Builder().code(code).addHeader("Location", target.toString()).build());
  }

  @Test
  void aRedirectToAnotherHostFailsNamingItAndSendsNothingThere() {
    for (OkHttpClient callers : new OkHttpClient[] {null, new OkHttpClient()}) {
      login(origin, "admin");
      HttpUrl target = elsewhere("/api/v3/event");
      redirectTo(target, 307);
      AccsynClient.Builder b = client().retryPolicy(RetryPolicy.none());
      if (callers != null) {
        b.okHttpClient(callers);
      }
      try (AccsynClient c = b.build()) {
        assertThatThrownBy(() -> c.find("user"))
            .isInstanceOf(AccsynTransportException.class)
            .hasMessageContaining("redirect")
            .hasMessageContaining(target.toString())
            .hasMessageNotContaining(KEY);
      }
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  @Test
  void aSameHostRedirectIsFollowedWithTheCredentials() throws Exception {
    login(origin, "admin");
    redirectTo(origin.url("/api/v3/event-moved").newBuilder().host("localhost").build(), 307);
    ok(origin, "[]");
    try (AccsynClient c = client().build()) {
      assertThat(c.find("user")).isEmpty();
    }
    origin.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest first = origin.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest moved = origin.takeRequest(5, TimeUnit.SECONDS);
    assertThat(moved.getUrl().encodedPath()).isEqualTo("/api/v3/event-moved");
    assertThat(moved.getHeaders().get("Authorization"))
        .isEqualTo(first.getHeaders().get("Authorization"))
        .isNotBlank();
  }
}
