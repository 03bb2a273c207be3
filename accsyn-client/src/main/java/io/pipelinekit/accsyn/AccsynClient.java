package io.pipelinekit.accsyn;

import io.pipelinekit.accsyn.access.Access;
import io.pipelinekit.accsyn.deliveries.Deliveries;
import io.pipelinekit.accsyn.files.Files;
import io.pipelinekit.accsyn.internal.Device;
import io.pipelinekit.accsyn.internal.Engine;
import io.pipelinekit.accsyn.internal.EngineConfig;
import io.pipelinekit.accsyn.internal.EnvSettings;
import io.pipelinekit.accsyn.internal.ProxySetting;
import io.pipelinekit.accsyn.queues.Queues;
import io.pipelinekit.accsyn.settings.Settings;
import io.pipelinekit.accsyn.sites.Sites;
import io.pipelinekit.accsyn.storage.Storage;
import io.pipelinekit.accsyn.transfers.Transfers;
import io.pipelinekit.accsyn.users.Users;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client for one accsyn workspace as one API user, speaking the accsyn v3 wire protocol exactly
 * as accsyn's Python client does (see docs/protocol/accsyn-v3.md).
 *
 * <pre>{@code
 * try (AccsynClient client = AccsynClient.fromEnvironment()) {   // ACCSYN_WORKSPACE, _API_USER, _API_KEY
 *   List<Json> failed = client.find(Query.of("transfer").where("status", Operator.EQ, "failed"));
 *   Json job = client.create("transfer", Json.of(Map.of(
 *       "source", "share=projects/sh010/comp.mov", "destination", "la"))).get(0);
 *   client.update("transfer", job.string("id").orElseThrow(), Json.of(Map.of("status", "paused")));
 * }
 * }</pre>
 *
 * <p>The generic methods work on every entity type accsyn knows ({@code find("entitytypes")} lists
 * them); {@link #call} reaches any other operation. Each has a non-blocking form on {@link
 * #async()}.
 *
 * <p>Thread-safe and immutable: share one long-lived client. The master lookup and login happen
 * lazily, once, on the first call. {@link #close()} releases the HTTP threads and connections when
 * the client created its own OkHttp client. The API key never appears in {@link #toString()}, logs
 * or exception messages.
 */
public final class AccsynClient implements AutoCloseable {
  /** Entities per page when streaming, unless configured. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** The most bytes of one answer the client reads, unless configured: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  private final Engine engine;
  private final AccsynAsync async;
  private final String description;

  private AccsynClient(Engine engine, String description) {
    this.engine = engine;
    this.async = new AccsynAsync(engine);
    this.description = description;
  }

  /**
   * A builder; nothing is read from the environment unless asked with {@link
   * Builder#fromEnvironment()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured like accsyn's Python client: {@code ACCSYN_WORKSPACE} (or {@code
   * ACCSYN_DOMAIN}, {@code ACCSYN_ORG}), {@code ACCSYN_API_USER}, {@code ACCSYN_API_KEY}, {@code
   * ACCSYN_PROXY}, {@code AS_DEV}, and the {@code .env} file named by {@code
   * ACCSYN_CREDENTIALS_PATH} or found in the current directory.
   *
   * @return the client
   * @throws AccsynConfigurationException if a setting is missing or malformed
   */
  public static AccsynClient fromEnvironment() {
    return builder().fromEnvironment().build();
  }

  /**
   * A client configured from the given environment and working directory (for tests and tools with
   * their own configuration source).
   *
   * @param environment variables by name
   * @param workingDir where a {@code .env} file is looked for, and relative {@code
   *     ACCSYN_CREDENTIALS_PATH} values are resolved
   * @return the client
   * @throws AccsynConfigurationException if a setting is missing or malformed
   */
  public static AccsynClient fromEnvironment(Map<String, String> environment, Path workingDir) {
    return builder().fromEnvironment(environment, workingDir).build();
  }

  /**
   * The asynchronous form of every generic call.
   *
   * @return the async view of this client
   */
  public AccsynAsync async() {
    return async;
  }

  // ---- typed resource groups; each is a thin, stateless view of this client --------

  /**
   * Transfer jobs and their tasks: create from a typed spec, find, edit, delete, watch progress.
   *
   * @return the transfer API
   */
  public Transfers transfers() {
    return Transfers.of(this);
  }

  /**
   * Volumes, shared folders, homes and collections, and the storage as a path-mapping root table.
   *
   * @return the storage API
   */
  public Storage storage() {
    return Storage.of(this);
  }

  /**
   * Grants, lists and revokes users' access to shares.
   *
   * @return the access API
   */
  public Access access() {
    return Access.of(this);
  }

  /**
   * Users: find, list by role, invite, deactivate, activate.
   *
   * @return the user API
   */
  public Users users() {
    return Users.of(this);
  }

  /**
   * Sites, servers, apps and lanes.
   *
   * @return the sites API
   */
  public Sites sites() {
    return Sites.of(this);
  }

  /**
   * File operations on accsyn paths.
   *
   * @return the file API
   */
  public Files files() {
    return Files.of(this);
  }

  /**
   * Deliveries and upload requests.
   *
   * @return the delivery API
   */
  public Deliveries deliveries() {
    return Deliveries.of(this);
  }

  /**
   * Transfer queues.
   *
   * @return the queue API
   */
  public Queues queues() {
    return Queues.of(this);
  }

  /**
   * Settings and the integration utility call.
   *
   * @return the settings API
   */
  public Settings settings() {
    return Settings.of(this);
  }

  /**
   * The workspace code.
   *
   * @return the workspace
   */
  public String workspace() {
    return engine.config().workspace();
  }

  /**
   * The API user's e-mail.
   *
   * @return the user name
   */
  public String username() {
    return engine.config().username();
  }

  /**
   * The API user's id, from the login (logs in if not done yet).
   *
   * @return the 24-character user id
   */
  public String userId() {
    return await(() -> engine.login()).userId();
  }

  /**
   * The API user's role, from the login (logs in if not done yet).
   *
   * @return {@code admin}, {@code employee}, {@code standard} or {@code support}
   */
  public String role() {
    return await(() -> engine.login()).role();
  }

  /**
   * Finds entities.
   *
   * @param query the query
   * @return the entities
   * @see AccsynAsync#find(Query)
   */
  public List<Json> find(Query query) {
    return await(() -> async.find(query));
  }

  /**
   * The attribute names of an entity type: those a find returns, a create accepts or an update
   * accepts.
   *
   * @param entityType e.g. {@code transfer}
   * @param set which set
   * @return the names
   * @see AccsynAsync#attributes(String, AttributeSet)
   */
  public List<String> attributes(String entityType, AttributeSet set) {
    return await(() -> async.attributes(entityType, set));
  }

  /**
   * Finds entities with a query in accsyn's language.
   *
   * @param query e.g. {@code Transfer WHERE status<>failed}
   * @return the entities
   * @see AccsynAsync#find(String)
   */
  public List<Json> find(String query) {
    return await(() -> async.find(query));
  }

  /**
   * Finds one entity.
   *
   * @param query the query
   * @return the first match, or empty
   * @see AccsynAsync#findOne(Query)
   */
  public Optional<Json> findOne(Query query) {
    return await(() -> async.findOne(query));
  }

  /**
   * Finds one entity with a query in accsyn's language.
   *
   * @param query e.g. {@code User WHERE code=anna@studio.com}
   * @return the first match, or empty
   */
  public Optional<Json> findOne(String query) {
    return await(() -> async.findOne(query));
  }

  /**
   * An entity by id, in any state.
   *
   * @param entityType e.g. {@code transfer}
   * @param id the 24-character id
   * @return the entity, or empty
   * @see AccsynAsync#get
   */
  public Optional<Json> get(String entityType, String id) {
    return await(() -> async.get(entityType, id));
  }

  /**
   * All matching entities, fetched lazily page by page with limit/skip: memory stays flat however
   * many there are. The query's own limit caps the total and its skip is the starting point.
   * Entities created or finished while paging may shift pages (accsyn has no cursors).
   *
   * @param query the query
   * @return a lazy, sequential stream
   */
  public Stream<Json> stream(Query query) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new Pager(query), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Like {@link #stream}, as an {@link Iterable} (each iterator pages on its own; iterators are not
   * thread-safe).
   *
   * @param query the query
   * @return the lazy iterable
   */
  public Iterable<Json> iterate(Query query) {
    Objects.requireNonNull(query, "query == null");
    return () -> new Pager(query);
  }

  /**
   * Creates entities; job creates are idempotent.
   *
   * @param entityType e.g. {@code transfer}
   * @param data the fields
   * @return the created entities
   * @see AccsynAsync#create(String, Json)
   */
  public List<Json> create(String entityType, Json data) {
    return await(() -> async.create(entityType, data));
  }

  /**
   * Creates a job idempotently and reports what it took (sends, look-ups, duplicates removed).
   *
   * @param entityType a job type such as {@code transfer}
   * @param parentId the parent id, or null
   * @param data the job's fields
   * @return the outcome
   * @see AccsynAsync#createJob(String, String, Json)
   */
  public JobCreation createJob(String entityType, String parentId, Json data) {
    return await(() -> async.createJob(entityType, parentId, data));
  }

  /**
   * Creates entities from a map of fields.
   *
   * @param entityType e.g. {@code transfer}
   * @param data the fields
   * @return the created entities
   */
  public List<Json> create(String entityType, Map<String, ?> data) {
    return create(entityType, Json.of(Objects.requireNonNull(data, "data == null")));
  }

  /**
   * Creates sub-entities: tasks of a job, files of a collection.
   *
   * @param entityType {@code task} or {@code file}
   * @param parentId the parent id
   * @param data the fields
   * @return the created entities
   * @see AccsynAsync#create(String, String, Json)
   */
  public List<Json> create(String entityType, String parentId, Json data) {
    return await(() -> async.create(entityType, parentId, data));
  }

  /**
   * Edits an entity.
   *
   * @param entityType e.g. {@code transfer}
   * @param id the id
   * @param data the fields to change
   * @return the updated entity
   * @see AccsynAsync#update
   */
  public Json update(String entityType, String id, Json data) {
    return await(() -> async.update(entityType, id, data));
  }

  /**
   * Edits an entity from a map of fields.
   *
   * @param entityType e.g. {@code transfer}
   * @param id the id
   * @param data the fields to change
   * @return the updated entity
   */
  public Json update(String entityType, String id, Map<String, ?> data) {
    return update(entityType, id, Json.of(Objects.requireNonNull(data, "data == null")));
  }

  /**
   * Edits several tasks of a job in one call.
   *
   * @param entityType {@code task}
   * @param parentId the job id
   * @param patches task patches naming tasks by {@code id} or {@code uri}
   * @return the updated tasks
   * @see AccsynAsync#updateMany
   */
  public List<Json> updateMany(String entityType, String parentId, List<Json> patches) {
    return await(() -> async.updateMany(entityType, parentId, patches));
  }

  /**
   * Deletes (archives) an entity.
   *
   * @param entityType e.g. {@code transfer}
   * @param id the id
   * @param force delete even if busy
   * @return the server's result
   * @see AccsynAsync#delete
   */
  public Json delete(String entityType, String id, boolean force) {
    return await(() -> async.delete(entityType, id, force));
  }

  /**
   * Deactivates an entity.
   *
   * @param entityType e.g. {@code user}
   * @param id the id
   * @return the server's result
   */
  public Json deactivate(String entityType, String id) {
    return await(() -> async.deactivate(entityType, id));
  }

  /**
   * Activates an entity by id or unique code.
   *
   * @param entityType e.g. {@code user}
   * @param idOrCode the id or code
   * @return the server's result
   */
  public Json activate(String entityType, String idOrCode) {
    return await(() -> async.activate(entityType, idOrCode));
  }

  /**
   * Any accsyn operation; returns the whole response object.
   *
   * @param method the HTTP method
   * @param uri the event uri
   * @param data object, array or null
   * @param query an expression or null
   * @param id an entity id or null
   * @return the response object
   * @see AccsynAsync#call
   */
  public Json call(HttpMethod method, String uri, Json data, String query, String id) {
    return await(() -> async.call(method, uri, data, query, id));
  }

  /** Releases the HTTP threads and connections if the client created them; idempotent. */
  @Override
  public void close() {
    engine.close();
  }

  /** Workspace, user and endpoint; never the key. */
  @Override
  public String toString() {
    return description;
  }

  static <T> T await(Supplier<CompletableFuture<T>> start) {
    // The caller blocks anyway, so the exchange runs on its thread rather than being handed to
    // OkHttp's dispatcher and back.
    CompletableFuture<T> future = Engine.callerWaits(start);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new AccsynException("interrupted while waiting for accsyn; the call was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = Engine.unwrap(e);
      if (cause instanceof InterruptedException) {
        // Interrupted while the call ran on this thread.
        Thread.currentThread().interrupt();
        throw new AccsynException(
            "interrupted while waiting for accsyn; the call was cancelled", cause);
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new AccsynException(String.valueOf(cause.getMessage()), cause);
    }
  }

  /** Pages a query lazily; one page in memory at a time. */
  private final class Pager implements Iterator<Json> {
    private final Query base;
    private final int pageSize = engine.config().pageSize();
    private int nextSkip;
    private Integer remaining;
    private Iterator<Json> page = List.<Json>of().iterator();
    private boolean exhausted;

    Pager(Query query) {
      this.base = Objects.requireNonNull(query, "query == null");
      this.nextSkip = query.skip();
      this.remaining = query.limit().isPresent() ? query.limit().getAsInt() : null;
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext() && !exhausted) {
        fetch();
      }
      return page.hasNext();
    }

    @Override
    public Json next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }

    private void fetch() {
      int want = remaining == null ? pageSize : Math.min(pageSize, remaining);
      if (want <= 0) {
        exhausted = true;
        return;
      }
      List<Json> got = find(base.skip(nextSkip).limit(want));
      nextSkip += got.size();
      if (remaining != null) {
        remaining -= got.size();
      }
      if (got.size() < want) {
        exhausted = true;
      }
      page = got.iterator();
    }
  }

  /**
   * Builds an {@link AccsynClient}. Settings given here win over the environment (when {@link
   * #fromEnvironment()} is used). Not thread-safe.
   */
  public static final class Builder {
    private static final Pattern NO_SPACE = Pattern.compile("[^\\s\\p{Cntrl}]+");
    private static final String MASTER = "https://master.accsyn.com:443";

    private EnvSettings env;
    private String workspace;
    private String username;
    private String apiKey;
    private String host;
    private Integer port;
    private URI endpoint;
    private URI lookupEndpoint;
    private String proxy;
    private Boolean dev;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private boolean insecure;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RateLimit rateLimit = RateLimit.defaults();
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private String hostname;
    private OkHttpClient okHttpClient;
    private boolean idempotentCreates = true;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Duration callTimeout;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /**
     * Reads unset settings from the process environment and {@code .env} (see {@link
     * AccsynClient#fromEnvironment()}).
     *
     * @return this builder
     */
    public Builder fromEnvironment() {
      return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * Reads unset settings from the given environment and the {@code .env} file of the given
     * directory.
     *
     * @param environment variables by name
     * @param workingDir the directory of {@code .env}
     * @return this builder
     * @throws AccsynConfigurationException if {@code ACCSYN_CREDENTIALS_PATH} names a missing file
     */
    public Builder fromEnvironment(Map<String, String> environment, Path workingDir) {
      Objects.requireNonNull(environment, "environment == null");
      Objects.requireNonNull(workingDir, "workingDir == null");
      this.env = EnvSettings.load(environment, workingDir);
      if (hostname == null) {
        hostname = Device.localHostname(environment);
      }
      return this;
    }

    /**
     * The workspace code ({@code ACCSYN_WORKSPACE}).
     *
     * @param workspace e.g. {@code studio} for studio.accsyn.com
     * @return this builder
     */
    public Builder workspace(String workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace == null");
      return this;
    }

    /**
     * The API user's e-mail ({@code ACCSYN_API_USER}).
     *
     * @param username the e-mail
     * @return this builder
     */
    public Builder username(String username) {
      this.username = Objects.requireNonNull(username, "username == null");
      return this;
    }

    /**
     * The API key ({@code ACCSYN_API_KEY}); never logged or printed.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    /**
     * The API host, skipping the master lookup (on-prem installations); HTTPS on port 443 unless
     * {@link #port} says otherwise.
     *
     * @param host the host name
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /**
     * The API port; overrides the one the master lookup returns.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new AccsynConfigurationException("port(" + port + ") is out of range 1-65535");
      }
      this.port = port;
      return this;
    }

    /**
     * An explicit endpoint, {@code http://host:port} or {@code https://host:port}, skipping the
     * master lookup: for on-prem servers and tests (e.g. the testkit's fake accsyn).
     *
     * @param endpoint the base URL; any path is ignored
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /**
     * Where the master lookup goes; default {@code https://master.accsyn.com:443}.
     *
     * @param lookupEndpoint the base URL
     * @return this builder
     */
    public Builder lookupEndpoint(URI lookupEndpoint) {
      this.lookupEndpoint = Objects.requireNonNull(lookupEndpoint, "lookupEndpoint == null");
      return this;
    }

    /**
     * A proxy ({@code ACCSYN_PROXY}): {@code host} or {@code host:port} for an accsyn proxy (plain
     * http to the proxy, which forwards to accsyn), {@code accsyn:host:port}, or {@code
     * socks:host:port} / {@code socks5:host:port} for SOCKS5 (TLS stays end to end).
     *
     * @param proxy the proxy setting
     * @return this builder
     */
    public Builder proxy(String proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Dev mode ({@code AS_DEV}): plain http to 127.0.0.1:8181 (or {@link #host}), no lookup.
     *
     * @param dev whether dev mode is on
     * @return this builder
     */
    public Builder dev(boolean dev) {
      this.dev = dev;
      return this;
    }

    /**
     * Connect timeout; default 10 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Read timeout; default 120 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Accepts any TLS certificate, as accsyn's Python client does. Dangerous: only for test servers
     * with self-signed certificates. Logs a warning when the client is built.
     *
     * @return this builder
     */
    public Builder insecureSkipTlsVerify() {
      this.insecure = true;
      return this;
    }

    /**
     * How reads are retried; default {@link RetryPolicy#defaults()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The client-side limiter; default {@link RateLimit#defaults()}.
     *
     * @param rateLimit the limits
     * @return this builder
     */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit == null");
      return this;
    }

    /**
     * How the client waits (backoff, rate limiting); default {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The clock for event timestamps and the rate limiter; default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** For tests: the random source of the backoff jitter. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * This machine's name as sent in events and the device header; default from {@code
     * HOSTNAME}/{@code COMPUTERNAME} or the JDK.
     *
     * @param hostname the name
     * @return this builder
     */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname == null");
      return this;
    }

    /**
     * An OkHttp client to share pools and dispatcher with; the accsyn client derives its own
     * settings from it and does not close it.
     *
     * @param client the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Whether job creates carry a request id in their metadata and are checked after a lost answer
     * (default true). Off, a lost answer just fails and nothing is resent.
     *
     * @param enabled the flag
     * @return this builder
     */
    public Builder idempotentCreatesEnabled(boolean enabled) {
      this.idempotentCreates = enabled;
      return this;
    }

    /**
     * Entities per page for {@link AccsynClient#stream}; default 500.
     *
     * @param pageSize positive
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The total deadline of one call: every attempt, backoff, {@code Retry-After} wait and body
     * read of a call (and, for a job create, its look-ups and reconciliation) must end within it,
     * or the call fails with {@link AccsynDeadlineExceededException}. Default: the retry policy's
     * {@link RetryPolicy#maxElapsed()}, 60 s. A single answer slower than this fails even when the
     * read timeout is longer: raise both for a server known to be slow.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * The most bytes of one answer the client reads (default 64 MiB). A larger answer fails with
     * {@link AccsynResponseTooLargeException} without being read further, so no answer can fill the
     * heap. Large listings are better read page by page with {@link AccsynClient#stream}.
     *
     * @param bytes positive
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * The client.
     *
     * @return a new client
     * @throws AccsynConfigurationException if a setting is missing or malformed
     */
    public AccsynClient build() {
      String ws =
          require(
              workspace,
              env == null ? java.util.Optional.empty() : env.workspace(),
              "workspace",
              "workspace(\"<code>\") or set ACCSYN_WORKSPACE (the <code> of"
                  + " <code>.accsyn.com)",
              "ACCSYN_WORKSPACE");
      String user =
          require(
              username,
              env == null ? java.util.Optional.empty() : env.get("ACCSYN_API_USER"),
              "user name",
              "username(\"you@example.com\") or set ACCSYN_API_USER to your accsyn e-mail",
              "ACCSYN_API_USER");
      String key =
          require(
              apiKey,
              env == null ? java.util.Optional.empty() : env.get("ACCSYN_API_KEY"),
              "API key",
              "apiKey(...) or set ACCSYN_API_KEY (create a key at https://accsyn.io/developer)",
              "ACCSYN_API_KEY");
      ProxySetting proxySetting = null;
      if (proxy != null) {
        proxySetting = ProxySetting.parse(proxy, "proxy(...)");
      } else if (env != null && env.get("ACCSYN_PROXY").isPresent()) {
        proxySetting = ProxySetting.parse(env.get("ACCSYN_PROXY").get(), "ACCSYN_PROXY");
      }
      boolean devMode = dev != null ? dev : env != null && env.dev();
      HttpUrl lookupUrl = null;
      String apiHost = host;
      Integer apiPort = port;
      String scheme = "https";
      if (endpoint != null) {
        HttpUrl u = HttpUrl.parse(endpoint.toString());
        if (u == null || endpoint.getHost() == null) {
          throw new AccsynConfigurationException(
              "endpoint(" + endpoint + ") is not an http:// or https:// URL with a host");
        }
        apiHost = u.host();
        apiPort = u.port();
        scheme = u.scheme();
      } else if (host != null) {
        if (host.isBlank() || !NO_SPACE.matcher(host.strip()).matches()) {
          throw new AccsynConfigurationException(
              "host(\"" + host + "\") is not a host name; give e.g. accsyn.studio.local");
        }
        apiHost = host.strip();
      } else if (!devMode) {
        URI base = lookupEndpoint != null ? lookupEndpoint : URI.create(MASTER);
        HttpUrl u = HttpUrl.parse(base.toString());
        if (u == null) {
          throw new AccsynConfigurationException(
              "lookupEndpoint(" + base + ") is not an http:// or https:// URL");
        }
        // The API is reached with the lookup's scheme: https for accsyn's master, http only
        // for a plain-http test or on-prem lookup endpoint.
        scheme = u.scheme();
        lookupUrl =
            new HttpUrl.Builder()
                .scheme(u.scheme())
                .host(u.host())
                .port(u.port())
                .addPathSegments("api/v3/" + Engine.LOOKUP_SEGMENT)
                .build();
      }
      String localName = hostname != null ? hostname : Device.localHostname(System.getenv());
      EngineConfig config =
          new EngineConfig(
              ws,
              user,
              key,
              lookupUrl,
              apiHost,
              apiPort,
              scheme,
              proxySetting,
              devMode,
              connectTimeout,
              readTimeout,
              insecure,
              retryPolicy,
              rateLimit,
              sleeper,
              clock,
              jitter,
              localName,
              okHttpClient,
              idempotentCreates,
              pageSize,
              callTimeout != null ? callTimeout : retryPolicy.maxElapsed(),
              maxResponseBytes);
      String where =
          proxySetting != null && proxySetting.kind() == ProxySetting.Kind.ACCSYN
              ? "accsyn proxy " + proxySetting.host() + ":" + proxySetting.port()
              : devMode
                  ? "dev http://" + (apiHost == null ? "127.0.0.1" : apiHost) + ":8181"
                  : apiHost != null
                      ? scheme + "://" + apiHost + (apiPort != null ? ":" + apiPort : "")
                      : "master lookup " + lookupUrl.host();
      return new AccsynClient(
          new Engine(config),
          "AccsynClient{workspace=" + ws + ", username=" + user + ", endpoint=" + where + "}");
    }

    private String require(
        String explicit,
        java.util.Optional<String> fromEnv,
        String what,
        String fix,
        String variable) {
      String v = explicit != null ? explicit : fromEnv.orElse(null);
      String source = explicit != null ? "the builder" : env == null ? null : env.source();
      if (v == null || v.isBlank()) {
        throw new AccsynConfigurationException(
            "no accsyn "
                + what
                + (env == null ? "" : " (" + variable + " is not set in " + env.source() + ")")
                + "; call "
                + fix
                + (env == null ? " or use fromEnvironment()" : ""));
      }
      String s = v.strip();
      if (!NO_SPACE.matcher(s).matches()) {
        throw new AccsynConfigurationException(
            "the accsyn "
                + what
                + " from "
                + source
                + (explicit == null ? " (" + variable + ")" : "")
                + " contains spaces or control characters; check for a copy-paste error"
                + (variable.equals("ACCSYN_API_KEY")
                    ? " (the key itself is not shown)"
                    : ": " + s));
      }
      return s;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new AccsynConfigurationException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
