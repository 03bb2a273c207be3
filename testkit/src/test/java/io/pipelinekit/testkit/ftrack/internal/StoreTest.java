package io.pipelinekit.testkit.ftrack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class StoreTest {
  private final Store store =
      new Store(Schema.standard(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), true);

  private static Row component(String id, String containerId) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", id);
    a.put("name", id);
    a.put("container_id", containerId);
    return new Row("FileComponent", a);
  }

  private List<String> ids(List<Row> rows) {
    return rows.stream().map(Row::id).toList();
  }

  private List<String> members(String containerId) {
    return store.read(db -> ids(db.where("container_id", containerId)));
  }

  @Test
  void anIndexFollowsInsertsUpdatesAndDeletesInCreationOrder() {
    store.transaction(
        db -> {
          db.put(new Row("SequenceComponent", Map.of("id", "s", "name", "s")));
          for (int i = 0; i < 5; i++) {
            db.put(component("m" + i, "s"));
          }
          return null;
        });
    assertThat(members("s")).containsExactly("m0", "m1", "m2", "m3", "m4");

    store.transaction(
        db -> {
          db.put(component("m1", null)); // leaves the sequence
          db.remove("m3");
          db.put(component("m5", "s"));
          db.put(component("m1", "s")); // comes back: keeps its place in creation order
          return null;
        });
    assertThat(members("s")).containsExactly("m0", "m1", "m2", "m4", "m5");
    List<String> byId = store.read(db -> ids(db.whereAny("id", List.of("m5", "m0", "x", "m3"))));
    assertThat(byId).containsExactly("m0", "m5");
    List<String> components = store.read(db -> ids(db.ofType("Component")));
    assertThat(components).containsExactly("s", "m0", "m1", "m2", "m4", "m5");
  }

  @Test
  void aFailedBatchLeavesNothingBehindAndIndexesAgree() {
    store.transaction(
        db -> {
          db.put(new Row("SequenceComponent", Map.of("id", "s", "name", "s")));
          db.put(component("a", "s"));
          db.put(component("b", "s"));
          return null;
        });
    // Build the index before the failing batch, so that rolling back must also repair it.
    assertThat(members("s")).containsExactly("a", "b");

    assertThatThrownBy(
            () ->
                store.transaction(
                    db -> {
                      db.put(component("c", "s"));
                      db.put(component("a", null));
                      db.remove("b");
                      db.put(component("b", "other"));
                      db.put(component("a", "other"));
                      throw FtrackError.validation("refused");
                    }))
        .isInstanceOf(FtrackError.class);

    assertThat(members("s")).containsExactly("a", "b");
    assertThat(members("other")).isEmpty();
    Row c = store.read(db -> db.get("c"));
    assertThat(c).isNull();
    List<String> all =
        store.read(db -> StreamSupport.stream(db.all().spliterator(), false).map(Row::id).toList());
    assertThat(all).containsExactly("s", "a", "b");
  }

  @Test
  void aNestedTransactionIsPartOfItsBatch() {
    assertThatThrownBy(
            () ->
                store.transaction(
                    db -> {
                      store.transaction(
                          inner -> {
                            inner.put(component("x", null));
                            return null;
                          });
                      throw FtrackError.validation("refused");
                    }))
        .isInstanceOf(FtrackError.class);
    Row x = store.read(db -> db.get("x"));
    assertThat(x).isNull();
  }
}
