package io.pipelinekit.testkit.accsyn;

import io.pipelinekit.testkit.accsyn.internal.faults.FaultPlan;
import io.pipelinekit.testkit.accsyn.internal.ops.Router;
import io.pipelinekit.testkit.accsyn.internal.server.AccsynDispatcher;
import io.pipelinekit.testkit.accsyn.internal.server.CallLog;
import io.pipelinekit.testkit.accsyn.internal.state.Dirs;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Ids;
import io.pipelinekit.testkit.accsyn.internal.state.SeedPlan;
import io.pipelinekit.testkit.accsyn.internal.state.Seeder;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.transfer.Jobs;
import io.pipelinekit.testkit.accsyn.internal.transfer.TransferEngine;
import io.pipelinekit.testkit.ftrack.internal.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;

/**
 * An embedded, stateful fake accsyn server on 127.0.0.1 that speaks the real v3 wire protocol
 * (master lookup, {@code PUT /api/v3/api/login}, {@code /api/v3/event} with Python-quoted query
 * strings, bodies without Content-Type and {@code gz_data}) and really copies files between local
 * directories that stand for sites, servers and users' machines.
 *
 * <pre>{@code
 * try (FakeAccsyn fake = FakeAccsyn.builder()
 *         .site("hq").site("la")
 *         .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
 *         .employee("anna@studio.com", u -> u.app("anna-ws", Os.WINDOWS, a -> a.mapShare("storage", "S:")))
 *         .build()) {
 *   Credentials anna = fake.credentials("anna@studio.com");
 *   // point the client under test at anna.baseUrl() ... then:
 *   Files.writeString(fake.volumeDir("hq", "storage").resolve("a.txt"), "hello");
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the HTTP server and the transfer workers and deletes the
 * temporary root directory when the fake created it.
 */
public final class FakeAccsyn implements AutoCloseable {
  private final Store store;
  private final FaultPlan faultPlan = new FaultPlan();
  private final CallLog log;
  private final TransferEngine engine;
  private final MockWebServer server = new MockWebServer();
  private final boolean deleteRoot;
  private final FakeState state;
  private final Faults faults;
  private final AccsynDispatcher dispatcher;
  private volatile boolean closed;

