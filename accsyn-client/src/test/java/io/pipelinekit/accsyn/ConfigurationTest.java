package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.internal.PyQuote;
import io.pipelinekit.accsyn.testing.CapturedLogs;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** Settings, the master lookup and proxies (docs/protocol/accsyn-v3.md). */
class ConfigurationTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);
  @TempDir Path dir;

  static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void workspacePrecedenceIsWorkspaceThenDomainThenOrg() {
    Map<String, String> e =
        env(
            "ACCSYN_ORG",
            "org",
            "ACCSYN_DOMAIN",
            "dom",
            "ACCSYN_API_USER",
            "u@x.com",
            "ACCSYN_API_KEY",
            "KEY-1234");
    try (AccsynClient c = AccsynClient.fromEnvironment(e, dir)) {
      assertThat(c.workspace()).isEqualTo("dom");
    }
    e.put("ACCSYN_WORKSPACE", "ws");
    try (AccsynClient c = AccsynClient.fromEnvironment(e, dir)) {
      assertThat(c.workspace()).isEqualTo("ws");
      assertThat(c.username()).isEqualTo("u@x.com");
    }
    e.remove("ACCSYN_WORKSPACE");
    e.remove("ACCSYN_DOMAIN");
    try (AccsynClient c = AccsynClient.fromEnvironment(e, dir)) {
      assertThat(c.workspace()).isEqualTo("org");
    }
  }

  @Test
  void builderSettingsWinOverTheEnvironment() {
    try (AccsynClient c =
        AccsynClient.builder()
            .fromEnvironment(
                env(
                    "ACCSYN_WORKSPACE",
                    "envws",
                    "ACCSYN_API_USER",
                    "e@x.com",
                    "ACCSYN_API_KEY",
                    "KEY-1234"),
                dir)
            .workspace("codews")
            .build()) {
      assertThat(c.workspace()).isEqualTo("codews");
      assertThat(c.username()).isEqualTo("e@x.com");
    }
  }

  @Test
  void dotEnvOverridesTheEnvironmentAndCredentialsPathNamesAnotherFile() throws Exception {
    Files.writeString(
        dir.resolve(".env"),
        "# accsyn\n\nACCSYN_WORKSPACE=\"fromfile\"\nACCSYN_API_USER='f@x.com'\nnot a setting\n"
            + "ACCSYN_API_KEY=FILEKEY-1\n");
    try (AccsynClient c = AccsynClient.fromEnvironment(env("ACCSYN_WORKSPACE", "fromenv"), dir)) {
      assertThat(c.workspace()).isEqualTo("fromfile");
      assertThat(c.username()).isEqualTo("f@x.com");
    }
    Files.writeString(dir.resolve("creds.env"), "ACCSYN_WORKSPACE=other\n");
    try (AccsynClient c =
        AccsynClient.fromEnvironment(
            env(
                "ACCSYN_CREDENTIALS_PATH",
                "creds.env",
                "ACCSYN_API_USER",
                "u@x.com",
                "ACCSYN_API_KEY",
                "KEY-1234"),
            dir)) {
      assertThat(c.workspace()).isEqualTo("other");
    }
    assertThatThrownBy(
            () -> AccsynClient.fromEnvironment(env("ACCSYN_CREDENTIALS_PATH", "missing.env"), dir))
        .isExactlyInstanceOf(AccsynConfigurationException.class)
        .hasMessageContaining("ACCSYN_CREDENTIALS_PATH")
        .hasMessageContaining("missing.env");
  }

  @Test
  void missingSettingsNameTheVariableAndTheFix() {
    assertThatThrownBy(() -> AccsynClient.fromEnvironment(env(), dir))
        .isExactlyInstanceOf(AccsynConfigurationException.class)
        .hasMessageContaining("ACCSYN_WORKSPACE")
        .hasMessageContaining("workspace(");
    assertThatThrownBy(() -> AccsynClient.fromEnvironment(env("ACCSYN_WORKSPACE", "w"), dir))
        .hasMessageContaining("ACCSYN_API_USER");
    assertThatThrownBy(
            () ->
                AccsynClient.fromEnvironment(
                    env("ACCSYN_WORKSPACE", "w", "ACCSYN_API_USER", ""), dir))
        .hasMessageContaining("ACCSYN_API_USER");
    assertThatThrownBy(
            () ->
                AccsynClient.fromEnvironment(
                    env("ACCSYN_WORKSPACE", "w", "ACCSYN_API_USER", "u@x.com"), dir))
        .hasMessageContaining("ACCSYN_API_KEY")
        .hasMessageContaining("https://accsyn.io/developer");
    assertThatThrownBy(() -> AccsynClient.builder().workspace("w").build())
        .hasMessageContaining("username(");
  }

  @Test
  void malformedSettingsAreRefusedWithoutEchoingTheKey() {
    Map<String, String> base =
        env("ACCSYN_WORKSPACE", "w", "ACCSYN_API_USER", "u@x.com", "ACCSYN_API_KEY", "KEY-1234");
    Map<String, String> badKey = new HashMap<>(base);
    badKey.put("ACCSYN_API_KEY", "SECRET PART");
    assertThatThrownBy(() -> AccsynClient.fromEnvironment(badKey, dir))
        .isExactlyInstanceOf(AccsynConfigurationException.class)
        .hasMessageContaining("ACCSYN_API_KEY")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    for (String proxy : new String[] {"ftp:h:1", "h:notaport", "a:b:c:d", "h:70000", ":80"}) {
      Map<String, String> e = new HashMap<>(base);
      e.put("ACCSYN_PROXY", proxy);
      assertThatThrownBy(() -> AccsynClient.fromEnvironment(e, dir))
          .as(proxy)
          .isExactlyInstanceOf(AccsynConfigurationException.class)
          .hasMessageContaining("ACCSYN_PROXY")
          .hasMessageContaining("socks5:host:port");
    }
    Map<String, String> dev = new HashMap<>(base);
    dev.put("AS_DEV", "yes");
    assertThatThrownBy(() -> AccsynClient.fromEnvironment(dev, dir))
        .hasMessageContaining("AS_DEV")
        .hasMessageContaining("127.0.0.1:8181");
  }

  @Test
  void devModeAndProxyFormsChooseTheEndpoint() {
    Map<String, String> base =
        env("ACCSYN_WORKSPACE", "w", "ACCSYN_API_USER", "u@x.com", "ACCSYN_API_KEY", "KEY-1234");
    Map<String, String> dev = new HashMap<>(base);
    dev.put("AS_DEV", "1");
    try (AccsynClient c = AccsynClient.fromEnvironment(dev, dir)) {
      assertThat(c.toString()).contains("dev http://127.0.0.1:8181");
    }
    Map<String, String> proxied = new HashMap<>(base);
    proxied.put("ACCSYN_PROXY", "gateway");
    try (AccsynClient c = AccsynClient.fromEnvironment(proxied, dir)) {
      assertThat(c.toString()).contains("accsyn proxy gateway:80");
    }
    proxied.put("ACCSYN_PROXY", "socks5:proxy.local:1080");
    try (AccsynClient c = AccsynClient.fromEnvironment(proxied, dir)) {
      assertThat(c.toString()).contains("master lookup master.accsyn.com");
    }
    try (AccsynClient c = AccsynClient.fromEnvironment(base, dir)) {
      assertThat(c.toString()).contains("master lookup master.accsyn.com");
    }
  }

  @Test
  void masterLookupThenLoginAtTheAnsweredHost() throws Exception {
    // The lookup answers with this same server as the API host.
    ok(server, "{\"hostname\": \"127.0.0.1\", \"port\": " + server.getPort() + "}");
    login(server, "admin");
    ok(server, "[]");
    try (AccsynClient c =
        AccsynClient.builder()
            .workspace("acme")
            .username("john@user.com")
            .apiKey("SECRETKEY-0123456789")
            .lookupEndpoint(server.url("/").uri())
            .hostname("testhost")
            .clock(time)
            .sleeper(time)
            .build()) {
      assertThat(c.find("site")).isEmpty();
      assertThat(c.userId()).isEqualTo(MockAccsyn.USER_ID);
      assertThat(c.role()).isEqualTo("admin");
    }
    RecordedRequest lookup = server.takeRequest();
    Json g = WireFormatTest.golden("lookup");
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo(g.string("path").orElseThrow());
    assertThat(lookup.getUrl().encodedQuery()).isEqualTo(g.string("rawQuery").orElseThrow());
    assertThat(PyQuote.unquote(lookup.getUrl().encodedQuery())).isEqualTo("{\"ident\": \"acme\"}");
    assertThat(lookup.getHeaders().get("Authorization")).isNull();
    assertThat(lookup.getHeaders().get("X-Accsyn-Workspace")).isNull();
    assertThat(lookup.getHeaders().get("X-Accsyn-Device")).contains("testhost");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/api/login");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/event");
    assertThat(server.getRequestCount()).isEqualTo(3); // login once, lookup once
  }

  @Test
  void unknownWorkspaceAtLookupSaysToCheckTheWorkspace() {
    MockAccsyn.json(server, 404, "{\"message\": \"Workspace 'nope' not found!\"}");
    try (AccsynClient c =
        AccsynClient.builder()
            .workspace("nope")
            .username("john@user.com")
            .apiKey("SECRETKEY-0123456789")
            .lookupEndpoint(server.url("/").uri())
            .retryPolicy(RetryPolicy.none())
            .build()) {
      assertThatThrownBy(() -> c.find("site"))
          .isExactlyInstanceOf(AccsynApiException.class)
          .hasMessageContaining("ACCSYN_WORKSPACE")
          .hasMessageContaining("not found");
    }
  }

  @Test
  void anAccsynProxyReceivesEveryRequestOverPlainHttp() throws Exception {
    ok(server, "{\"hostname\": \"api.accsyn.example\", \"port\": 443}");
    login(server, "admin");
    ok(server, "[]");
    try (AccsynClient c =
        AccsynClient.builder()
            .workspace("acme")
            .username("john@user.com")
            .apiKey("SECRETKEY-0123456789")
            .proxy("accsyn:127.0.0.1:" + server.getPort())
            .build()) {
      assertThat(c.find("site")).isEmpty();
    }
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/api/v3/J3PKTtDvolDMBtTy6AFGA");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/api/login");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/event");
  }

  @Test
  void insecureTlsLogsOneWarningAtBuild() {
    CapturedLogs.clear();
    try (AccsynClient c =
        AccsynClient.builder()
            .workspace("acme")
            .username("john@user.com")
            .apiKey("SECRETKEY-0123456789")
            .host("accsyn.example")
            .insecureSkipTlsVerify()
            .build()) {
      assertThat(c.toString()).contains("https://accsyn.example");
    }
    assertThat(CapturedLogs.lines())
        .filteredOn(l -> l.level() == Level.WARN)
        .singleElement()
        .satisfies(l -> assertThat(l.message()).contains("TLS certificate verification is OFF"));
  }
}
