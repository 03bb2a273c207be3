package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.KEY;
import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.json;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pipelinekit.accsyn.testing.CapturedLogs;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** One DEBUG line per call, bodies at TRACE, and no secret in any log, message or toString. */
class SecretsAndLoggingTest {
  static final String KEY_B64 =
      Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  @Test
  void everyCallLogsOneDebugLineAndNothingSecretAnywhere() {
    CapturedLogs.clear();
    List<String> texts = new ArrayList<>();
    login(server, "admin");
    ok(server, "[{\"id\": \"614d660de50d45bb027c9bdd\"}]");
    // A server that echoes the key back, in a message and in an api_key field.
    json(server, 400, "{\"message\": \"bad key " + KEY + "\"}");
    json(server, 200, "{\"api_key\": \"" + KEY + "\"}");
    json(server, 500, "{\"exception\": \"Traceback: Authorization basic xyz:" + KEY_B64 + "\"}");
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    try (AccsynClient c = MockAccsyn.client(server, time).retryPolicy(RetryPolicy.none()).build()) {
      texts.add(c.toString());
      c.find(Query.of("transfer").where("status", Operator.NE, "failed"));
      texts.add(
          catchThrowable(
                  () -> c.update("transfer", "614d660de50d45bb027c9bdd", Map.of("status", "x")))
              .getMessage());
      Json r = c.call(HttpMethod.GET, "user/api_key", Json.emptyObject(), null, null);
      texts.add(r.toString());
      Throwable server500 = catchThrowable(() -> c.find("site"));
      texts.add(server500.getMessage());
      texts.add(((AccsynServerException) server500).serverDetail().orElseThrow());
      Throwable dropped =
          catchThrowable(() -> c.delete("transfer", "614d660de50d45bb027c9bdd", true));
      texts.add(dropped.getMessage());
      texts.add(String.valueOf(dropped.getCause()));
    }
    List<CapturedLogs.Line> lines = CapturedLogs.lines();
    List<CapturedLogs.Line> debug =
        lines.stream()
            .filter(
                l -> l.level() == Level.DEBUG && l.logger().equals("io.pipelinekit.accsyn.http"))
            .toList();
    // login, find, edit, api_key, site/find, delete: one line each.
    assertThat(debug).hasSize(6);
    assertThat(debug.get(1).message())
        .matches("accsyn GET transfer/find -> ok, HTTP 200 \\(\\d+ ms\\)");
    assertThat(debug.get(2).message())
        .matches(
            "accsyn PUT transfer/edit -> failed, HTTP 400 AccsynApiException \\(\\d+ ms,"
                + " attempt 1\\)");
    assertThat(debug.get(5).message())
        .contains("DELETE transfer/delete -> failed," + " AccsynTransportException");
    // Bodies at TRACE: the event (redacted) and the answers.
    assertThat(lines)
        .filteredOn(l -> l.level() == Level.TRACE)
        .anySatisfy(l -> assertThat(l.message()).contains("transfer/find request event {"));
    assertThat(lines)
        .filteredOn(l -> l.level() == Level.TRACE)
        .anySatisfy(l -> assertThat(l.message()).contains("\"api_key\": \"<redacted>\""));
    for (CapturedLogs.Line l : lines) {
      texts.add(l.fullText());
    }
    assertThat(texts).isNotEmpty();
    for (String t : texts) {
      assertThat(t).doesNotContain(KEY).doesNotContain(KEY_B64).doesNotContain("U0VDUkVUS0VZ");
    }
  }

  @Test
  void configurationAndValuesNeverPrintTheKey() {
    try (AccsynClient c = MockAccsyn.client(server, time).build()) {
      assertThat(c.toString()).doesNotContain(KEY).contains("acme").contains("john@user.com");
    }
    Json j = Json.of(Map.of("password", "hunter22", "refresh_token", "tok-123456", "name", "x"));
    assertThat(j.toString()).doesNotContain("hunter22").doesNotContain("tok-123456").contains("x");
    assertThat(j.toJson()).contains("hunter22");
  }
}
