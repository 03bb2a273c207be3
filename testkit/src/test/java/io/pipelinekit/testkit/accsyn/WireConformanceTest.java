package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport conformance: lookup, login, encodings, envelopes, authentication errors. */
class WireConformanceTest {
  private FakeAccsyn fake;
  private RawAccsyn admin;

  @BeforeEach
  void start() {
    fake = FakeAccsyn.builder().workspace("acme").employee("anna@studio.com").build();
    admin = new RawAccsyn(fake.adminCredentials());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void loginReturnsRoleIdAndSessionForTheAccsynBasicScheme() {
    RawAccsyn.Reply r = admin.login();
    assertThat(r.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) r.result();
    assertThat(result).containsEntry("role", "admin").containsKeys("id", "session_id");
    assertThat((String) result.get("id")).matches("[a-z0-9]{24}");
    assertThat(fake.roundTrips("login")).isEqualTo(1);
  }

  @Test
  void loginBodyIsTheTwoBytesBracesWithoutContentType() {
    admin.login();
    RecordedCall call = fake.calls().get(0);
    assertThat(call.method()).isEqualTo("PUT");
    assertThat(call.path()).isEqualTo("/api/v3/api/login");
  }

  @Test
  void rfc7617BasicIsRejectedLikeTheRealService() {
    Credentials c = fake.adminCredentials();
    String rfc =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((c.username() + ":" + c.apiKey()).getBytes(StandardCharsets.UTF_8));
    RawAccsyn.Reply r =
        admin.send(
            HttpUrl.get(c.baseUrl() + "/api/v3/api/login"),
            "PUT",
            "{}",
            Map.of("Authorization", rfc, "X-Accsyn-Workspace", "acme"));
    assertThat(r.message()).startsWith("Authentication failed");
    assertThat(r.body()).containsKey("message_hr").doesNotContainKey("result");
    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void wrongKeyMissingWorkspaceAndWrongWorkspaceAreAuthenticationErrors() {
    Credentials c = fake.adminCredentials();
    Credentials bad = Credentials.of(c.baseUrl(), "acme", c.username(), "nope");
    assertThat(new RawAccsyn(bad).login().message()).contains("invalid API credentials");
    RawAccsyn.Reply noWs =
        admin.send(
            HttpUrl.get(c.baseUrl() + "/api/v3/api/login"),
            "PUT",
            "{}",
            Map.of("Authorization", c.authorization()));
    assertThat(noWs.message()).contains("X-Accsyn-Workspace");
    Credentials other = Credentials.of(c.baseUrl(), "other", c.username(), c.apiKey());
    assertThat(new RawAccsyn(other).login().message()).contains("unknown workspace");
  }

  @Test
  void masterLookupAnswersHostAndPortForTheWorkspace() {
    String q = RawAccsyn.pyQuote(RawAccsyn.pyJson(map("ident", "acme")));
    RawAccsyn.Reply r = admin.rawGet("/api/v3/J3PKTtDvolDMBtTy6AFGA?" + q, Map.of());
    assertThat(r.result()).isEqualTo(map("hostname", "127.0.0.1", "port", (double) fake.port()));
    String unknown = RawAccsyn.pyQuote(RawAccsyn.pyJson(map("ident", "nope")));
    RawAccsyn.Reply miss = admin.rawGet("/api/v3/J3PKTtDvolDMBtTy6AFGA?" + unknown, Map.of());
    assertThat(miss.message()).contains("Workspace 'nope' not found");
    assertThat(fake.roundTrips("lookup")).isEqualTo(2);
  }

  @Test
  void getEventIsThePythonQuotedJsonAsBareQueryString() {
    admin.login();
    RawAccsyn.Reply r = admin.find("user/find", map(), "code=\"anna@studio.com\"", null);
    assertThat(r.list())
        .singleElement()
        .satisfies(u -> assertThat(u).containsEntry("role", "employee"));
    RecordedCall call = fake.calls().get(1);
    assertThat(call.operation()).isEqualTo("user/find");
    assertThat(call.event()).containsEntry("audience", "api").containsKeys("eid", "created");
  }

  @Test
  void quotingHandlesSpacesPlusSignsAndNonAscii() {
    admin.login();
    RawAccsyn.Reply created =
        admin.event(
            "POST",
            "folder/create",
            map("path", "a+b c/Jönsson", "name", "plus+space ö"),
            null,
            null);
    assertThat(created.first()).containsEntry("path", "a+b c/Jönsson");
    assertThat(created.raw()).contains("a+b c/J\\u00f6nsson").matches("\\p{ASCII}*");
    RawAccsyn.Reply found = admin.find("folder/find", map(), "name=\"plus+space ö\"", null);
    assertThat(found.list()).hasSize(1);
  }

  @Test
  void gzDataIsAcceptedOnPostAndGet() {
    admin.login();
    List<Object> files = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      files.add("volume=storage/f" + i);
    }
    RawAccsyn.Reply r =
        admin.eventGz("POST", "collection/create", map("name", "big", "files", files), null, null);
    assertThat(r.first()).containsEntry("name", "big");
    RawAccsyn.Reply g = admin.eventGz("GET", "collection/find", map("limit", 1), null, null);
    assertThat(g.list()).hasSize(1);
    assertThat(fake.calls().get(1).event()).containsKey("data").doesNotContainKey("gz_data");
  }

  @Test
  void malformedEventJsonIsAMessageNotAnException() {
    admin.login();
    HttpUrl url =
        HttpUrl.get(fake.baseUrl() + "/api/v3/event")
            .newBuilder()
            .encodedQuery("%7Bnot%20json")
            .build();
    RawAccsyn.Reply r = admin.send(url, "GET", null, admin.auth());
    assertThat(r.message()).startsWith("Could not decode event JSON");
    assertThat(r.messageHr()).isEqualTo("Malformed event payload!");
    RawAccsyn.Reply badGz =
        admin.send(
            HttpUrl.get(fake.baseUrl() + "/api/v3/event"),
            "POST",
            "{\"uri\": \"user/find\", \"gz_data\": \"###\"}",
            admin.auth());
    assertThat(badGz.message()).contains("gz_data");
  }

  @Test
  void unknownEntityTypeOperationAndWrongMethodAreRealisticErrors() {
    admin.login();
    assertThat(admin.find("spaceship/find", map(), null, null).message())
        .isEqualTo("Unknown entity type 'spaceship'!");
    assertThat(admin.find("transfer/explode", map(), null, null).message())
        .isEqualTo("Unknown operation 'transfer/explode'!");
    assertThat(admin.event("POST", "user/find", map(), null, null).message())
        .contains("expects HTTP GET");
  }

  @Test
  void badIdsAndMissingEntitiesAreReported() {
    admin.login();
    assertThat(admin.find("transfer/find", map(), null, "xyz").message())
        .isEqualTo("Invalid entity ID 'xyz'!");
    RawAccsyn.Reply missing =
        admin.event("PUT", "user/edit", map("name", "x"), null, "0123456789abcdef01234567");
    assertThat(missing.message()).isEqualTo("User '0123456789abcdef01234567' not found!");
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void getEntityFindsByIdAndEntityTypesAreListed() {
    admin.login();
    String id = fake.state().idOf("user", "anna@studio.com").orElseThrow();
    assertThat(admin.find("User/find", map(), null, id).first())
        .containsEntry("code", "anna@studio.com");
    @SuppressWarnings("unchecked")
    List<String> types = (List<String>) admin.find("entitytypes", map(), null, null).result();
    assertThat(types).contains("transfer", "volume", "folder", "acl", "site", "app");
    @SuppressWarnings("unchecked")
    List<String> attrs =
        (List<String>)
            admin
                .find(
                    "attributes",
                    map("entitytype", "transfer", "create", true, "update", false),
                    null,
                    null)
                .result();
    assertThat(attrs).contains("source", "destination", "tasks");
  }

  @Test
  void responsesAreJsonWithResultEnvelope() {
    admin.login();
    RawAccsyn.Reply r = admin.find("site/find", map(), null, null);
    assertThat(r.raw()).startsWith("{\"result\":");
    assertThat(r.list()).extracting(s -> s.get("code")).containsExactly("hq");
  }
}
