package io.pipelinekit.testkit.accsyn;

import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.state.Views;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only snapshots of the fake's state for assertions, exactly as {@code find} would return them
 * to an admin (including archived, finished and inactive entities). Every call takes a fresh
 * snapshot; the maps are unmodifiable.
 *
 * <pre>{@code
 * Map<String, Object> job = fake.state().entity(jobId).orElseThrow();
 * assertThat(job).containsEntry("status", "done");
 * assertThat(fake.state().tasks(jobId)).extracting(t -> t.get("status")).containsOnly("done");
 * }</pre>
 */
public final class FakeState {
  private final Store store;

  FakeState(Store store) {
    this.store = store;
  }

  /** Every entity of a type ({@code transfer}, {@code user}, {@code acl}, {@code client}, ...). */
  public List<Map<String, Object>> entities(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return store.read(
        () -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (Entity e : store.all(t)) {
            out.add(Collections.unmodifiableMap(Views.of(store, e)));
          }
          return Collections.unmodifiableList(out);
        });
  }

  /** One entity by id (24-hex, or a task UUID). */
  public Optional<Map<String, Object>> entity(String id) {
    return store.read(
        () -> store.byId(id).map(e -> Collections.unmodifiableMap(Views.of(store, e))));
  }

  /** The tasks of a job, in creation order. */
  public List<Map<String, Object>> tasks(String jobId) {
    return store.read(
        () -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (Entity e : store.all("task", t -> jobId.equals(t.str("job")))) {
            out.add(Collections.unmodifiableMap(Views.of(store, e)));
          }
          return Collections.unmodifiableList(out);
        });
  }

  /** The id of a user, site, volume, folder or queue by its code (e-mail for users). */
  public Optional<String> idOf(String type, String code) {
    return store.read(() -> store.byCode(type.toLowerCase(Locale.ROOT), code).map(Entity::id));
  }

  /** Task ids in the order the transfer engine dispatched them (retries appear again). */
  public List<String> dispatchOrder() {
    return store.read(() -> List.copyOf(store.dispatched()));
  }

  /** Workspace setting values by name. */
  public Map<String, String> settings() {
    return store.read(() -> Map.copyOf(store.settings()));
  }
}
