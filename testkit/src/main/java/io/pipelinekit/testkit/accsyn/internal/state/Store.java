package io.pipelinekit.testkit.accsyn.internal.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The fake workspace's in-memory state: entities by type, one lock for all of it, a condition that
 * is signalled on every change (so waiters poll without sleeping), the clock and the id generator.
 *
 * <p>Attributes whose name starts with {@code _} are internal (API keys, directories, share
 * mappings, resolved task files) and never leave the fake.
 */
public final class Store {

  /** Entity types the fake stores, in the order {@code entitytypes} lists them. */
  public static final List<String> TYPES =
      List.of(
          "user",
          "workspace",
          "queue",
          "transfer",
          "compute",
          "delivery",
          "request",
          "stream",
          "task",
          "file",
          "volume",
          "folder",
          "home",
          "collection",
          "acl",
          "site",
          "client",
          "app",
          "server",
          "userserver",
          "engine");

  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Map<String, Entity>> byType = new LinkedHashMap<>();
  private final Map<String, Entity> byId = new LinkedHashMap<>();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final List<String> dispatched = new ArrayList<>();
  private final Clock clock;
  private final Ids ids;
  private final Path root;
  private long version;

  /** Creates an empty store rooted at a directory (where sites and apps get their folders). */
  public Store(Clock clock, Ids ids, Path root) {
    this.clock = clock;
    this.ids = ids;
    this.root = root;
  }

  /** The directory under which every site, server and app directory lives. */
  public Path root() {
    return root;
  }

  /** The id generator. */
  public Ids ids() {
    return ids;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** Now, formatted as accsyn sends datetimes: UTC {@code yyyy-MM-dd'T'HH:mm:ss}. */
  public String now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(WIRE_TIME);
  }

  /** Runs an action under the store lock and signals waiters afterwards. */
  public <T> T write(Supplier<T> action) {
    lock.lock();
    try {
      T result = action.get();
      version++;
      changed.signalAll();
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** Runs an action under the store lock and signals waiters afterwards. */
  public void write(Runnable action) {
    write(
        () -> {
          action.run();
          return null;
        });
  }

  /** Runs a read under the store lock. */
  public <T> T read(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a condition over the state holds, re-checking after every change.
   *
   * @return whether it held before the timeout
   */
  public boolean await(Supplier<Boolean> condition, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    lock.lock();
    try {
      while (!condition.get()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Signals waiters without changing anything (progress ticks). */
  public void touch() {
    write(() -> {});
  }

  /** Creates and stores a new entity with a fresh id. */
  public Entity create(String type) {
    return add(new Entity(type, ids.next()));
  }

  /** Creates and stores a new entity with a given id. */
  public Entity create(String type, String id) {
    return add(new Entity(type, id));
  }

  private Entity add(Entity e) {
    byType.computeIfAbsent(e.type(), t -> new LinkedHashMap<>()).put(e.id(), e);
    byId.put(e.id(), e);
    return e;
  }

  /** Removes an entity for good (only used for ACL revocation and setting cleanup). */
  public void remove(Entity e) {
    Map<String, Entity> m = byType.get(e.type());
    if (m != null) {
      m.remove(e.id());
    }
    byId.remove(e.id());
  }

  /** Every stored entity of a type, in creation order (archived and inactive included). */
  public List<Entity> all(String type) {
    return new ArrayList<>(byType.getOrDefault(type, Map.of()).values());
  }

  /** Entities of a type matching a predicate. */
  public List<Entity> all(String type, Predicate<Entity> filter) {
    List<Entity> out = new ArrayList<>();
    for (Entity e : byType.getOrDefault(type, Map.of()).values()) {
      if (filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** An entity by id, of any type. */
  public Optional<Entity> byId(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id.toLowerCase(Locale.ROOT)));
  }

  /** An entity by id, if it has the given type. */
  public Optional<Entity> get(String type, String id) {
    return byId(id).filter(e -> e.type().equals(type));
  }

  /** The first non-archived entity of a type whose code equals {@code code}, ignoring case. */
  public Optional<Entity> byCode(String type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Entity e : byType.getOrDefault(type, Map.of()).values()) {
      if (!e.archived() && code.equalsIgnoreCase(e.code())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** An entity of a type by id or by code (what accsyn accepts as "human readable"). */
  public Optional<Entity> byIdOrCode(String type, String ident) {
    Optional<Entity> e = get(type, ident);
    return e.isPresent() ? e : byCode(type, ident);
  }

  /** The workspace entity. */
  public Entity workspace() {
    return all("workspace").get(0);
  }

  /** The main site (hq). */
  public Entity mainSite() {
    return all("site", s -> s.bool("main")).stream()
        .findFirst()
        .orElseGet(() -> all("site").get(0));
  }

  /** The default volume, if any. */
  public Optional<Entity> defaultVolume() {
    return all("volume", v -> v.bool("default") && !v.archived()).stream().findFirst();
  }

  /** Workspace-level settings (name to string value). */
  public Map<String, String> settings() {
    return settings;
  }

  /** Task ids in the order the engine dispatched them (hold the lock). */
  public List<String> dispatched() {
    return dispatched;
  }

  /** A counter bumped on every write. */
  public long version() {
    return version;
  }
}
