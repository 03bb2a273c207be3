package io.pipelinekit.testkit.ftrack;

import io.pipelinekit.testkit.ftrack.internal.ApiHandler;
import io.pipelinekit.testkit.ftrack.internal.FaultPlan;
import io.pipelinekit.testkit.ftrack.internal.FtrackDispatcher;
import io.pipelinekit.testkit.ftrack.internal.NoDelayServerSocketFactory;
import io.pipelinekit.testkit.ftrack.internal.Row;
import io.pipelinekit.testkit.ftrack.internal.Schema;
import io.pipelinekit.testkit.ftrack.internal.ServerSettings;
import io.pipelinekit.testkit.ftrack.internal.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;

/**
 * An embedded, stateful fake ftrack server on 127.0.0.1 that answers {@code POST /api} like the
 * real one (see docs/protocol/ftrack.md): batches of operations run atomically, {@code query} with
 * the query language (projections across relations, {@code where} with {@code is}, {@code is_not},
 * {@code in}, {@code not_in}, {@code like}, {@code has}, {@code any}, {@code and}/{@code or}/{@code
 * not}, sub-queries, {@code order by}, {@code offset}/{@code limit}, paging metadata), {@code
 * create}, {@code update}, {@code delete}, {@code query_server_information} and {@code
 * query_schemas}; answers are normalised (each entity in full once per response, then as a
 * reference) and errors come back in the {@code exception} envelope.
 *
 * <pre>{@code
 * try (FakeFtrack fake = FakeFtrack.builder().build()) {
 *   String project = fake.fixtures().project("demo");
 *   // point the code under test at fake.serverUrl() with fake.apiUser() / fake.apiKey(),
 *   // or use fake.environment() (FTRACK_SERVER, FTRACK_API_USER, FTRACK_API_KEY)
 *   assertThat(fake.requestCount()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe; batches run one at a time.
 */
