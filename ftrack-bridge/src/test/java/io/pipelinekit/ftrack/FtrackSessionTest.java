package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.paths.Platform;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FtrackSessionTest {
  static final String KEY = "7545384e-a653-11e1-a82c-f22c11dd25eq";

  @StartStop final MockWebServer server = new MockWebServer();

  FtrackSession session() {
    return FtrackSession.builder()
        .serverUrl(server.url("/").toString())
        .apiUser("jane")
        .apiKey(KEY)
        .timezoneSupport(true)
        .build();
  }

  void answer(String json) {
    server.enqueue(new MockResponse.Builder().body(json).build());
  }

  void answer(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  static Object body(RecordedRequest r) {
    return JsonTree.parse(r.getBody().utf8());
  }

  @Test
  void postsAJsonListToApiWithTheAuthenticationHeaders() throws Exception {
    answer("[{\"action\":\"query\",\"data\":[],\"metadata\":{\"next\":{\"offset\":null}}}]");
    try (FtrackSession s = session()) {
      s.call(Operation.query("select id from Project"));
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api");
    assertThat(r.getHeaders().get("ftrack-user")).isEqualTo("jane");
    assertThat(r.getHeaders().get("ftrack-api-key")).isEqualTo(KEY);
    assertThat(r.getHeaders().get("ftrack-strict-api")).isEqualTo("false");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("ftrack-Clienttoken")).startsWith("pipelinekit-ftrack-bridge--");
    assertThat(body(r))
        .isEqualTo(List.of(Map.of("action", "query", "expression", "select id from Project")));
  }

  @Test
  void serverUrlWithTrailingSlashesOrAPathStillPostsToApi() throws Exception {
    answer("[true]");
    try (FtrackSession s =
        FtrackSession.builder()
            .serverUrl(server.url("/ftrack//").toString())
            .apiUser("u")
            .apiKey("k")
            .timezoneSupport(true)
            .build()) {
      s.call(Operation.of("noop", Map.of()));
      assertThat(s.serverUrl()).endsWith("/ftrack");
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/ftrack/api");
  }

  @Test
  void batchesSeveralOperationsInOneRequestAndKeepsTheirOrder() throws Exception {
    answer(
        "[{\"action\":\"create\",\"data\":{\"__entity_type__\":\"Job\",\"id\":\"j1\",\"status\":\"running\"}},"
            + "{\"action\":\"update\",\"data\":{\"__entity_type__\":\"Job\",\"id\":\"j1\",\"status\":\"done\"}},"
            + "{\"action\":\"delete\",\"data\":true}]");
    List<OperationResult> results;
    try (FtrackSession s = session()) {
      results =
          s.call(
              List.of(
                  Operation.create("Job", Map.of("id", "j1", "status", "running")),
                  Operation.update(EntityRef.of("Job", "j1"), Map.of("status", "done")),
                  Operation.delete(EntityRef.of("ComponentLocation", "cl1"))));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(body(server.takeRequest()))
        .isEqualTo(
            List.of(
                Map.of(
                    "action",
                    "create",
                    "entity_type",
                    "Job",
                    "entity_key",
                    List.of("j1"),
                    "entity_data",
                    Map.of("__entity_type__", "Job", "id", "j1", "status", "running")),
                Map.of(
                    "action",
                    "update",
                    "entity_type",
                    "Job",
                    "entity_key",
                    List.of("j1"),
                    "entity_data",
                    Map.of("__entity_type__", "Job", "status", "done")),
                Map.of(
                    "action",
                    "delete",
                    "entity_type",
                    "ComponentLocation",
                    "entity_key",
                    List.of("cl1"))));
    assertThat(results).hasSize(3);
    // One identity map per response: the created and the updated Job are the same object.
    assertThat(results.get(0).entities().get(0)).isSameAs(results.get(1).entities().get(0));
    assertThat(results.get(0).entities().get(0).string("status")).contains("done");
    assertThat(results.get(2).raw()).isEqualTo(Map.of("action", "delete", "data", true));
  }

  @Test
  @SuppressWarnings("unchecked")
  void createGeneratesAnIdAndSendsItAsKeyAndInsideTheData() {
    Operation op = Operation.create("Asset", Map.of("name", "plate"));
    String id = op.target().orElseThrow().id();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(op.fields().get("entity_key")).isEqualTo(List.of(id));
    assertThat((Map<Object, Object>) op.fields().get("entity_data"))
        .containsEntry("__entity_type__", "Asset")
        .containsEntry("id", id)
        .containsEntry("name", "plate");
  }

  @Test
  void encodesReferencesDatetimesAndDates() throws Exception {
    answer("[{\"action\":\"create\",\"data\":{\"__entity_type__\":\"Job\",\"id\":\"j1\"}}]");
    try (FtrackSession s = session()) {
      Entity user = Entity.of("User", Map.of("id", "u1", "username", "jane"));
      s.call(
          Operation.create(
              "Job",
              Map.of(
                  "id",
                  "j1",
                  "user",
                  user,
                  "members",
                  List.of(EntityRef.of("User", "u2")),
                  "start",
                  Instant.parse("2026-03-04T05:06:07.891Z"),
                  "day",
                  LocalDate.of(2026, 3, 4))));
    }
    Map<?, ?> data =
        (Map<?, ?>) ((Map<?, ?>) ((List<?>) body(server.takeRequest())).get(0)).get("entity_data");
    assertThat(data.get("user")).isEqualTo(Map.of("__entity_type__", "User", "id", "u1"));
    assertThat(data.get("members"))
        .isEqualTo(List.of(Map.of("__entity_type__", "User", "id", "u2")));
    assertThat(data.get("start"))
        .isEqualTo(Map.of("__type__", "datetime", "value", "2026-03-04T05:06:07"));
    assertThat(data.get("day")).isEqualTo(Map.of("__type__", "date", "value", "2026-03-04"));
  }

  @Test
  void mergesANormalisedResponseByTypeAndKey() {
    answer(
        "[{\"action\":\"query\",\"data\":["
            + "{\"__entity_type__\":\"AssetVersion\",\"id\":\"v1\",\"version\":1,"
            + " \"asset\":{\"__entity_type__\":\"Asset\",\"id\":\"a1\",\"name\":\"plate\","
            + "   \"versions\":[{\"__entity_type__\":\"AssetVersion\",\"id\":\"v1\"},"
            + "                {\"__entity_type__\":\"AssetVersion\",\"id\":\"v2\",\"version\":2,"
            + "                 \"asset\":{\"__entity_type__\":\"Asset\",\"id\":\"a1\"}}]}},"
            + "{\"__entity_type__\":\"AssetVersion\",\"id\":\"v2\"}"
            + "],\"metadata\":{\"next\":{\"offset\":null}}}]");
    List<Entity> versions;
    try (FtrackSession s = session()) {
      versions = s.call(Operation.query("select version, asset.versions.version")).entities();
    }
    Entity v1 = versions.get(0);
    Entity v2 = versions.get(1);
    Entity asset = v1.entity("asset").orElseThrow();
    assertThat(asset.entities("versions")).containsExactly(v1, v2);
    assertThat(asset.entities("versions").get(0)).isSameAs(v1);
    // The bare reference at top level got the attributes of the full occurrence.
    assertThat(v2.integer("version")).contains(2L);
    assertThat(v2.entity("asset")).get().isSameAs(asset);
    assertThat(v1.path("asset.name")).contains("plate");
    assertThat(v1.has("comment")).isFalse();
  }

  @Test
  void keepsAbsentNullAndValueApartAndNumbersExact() {
    answer(
        "[{\"action\":\"query\",\"data\":[{\"__entity_type__\":\"FileComponent\",\"id\":\"c1\","
            + "\"size\":123456789012345678,\"huge\":123456789012345678901234567890,"
            + "\"ratio\":1.5,\"whole\":2.0,\"container_id\":null}],\"metadata\":{\"next\":{\"offset\":null}}}]");
    Entity c;
    try (FtrackSession s = session()) {
      c = s.call(Operation.query("q")).entities().get(0);
    }
    assertThat(c.integer("size")).contains(123456789012345678L);
    assertThat(c.value("huge")).contains(new BigDecimal("123456789012345678901234567890"));
    assertThat(c.value("ratio")).contains(new BigDecimal("1.5"));
    assertThat(c.value("whole")).contains(new BigDecimal("2.0"));
    assertThat(c.integer("whole")).contains(2L);
    assertThat(c.isNull("container_id")).isTrue();
    assertThat(c.has("container_id")).isTrue();
    assertThat(c.has("padding")).isFalse();
    assertThat(c.value("container_id")).isEmpty();
  }

  @Test
  void datetimesAreUtcWithTimezoneSupport() {
    answer(
        "[{\"action\":\"query\",\"data\":[{\"__entity_type__\":\"Job\",\"id\":\"j\","
            + "\"created_at\":{\"__type__\":\"datetime\",\"value\":\"2022-10-10T10:12:09\"},"
            + "\"finished_at\":{\"__type__\":\"datetime\",\"value\":\"2022-10-10T10:12:09+02:00\"},"
            + "\"start_date\":{\"__type__\":\"date\",\"value\":\"2022-10-11\"}}],"
            + "\"metadata\":{\"next\":{\"offset\":null}}}]");
    Entity job;
    try (FtrackSession s = session()) {
      job = s.call(Operation.query("q")).entities().get(0);
    }
    assertThat(job.instant("created_at")).contains(Instant.parse("2022-10-10T10:12:09Z"));
    assertThat(job.instant("finished_at")).contains(Instant.parse("2022-10-10T08:12:09Z"));
    assertThat(job.date("start_date")).contains(LocalDate.of(2022, 10, 11));
  }

  @Test
  void firstRequestAsksForServerInformationInTheSameBatchAndUsesItsTimezoneFlag() throws Exception {
    String dt =
        "[{\"action\":\"query\",\"data\":[{\"__entity_type__\":\"Job\",\"id\":\"j\","
            + "\"created_at\":{\"__type__\":\"datetime\",\"value\":\"2022-10-10T10:00:00\"}}],"
            + "\"metadata\":{\"next\":{\"offset\":null}}}]";
    answer(
        "[{\"version\":\"4.13.8.1\",\"is_timezone_support_enabled\":false,"
            + "\"storage_scenario\":{\"scenario\":\"ftrack.automatic\",\"data\":{}}},"
            + dt.substring(1));
    answer(dt);
    try (FtrackSession s =
        FtrackSession.builder()
            .serverUrl(server.url("/").toString())
            .apiUser("jane")
            .apiKey(KEY)
            .serverZone(ZoneId.of("Europe/Stockholm"))
            .build()) {
      Entity first = s.call(Operation.query("q")).entities().get(0);
      Entity second = s.call(Operation.query("q")).entities().get(0);
      // Without timezone support naive values are in the server's zone (UTC+2 in October).
      assertThat(first.instant("created_at")).contains(Instant.parse("2022-10-10T08:00:00Z"));
      assertThat(second.instant("created_at")).contains(Instant.parse("2022-10-10T08:00:00Z"));
      assertThat(s.serverInformation().version()).isEqualTo("4.13.8.1");
      assertThat(s.serverInformation().storageScenario().orElseThrow().isCentralized()).isFalse();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    List<?> firstBody = (List<?>) body(server.takeRequest());
    assertThat(firstBody).hasSize(2);
    assertThat(firstBody.get(0)).isEqualTo(Map.of("action", "query_server_information"));
    assertThat((List<?>) body(server.takeRequest())).hasSize(1);
  }

  @Test
  void serverInformationReadsTheCentralizedStorageScenario() throws Exception {
    answer(
        "[{\"version\":\"4.13.8.1\",\"schema_hash\":\"abc\",\"is_timezone_support_enabled\":true,"
            + "\"storage_scenario\":{\"scenario\":\"ftrack.centralized-storage\",\"data\":{"
            + "\"location_id\":\"L1\",\"location_name\":\"studio.central\",\"accessor\":{"
            + "\"mount_points\":{\"linux\":\"/mnt/ftrack\",\"osx\":\"/Volumes/ftrack\","
            + "\"windows\":\"F:\\\\ftrack\"}}}}}]");
    ServerInformation info;
    try (FtrackSession s = session()) {
      info = s.serverInformation();
      assertThat(s.serverInformation()).isSameAs(info); // cached
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(info.schemaHash()).contains("abc");
    assertThat(info.timezoneSupportEnabled()).isTrue();
    StorageScenario sc = info.storageScenario().orElseThrow();
    assertThat(sc.isCentralized()).isTrue();
    assertThat(sc.locationId()).contains("L1");
    assertThat(sc.locationName()).contains("studio.central");
    assertThat(sc.mountPoints())
        .containsEntry(Platform.LINUX, "/mnt/ftrack")
        .containsEntry(Platform.MAC, "/Volumes/ftrack")
        .containsEntry(Platform.WINDOWS, "F:\\ftrack");
  }

  @Test
  void errorEnvelopesMapToTypedExceptionsWhateverTheStatus() {
    answer(
        "{\"exception\":\"InvalidCredentialsError\",\"content\":\"The supplied API key is not"
            + " valid.\",\"error_code\":null}");
    answer(
        500, "{\"exception\":\"PermissionError\",\"content\":\"no access\",\"error_code\":\"p1\"}");
    answer("{\"exception\":\"ValidationError\",\"content\":\"bad status\"}");
    answer("{\"exception\":\"ServerError\",\"content\":\"Invalid action u'nope'\"}");
    answer("{\"exception\":\"FTAuthenticationError\",\"content\":\"expired\"}");
    try (FtrackSession s = session()) {
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackAuthenticationException.class)
          .hasMessageContaining("InvalidCredentialsError")
          .hasMessageContaining("FTRACK_API_KEY");
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOfSatisfying(
              FtrackPermissionException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.errorCode()).contains("p1");
                assertThat(e.content()).isEqualTo("no access");
              });
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackValidationException.class)
          .hasMessageContaining("bad status");
      assertThatThrownBy(() -> s.call(Operation.of("nope", Map.of())))
          .isExactlyInstanceOf(FtrackServerException.class)
          .hasMessageContaining("Invalid action u'nope'")
          .hasMessageContaining("rolled back");
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackAuthenticationException.class);
    }
  }

  @Test
  void a422DetailListBecomesAValidationExceptionWithDetails() {
    answer(
        422,
        "{\"detail\":[{\"loc\":[\"body\",0,\"expression\"],\"msg\":\"field required\","
            + "\"type\":\"value_error.missing\"}]}");
    try (FtrackSession s = session()) {
      assertThatThrownBy(() -> s.call(Operation.of("query", Map.of())))
          .isInstanceOfSatisfying(
              FtrackValidationException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(422);
                assertThat(e.details()).containsExactly("[body, 0, expression]: field required");
              });
    }
  }

  @Test
  void nonJsonAnswersKeepStatusAndAnExcerptButNeverTheKey() {
    answer(502, "<html><body>Bad gateway for key " + KEY + "</body></html>");
    answer(401, "Unauthorized");
    answer("[1, 2]");
    answer(503, "[]");
    answer("{\"unexpected\":true}");
    try (FtrackSession s =
        FtrackSession.builder()
            .serverUrl(server.url("/").toString())
            .apiUser("jane")
            .apiKey(KEY)
            .timezoneSupport(true)
            .retryPolicy(io.pipelinekit.core.RetryRules.none())
            .build()) {
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOfSatisfying(
              FtrackUnexpectedResponseException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(502);
                assertThat(e.getMessage()).contains("Bad gateway").doesNotContain(KEY);
              });
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackAuthenticationException.class);
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackUnexpectedResponseException.class)
          .hasMessageContaining("2 results for 1 operations");
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackUnexpectedResponseException.class)
          .hasMessageContaining("503");
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackUnexpectedResponseException.class);
    }
  }

  @Test
  void serverContentEchoingTheKeyIsRedacted() {
    answer("{\"exception\":\"ServerError\",\"content\":\"bad key " + KEY + "\"}");
    try (FtrackSession s = session()) {
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).contains("<redacted>"));
    }
  }

  @Test
  void noAnswerIsAnIoException() {
    FtrackSession s =
        FtrackSession.builder()
            .serverUrl("http://127.0.0.1:1")
            .apiUser("u")
            .apiKey(KEY)
            .timezoneSupport(true)
            .build();
    try (s) {
      assertThatThrownBy(() -> s.call(Operation.query("q")))
          .isInstanceOf(FtrackIoException.class)
          .hasMessageContaining("127.0.0.1")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }
  }

  @Test
  void environmentIsInjectableAndSecretsStayOutOfToString() throws Exception {
    answer("[true]");
    Map<String, String> env =
        Map.of(
            "FTRACK_SERVER",
            server.url("/").toString(),
            "FTRACK_API_USER",
            "bot",
            "FTRACK_API_KEY",
            KEY);
    try (FtrackSession s =
        FtrackSession.builder().fromEnvironment(env).timezoneSupport(true).build()) {
      assertThat(s.apiUser()).isEqualTo("bot");
      assertThat(s.toString()).contains("bot").doesNotContain(KEY);
      s.call(Operation.of("noop", Map.of()));
    }
    assertThat(server.takeRequest().getHeaders().get("ftrack-api-key")).isEqualTo(KEY);
    assertThat(FtrackSession.builder().apiKey(KEY).toString()).doesNotContain(KEY);
  }

  @Test
  void missingConfigurationSaysWhichVariableToSet() {
    assertThatThrownBy(() -> FtrackSession.fromEnvironment(Map.of()))
        .isInstanceOf(FtrackConfigurationException.class)
        .hasMessageContaining("FTRACK_SERVER");
    assertThatThrownBy(
            () -> FtrackSession.fromEnvironment(Map.of("FTRACK_SERVER", "https://x.ftrackapp.com")))
        .hasMessageContaining("FTRACK_API_USER");
    assertThatThrownBy(
            () ->
                FtrackSession.fromEnvironment(
                    Map.of(
                        "FTRACK_SERVER", "https://x.ftrackapp.com",
                        "FTRACK_API_USER", "u",
                        "FTRACK_API_KEY", "  ")))
        .hasMessageContaining("FTRACK_API_KEY");
    assertThatThrownBy(() -> FtrackSession.builder().serverUrl("not a url"))
        .isInstanceOf(FtrackConfigurationException.class);
  }

  @Test
  void aClosedSessionRefusesCalls() {
    FtrackSession s = session();
    s.close();
    s.close();
    assertThatThrownBy(() -> s.call(Operation.query("q")))
        .isInstanceOf(IllegalStateException.class);
  }
}
