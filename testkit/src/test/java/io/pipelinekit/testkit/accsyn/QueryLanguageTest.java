package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query language over raw HTTP, one test per operator, against seeded queues and users. */
class QueryLanguageTest {
  private static FakeAccsyn fake;
  private static RawAccsyn admin;

  @BeforeAll
  static void start() {
    fake =
        FakeAccsyn.builder()
            .site("hq")
            .site("la")
            .queue("Nightly backup", 200)
            .queue("Daily backup", 300)
            .employee("anna@studio.com")
            .employee("bob@studio.com")
            .vendor("vic@vendor.com")
            .build();
    admin = new RawAccsyn(fake.adminCredentials());
    admin.login();
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private static List<Object> names(String type, String query) {
    return admin.find(type + "/find", map(), query, null).list().stream()
        .map(e -> e.get(type.equals("user") ? "code" : "name"))
        .map(Object.class::cast)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "priority=500 | Medium",
        "priority!=500 | High,Low,Nightly backup,Daily backup",
        "priority<>500 | High,Low,Nightly backup,Daily backup",
        "priority<200 | Low",
        "priority>500 | High",
        "priority<=200 | Low,Nightly backup",
        "priority>=300 | High,Medium,Daily backup",
        "priority in 1,999 | High,Low",
        "priority not in 1,999,500 | Nightly backup,Daily backup",
        "name contains backup | Nightly backup,Daily backup",
        "name not contains backup | High,Medium,Low",
        "name matches '^[hl][io][gw]' | High,Low",
        "name not matches 'i' | Low",
        "name=\"* backup\" | Nightly backup,Daily backup",
        "name='night*' | Nightly backup",
        "default=true | Medium",
        "priority>100 and priority<400 | Nightly backup,Daily backup",
        "priority=1 or priority=999 | High,Low",
        "(priority=1 or priority=999) and name=high | High",
        "priority=1 or (priority=999 and name=low) | Low",
        "NAME=MEDIUM | Medium",
        "priority in (200, 300) | Nightly backup,Daily backup",
      })
  void operators(String query, String expected) {
    assertThat(names("queue", query)).containsExactlyInAnyOrder((Object[]) expected.split(","));
  }

  @Test
  void humanReadableReferencesAndDottedPaths() {
    String annaId = fake.state().idOf("user", "anna@studio.com").orElseThrow();
    admin.event("POST", "folder/create", map("path", "proj", "name", "proj"), null, null);
    RawAccsyn.Reply acl =
        admin.event(
            "POST",
            "acl/create",
            map(
                "entity",
                "user:" + annaId,
                "target",
                "share:proj",
                "read",
                true,
                "write",
                true,
                "path",
                "/"),
            null,
            null);
    String folderId = (String) acl.first().get("target");
    assertThat(admin.find("acl/find", map(), "entity=user:" + annaId, null).list()).hasSize(1);
    assertThat(admin.find("acl/find", map(), "entity=user:anna@studio.com", null).list())
        .hasSize(1);
    assertThat(admin.find("acl/find", map(), "acl WHERE target=" + folderId, null).list())
        .hasSize(1);
    assertThat(admin.find("acl/find", map(), "entity=anna@studio.com", null).list()).hasSize(1);
    assertThat(admin.find("folder/find", map(), "parent.code=storage", null).list()).hasSize(1);
    assertThat(admin.find("folder/find", map(), "parent=storage", null).list()).hasSize(1);
    assertThat(admin.find("folder/find", map(), "parent.code=other", null).list()).isEmpty();
  }

  @Test
  void usersByRoleAndCaseInsensitiveEmail() {
    assertThat(names("user", "role=employee"))
        .containsExactlyInAnyOrder("anna@studio.com", "bob@studio.com");
    assertThat(names("user", "code=\"ANNA@Studio.com\"")).containsExactly("anna@studio.com");
    assertThat(names("user", "role=standard")).containsExactly("vic@vendor.com");
  }

  @Test
  void limitAndSkipPage() {
    List<Object> all = names("queue", null);
    List<java.util.Map<String, Object>> page =
        admin.find("queue/find", map("limit", 2, "skip", 1), null, null).list();
    assertThat(page).extracting(q -> q.get("name")).containsExactly(all.get(1), all.get(2));
    assertThat(
            admin
                .find("queue/find", map("attributes", List.of("name")), "priority=1", null)
                .first())
        .containsOnlyKeys("id", "name");
  }

  @Test
  void inactiveScope() {
    String bob = fake.state().idOf("user", "bob@studio.com").orElseThrow();
    assertThat(admin.event("DELETE", "user/deactivate", map(), null, bob).result()).isEqualTo(true);
    assertThat(names("user", "role=employee")).containsExactly("anna@studio.com");
    assertThat(admin.find("user/find", map("inactive", true), null, null).list())
        .extracting(u -> u.get("code"))
        .containsExactly("bob@studio.com");
    assertThat(admin.event("POST", "user/activate", map(), "bob@studio.com", null).result())
        .isEqualTo(true);
    assertThat(names("user", "role=employee")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(priority=1 | missing closing parenthesis",
        "priority | expected an operator after 'priority'",
        "priority= | expression ends where a value was expected",
        "name='abc | unterminated quoted value",
        "priority=1 and | expression ends where an attribute was expected",
        "priority=1 priority=2 | unexpected 'priority=2'",
        "name not like x | expected 'in', 'contains' or 'matches' after 'not'",
        "name matches '(' | bad regular expression",
      })
  void malformedQueriesAreValidationErrors(String query, String detail) {
    RawAccsyn.Reply r = admin.find("queue/find", map(), query, null);
    assertThat(r.message()).startsWith("Invalid query").contains(detail);
    assertThat(r.status()).isEqualTo(400);
  }
}
