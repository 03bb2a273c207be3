package io.pipelinekit.testkit.ftrack;

import static io.pipelinekit.testkit.ftrack.RawFtrack.op;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the official Python client sends and reads that the fake must answer as the real server:
 * sequence members set by an update, the attributes its location structures and the tutorials read,
 * naive datetimes in queries, review sessions and lists in the seed.
 */
class OfficialClientExpectationsTest {
  FakeFtrack fake;
  RawFtrack raw;
  String project;
  String shot;
  String asset;
  String v1;
  String v2;
  String hq;

  @BeforeEach
  void setUp() {
    fake = FakeFtrack.builder().build();
    raw = new RawFtrack(fake);
    FtrackFixtures f = fake.fixtures();
    project = f.project("demo");
    shot = f.shot(f.sequence(project, "sq010"), "sh010");
    asset = f.asset(shot, "plate", f.assetType("plate"));
    v1 = f.version(asset, 1, null);
    v2 = f.version(asset, 2, null);
    hq = f.location("hq");
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  static Map<String, Object> ref(String type, String id) {
    return Map.of("__entity_type__", type, "id", id);
  }

  static Map<String, Object> create(String type, String id, Map<String, Object> data) {
    Map<String, Object> d = new java.util.LinkedHashMap<>(data);
    d.put("__entity_type__", type);
    d.put("id", id);
    return op("create", "entity_type", type, "entity_key", List.of(id), "entity_data", d);
  }

  @Test
  void aSequenceTakesItsMembersFromAnUpdateAsTheOfficialCreateComponentSends() {
    RawFtrack.Answer a =
        raw.post(
            create(
                "SequenceComponent",
                "seq",
                Map.of(
                    "name",
                    "main",
                    "file_type",
                    ".exr",
                    "padding",
                    4,
                    "version",
                    ref("AssetVersion", v1))),
            create(
                "FileComponent",
                "m1",
                Map.of(
                    "name",
                    "1001",
                    "file_type",
                    ".exr",
                    "container",
                    ref("SequenceComponent", "seq"))),
            create("FileComponent", "m2", Map.of("name", "1002", "file_type", ".exr")),
            op(
                "update",
                "entity_type",
                "SequenceComponent",
                "entity_key",
                List.of("seq"),
                "entity_data",
                Map.of(
                    "__entity_type__",
                    "SequenceComponent",
                    "members",
                    List.of(ref("FileComponent", "m1"), ref("FileComponent", "m2")))));
    assertThat(a.body()).as("no error envelope").isInstanceOf(List.class);
    List<Map<String, Object>> members =
        raw.query("select name, container_id from FileComponent where container_id is \"seq\"")
            .data(0);
    assertThat(members).extracting(m -> m.get("name")).containsExactly("1001", "1002");
  }

  @Test
  void aVersionHasTheLinkTheStandardStructureReads() {
    Map<String, Object> v =
        raw.query("select link from AssetVersion where id is \"" + v2 + "\"").data(0).get(0);
    List<?> link = (List<?>) v.get("link");
    assertThat(link).hasSize(4);
    assertThat(link.get(0)).isEqualTo(Map.of("id", project, "name", "demo", "type", "Project"));
    assertThat(link.get(2)).isEqualTo(Map.of("id", shot, "name", "sh010", "type", "TypedContext"));
    assertThat(link.get(3)).isEqualTo(Map.of("id", v2, "name", "plate v2", "type", "AssetVersion"));
  }

  @Test
  void latestVersionAndComponentLocationUrlAreComputed() {
    Map<String, Object> a =
        raw.query("select latest_version.version from Asset where id is \"" + asset + "\"")
            .data(0)
            .get(0);
    assertThat(((Map<?, ?>) a.get("latest_version")).get("id")).isEqualTo(v2);
    List<Map<String, Object>> versions =
        raw.query("select is_latest_version from AssetVersion order by version").data(0);
    assertThat(versions).extracting(m -> m.get("is_latest_version")).containsExactly(false, true);
    assertThat(raw.query("select id from AssetVersion where is_latest_version is true").data(0))
        .extracting(m -> m.get("id"))
        .containsExactly(v2);
    FtrackFixtures f = fake.fixtures();
    String c = f.fileComponent(v2, "review", ".mov", 10);
    f.componentLocation(c, hq, "demo/sh010/review.mov");
    f.componentLocation(c, FtrackFixtures.SERVER_ID, c);
    List<Map<String, Object>> cls =
        raw.query(
                "select url, location.name from ComponentLocation where component_id is \""
                    + c
                    + "\" order by location.name")
            .data(0);
    assertThat(cls).allSatisfy(cl -> assertThat(cl.get("url")).isInstanceOf(Map.class));
    Map<?, ?> server =
        cls.stream()
            .filter(
                cl -> FtrackFixtures.SERVER_ID.equals(((Map<?, ?>) cl.get("location")).get("id")))
            .findFirst()
            .map(cl -> (Map<?, ?>) cl.get("url"))
            .orElseThrow();
    assertThat(String.valueOf(server.get("value"))).startsWith("http").contains(c);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAttributeTheOfficialClientAndTheTutorialsReadIsInTheSchema() {
    Map<String, List<String>> expected =
        Map.ofEntries(
            Map.entry(
                "Project",
                List.of(
                    "name",
                    "full_name",
                    "status",
                    "root",
                    "link",
                    "parent",
                    "children",
                    "assets",
                    "descendants",
                    "review_sessions",
                    "start_date",
                    "end_date",
                    "project_schema_id",
                    "thumbnail_id",
                    "created_at")),
            Map.entry(
                "Sequence",
                List.of(
                    "name",
                    "parent",
                    "project",
                    "project_id",
                    "link",
                    "ancestors",
                    "descendants",
                    "children",
                    "assets",
                    "object_type",
                    "status",
                    "type",
                    "description",
                    "thumbnail_id")),
            Map.entry(
                "Shot",
                List.of(
                    "name",
                    "parent",
                    "project",
                    "link",
                    "ancestors",
                    "assets",
                    "status",
                    "start_date",
                    "end_date")),
            Map.entry(
                "Task", List.of("name", "parent", "project", "link", "type", "status", "assets")),
            Map.entry(
                "Asset",
                List.of("name", "parent", "context_id", "type", "versions", "latest_version")),
            Map.entry(
                "AssetVersion",
                List.of(
                    "version",
                    "asset",
                    "asset_id",
                    "task",
                    "components",
                    "status",
                    "user",
                    "comment",
                    "date",
                    "is_published",
                    "is_latest_version",
                    "thumbnail_id",
                    "link",
                    "review_session_objects")),
            Map.entry(
                "Component",
                List.of(
                    "name",
                    "file_type",
                    "size",
                    "system_type",
                    "version",
                    "version_id",
                    "container",
                    "container_id",
                    "component_locations")),
            Map.entry(
                "FileComponent", List.of("name", "file_type", "container", "component_locations")),
            Map.entry(
                "SequenceComponent", List.of("members", "padding", "name", "file_type", "size")),
            Map.entry(
                "ComponentLocation",
                List.of(
                    "component",
                    "component_id",
                    "location",
                    "location_id",
                    "resource_identifier",
                    "url")),
            Map.entry("Location", List.of("name", "label", "description", "location_components")),
            Map.entry(
                "ReviewSession",
                List.of(
                    "name",
                    "description",
                    "project",
                    "start_date",
                    "end_date",
                    "created_at",
                    "is_open",
                    "review_session_objects",
                    "review_session_invitees")),
            Map.entry(
                "ReviewSessionObject",
                List.of(
                    "name",
                    "description",
                    "version",
                    "asset_version",
                    "version_id",
                    "review_session",
                    "sort_order")),
            Map.entry(
                "ReviewSessionInvitee",
                List.of("name", "email", "review_session", "created_at", "last_sent_at")),
            Map.entry(
                "Job", List.of("status", "type", "data", "user", "created_at", "finished_at")),
            Map.entry(
                "User",
                List.of(
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "is_active",
                    "user_type",
                    "resource_type",
                    "thumbnail_id")));
    List<Map<String, Object>> schemas =
        (List<Map<String, Object>>) (Object) raw.post(op("query_schemas")).results().get(0);
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      Map<String, Object> schema =
          schemas.stream().filter(s -> e.getKey().equals(s.get("id"))).findFirst().orElseThrow();
      assertThat(((Map<String, Object>) schema.get("properties")).keySet())
          .as(e.getKey())
          .containsAll(e.getValue());
    }
    Map<String, Object> version =
        schemas.stream().filter(s -> "AssetVersion".equals(s.get("id"))).findFirst().orElseThrow();
    assertThat((List<Object>) version.get("computed")).contains("link", "is_latest_version");
  }

  @Test
  void naiveDatetimeLiteralsAreServerLocalWithoutTimezoneSupport() {
    Instant t = Instant.parse("2026-06-01T12:00:00Z"); // 14:00 in Stockholm
    try (FakeFtrack local =
        FakeFtrack.builder()
            .timezoneSupport(false)
            .serverZone(ZoneId.of("Europe/Stockholm"))
            .build()) {
      local.fixtures().create("Job", Map.of("id", "j", "status", "done", "created_at", t));
      RawFtrack r = new RawFtrack(local);
      assertThat(
              r.query("select id from Job where created_at after \"2026-06-01T13:59:00\"").data(0))
          .hasSize(1);
      assertThat(
              r.query("select id from Job where created_at after \"2026-06-01T14:01:00\"").data(0))
          .isEmpty();
      // An explicit offset is taken as written.
      assertThat(
              r.query("select id from Job where created_at after \"2026-06-01T12:01:00+00:00\"")
                  .data(0))
          .isEmpty();
    }
    try (FakeFtrack utc = FakeFtrack.builder().timezoneSupport(true).build()) {
      utc.fixtures().create("Job", Map.of("id", "j", "status", "done", "created_at", t));
      RawFtrack r = new RawFtrack(utc);
      assertThat(
              r.query("select id from Job where created_at after \"2026-06-01T11:59:00\"").data(0))
          .hasSize(1);
      assertThat(
              r.query("select id from Job where created_at after \"2026-06-01T12:01:00\"").data(0))
          .isEmpty();
    }
  }

  @Test
  void reviewSessionsObjectsInviteesAndListsCanBeSeeded() {
    FtrackSeed seed =
        FtrackSeed.parse(
            "{\"projects\": [{\"name\": \"demo\", \"children\": [{\"type\": \"Sequence\","
                + " \"name\": \"sq010\", \"children\": [{\"type\": \"Shot\", \"name\":"
                + " \"sh010\", \"assets\": [{\"name\": \"comp\", \"versions\": [{}, {}]}]}]}],"
                + " \"review_sessions\": [{\"name\": \"client review\", \"description\":"
                + " \"first look\", \"versions\": [\"sq010/sh010/comp/v2\"], \"invitees\":"
                + " [{\"name\": \"Anna\", \"email\": \"anna@client.example\"}]}],"
                + " \"lists\": [{\"name\": \"dailies\", \"versions\": [\"sq010/sh010/comp/v1\","
                + " \"sq010/sh010/comp/v2\"]}, {\"name\": \"shots\", \"contexts\":"
                + " [\"sq010/sh010\"]}]}]}");
    try (FakeFtrack seeded = seed.configure(FakeFtrack.builder()).build(seed::applyTo)) {
      RawFtrack r = new RawFtrack(seeded);
      Map<String, Object> rs =
          r.query(
                  "select name, description, project.name, review_session_objects.asset_version.version,"
                      + " review_session_invitees.email from ReviewSession")
              .data(0)
              .get(0);
      assertThat(rs)
          .containsEntry("name", "client review")
          .containsEntry("description", "first look");
      Map<?, ?> object = (Map<?, ?>) ((List<?>) rs.get("review_session_objects")).get(0);
      assertThat(((Map<?, ?>) object.get("asset_version")).get("version")).isEqualTo(2L);
      Map<?, ?> invitee = (Map<?, ?>) ((List<?>) rs.get("review_session_invitees")).get(0);
      assertThat(invitee.get("email")).isEqualTo("anna@client.example");
      List<Map<String, Object>> dailies =
          r.query("select items.version from AssetVersionList where name is \"dailies\"").data(0);
      assertThat((List<?>) dailies.get(0).get("items")).hasSize(2);
      List<Map<String, Object>> shots =
          r.query("select items.name from TypedContextList where name is \"shots\"").data(0);
      assertThat(((Map<?, ?>) ((List<?>) shots.get(0).get("items")).get(0)).get("name"))
          .isEqualTo("sh010");
    }
  }

  @Test
  void anInternalErrorIsLoggedWithItsStackTraceAndAnsweredAsAServerError() {
    AtomicBoolean armed = new AtomicBoolean();
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            if (armed.get()) {
              throw new IllegalStateException("clock broke");
            }
            return Instant.parse("2026-06-01T12:00:00Z");
          }
        };
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (FakeFtrack broken = FakeFtrack.builder().clock(clock).build()) {
      RawFtrack r = new RawFtrack(broken);
      armed.set(true);
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      RawFtrack.Answer a;
      try {
        a = r.post(create("Job", "j", Map.of("status", "running")));
      } finally {
        System.setErr(err);
      }
      assertThat(a.error()).containsEntry("exception", "ServerError");
      assertThat(captured.toString(StandardCharsets.UTF_8))
          .contains("java.lang.IllegalStateException: clock broke")
          .contains("\tat ");
    }
  }
}