public final class FakeFtrack implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Store store;
  private final ApiHandler handler;
  private final FaultPlan faultPlan = new FaultPlan();
  private final FtrackFixtures fixtures;
  private final FtrackFaults faults;
  private final Map<String, FtrackDispatcher.Caller> callers = new ConcurrentHashMap<>();
  private final List<RecordedFtrackRequest> log = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong served = new AtomicLong();
  private final String apiUser;
  private final String apiKey;
  private final io.pipelinekit.testkit.ftrack.hub.FakeEventHub eventHub =
      io.pipelinekit.testkit.ftrack.hub.FakeEventHub.create(
          (u, k) -> callers.containsKey(u + "\n" + k));

  private FakeFtrack(Builder b) {
    store = new Store(Schema.standard(), b.clock, b.deterministicIds);
    fixtures = new FtrackFixtures(store);
    fixtures.bootstrap();
    Map<String, Object> scenario = null;
    if (b.centralLocation != null) {
      String locationId = fixtures.location(b.centralLocation);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("location_id", locationId);
      data.put("location_name", b.centralLocation);
      data.put("accessor", Map.of("mount_points", b.mountPoints));
      scenario = Map.of("scenario", "ftrack.centralized-storage", "data", data);
    }
    handler =
        new ApiHandler(
            store,
            new ServerSettings(
                b.version, b.timezoneSupport, b.zone, scenario, b.nextOffsetOnFullPage));
    faults = new FtrackFaults(faultPlan, handler);
    apiUser = b.apiUser;
    apiKey = b.apiKey;
    addApiUser(apiUser, apiKey, false);
    server.setProtocols(List.of(Protocol.HTTP_1_1));
    FtrackDispatcher api =
        new FtrackDispatcher(
            handler,
            faultPlan,
            callers::get,
            s -> {
              served.incrementAndGet();
              log.add(
                  new RecordedFtrackRequest(s.user(), s.actions(), s.expressions(), s.status()));
            },
            this::drain);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            return io.pipelinekit.testkit.ftrack.hub.FakeEventHub.handles(request)
                ? eventHub.dispatch(request)
                : api.dispatch(request);
          }
        });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), b.port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake ftrack server on port " + b.port, e);
    }
    handler.serverUrl(serverUrl());
  }

  /**
   * A builder: timezone support on, API user {@code pipeline-bot} with a random key, a random port.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private void drain() {
    try {
      while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // MockWebServer keeps every request; the fake keeps its own log instead.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Adds an API user (and its User entity unless one with that user name exists).
   *
   * @param username the user name sent in {@code ftrack-user}
   * @param key the API key
   * @param readOnly true to make every create, update and delete fail with PermissionError
   * @return the User id
   */
  public String addApiUser(String username, String key, boolean readOnly) {
    callers.put(username + "\n" + key, new FtrackDispatcher.Caller(username, readOnly));
    Optional<Row> existing =
        store.read(
            db ->
                db.ofType("User").stream()
                    .filter(r -> username.equals(r.get("username")))
                    .findFirst());
    return existing.map(Row::id).orElseGet(() -> fixtures.user(username));
  }

  /**
   * The server URL to give the client, {@code http://127.0.0.1:<port>}.
   *
   * @return the URL, without {@code /api}
   */
  public String serverUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * The TCP port.
   *
   * @return the port
   */
  public int port() {
    return server.getPort();
  }

  /**
   * The default API user.
   *
   * @return the user name
   */
  public String apiUser() {
    return apiUser;
  }

  /**
   * The default API user's key.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code FTRACK_API_KEY} for the default user.
   *
   * @return the variables
   */
  public Map<String, String> environment() {
    return Map.of(
        "FTRACK_SERVER", serverUrl(), "FTRACK_API_USER", apiUser, "FTRACK_API_KEY", apiKey);
  }

  /**
   * The id of the default API user's User entity.
   *
   * @return the id
   */
  public String apiUserId() {
    return store.read(
        db ->
            db.ofType("User").stream()
                .filter(r -> apiUser.equals(r.get("username")))
                .findFirst()
                .orElseThrow()
                .id());
  }

  /**
   * The event hub (Socket.IO 0.9 on this port) and its test controls.
   *
   * @return the hub of this fake
   */
  public io.pipelinekit.testkit.ftrack.hub.FakeEventHub eventHub() {
    return eventHub;
  }

  /**
   * Fixture builders.
   *
   * @return the fixtures of this fake
   */
  public FtrackFixtures fixtures() {
    return fixtures;
  }

  /**
   * Fault and latency injection.
   *
   * @return the faults of this fake
   */
  public FtrackFaults faults() {
    return faults;
  }

  /**
   * How many requests were served since start or the last {@link #resetRequests()}.
   *
   * @return the count
   */
  public long requestCount() {
    return served.get();
  }

  /**
   * The requests served, oldest first.
   *
   * @return a copy of the log
   */
  public List<RecordedFtrackRequest> requests() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** Forgets the served requests and sets the count to zero. */
  public void resetRequests() {
    synchronized (log) {
      log.clear();
      served.set(0);
    }
  }

  /**
   * The stored attributes of every entity of a type or its subtypes, for assertions. Foreign keys
   * appear as {@code *_id}; datetimes as {@link java.time.Instant}.
   *
   * @param type e.g. {@code ComponentLocation} or {@code Component}
   * @return one map per entity (with {@code __entity_type__}), in creation order
   */
  public List<Map<String, Object>> entities(String type) {
    return store.read(
        db -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (Row r : db.ofType(type)) {
            out.add(copy(r));
          }
          return out;
        });
  }

  /**
   * One stored entity.
   *
   * @param id the id
   * @return its attributes, if it exists
   */
  public Optional<Map<String, Object>> entity(String id) {
    return store.read(db -> Optional.ofNullable(db.get(id)).map(FakeFtrack::copy));
  }

  private static Map<String, Object> copy(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__entity_type__", r.type());
    m.putAll(r.attributes());
    return Collections.unmodifiableMap(m);
  }

  /** Stops the server. Idempotent. */
  @Override
  public void close() {
    eventHub.close();
    server.close();
  }

  /** Builds a {@link FakeFtrack}; not thread-safe. */
  public static final class Builder {
    private int port;
    private String apiUser = "pipeline-bot";
    private String apiKey = UUID.randomUUID().toString();
    private boolean timezoneSupport = true;
    private ZoneId zone = ZoneOffset.UTC;
    private String version = "4.13.8.1234";
    private String centralLocation;
    private Map<String, String> mountPoints = Map.of();
    private boolean nextOffsetOnFullPage = true;
    private boolean deterministicIds;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The port; 0 (the default) picks a free one.
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * The default API user and key.
     *
     * @param username the user name
     * @param key the API key
     * @return this builder
     */
    public Builder apiUser(String username, String key) {
      this.apiUser = username;
      this.apiKey = key;
      return this;
    }

    /**
     * Whether datetimes are UTC ({@code is_timezone_support_enabled}); default true.
     *
     * @param enabled the flag
     * @return this builder
     */
    public Builder timezoneSupport(boolean enabled) {
      this.timezoneSupport = enabled;
      return this;
    }

    /**
     * The zone of naive datetimes when timezone support is off; default UTC.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder serverZone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * The version reported by {@code query_server_information}.
     *
     * @param version e.g. {@code 4.13.8.1234}
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Turns on the centralized storage scenario with a new location of that name.
     *
     * @param locationName the location, e.g. {@code studio.central}
     * @param mountPoints mount point per OS key ({@code linux}, {@code osx}, {@code windows})
     * @return this builder
     */
    public Builder centralizedStorage(String locationName, Map<String, String> mountPoints) {
      this.centralLocation = locationName;
      this.mountPoints = Map.copyOf(mountPoints);
      return this;
    }

    /**
     * Whether a full last page still announces a next offset (default true, as a server that does
     * not count rows does; the client then reads one empty page). False: the last page says {@code
     * null}.
     *
     * @param flag the flag
     * @return this builder
     */
    public Builder nextOffsetOnFullPage(boolean flag) {
      this.nextOffsetOnFullPage = flag;
      return this;
    }

    /**
     * Ids from a counter instead of random UUIDs, for stable output.
     *
     * @return this builder
     */
    public Builder deterministicIds() {
      this.deterministicIds = true;
      return this;
    }

    /**
     * The clock for {@code created_at} and {@code finished_at}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Optionally adds fixtures, then starts the server.
     *
     * @param fixtures what to put in before the first request
     * @return the running fake
     */
    public FakeFtrack build(Consumer<FtrackFixtures> fixtures) {
      FakeFtrack fake = build();
      fixtures.accept(fake.fixtures());
      return fake;
    }

    /**
     * Starts the server.
     *
     * @return the running fake
     */
    public FakeFtrack build() {
      return new FakeFtrack(this);
    }
  }
}
