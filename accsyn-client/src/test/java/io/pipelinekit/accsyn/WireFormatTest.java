package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.KEY;
import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.event;
import static io.pipelinekit.accsyn.MockAccsyn.eventText;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.internal.EventEncoder;
import io.pipelinekit.accsyn.internal.PyJson;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The exact request of every generic operation, compared with golden fixtures in {@code
 * src/test/resources/golden} (each names the section of docs/protocol/accsyn-v3.md it comes from).
 */
class WireFormatTest {
  static final String ID = "614d660de50d45bb027c9bdd";
  static final String UUID_RE =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);

  AccsynClient client() {
    return MockAccsyn.client(server, time).build();
  }

  static Json golden(String name) throws IOException {
    try (InputStream in = WireFormatTest.class.getResourceAsStream("/golden/" + name + ".json")) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Asserts method, path, common headers and the event (key order included) against a fixture. */
  static Json assertGolden(RecordedRequest r, String fixture) throws IOException {
    Json g = golden(fixture);
    assertThat(r.getMethod()).isEqualTo(g.string("method").orElseThrow());
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/event");
    assertThat(r.getHeaders().get("Authorization"))
        .isEqualTo("basic am9obkB1c2VyLmNvbQ==:U0VDUkVUS0VZLTAxMjM0NTY3ODk=");
    assertThat(r.getHeaders().get("X-Accsyn-Workspace")).isEqualTo("acme");
    assertThat(r.getHeaders().get("X-Accsyn-Device"))
        .matches("pipelinekit-accsyn-client v\\S+ @ \\S+ testhost\\((posix|nt)\\)");
    assertThat(r.getHeaders().get("Content-Type")).isNull();
    if (r.getMethod().equals("GET") || r.getMethod().equals("DELETE")) {
      assertThat(r.getBody() == null ? 0 : r.getBody().size()).isZero();
      // The bare quoted event is the whole query string: no name, no '=', no '+'.
      assertThat(r.getUrl().encodedQuery()).startsWith("%7B%22audience%22%3A%20%22api%22%2C%20");
      assertThat(r.getUrl().encodedQuery()).doesNotContain("+").doesNotContain("=");
    }
    Json sent = event(r);
    assertThat(sent.string("eid").orElseThrow()).matches(UUID_RE);
    Map<String, Object> normalised = new LinkedHashMap<>();
    for (Map.Entry<String, Json> e : sent.asMap().entrySet()) {
      normalised.put(e.getKey(), e.getKey().equals("eid") ? "<uuid>" : e.getValue());
    }
    Json expected = g.get("event").orElseThrow();
    assertThat(Json.of(normalised).toJson()).isEqualTo(expected.toJson());
    // Python's json.dumps layout, byte for byte (separators ", " and ": ").
    assertThat(eventText(r)).isEqualTo(sent.toJson());
    return sent;
  }

  @Test
  void loginIsAPutWithBodyBracesAndAccsynsBasicScheme() throws Exception {
    login(server, "admin");
    ok(server, "[]");
    try (AccsynClient c = client()) {
      c.find("site");
    }
    RecordedRequest r = server.takeRequest();
    Json g = golden("login");
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getUrl().encodedPath()).isEqualTo(g.string("path").orElseThrow());
    assertThat(r.getBody().utf8()).isEqualTo("{}");
    assertThat(r.getHeaders().get("Content-Type")).isNull();
    for (Map.Entry<String, Json> h : g.get("headers").orElseThrow().asMap().entrySet()) {
      assertThat(r.getHeaders().get(h.getKey())).isEqualTo(h.getValue().asString());
    }
    assertThat(r.getHeaders().get("X-Accsyn-Device")).contains("testhost");
    // The session id from the login is echoed in every event.
    assertThat(event(server.takeRequest()).string("session")).contains("sess-4711");
  }

  @Test
  void findSendsTheCapturedEvent() throws Exception {
    login(server, "admin");
    ok(server, "[{\"id\": \"" + ID + "\", \"size\": 9007199254740993}]");
    List<Json> found;
    try (AccsynClient c = client()) {
      found =
          c.find(
              Query.parse("Transfer WHERE name=\"My Transfer\" and status<>failed")
                  .attributes("id", "status")
                  .finished(true)
                  .limit(5)
                  .skip(10));
    }
    server.takeRequest();
    RecordedRequest r = server.takeRequest();
    assertGolden(r, "transfer-find");
    assertThat(r.getUrl().encodedQuery()).contains("%22uri%22%3A%20%22transfer/find%22");
    // Numbers stay exact: no double in between.
    assertThat(found.get(0).get("size").orElseThrow().asLong()).isEqualTo(9007199254740993L);
  }

  @Test
  void zeroLimitAndSkipAreNotSentAndNoWhereMeansNoQuery() throws Exception {
    login(server, "admin");
    ok(server, "[]");
    try (AccsynClient c = client()) {
      c.find(Query.of("User").skip(0));
    }
    server.takeRequest();
    Json e = event(server.takeRequest());
    assertThat(e.get("data").orElseThrow()).isEqualTo(Json.emptyObject());
    assertThat(e.has("query")).isFalse();
    assertThat(e.has("id")).isFalse();
    assertThat(e.string("uri")).contains("user/find");
  }

  @Test
  void findOneGetAndEntityTypes() throws Exception {
    login(server, "admin");
    ok(server, "[{\"id\": \"" + ID + "\"}, {\"id\": \"other\"}]");
    ok(server, "[{\"id\": \"" + ID + "\"}]");
    ok(server, "[\"transfer\", \"user\"]");
    try (AccsynClient c = client()) {
      assertThat(c.findOne("Transfer WHERE id=" + ID).orElseThrow().string("id")).contains(ID);
      assertThat(c.get("Transfer", ID)).isPresent();
      assertThat(c.find("entitytypes")).extracting(Json::asString).contains("transfer", "user");
    }
    server.takeRequest();
    assertGolden(server.takeRequest(), "transfer-findone");
    assertGolden(server.takeRequest(), "transfer-get");
    assertGolden(server.takeRequest(), "entitytypes");
  }

  @Test
  void createCarriesARequestIdInTheJobMetadata() throws Exception {
    login(server, "admin");
    ok(server, "[{\"id\": \"" + ID + "\", \"status\": \"paused\"}]");
    List<Json> created;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", "share=projects/a.mov");
    data.put("destination", "lisa@example.com");
    data.put("status", "paused");
    try (AccsynClient c = client()) {
      created = c.create("Transfer", data);
    }
    assertThat(created).hasSize(1);
    assertThat(created.get(0).string("id")).contains(ID);
    server.takeRequest();
    RecordedRequest r = server.takeRequest();
    Json sent = event(r);
    String requestId =
        sent.get("data")
            .flatMap(d -> d.get("metadata"))
            .flatMap(m -> m.string("pipelinekit_request_id"))
            .orElseThrow();
    assertThat(requestId).matches(UUID_RE);
    String body = r.getBody().utf8().replace(requestId, "<request-id>");
    Json g = golden("transfer-create").get("event").orElseThrow();
    assertThat(Json.parse(body).toJson().replaceAll("\"eid\": \"[^\"]+\"", "\"eid\": \"<uuid>\""))
        .isEqualTo(g.toJson());
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("Content-Type")).isNull();
  }

  @Test
  void taskCreateIsWrappedAndCarriesTheParentId() throws Exception {
    login(server, "admin");
    ok(server, "[{\"id\": \"t1\"}, {\"id\": \"t2\"}]");
    try (AccsynClient c = client()) {
      List<Json> tasks =
          c.create(
              "task",
              ID,
              Json.of(Map.of("source", "share=projects/b.mov", "destination", "lisa@example.com")));
      assertThat(tasks).hasSize(2);
    }
    server.takeRequest();
    // Map.of has no order: compare as trees for this one.
    RecordedRequest r = server.takeRequest();
    Json sent = event(r);
    Json expected = golden("task-create").get("event").orElseThrow();
    assertThat(sent.get("data")).isEqualTo(expected.get("data"));
    assertThat(sent.string("uri")).contains("task/create");
    assertThat(sent.string("id")).contains(ID);
  }

  @Test
  void updatesDeletesAndActivations() throws Exception {
    login(server, "admin");
    ok(server, "[{\"id\": \"" + ID + "\", \"status\": \"paused\"}]");
    ok(server, "[{\"uri\": \"2\", \"status\": \"onhold\"}]");
    ok(server, "true");
    ok(server, "true");
    ok(server, "true");
    ok(server, "true");
    ok(server, "true");
    try (AccsynClient c = client()) {
      assertThat(c.update("transfer", ID, Map.of("status", "paused")).string("status"))
          .contains("paused");
      Json patch = Json.objectBuilder().put("uri", "2").put("status", "onhold").build();
      assertThat(c.updateMany("task", ID, List.of(patch))).hasSize(1);
      assertThat(c.delete("transfer", ID, true).asBoolean()).isTrue();
      assertThat(c.delete("transfer", ID, false).asBoolean()).isTrue();
      assertThat(c.deactivate("user", ID).asBoolean()).isTrue();
      assertThat(c.activate("user", "Lisa@Example.com").asBoolean()).isTrue();
      assertThat(c.activate("user", ID).asBoolean()).isTrue();
    }
    server.takeRequest();
    assertGolden(server.takeRequest(), "transfer-edit");
    assertGolden(server.takeRequest(), "task-edit-many");
    RecordedRequest del = server.takeRequest();
    assertGolden(del, "transfer-delete-force");
    assertThat(del.getHeaders().get("Content-Length")).isEqualTo("0");
    assertGolden(server.takeRequest(), "transfer-delete");
    assertGolden(server.takeRequest(), "user-deactivate");
    assertGolden(server.takeRequest(), "user-activate-by-code");
    assertGolden(server.takeRequest(), "user-activate-by-id");
  }

  @Test
  void rawCallReturnsTheWholeResponse() throws Exception {
    login(server, "admin");
    MockAccsyn.json(server, 200, "{\"api_key\": \"" + "K" + "EYVALUE\", \"other\": 1}");
    Json r;
    try (AccsynClient c = client()) {
      r = c.call(HttpMethod.GET, "user/api_key", Json.emptyObject(), null, null);
    }
    assertThat(r.string("api_key")).contains("KEYVALUE");
    assertThat(r.toString()).doesNotContain("KEYVALUE");
    server.takeRequest();
    Json e = event(server.takeRequest());
    assertThat(e.string("uri")).contains("user/api_key");
  }

  @Test
  void payloadsAboveOneHundredKibAreGzippedNotBelow() throws Exception {
    // Python's estimate: key lengths + string lengths (+10 per other scalar).
    String key = "k";
    Map<String, Object> at = Map.of(key, "x".repeat(102400 - 1)); // estimate 102400: not above
    Map<String, Object> above = Map.of(key, "x".repeat(102400)); // 102401: above
    assertThat(EventEncoder.estimateSize(at)).isEqualTo(102400);
    login(server, "admin");
    ok(server, "true");
    ok(server, "true");
    ok(server, "[]");
    List<Object> tasks = new ArrayList<>();
    for (int i = 0; i < 1300; i++) {
      tasks.add(
          Map.of(
              "source",
              "share=projects/shot_" + i + "/plate.%04d.exr[1001-1100]",
              "destination",
              "site=la",
              "priority",
              500));
    }
    try (AccsynClient c = client()) {
      c.call(HttpMethod.PUT, "setting", Json.of(at), null, null);
      c.call(HttpMethod.PUT, "setting", Json.of(above), null, null);
      c.call(HttpMethod.GET, "workspace/file", Json.of(Map.of("tasks", tasks)), null, null);
    }
    server.takeRequest();
    Json below = event(server.takeRequest());
    assertThat(below.has("data")).isTrue();
    assertThat(below.has("gz_data")).isFalse();
    Json gz = event(server.takeRequest());
    assertThat(gz.has("data")).isFalse();
    assertThat(gunzip(gz.string("gz_data").orElseThrow())).isEqualTo(PyJson.write(above));
    // The rule applies to GET too, where gz_data ends up in the URL.
    RecordedRequest get = server.takeRequest();
    Json g = event(get);
    assertThat(g.has("gz_data")).isTrue();
    assertThat(
            Json.parse(gunzip(g.string("gz_data").orElseThrow())).get("tasks").orElseThrow().size())
        .isEqualTo(1300);
  }

  static String gunzip(String b64) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(b64)))) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void timestampsAreUtcWithoutZoneOrMillis() throws Exception {
    login(server, "admin");
    ok(server, "[]");
    try (AccsynClient c = client()) {
      c.find("site");
    }
    server.takeRequest();
    assertThat(event(server.takeRequest()).string("created")).contains("2026-11-23T00:16:26");
  }

  @Test
  void nonAsciiIsEscapedLikePythonAndQuotedAsUtf8() throws Exception {
    login(server, "admin");
    ok(server, "[]");
    try (AccsynClient c = client()) {
      c.find(Query.of("user").where("name", Operator.EQ, "Åsa 😀 + ~"));
    }
    server.takeRequest();
    RecordedRequest r = server.takeRequest();
    String text = eventText(r);
    assertThat(text).contains("\\u00c5sa \\ud83d\\ude00 + ~");
    assertThat(r.getUrl().encodedQuery()).contains("%5Cu00c5sa%20%5Cud83d%5Cude00%20%2B%20~");
    assertThat(text).doesNotContain(KEY);
  }
}
