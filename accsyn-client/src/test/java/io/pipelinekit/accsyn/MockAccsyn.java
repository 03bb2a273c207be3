package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.internal.PyQuote;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared set-up for MockWebServer tests: a client pointed at the server, fake time, helpers. */
final class MockAccsyn {
  static final String WORKSPACE = "acme";
  static final String USER = "john@user.com";
  static final String KEY = "SECRETKEY-0123456789";
  static final String USER_ID = "5f0c1a2b3c4d5e6f7a8b9c0d";
  static final String SESSION = "sess-4711";
  static final Instant T0 = Instant.parse("2026-11-23T00:16:26.789Z");

  private MockAccsyn() {}

  static AccsynClient.Builder client(MockWebServer server, FakeTime time) {
    return AccsynClient.builder()
        .workspace(WORKSPACE)
        .username(USER)
        .apiKey(KEY)
        .endpoint(server.url("/").uri())
        .hostname("testhost")
        .clock(time)
        .sleeper(time)
        .jitter(() -> 1.0);
  }

  static void json(MockWebServer server, int code, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  static void ok(MockWebServer server, String resultJson) {
    json(server, 200, "{\"result\": " + resultJson + "}");
  }

  static void login(MockWebServer server, String role) {
    ok(
        server,
        "{\"role\": \""
            + role
            + "\", \"id\": \""
            + USER_ID
            + "\", \"session_id\": \""
            + SESSION
            + "\"}");
  }

  /** The event a request carried: the quoted query string of GET/DELETE, else the body. */
  static Json event(RecordedRequest r) {
    String method = r.getMethod();
    if ("GET".equals(method) || "DELETE".equals(method)) {
      return Json.parse(PyQuote.unquote(r.getUrl().encodedQuery()));
    }
    return Json.parse(r.getBody().utf8());
  }

  /** The raw text of the event (to check formatting). */
  static String eventText(RecordedRequest r) {
    String method = r.getMethod();
    if ("GET".equals(method) || "DELETE".equals(method)) {
      return PyQuote.unquote(r.getUrl().encodedQuery());
    }
    return r.getBody().utf8();
  }
}
