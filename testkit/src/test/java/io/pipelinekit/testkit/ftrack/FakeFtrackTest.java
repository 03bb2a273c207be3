package io.pipelinekit.testkit.ftrack;

import static io.pipelinekit.testkit.ftrack.RawFtrack.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake against the wire protocol (docs/protocol/ftrack.md), over raw HTTP. */
class FakeFtrackTest {
  FakeFtrack fake;
  RawFtrack raw;
  String project;
  String seq;
  String shot;
  String task;
  String asset;
  String v1;
  String v2;
  String mov;
  FtrackFixtures.SequenceIds exr;
  String hq;

  @BeforeEach
  void setUp() {
    fake = FakeFtrack.builder().build();
    raw = new RawFtrack(fake);
    FtrackFixtures f = fake.fixtures();
    project = f.project("demo");
    seq = f.sequence(project, "sq010");
    shot = f.shot(seq, "sh010");
    task = f.task(shot, "comp");
    asset = f.asset(shot, "plate", f.assetType("plate"));
    v1 = f.version(asset, 1, task);
    v2 = f.version(asset, 2, null);
    mov = f.fileComponent(v1, "review", ".mov", 1234567890123L);
    exr = f.sequenceComponent(v1, "main", ".exr", 4, 1001, 1002, 1004);
    hq = f.location("hq");
    f.componentLocation(mov, hq, "demo/sq010/sh010/review.mov");
    f.registerSequence(exr, f.unmanagedLocation(), "/mnt/demo/sh010/plate.%04d.exr");
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  static List<Object> ids(List<Map<String, Object>> data) {
    return data.stream().map(m -> m.get("id")).collect(Collectors.toList());
  }

  @Test
  void answersAListOfResultsInOrder() {
    RawFtrack.Answer a =
        raw.post(
            op("query", "expression", "select name from Project"), op("query_server_information"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.results()).hasSize(2);
    assertThat(a.results().get(0)).containsEntry("action", "query");
    assertThat(a.results().get(1)).containsKeys("version", "is_timezone_support_enabled");
    assertThat(fake.requestCount()).isEqualTo(1);
    assertThat(fake.requests().get(0).actions())
        .containsExactly("query", "query_server_information");
  }

  @Test
  void wrongCredentialsGetTheEnvelopeWith200OrWith401InStrictMode() {
    RawFtrack.Answer a = raw.as(fake.apiUser(), "wrong").query("select id from Project");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.error())
        .containsEntry("exception", "InvalidCredentialsError")
        .containsKey("content");
    assertThat(raw.strict().query("select id from Project").status()).isEqualTo(401);
  }

  @Test
  void serverInformationReportsTimezoneAndStorageScenario() {
    try (FakeFtrack central =
        FakeFtrack.builder()
            .timezoneSupport(false)
            .centralizedStorage(
                "studio.central", Map.of("linux", "/mnt/ftrack", "windows", "F:\\ftrack"))
            .build()) {
      Map<String, Object> info =
          new RawFtrack(central).post(op("query_server_information")).results().get(0);
      assertThat(info).containsEntry("is_timezone_support_enabled", false);
      Map<?, ?> sc = (Map<?, ?>) info.get("storage_scenario");
      assertThat(sc.get("scenario")).isEqualTo("ftrack.centralized-storage");
      Map<?, ?> data = (Map<?, ?>) sc.get("data");
      assertThat(data.get("location_name")).isEqualTo("studio.central");
      assertThat(data.get("location_id"))
          .isEqualTo(central.fixtures().locationId("studio.central"));
      assertThat(((Map<?, ?>) ((Map<?, ?>) data.get("accessor")).get("mount_points")).get("linux"))
          .isEqualTo("/mnt/ftrack");
    }
  }

  @Test
  void addsSystemProjectionsAndReturnsConcreteTypes() {
    List<Map<String, Object>> data =
        raw.query("select name from TypedContext order by name").data(0);
    assertThat(data)
        .extracting(m -> m.get("__entity_type__"))
        .containsExactly("Task", "Shot", "Sequence");
    assertThat(data.get(0))
        .containsEntry("name", "comp")
        .containsEntry("context_type", "task")
        .containsEntry("project_id", project)
        .containsKeys("object_type_id");
    List<Map<String, Object>> comps =
        raw.query("select name from Component where version_id is \"" + v1 + "\"").data(0);
    assertThat(comps)
        .extracting(m -> m.get("__entity_type__"))
        .containsExactly("FileComponent", "SequenceComponent");
    assertThat(comps.get(0)).containsEntry("system_type", "file").containsEntry("version_id", v1);
    // Numbers stay integral on the wire.
    assertThat(
            raw.query("select size from FileComponent where id is \"" + mov + "\"").data(0).get(0))
        .containsEntry("size", 1234567890123L);
  }

  @Test
  void normalisesEachEntityOncePerResponse() {
    List<Map<String, Object>> data =
        raw.query(
                "select version, asset.versions.version from AssetVersion where id is \""
                    + v1
                    + "\"")
            .data(0);
    Map<String, Object> top = data.get(0);
    assertThat(top).containsEntry("version", 1L);
    Map<?, ?> assetMap = (Map<?, ?>) top.get("asset");
    List<?> versions = (List<?>) assetMap.get("versions");
    assertThat(versions).hasSize(2);
    // v1 again: only a reference; v2 first seen here: in full.
    assertThat((Map<?, ?>) versions.get(0))
        .isEqualTo(Map.of("__entity_type__", "AssetVersion", "id", v1));
    assertThat(((Map<?, ?>) versions.get(1)).get("version")).isEqualTo(2L);
  }

  @Test
  void everyOperatorOfTheSubset() {
    assertThat(ids(raw.query("select id from Shot where name is sh010").data(0)))
        .containsExactly(shot);
    assertThat(ids(raw.query("select id from Shot where name = \"sh010\"").data(0)))
        .containsExactly(shot);
    assertThat(ids(raw.query("select id from AssetVersion where task_id is None").data(0)))
        .containsExactly(v2);
    assertThat(ids(raw.query("select id from AssetVersion where task_id is_not None").data(0)))
        .containsExactly(v1);
    assertThat(ids(raw.query("select id from AssetVersion where version > 1").data(0)))
        .containsExactly(v2);
    assertThat(ids(raw.query("select id from AssetVersion where version in (1, 3)").data(0)))
        .containsExactly(v1);
    assertThat(
            ids(raw.query("select id from AssetVersion where id not_in (\"" + v1 + "\")").data(0)))
        .containsExactly(v2);
    assertThat(ids(raw.query("select id from Shot where name like \"SH%\"").data(0)))
        .containsExactly(shot);
    assertThat(
            ids(
                raw.query(
                        "select id from TypedContext where name not_like \"sh%\" and name like \"%0%\"")
                    .data(0)))
        .containsExactly(seq);
    assertThat(
            ids(raw.query("select id from AssetVersion where asset has (name is plate)").data(0)))
        .containsExactly(v1, v2);
    assertThat(
            ids(
                raw.query(
                        "select id from AssetVersion where components any (name is main and file_type is \".exr\")")
                    .data(0)))
        .containsExactly(v1);
    assertThat(ids(raw.query("select id from AssetVersion where components any ()").data(0)))
        .containsExactly(v1);
    assertThat(ids(raw.query("select id from AssetVersion where not components any ()").data(0)))
        .containsExactly(v2);
    assertThat(
            ids(
                raw.query(
                        "select id from Component where version.asset.parent.parent.name is sq010 and (name is main or name is review)")
                    .data(0)))
        .containsExactly(mov, exr.id());
    assertThat(
            ids(
                raw.query("select id from TypedContext where ancestors any (id is \"" + seq + "\")")
                    .data(0)))
        .containsExactly(shot, task);
    assertThat(
            ids(
                raw.query(
                        "select id from Component where component_locations.location.name is \"hq\"")
                    .data(0)))
        .containsExactly(mov);
    assertThat(
            ids(
                raw.query(
                        "select id from AssetVersion where id in (select version_id from Component where name is review)")
                    .data(0)))
        .containsExactly(v1);
    assertThat(
            ids(
                raw.query(
                        "select id from AssetVersion where asset_id is '"
                            + asset
                            + "' order by version descending")
                    .data(0)))
        .containsExactly(v2, v1);
    assertThat(ids(raw.query("select id from Shot where name is \"it\\\"s\"").data(0))).isEmpty();
  }

  @Test
  void pagesWithOffsetLimitAndNextOffset() {
    RawFtrack.Answer first = raw.query("select id from Component order by name offset 0 limit 2");
    assertThat(first.data(0)).hasSize(2);
    assertThat((Map<?, ?>) first.results().get(0).get("metadata"))
        .isEqualTo(Map.of("next", Map.of("offset", 2L)));
    RawFtrack.Answer rest = raw.query("select id from Component order by name offset 4 limit 10");
    assertThat(rest.data(0)).hasSize(1); // 5 components: mov, exr and three members
    assertThat(
            ((Map<?, ?>) ((Map<?, ?>) rest.results().get(0).get("metadata")).get("next"))
                .get("offset"))
        .isNull();
  }

  @Test
  void aQueryInABatchAnswersWithTheRowsAsTheyWereAtItsTurn() {
    RawFtrack.Answer a =
        raw.post(
            op(
                "create",
                "entity_type",
                "Location",
                "entity_key",
                List.of("loc-1"),
                "entity_data",
                Map.of("name", "before")),
            op("query", "expression", "select name from Location where id is 'loc-1'"),
            op(
                "update",
                "entity_type",
                "Location",
                "entity_key",
                List.of("loc-1"),
                "entity_data",
                Map.of("name", "after")),
            op("query", "expression", "select name from Location where id is 'loc-1'"));
    assertThat(a.data(1))
        .singleElement()
        .satisfies(l -> assertThat(l.get("name")).isEqualTo("before"));
    assertThat(a.data(3))
        .singleElement()
        .satisfies(l -> assertThat(l.get("name")).isEqualTo("after"));
  }

  @Test
  void aPageAfterAWriteSeesTheWrite() {
    RawFtrack.Answer first = raw.query("select id from Component order by name offset 0 limit 4");
    assertThat(first.data(0)).hasSize(4);
    String id = first.data(0).get(0).get("id").toString();
    raw.post(op("delete", "entity_type", "Component", "entity_key", List.of(id)));
    // Five components less the deleted one: the next page starts at the fifth and finds nothing.
    RawFtrack.Answer rest = raw.query("select id from Component order by name offset 4 limit 4");
    assertThat(rest.data(0)).isEmpty();
    RawFtrack.Answer again = raw.query("select id from Component order by name offset 0 limit 4");
    assertThat(ids(again.data(0))).doesNotContain(id).hasSize(4);
  }

  @Test
  void createUpdateDeleteWithDefaultsAndServerFields() {
    RawFtrack.Answer a =
        raw.post(
            op(
                "create",
                "entity_type",
                "Job",
                "entity_key",
                List.of("j1"),
                "entity_data",
                Map.of(
                    "__entity_type__",
                    "Job",
                    "id",
                    "j1",
                    "user",
                    Map.of("__entity_type__", "User", "id", fake.apiUserId()),
                    "data",
                    "{\"description\": \"hello\"}")),
            op(
                "update",
                "entity_type",
                "Job",
                "entity_key",
                List.of("j1"),
                "entity_data",
                Map.of("__entity_type__", "Job", "status", "done")));
    assertThat(a.status()).isEqualTo(200);
    Map<?, ?> created = (Map<?, ?>) a.results().get(0).get("data");
    assertThat(created.get("status")).isEqualTo("queued");
    assertThat(created.get("type")).isEqualTo("api_job");
    assertThat(created.get("user_id")).isEqualTo(fake.apiUserId());
    assertThat(((Map<?, ?>) created.get("created_at")).get("__type__")).isEqualTo("datetime");
    Map<?, ?> updated = (Map<?, ?>) a.results().get(1).get("data");
    assertThat(updated.get("status")).isEqualTo("done");
    assertThat(updated.get("finished_at")).isNotNull();
    RawFtrack.Answer v =
        raw.post(
            op(
                "create",
                "entity_type",
                "AssetVersion",
                "entity_data",
                Map.of(
                    "__entity_type__",
                    "AssetVersion",
                    "asset",
                    Map.of("__entity_type__", "Asset", "id", asset))));
    assertThat(((Map<?, ?>) v.results().get(0).get("data")).get("version")).isEqualTo(3L);
    RawFtrack.Answer d = raw.post(op("delete", "entity_type", "Job", "entity_key", List.of("j1")));
    assertThat(d.results().get(0)).containsEntry("data", true);
    assertThat(fake.entity("j1")).isEmpty();
  }

  @Test
  void aFailingOperationRollsBackTheWholeBatch() {
    RawFtrack.Answer a =
        raw.post(
            op(
                "create",
                "entity_type",
                "Location",
                "entity_data",
                Map.of("__entity_type__", "Location", "id", "L9", "name", "la")),
            op(
                "create",
                "entity_type",
                "ComponentLocation",
                "entity_data",
                Map.of(
                    "__entity_type__",
                    "ComponentLocation",
                    "component_id",
                    mov,
                    "location_id",
                    "missing",
                    "resource_identifier",
                    "x")));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.error()).containsEntry("exception", "ValidationError");
    assertThat(fake.entity("L9")).isEmpty();
    RawFtrack.Answer dup =
        raw.post(
            op(
                "create",
                "entity_type",
                "ComponentLocation",
                "entity_data",
                Map.of(
                    "__entity_type__",
                    "ComponentLocation",
                    "component_id",
                    mov,
                    "location_id",
                    hq,
                    "resource_identifier",
                    "y")));
    assertThat(dup.error()).containsEntry("exception", "DuplicateEntryError");
    RawFtrack.Answer badStatus =
        raw.strict()
            .post(
                op(
                    "create",
                    "entity_type",
                    "Job",
                    "entity_data",
                    Map.of("__entity_type__", "Job", "status", "paused")));
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.error()).containsEntry("exception", "ValidationError");
  }

  @Test
  void malformedQueriesUnknownAttributesAndActionsAreServerErrors() {
    assertThat(raw.query("select nope from Shot").error())
        .containsEntry("exception", "ServerError");
    assertThat(raw.query("select id from Nope").error().get("content").toString()).contains("Nope");
    assertThat(raw.query("select id from Shot where name is").error())
        .containsEntry("exception", "ServerError");
    assertThat(raw.post(op("get_widget_url")).error().get("content"))
        .isEqualTo("Invalid action u'get_widget_url'");
    assertThat(raw.postText("not json").error()).containsEntry("exception", "ServerError");
  }

  @Test
  void readOnlyUsersGetPermissionErrorsOnWrites() {
    fake.addApiUser("vendor@x.com", "vkey", true);
    RawFtrack vendor = new RawFtrack(fake).as("vendor@x.com", "vkey");
    assertThat(vendor.query("select id from Project").status()).isEqualTo(200);
    RawFtrack.Answer a =
        vendor.post(
            op(
                "update",
                "entity_type",
                "Shot",
                "entity_key",
                List.of(shot),
                "entity_data",
                Map.of("__entity_type__", "Shot", "name", "x")));
    assertThat(a.error()).containsEntry("exception", "PermissionError");
  }

  @Test
  void datetimesAreNaiveUtcOrInTheServerZone() {
    Instant t = Instant.parse("2026-06-01T12:00:00Z");
    try (FakeFtrack local =
        FakeFtrack.builder()
            .timezoneSupport(false)
            .serverZone(ZoneId.of("Europe/Stockholm"))
            .build()) {
      local.fixtures().create("Job", Map.of("id", "j", "status", "done", "created_at", t));
      Map<String, Object> job =
          new RawFtrack(local).query("select created_at from Job").data(0).get(0);
      assertThat(job.get("created_at"))
          .isEqualTo(Map.of("__type__", "datetime", "value", "2026-06-01T14:00:00"));
    }
    fake.fixtures().create("Job", Map.of("id", "j", "status", "done", "created_at", t));
    assertThat(
            raw.query("select created_at from Job where created_at after \"2026-06-01T11:59:59\"")
                .data(0)
                .get(0)
                .get("created_at"))
        .isEqualTo(Map.of("__type__", "datetime", "value", "2026-06-01T12:00:00"));
  }

  @Test
  void faultsAndLatencyApplyToTheNextRequests() {
    fake.faults()
        .nextHttp(502, "<html>Bad gateway</html>")
        .nextException("ServerError", "db down")
        .nextDrop();
    RawFtrack.Answer html = raw.query("select id from Shot");
    assertThat(html.status()).isEqualTo(502);
    assertThat(html.body()).isEqualTo("<html>Bad gateway</html>");
    assertThat(raw.query("select id from Shot").error()).containsEntry("content", "db down");
    assertThatThrownBy(() -> raw.query("select id from Shot"))
        .isInstanceOf(UncheckedIOException.class);
    fake.faults().latency(Duration.ofMillis(5));
    assertThat(raw.query("select id from Shot").status()).isEqualTo(200);
    fake.faults().rejectCreates("Location", "ValidationError", "no new locations");
    assertThat(
            raw.post(op("create", "entity_type", "Location", "entity_data", Map.of("name", "x")))
                .error())
        .containsEntry("content", "no new locations");
    fake.faults().clear();
    assertThat(
            raw.post(op("create", "entity_type", "Location", "entity_data", Map.of("name", "x")))
                .status())
        .isEqualTo(200);
    assertThat(fake.requests())
        .extracting(RecordedFtrackRequest::status)
        .startsWith(502, 200, 0, 200);
    fake.resetRequests();
    assertThat(fake.requestCount()).isZero();
  }

  @Test
  void schemasListTheKnownTypes() {
    List<?> schemas = (List<?>) raw.post(op("query_schemas")).results().get(0);
    List<Object> names =
        schemas.stream().map(s -> ((Map<?, ?>) s).get("id")).collect(Collectors.toList());
    assertThat(names).contains("AssetVersion", "ComponentLocation", "ReviewSessionInvitee");
  }

  @Test
  @SuppressWarnings("unchecked")
  void schemasCarryWhatClientsBuildEntityClassesFrom() {
    // The official Python client reads default_projections (a query
    // without select), immutable, property types/formats and "default" ("{uid}" gives a new
    // entity its id) from query_schemas.
    Map<String, Map<String, Object>> byId =
        ((List<Map<String, Object>>) raw.post(op("query_schemas")).results().get(0))
            .stream().collect(Collectors.toMap(s -> (String) s.get("id"), s -> s));
    for (Map<String, Object> schema : byId.values()) {
      assertThat(schema)
          .containsEntry("type", "object")
          .containsEntry("primary_key", List.of("id"))
          .containsKeys("default_projections", "system_projections", "immutable", "computed");
      assertThat((List<String>) schema.get("default_projections")).contains("id");
      assertThat((List<String>) schema.get("immutable")).contains("id");
      Map<String, Map<String, Object>> props =
          (Map<String, Map<String, Object>>) schema.get("properties");
      assertThat(props.get("id")).containsEntry("type", "string").containsEntry("default", "{uid}");
    }
    assertThat(byId.get("Shot"))
        .containsEntry("default_projections", List.of("context_type", "id", "name"));
    assertThat(byId.get("FileComponent"))
        .containsEntry("default_projections", List.of("id", "system_type"));
    Map<String, Map<String, Object>> job =
        (Map<String, Map<String, Object>>) byId.get("Job").get("properties");
    assertThat(job.get("status")).containsEntry("default", "queued");
    assertThat(job.get("type")).containsEntry("default", "api_job");
    assertThat(job.get("data")).containsEntry("type", "string").containsEntry("format", "json");
    assertThat(job.get("created_at")).containsEntry("format", "date-time");
    assertThat(job.get("user_id")).containsEntry("format", "foreign_key");
    assertThat(job.get("user")).containsEntry("$ref", "User");
    assertThat((List<String>) byId.get("Job").get("immutable")).contains("type");
    Map<String, Map<String, Object>> component =
        (Map<String, Map<String, Object>>) byId.get("SequenceComponent").get("properties");
    assertThat(component.get("size")).containsEntry("type", "integer").containsEntry("default", 0L);
    assertThat(component.get("name")).containsEntry("default", "main");
    assertThat(component.get("members"))
        .containsEntry("type", "array")
        .containsEntry("items", Map.of("$ref", "Component"));
    // The default projections answer a query, as Python sends it for "Shot where ...".
    Map<String, Object> shotRow =
        raw.query("select context_type, id, name from Shot where name is sh010").data(0).get(0);
    assertThat(shotRow).containsEntry("name", "sh010").containsEntry("id", shot);
  }

  @Test
  void schemaHashIsTheMd5OfTheServedSchemasAsPythonHashesItsCache() {
    // The Python client compares schema_hash with the md5 of its cached schemas
    // (json.dumps(schemas, sort_keys=True)) and only calls query_schemas when they differ.
    RawFtrack.Answer a = raw.post(op("query_server_information"), op("query_schemas"));
    Object hash = a.results().get(0).get("schema_hash");
    assertThat((String) hash).matches("[0-9a-f]{32}");
    Object served = ((List<?>) a.body()).get(1);
    assertThat(hash).isEqualTo(io.pipelinekit.testkit.ftrack.internal.SchemaHash.of(served));
  }

  @Test
  void linkListsTheContextsFromTheProjectDown() {
    // link is a list of {id, name, type} from the project down to the entity.
    Map<String, Object> row =
        raw.query("select link from Task where id is \"" + task + "\"").data(0).get(0);
    assertThat(row.get("link"))
        .isEqualTo(
            List.of(
                Map.of("id", project, "name", "demo", "type", "Project"),
                Map.of("id", seq, "name", "sq010", "type", "TypedContext"),
                Map.of("id", shot, "name", "sh010", "type", "TypedContext"),
                Map.of("id", task, "name", "comp", "type", "TypedContext")));
    Map<String, Object> p =
        raw.query("select link from Project where id is \"" + project + "\"").data(0).get(0);
    assertThat(p.get("link"))
        .isEqualTo(List.of(Map.of("id", project, "name", "demo", "type", "Project")));
  }

  @Test
  void reviewSessionsAndListsReachTheirVersions() {
    FtrackFixtures f = fake.fixtures();
    String rs = f.reviewSession(project, "client review");
    f.reviewSessionObject(rs, v1);
    f.invitee(rs, "Anna", "anna@client.com");
    String list = f.list(project, "dailies", List.of(v2), true);
    Map<String, Object> session =
        raw.query(
                "select review_session_objects.asset_version.version, review_session_invitees.email from ReviewSession where id is \""
                    + rs
                    + "\"")
            .data(0)
            .get(0);
    Map<?, ?> rso = (Map<?, ?>) ((List<?>) session.get("review_session_objects")).get(0);
    assertThat(((Map<?, ?>) rso.get("asset_version")).get("id")).isEqualTo(v1);
    assertThat(((Map<?, ?>) ((List<?>) session.get("review_session_invitees")).get(0)).get("email"))
        .isEqualTo("anna@client.com");
    Map<String, Object> l =
        raw.query("select items from AssetVersionList where id is \"" + list + "\"").data(0).get(0);
    assertThat(l.get("__entity_type__")).isEqualTo("AssetVersionList");
    // The base List has no items in the real schema.
    assertThat(raw.query("select items from List").error())
        .containsEntry("exception", "ServerError");
    assertThat(((Map<?, ?>) ((List<?>) l.get("items")).get(0)).get("__entity_type__"))
        .isEqualTo("AssetVersion");
  }
}
