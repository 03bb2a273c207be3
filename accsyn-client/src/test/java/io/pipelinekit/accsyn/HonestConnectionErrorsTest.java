package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.json;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import io.pipelinekit.testkit.tls.TestCertificates;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Connection errors say what happened: a certificate problem is a server that was reached, JSON cut
 * short is not a wrong host or port, and a malformed proxy setting is never echoed.
 */
class HonestConnectionErrorsTest {
  @StartStop final MockWebServer plain = new MockWebServer();

  static MockWebServer https(String alias) throws Exception {
    MockWebServer server = new MockWebServer();
    server.useHttps(TestCertificates.serverSocketFactory(alias));
    server.start();
    return server;
  }

  AccsynClient.Builder client(MockWebServer server) {
    return MockAccsyn.client(server, new FakeTime(MockAccsyn.T0)).retryPolicy(RetryPolicy.none());
  }

  @Test
  void anUntrustedCertificateIsNotAFirewallProblem() throws Exception {
    try (MockWebServer server = https("studio");
        AccsynClient c = client(server).build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOfSatisfying(
              AccsynCertificateException.class,
              e -> {
                assertThat(e.hostnameMismatch()).isFalse();
                assertThat(e.requestMayHaveReachedServer()).isFalse();
                assertThat(e.getMessage())
                    .contains("was reached", "not trusted", "Trusting a studio CA")
                    .doesNotContain("Could not reach", "firewall");
              });
    }
  }

  @Test
  void aCertificateForAnotherHostMeansNothingWasSent() throws Exception {
    try (MockWebServer server = https("elsewhere");
        AccsynClient c =
            client(server)
                .okHttpClient(TestCertificates.trusting(TestCertificates.certificate("elsewhere")))
                .build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOfSatisfying(
              AccsynCertificateException.class,
              e -> {
                assertThat(e.hostnameMismatch()).isTrue();
                assertThat(e.requestMayHaveReachedServer()).isFalse();
                assertThat(e.getMessage())
                    .contains("another host name", "Nothing was sent")
                    .doesNotContain("may have reached");
              });
    }
  }

  @Test
  void aStudioCaTrustedThroughTheOkHttpClientWorks() throws Exception {
    try (MockWebServer server = https("studio")) {
      login(server, "admin");
      ok(server, "[]");
      try (AccsynClient c =
          client(server)
              .okHttpClient(TestCertificates.trusting(TestCertificates.certificate("studio")))
              .build()) {
        assertThat(c.find("site")).isEmpty();
      }
    }
  }

  @Test
  void jsonCutShortIsNotAWrongHostOrPort() {
    login(plain, "admin");
    json(plain, 200, "{\"result\": [{\"id\": \"a\", \"code\": \"ma");
    try (AccsynClient c = client(plain).build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isInstanceOfSatisfying(
              AccsynTruncatedResponseException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(200);
                assertThat(e.getMessage())
                    .contains("cut short", "host and port are right")
                    .doesNotContain("Check the host and port");
              });
    }
  }

  @Test
  void anApiKeyPastedIntoTheProxySettingIsNeverEchoed() {
    String key = "Zm9vYmFy/c2VjcmV0+a2V5";
    for (String proxy :
        new String[] {key, "socks5:" + key + ":1080", key + ":" + key, key + ":h:1", "h:" + key}) {
      assertThatThrownBy(
              () ->
                  AccsynClient.builder()
                      .workspace("w")
                      .username("u@x.com")
                      .apiKey("KEY-1234")
                      .proxy(proxy)
                      .build())
          .as(proxy)
          .isExactlyInstanceOf(AccsynConfigurationException.class)
          .hasMessageContaining("not a proxy setting")
          .hasMessageNotContaining(key)
          .hasMessageNotContaining("c2VjcmV0");
    }
  }
}