  private FakeAccsyn(Builder b) throws IOException {
    Path root = b.root;
    deleteRoot = root == null;
    if (root == null) {
      root = Files.createTempDirectory("fake-accsyn-");
    }
    Clock clock =
        b.clock != null
            ? b.clock
            : b.deterministic
                ? Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)
                : Clock.systemUTC();
    store = new Store(clock, new Ids(b.deterministic), root);
    Seeder.apply(b.plan, store);
    log = new CallLog(b.callCapacity);
    engine = new TransferEngine(store, faultPlan, b.speed, b.workers, b.manual);
    Router router = new Router(store, new Jobs(store, engine));
    server.setProtocols(List.of(Protocol.HTTP_1_1));
    dispatcher =
        new AccsynDispatcher(store, router, faultPlan, log, server::getPort, this::drainQueue);
    server.setDispatcher(dispatcher);
    // Nagle's algorithm off on accepted connections: with it on, each answer on a reused
    // connection waited for the client's delayed ACK, about 40 ms per request.
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), b.port);
    engine.start();
    state = new FakeState(store);
    faults = new Faults(faultPlan);
  }

  /**
   * A builder with no sites, volumes or users yet (an hq site, a {@code storage} volume and an
   * admin are added if none are given).
   */
  public static Builder builder() {
    return new Builder();
  }

  private void drainQueue() {
    try {
      while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // MockWebServer queues every request; the fake keeps its own bounded log instead.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The base URL, {@code http://127.0.0.1:<port>}; the API lives under {@code /api/v3}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** The TCP port. */
  public int port() {
    return server.getPort();
  }

  /** The workspace code. */
  public String workspace() {
    return store.read(() -> store.workspace().code());
  }

  /** Credentials of a seeded user. */
  public Credentials credentials(String email) {
    Entity user = user(email);
    return Credentials.of(
        baseUrl(), workspace(), user.code(), store.read(() -> user.str("_apikey")));
  }

  /** Credentials of the first admin. */
  public Credentials adminCredentials() {
    String email =
        store.read(() -> store.all("user", u -> "admin".equals(u.str("role"))).get(0).code());
    return credentials(email);
  }

  /** The directory every site and app directory lives under. */
  public Path root() {
    return store.root();
  }

  /** A site's directory (volumes are sub-directories named by volume code). */
  public Path siteDir(String site) {
    return Dirs.siteDir(store, entity("site", site));
  }

  /** A volume's directory at a site: "storage at hq" is {@code volumeDir("hq", "storage")}. */
  public Path volumeDir(String site, String volume) {
    return Dirs.volumeDir(store, entity("site", site), entity("volume", volume));
  }

  /** The root directory of a user's first app (that machine's file-system root). */
  public Path appDir(String email) {
    Entity user = user(email);
    Entity app =
        store.read(
            () ->
                store.all("client", c -> user.id().equals(c.str("user"))).stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(email + " has no app")));
    return Dirs.clientDir(store, user, app);
  }

  /**
   * The real directory behind an absolute path on a user's first app, e.g. {@code
   * localPath("anna@studio.com", "S:\\proj")} is "the employee's S: drive".
   */
  public Path localPath(String email, String absolutePath) {
    return Dirs.local(appDir(email), absolutePath);
  }

  /**
   * Takes a user's app or user server online or offline (by hostname), as if the desktop app was
   * started or quit; new transfers to an offline client fail, running ones continue.
   */
  public void clientOnline(String hostname, boolean online) {
    store.write(
        () -> {
          Entity client =
              store
                  .byCode("client", hostname)
                  .orElseThrow(() -> new IllegalArgumentException("No client " + hostname));
          client.put("status", online ? "online" : "offline").put("last_checkin", store.now());
        });
  }

  /** Snapshots of the state for assertions. */
  public FakeState state() {
    return state;
  }

  /** Fault injection. */
  public Faults faults() {
    return faults;
  }

  /** The recorded calls, oldest first (the most recent 10,000 by default). */
  public List<RecordedCall> calls() {
    return log.calls();
  }

  /** How many requests the fake served. */
  public long roundTrips() {
    return log.total();
  }

  /** How many requests of an operation ({@code transfer/find}, {@code login}, ...) it served. */
  public long roundTrips(String operation) {
    return log.count(operation.toLowerCase(Locale.ROOT));
  }

  /** Forgets recorded calls and counters. */
  public void clearCalls() {
    log.clear();
  }

  /**
   * Waits until every late commit armed with {@link Faults#gatewayTimeoutThenCommit} or {@link
   * Faults#stallThenCommit} has run, so a test can count the jobs without guessing how long to
   * wait.
   *
   * @param timeout how long to wait at most
   * @throws IllegalStateException if some are still pending when the timeout passes
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitLateCommits(Duration timeout) throws InterruptedException {
    dispatcher.awaitLateCommits(timeout);
  }

  /** Manual (deterministic) mode: runs every runnable task now, on this thread. */
  public int runTransfers() {
    return engine.runPending();
  }

  /**
   * Waits until a job reaches one of the statuses (default: done, failed, aborted), polling the
   * state as it changes, and returns its final snapshot.
   *
   * @throws IllegalStateException when the timeout passes first
   */
  public Map<String, Object> awaitTransfer(String jobId, Duration timeout, String... statuses) {
    Set<String> wanted =
        statuses.length == 0
            ? Set.of("done", "failed", "aborted")
            : Set.copyOf(Arrays.asList(statuses));
    boolean reached;
    try {
      reached =
          store.await(
              () -> store.byId(jobId).map(j -> wanted.contains(j.str("status"))).orElse(false),
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + jobId, e);
    }
    Map<String, Object> job =
        state.entity(jobId).orElseThrow(() -> new IllegalArgumentException("No job " + jobId));
    if (!reached) {
      throw new IllegalStateException(
          "Transfer "
              + jobId
              + " did not reach "
              + wanted
              + " within "
              + timeout
              + "; status is "
              + job.get("status")
              + ", progress "
              + job.get("progress")
              + "%");
    }
    return job;
  }

  /**
   * Waits until a condition over the fake's state holds, re-checking whenever the state changes (no
   * sleeping, no busy loop).
   *
   * <pre>{@code
   * fake.await("first task executing", Duration.ofSeconds(10),
   *     () -> "executing".equals(fake.state().tasks(jobId).get(0).get("status")));
   * }</pre>
   *
   * @throws IllegalStateException when the timeout passes first
   */
  public void await(String description, Duration timeout, BooleanSupplier condition) {
    boolean reached;
    try {
      reached = store.await(condition::getAsBoolean, timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + description, e);
    }
    if (!reached) {
      throw new IllegalStateException("Timed out after " + timeout + " waiting for " + description);
    }
  }

  private Entity user(String email) {
    return store
        .read(() -> store.byCode("user", email))
        .orElseThrow(() -> new IllegalArgumentException("No user " + email + " in the fake"));
  }

  private Entity entity(String type, String code) {
    return store
        .read(() -> store.byIdOrCode(type, code))
        .orElseThrow(
            () -> new IllegalArgumentException("No " + type + " " + code + " in the fake"));
  }

  /** Stops the server and the workers; deletes the root directory if the fake created it. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    dispatcher.dropLateCommits();
    engine.close();
    server.close();
    if (deleteRoot) {
      deleteTree(store.root());
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds and starts a {@link FakeAccsyn}; not thread-safe. Sites, volumes and users are seeded in
   * the order given; the first site is the main site (hq) unless one is marked.
   *
   * <pre>{@code
   * FakeAccsyn fake = FakeAccsyn.builder()
   *     .workspace("acme").site("hq").site("la", Os.LINUX)
   *     .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
   *     .folder("vendor_in", "storage", "incoming/vendors")
   *     .employee("anna@studio.com").vendor("vic@vendor.com")
   *     .acl("vic@vendor.com", "vendor_in", "/", true, true)
   *     .speed(TransferSpeed.bytesPerSecond(1 << 20))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final SeedPlan plan = new SeedPlan();
    private Path root;
    private int port;
    private TransferSpeed speed = TransferSpeed.unlimited();
    private int workers = 2;
    private boolean manual;
    private boolean deterministic;
    private Clock clock;
    private int callCapacity = 10_000;

    private Builder() {}

    /** The workspace code (default {@code studio}). */
    public Builder workspace(String code) {
      plan.workspace = Objects.requireNonNull(code, "code == null");
      return this;
    }

    /** Where site and app directories are created (default: a temp directory deleted on close). */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root == null");
      return this;
    }

    /** The TCP port on 127.0.0.1 (default 0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Adds a site with a Linux storage server. */
    public Builder site(String code) {
      return site(code, Os.LINUX);
    }

    /** Adds a site whose storage server runs the given OS. */
    public Builder site(String code, Os serverOs) {
      plan.sites.add(new SeedPlan.SiteSpec(code, false, code + "-server", serverOs));
      return this;
    }

    /** Adds the main site (hq) explicitly. */
    public Builder mainSite(String code, Os serverOs) {
      plan.sites.add(new SeedPlan.SiteSpec(code, true, code + "-server", serverOs));
      return this;
    }

    /** Adds a volume served at every site; the first volume is the default one. */
    public Builder volume(String code, VolumePaths paths) {
      plan.volumes.add(new SeedPlan.VolumeSpec(code, paths, false, List.of()));
      return this;
    }

    /** Adds a volume served only at the given sites (e.g. proxy storage at la). */
    public Builder volume(String code, VolumePaths paths, String... sites) {
      plan.volumes.add(new SeedPlan.VolumeSpec(code, paths, false, List.of(sites)));
      return this;
    }

    /** Marks a volume (added before) as the default volume. */
    public Builder defaultVolume(String code) {
      for (int i = 0; i < plan.volumes.size(); i++) {
        SeedPlan.VolumeSpec v = plan.volumes.get(i);
        plan.volumes.set(
            i, new SeedPlan.VolumeSpec(v.code(), v.paths(), v.code().equals(code), v.sites()));
      }
      return this;
    }

    /** Adds a folder share {@code code} at {@code path} below a volume. */
    public Builder folder(String code, String volume, String path) {
      plan.folders.add(new SeedPlan.FolderSpec(code, volume, path));
      return this;
    }

    /** Adds an admin. */
    public Builder admin(String email) {
      return user(email, Role.ADMIN, u -> {});
    }

    /** Adds an employee. */
    public Builder employee(String email) {
      return user(email, Role.EMPLOYEE, u -> {});
    }

    /** Adds an employee and configures their apps. */
    public Builder employee(String email, Consumer<UserSpec> spec) {
      return user(email, Role.EMPLOYEE, spec);
    }

    /** Adds a vendor (a standard user). */
    public Builder vendor(String email) {
      return user(email, Role.STANDARD, u -> {});
    }

    /** Adds a vendor (a standard user) and configures their apps. */
    public Builder vendor(String email, Consumer<UserSpec> spec) {
      return user(email, Role.STANDARD, spec);
    }

    /** Adds a user with a role. */
    public Builder user(String email, Role role) {
      return user(email, role, u -> {});
    }

    /** Adds a user with a role and configures them. */
    public Builder user(String email, Role role, Consumer<UserSpec> spec) {
      UserSpec u = new UserSpec();
      spec.accept(u);
      plan.users.add(
          new SeedPlan.UserSpec(email, role, u.apiKey, u.home, u.disabled, List.copyOf(u.apps)));
      return this;
    }

    /** Grants a user access to a share (volume, folder or home code) below a path. */
    public Builder acl(String email, String share, String path, boolean read, boolean write) {
      plan.acls.add(new SeedPlan.AclSpec(email, share, path, read, write));
      return this;
    }

    /** Adds a queue. */
    public Builder queue(String name, int priority) {
      plan.queues.add(new SeedPlan.QueueSpec(name, priority));
      return this;
    }

    /** Sets a workspace setting (string value). */
    public Builder setting(String name, String value) {
      plan.settings.put(name, value);
      return this;
    }

    /** Copy speed per task (default unlimited). */
    public Builder speed(TransferSpeed speed) {
      this.speed = Objects.requireNonNull(speed, "speed == null");
      return this;
    }

    /** Number of transfer worker threads (default 2). */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1");
      }
      this.workers = workers;
      return this;
    }

    /**
     * Deterministic mode: fixed ids and clock, and no worker threads; tasks run only when the test
     * calls {@link FakeAccsyn#runTransfers()}, in priority order.
     */
    public Builder deterministic() {
      this.deterministic = true;
      this.manual = true;
      return this;
    }

    /** The clock for created/finished timestamps. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How many recorded calls to keep (default 10,000). */
    public Builder recordedCallCapacity(int capacity) {
      this.callCapacity = capacity;
      return this;
    }

    /** Seeds from a JSON document (the standalone seed format, see docs/testing.md). */
    public Builder seedJson(String json) {
      SeedFile.apply(json, this);
      return this;
    }

    /** Seeds from a JSON file. */
    public Builder seed(Path file) {
      try {
        return seedJson(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Starts the fake. */
    public FakeAccsyn build() {
      try {
        return new FakeAccsyn(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A user being seeded: API key, home share, apps and their mapped shares.
   *
   * <pre>{@code
   * builder.vendor("vic@vendor.com", u -> u.apiKey("k").app("vic-mac", Os.MAC,
   *     a -> a.mapShare("storage", "/Users/vic/mirror", true, false)));
   * }</pre>
   */
  public static final class UserSpec {
    private String apiKey;
    private boolean home;
    private boolean disabled;
    private final List<SeedPlan.AppSpec> apps = new java.util.ArrayList<>();

    UserSpec() {}

    /** The API key (default {@code key-<email with dashes>}). */
    public UserSpec apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /** Creates the user's home share. */
    public UserSpec home() {
      this.home = true;
      return this;
    }

    /** Seeds the user disabled. */
    public UserSpec disabled() {
      this.disabled = true;
      return this;
    }

    /** Adds an online desktop app. */
    public UserSpec app(String hostname, Os os) {
      return app(hostname, os, a -> {});
    }

    /** Adds a desktop app and configures it. */
    public UserSpec app(String hostname, Os os, Consumer<AppSpec> spec) {
      return client(hostname, os, 0, spec);
    }

    /** Adds a user server (a headless app, type 2) and configures it. */
    public UserSpec userServer(String hostname, Os os, Consumer<AppSpec> spec) {
      return client(hostname, os, 2, spec);
    }

    private UserSpec client(String hostname, Os os, int type, Consumer<AppSpec> spec) {
      AppSpec a = new AppSpec();
      spec.accept(a);
      apps.add(
          new SeedPlan.AppSpec(
              hostname, os, type, a.online, a.site, a.downloadDir, Map.copyOf(a.mappings)));
      return this;
    }
  }

  /**
   * An app being seeded: its online status, download folder and locally mapped shares (accsyn's
   * {@code ACCSYN_<VOLUME>_PATH} plus the Read/Write ticks in the app's share mappings).
   *
   * <pre>{@code
   * a.mapShare("storage", "S:").downloadDir("C:\\Users\\anna\\Downloads");
   * }</pre>
   */
  public static final class AppSpec {
    private boolean online = true;
    private String site;
    private String downloadDir;
    private final Map<String, SeedPlan.MappingSpec> mappings = new LinkedHashMap<>();

    AppSpec() {}

    /** Maps a volume at a local path, with read and write ticked. */
    public AppSpec mapShare(String volume, String localPath) {
      return mapShare(volume, localPath, true, true);
    }

    /** Maps a volume at a local path with the given access for others (hq pulling or pushing). */
    public AppSpec mapShare(String volume, String localPath, boolean read, boolean write) {
      mappings.put(volume, new SeedPlan.MappingSpec(localPath, read, write));
      return this;
    }

    /** Seeds the app offline. */
    public AppSpec offline() {
      this.online = false;
      return this;
    }

    /** The site the machine is at (default none: accsyn's roaming desktop clients). */
    public AppSpec site(String siteCode) {
      this.site = Objects.requireNonNull(siteCode, "siteCode == null");
      return this;
    }

    /** Where relative destination paths land on this machine (default {@code downloads}). */
    public AppSpec downloadDir(String localPath) {
      this.downloadDir = localPath;
      return this;
    }
  }
}
