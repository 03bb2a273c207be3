package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.core.internal.JsonTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class QueryAndUnitOfWorkTest {
  @StartStop final MockWebServer server = new MockWebServer();

  FtrackSession session(int pageSize, int chunk) {
    return FtrackSession.builder()
        .serverUrl(server.url("/").toString())
        .apiUser("jane")
        .apiKey("secret-key")
        .timezoneSupport(true)
        .pageSize(pageSize)
        .idChunkSize(chunk)
        .build();
  }

  static String page(Object next, String... ids) {
    String data =
        List.of(ids).stream()
            .map(id -> "{\"__entity_type__\":\"Shot\",\"id\":\"" + id + "\"}")
            .collect(Collectors.joining(","));
    return "{\"action\":\"query\",\"data\":["
        + data
        + "],\"metadata\":{\"next\":{\"offset\":"
        + next
        + "}}}";
  }

  void answer(String... results) {
    server.enqueue(new MockResponse.Builder().body("[" + String.join(",", results) + "]").build());
  }

  List<String> expressions(RecordedRequest r) {
    List<String> out = new ArrayList<>();
    for (Object op : (List<?>) JsonTree.parse(r.getBody().utf8())) {
      out.add((String) ((Map<?, ?>) op).get("expression"));
    }
    return out;
  }

  // ------------------------------------------------------------------ query text

  @Test
  void buildsTheFullGrammar() {
    Query q =
        Query.select("id", "name", "id", "parent.name")
            .from("Shot")
            .where(
                Criteria.attr("parent.name")
                    .is("sq010")
                    .and(Criteria.attr("status.state.short").isNot("DONE"))
                    .or(Criteria.not(Criteria.attr("assets").any())))
            .orderBy("name")
            .orderBy("start_date", Query.Order.DESCENDING);
    assertThat(q.toExpression())
        .isEqualTo(
            "select id, name, parent.name from Shot where (parent.name is \"sq010\" and"
                + " status.state.short is_not \"DONE\") or not assets any () order by name"
                + " ascending, start_date descending");
  }

  @Test
  void quotesValuesSoThatTheyCannotEscape() {
    String evil = "x\" or name like \"%";
    assertThat(Criteria.attr("name").is(evil).toString())
        .isEqualTo("name is \"x\\\" or name like \\\"%\"");
    assertThat(Criteria.attr("name").is("it's \\ ok").toString())
        .isEqualTo("name is \"it\\'s \\\\ ok\"");
    assertThat(Criteria.attr("version").greaterThan(3).toString()).isEqualTo("version > 3");
    assertThat(Criteria.attr("is_published").is(true).toString()).isEqualTo("is_published is true");
    assertThat(Criteria.attr("task_id").is(null).toString()).isEqualTo("task_id is None");
    assertThat(Criteria.attr("date").lessThan(Instant.parse("2026-01-02T03:04:05.6Z")).toString())
        .isEqualTo("date < \"2026-01-02T03:04:05\"");
    assertThat(Criteria.attr("user_id").is(EntityRef.of("User", "u1")).toString())
        .isEqualTo("user_id is \"u1\"");
    assertThat(Criteria.attr("id").in(List.of("a", "b")).toString())
        .isEqualTo("id in (\"a\", \"b\")");
    assertThat(Criteria.attr("id").notIn(List.of(1L)).toString()).isEqualTo("id not_in (1)");
    assertThat(Criteria.attr("name").notLike("%tmp%").toString())
        .isEqualTo("name not_like \"%tmp%\"");
    assertThat(
            Criteria.attr("components")
                .any(Criteria.attr("name").is("main").and(Criteria.attr("size").greaterThan(0)))
                .toString())
        .isEqualTo("components any (name is \"main\" and size > 0)");
    assertThat(Criteria.attr("asset").has(Criteria.attr("name").is("plate")).toString())
        .isEqualTo("asset has (name is \"plate\")");
  }

  @Test
  void refusesNamesThatAreNotAttributePaths() {
    assertThatThrownBy(() -> Criteria.attr("name is \"x\" or id"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.select("id").from("Shot where 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.select("id").toExpression())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Criteria.attr("id").in(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ paging

  @Test
  void pagesLazilyFollowingNextOffsetUntilNull() throws Exception {
    answer(page(2, "a", "b"));
    answer(page(4, "c", "d"));
    answer(page("null", "e"));
    try (FtrackSession s = session(2, 200)) {
      Iterator<Entity> it = s.query("select id from Shot order by name").iterator();
      assertThat(server.getRequestCount()).isZero(); // lazy
      assertThat(it.next().id()).isEqualTo("a");
      assertThat(server.getRequestCount()).isEqualTo(1);
      List<String> rest = new ArrayList<>();
      it.forEachRemaining(e -> rest.add(e.id()));
      assertThat(rest).containsExactly("b", "c", "d", "e");
    }
    assertThat(expressions(server.takeRequest()))
        .containsExactly("select id from Shot order by name offset 0 limit 2");
    assertThat(expressions(server.takeRequest()))
        .containsExactly("select id from Shot order by name offset 2 limit 2");
    assertThat(expressions(server.takeRequest()))
        .containsExactly("select id from Shot order by name offset 4 limit 2");
  }

  @Test
  void stopsOnAnEmptyPageEvenIfTheServerOffersAnotherOffset() {
    answer(page(2, "a", "b"));
    answer(page(4));
    try (FtrackSession s = session(2, 200)) {
      assertThat(s.query("select id from Shot").all()).hasSize(2);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void honoursTheUsersOffsetAndLimitAcrossPages() throws Exception {
    answer(page(12, "a", "b"));
    answer(page(14, "c", "d"));
    try (FtrackSession s = session(2, 200)) {
      List<Entity> r = s.query("select id from Shot offset 10 limit 3").all();
      assertThat(r).extracting(Entity::id).containsExactly("a", "b", "c");
    }
    assertThat(expressions(server.takeRequest()))
        .containsExactly("select id from Shot offset 10 limit 2");
    assertThat(expressions(server.takeRequest()))
        .containsExactly("select id from Shot offset 12 limit 1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void firstAndOneUseSmallLimits() throws Exception {
    answer(page(1, "a"));
    answer(page("null", "a"));
    answer(page(2, "a", "b"));
    answer(page("null"));
    try (FtrackSession s = session(500, 200)) {
      assertThat(s.query("select id from Shot").first())
          .get()
          .extracting(Entity::id)
          .isEqualTo("a");
      assertThat(s.query(Query.select("id").from("Shot")).one().id()).isEqualTo("a");
      assertThatThrownBy(() -> s.query("select id from Shot").one())
          .isInstanceOfSatisfying(
              FtrackResultCountException.class, e -> assertThat(e.count()).isEqualTo(2));
      assertThatThrownBy(() -> s.query("select id from Shot where name is \"x\"").one())
          .isInstanceOf(FtrackResultCountException.class)
          .hasMessageContaining("no entity matches 'select id from Shot where name is \"x\"'");
      assertThatThrownBy(() -> s.query("select id from Shot limit 5").one())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(expressions(server.takeRequest())).containsExactly("select id from Shot limit 1");
    assertThat(expressions(server.takeRequest())).containsExactly("select id from Shot limit 2");
  }

  @Test
  void idListsAreChunkedAndAllChunksGoInOneRequest() throws Exception {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> "id" + i).collect(Collectors.toList());
    answer(page("null", "id0", "id1"), page("null", "id2", "id3"), page("null", "id4", "id0"));
    List<Entity> r;
    try (FtrackSession s = session(500, 2)) {
      r =
          s.queryByIds(
              Query.select("id").from("Shot").where(Criteria.attr("name").like("sh%")), "id", ids);
    }
    assertThat(r).extracting(Entity::id).containsExactly("id0", "id1", "id2", "id3", "id4");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(expressions(server.takeRequest()))
        .containsExactly(
            "select id from Shot where name like \"sh%\" and id in (\"id0\", \"id1\") offset 0 limit 500",
            "select id from Shot where name like \"sh%\" and id in (\"id2\", \"id3\") offset 0 limit 500",
            "select id from Shot where name like \"sh%\" and id in (\"id4\") offset 0 limit 500");
  }

  @Test
  void queryAllFetchesFurtherPagesOfAllQueriesTogether() throws Exception {
    answer(page(1, "a"), page(1, "x"), page("null", "p"));
    answer(page("null", "b"), page(2, "y"));
    answer(page("null", "z"));
    List<List<Entity>> r;
    try (FtrackSession s = session(1, 200)) {
      r =
          s.queryAll(
              List.of(
                  Query.select("id").from("Shot"),
                  Query.select("id").from("Task"),
                  Query.select("id").from("Project")));
    }
    assertThat(r.get(0)).extracting(Entity::id).containsExactly("a", "b");
    assertThat(r.get(1)).extracting(Entity::id).containsExactly("x", "y", "z");
    assertThat(r.get(2)).extracting(Entity::id).containsExactly("p");
    assertThat(server.getRequestCount()).isEqualTo(3);
    server.takeRequest();
    assertThat(expressions(server.takeRequest()))
        .containsExactly(
            "select id from Shot offset 1 limit 1", "select id from Task offset 1 limit 1");
  }

  // ------------------------------------------------------------------ unit of work

  @Test
  void unitOfWorkFoldsUpdatesIntoCreatesAndDropsCreatedThenDeleted() {
    try (FtrackSession s = session(500, 200)) {
      UnitOfWork uow = s.unitOfWork();
      EntityRef asset = uow.create("Asset", Map.of("name", "plate"));
      EntityRef version = uow.create("AssetVersion", Map.of("asset", asset));
      uow.update(version, Map.of("comment", "first"));
      uow.update(version, Map.of("comment", "second"));
      EntityRef tmp = uow.create("Note", Map.of("content", "x"));
      uow.delete(tmp);
      EntityRef job = EntityRef.of("Job", "j1");
      uow.update(job, Map.of("status", "running"));
      uow.update(job, Map.of("status", "done", "data", "{}"));
      uow.delete(EntityRef.of("ComponentLocation", "cl1"));
      List<Operation> ops = uow.operations();
      assertThat(ops)
          .extracting(Operation::action)
          .containsExactly("create", "create", "update", "delete");
      Map<?, ?> versionData = (Map<?, ?>) ops.get(1).fields().get("entity_data");
      assertThat(versionData.get("comment")).isEqualTo("second");
      assertThat(versionData.get("id")).isEqualTo(version.id());
      assertThat(versionData.get("asset")).isEqualTo(asset);
      assertThat((Map<?, ?>) ops.get(2).fields().get("entity_data"))
          .isEqualTo(Map.of("__entity_type__", "Job", "status", "done", "data", "{}"));
      assertThatThrownBy(
              () -> {
                uow.delete(job);
                uow.update(job, Map.of("status", "x"));
              })
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void commitSendsOneRequestAndEmptiesTheUnitOnlyOnSuccess() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("{\"exception\":\"ValidationError\",\"content\":\"type is required\"}")
            .build());
    try (FtrackSession s = session(500, 200)) {
      UnitOfWork uow = s.unitOfWork();
      EntityRef asset = uow.create("Asset", Map.of("name", "plate"));
      assertThatThrownBy(uow::commit).isInstanceOf(FtrackValidationException.class);
      assertThat(uow.isEmpty()).isFalse();
      answer(
          "{\"action\":\"create\",\"data\":{\"__entity_type__\":\"Asset\",\"id\":\""
              + asset.id()
              + "\",\"name\":\"plate\",\"type_id\":\"t\"}}");
      UnitOfWork.CommitResult result = uow.commit();
      assertThat(uow.isEmpty()).isTrue();
      assertThat(result.entity(asset))
          .get()
          .extracting(e -> e.string("type_id").orElse(""))
          .isEqualTo("t");
      assertThat(uow.commit().entities()).isEmpty();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    server.takeRequest();
    Map<?, ?> op =
        (Map<?, ?>) ((List<?>) JsonTree.parse(server.takeRequest().getBody().utf8())).get(0);
    assertThat(op.get("entity_key")).isEqualTo(List.of(asset(op)));
  }

  private static String asset(Map<?, ?> op) {
    return (String) ((Map<?, ?>) op.get("entity_data")).get("id");
  }
}
