package io.pipelinekit.ftrack;

import io.pipelinekit.core.RetryRules;
import io.pipelinekit.core.internal.ConnectionFailures;
import io.pipelinekit.core.internal.JsonSyntaxException;
import io.pipelinekit.core.internal.JsonTree;
import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.core.internal.RedirectRefusedException;
import io.pipelinekit.ftrack.internal.HttpTransport;
import io.pipelinekit.ftrack.internal.Pause;
import io.pipelinekit.ftrack.internal.ServerCredentials;
import io.pipelinekit.paths.Platform;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one ftrack server as one API user: sends batches of operations to {@code POST
 * {server}/api}, decodes the answers, maps errors to typed exceptions, pages queries and commits
 * units of work.
 *
 * <pre>{@code
 * try (FtrackSession session = FtrackSession.fromEnvironment()) {   // FTRACK_SERVER, _API_USER, _API_KEY
 *   List<Entity> shots = session.query(
 *       Query.select("id", "name").from("Shot").where(Criteria.attr("parent.name").is("sq010")))
 *       .all();
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one long-lived session. {@link #close()} releases the HTTP client's pool
 * and threads when the session created it. The API key never appears in {@link #toString()}, logs
 * or exception messages.
 *
 * <p>Datetimes: the first request of a session also asks for the server information (in the same
 * batch, so it costs no round trip) to learn whether the server sends UTC ({@code
 * is_timezone_support_enabled}); without timezone support, naive datetimes are read in {@link
 * Builder#serverZone}. Set {@link Builder#timezoneSupport} to skip that.
 */
public final class FtrackSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FtrackSession.class);

  /** The default number of entities per query page, as the official client uses. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** The default number of ids per {@code in (…)} list. */
  public static final int DEFAULT_ID_CHUNK_SIZE = 200;

  /** The default longest answer body read: 64 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  private final HttpUrl serverUrl;
  private final String apiUser;
  private final String apiKey;
  private final String clientToken;
  private final HttpTransport transport;
  private final ErrorMapper errors;
  private final ZoneId serverZone;
  private final Boolean timezoneSupport;
  private final int pageSize;
  private final int idChunkSize;
  private final RetryRules retryPolicy;
  private final Duration callTimeout;
  private final long maxResponseBytes;
  private final Pause pause;
  private final java.util.function.DoubleSupplier jitter;
  private final AtomicReference<ServerInformation> serverInformation = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private FtrackSession(Builder b) {
    this.serverUrl = b.server.url();
    this.apiUser = b.server.apiUser();
    this.apiKey = b.server.apiKey();
    this.clientToken = b.clientToken;
    this.serverZone = b.serverZone;
    this.timezoneSupport = b.timezoneSupport;
    this.pageSize = b.pageSize;
    this.idChunkSize = b.idChunkSize;
    this.retryPolicy = b.retryPolicy;
    this.callTimeout = b.callTimeout != null ? b.callTimeout : b.retryPolicy.maxElapsed();
    this.maxResponseBytes = b.maxResponseBytes;
    this.pause = b.pause;
    this.jitter = b.jitter;
    Redactor redactor = new Redactor(List.of(apiKey));
    this.errors = new ErrorMapper(redactor);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("ftrack-user", apiUser);
    headers.put("ftrack-api-key", apiKey);
    // Always sent, "true" or "false", as the official Python client does.
    headers.put("ftrack-strict-api", String.valueOf(b.strictApi));
    headers.put("ftrack-Clienttoken", b.clientToken);
    HttpUrl api = serverUrl.newBuilder().addPathSegment("api").build();
    this.transport = new HttpTransport(b.client, b.timeout, api, headers, redactor);
  }

  /**
   * A builder; nothing is read from the environment unless asked.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A session configured from {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code
   * FTRACK_API_KEY}.
   *
   * @return the session
   * @throws FtrackConfigurationException if a variable is missing or blank
   */
  public static FtrackSession fromEnvironment() {
    return builder().fromEnvironment(System.getenv()).build();
  }

  /**
   * A session configured from the given environment (for tests and for tools with their own
   * configuration source).
   *
   * @param environment variables by name
   * @return the session
   * @throws FtrackConfigurationException if a variable is missing or blank
   */
  public static FtrackSession fromEnvironment(Map<String, String> environment) {
    return builder().fromEnvironment(environment).build();
  }

  /**
   * The server URL, without {@code /api}.
   *
   * @return e.g. {@code https://studio.ftrackapp.com}
   */
  public String serverUrl() {
    String s = serverUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The API user.
   *
   * @return the user name sent in {@code ftrack-user}
   */
  public String apiUser() {
    return apiUser;
  }

  /**
   * A builder of an event hub for the same server and credentials, to run actions and listeners
   * ({@link io.pipelinekit.ftrack.events.EventHub}).
   *
   * @return a builder with the server, API user and key set
   */
  public io.pipelinekit.ftrack.events.EventHub.Builder eventHub() {
    return io.pipelinekit.ftrack.events.EventHub.builder()
        .serverUrl(serverUrl())
        .apiUser(apiUser)
        .apiKey(apiKey)
        .clientToken(clientToken);
  }

  /**
   * Entities per query page.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Ids per {@code in (…)} list when a query is split by ids.
   *
   * @return the chunk size
   */
  public int idChunkSize() {
    return idChunkSize;
  }

  /**
   * Sends one operation.
   *
   * @param operation the operation
   * @return its result
   * @throws FtrackException if the server reported an error or did not answer properly
   */
  public OperationResult call(Operation operation) {
    return call(List.of(operation)).get(0);
  }

  /**
   * Sends operations in one request. The server runs them in order as one transaction: if one
   * fails, none is applied and the exception describes the failure.
   *
   * @param operations the operations, at least one
   * @return one result per operation, in order
   * @throws FtrackException if the server reported an error or did not answer properly
   */
  public List<OperationResult> call(List<Operation> operations) {
    Objects.requireNonNull(operations, "operations == null");
    if (operations.isEmpty()) {
      return List.of();
    }
    if (closed.get()) {
      throw new IllegalStateException("the ftrack session is closed");
    }
    boolean bootstrap = timezoneSupport == null && serverInformation.get() == null;
    List<Operation> sent = operations;
    if (bootstrap) {
      sent = new ArrayList<>(operations.size() + 1);
      sent.add(Operation.serverInformation());
      sent.addAll(operations);
    }
    List<?> response = post(sent);
    if (bootstrap) {
      Object first = response.get(0);
      if (first instanceof Map) {
        serverInformation.compareAndSet(
            null, parseServerInformation(new WireCodec(ZoneOffset.UTC).decode(List.of(first))));
      }
      response = response.subList(1, response.size());
    }
    return codec().decode(response);
  }

  private WireCodec codec() {
    boolean utc;
    if (timezoneSupport != null) {
      utc = timezoneSupport;
    } else {
      ServerInformation info = serverInformation.get();
      utc = info != null && info.timezoneSupportEnabled();
    }
    return new WireCodec(WireCodec.zoneFor(utc, serverZone));
  }

  private List<?> post(List<Operation> operations) {
    String body = JsonTree.write(codec().encode(operations));
    if (LOG.isDebugEnabled()) {
      LOG.debug("ftrack call: {}", operations.stream().map(Operation::action).toList());
    }
    boolean reads = onlyReads(operations);
    long start = pause.nanoTime();
    long deadline = start + callTimeout.toNanos();
    for (int attempt = 1; ; attempt++) {
      long remaining = deadline - pause.nanoTime();
      Duration retryAfter = null;
      RuntimeException failure;
      boolean retryable;
      try {
        HttpTransport.Answer answer =
            transport.post(body, Duration.ofNanos(remaining), maxResponseBytes);
        if (!transientStatus(answer.status()) || isEnvelope(answer.body())) {
          return decode(answer, operations);
        }
        // A gateway's error page, a throttle or an overloaded server: the batch may have run
        // behind a gateway that gave up waiting, so only reads go again.
        failure = errors.unexpected(answer.status(), answer.body(), "an error status");
        retryable = reads;
        retryAfter = retryAfter(answer.retryAfter());
      } catch (RedirectRefusedException e) {
        throw new FtrackIoException(
            transport.url()
                + " answered with a redirect to "
                + e.target()
                + " that was not followed: "
                + e.getMessage(),
            e);
      } catch (HttpTransport.BodyTooLargeException e) {
        throw new FtrackResponseTooLargeException(
            "ftrack's answer to "
                + describe(operations)
                + " is larger than the "
                + maxResponseBytes
                + " bytes this session accepts"
                + (e.declared() >= 0 ? " (" + e.declared() + " bytes declared)" : "")
                + "; its reading was stopped. Query fewer attributes, lower pageSize, or raise"
                + " maxResponseBytes"
                + (reads ? "" : ". The writes in the batch were applied"),
            maxResponseBytes,
            e.declared());
      } catch (HttpTransport.BodyCutShortException e) {
        if (pastDeadline(deadline) || callTimedOut(e.getCause())) {
          throw deadlineExceeded(operations, reads, attempt, e);
        }
        failure = truncated(operations, reads, e.status(), e.received(), e);
        retryable = reads;
      } catch (IOException e) {
        if (ConnectionFailures.untrustedCertificate(e) || ConnectionFailures.wrongHostname(e)) {
          throw certificate(e);
        }
        if (pastDeadline(deadline) || callTimedOut(e)) {
          throw deadlineExceeded(operations, reads, attempt, e);
        }
        boolean notSent = ConnectionFailures.certainlyNotSent(e);
        failure = noAnswer(e, reads || notSent);
        retryable = reads || notSent;
      }
      if (!retryable) {
        throw failure;
      }
      Duration elapsed = Duration.ofNanos(pause.nanoTime() - start);
      Duration wait = nextWait(attempt, retryAfter, elapsed, deadline);
      if (wait == null) {
        throw failure;
      }
      LOG.debug("ftrack call attempt {} failed ({}); next in {} ms", attempt, failure, wait);
      try {
        pause.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  private static final java.util.Set<String> READ_ACTIONS =
      java.util.Set.of("query", "query_schemas", "query_server_information");

  private static boolean onlyReads(List<Operation> operations) {
    for (Operation op : operations) {
      if (!READ_ACTIONS.contains(op.action())) {
        return false;
      }
    }
    return true;
  }

  private static boolean transientStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** An ftrack error envelope is the server's verdict; retrying gives the same one. */
  private static boolean isEnvelope(String body) {
    String b = body.stripLeading();
    if (!b.startsWith("{")) {
      return false;
    }
    try {
      Object parsed = JsonTree.parse(b);
      return parsed instanceof Map
          && (((Map<?, ?>) parsed).containsKey("exception")
              || ((Map<?, ?>) parsed).containsKey("detail"));
    } catch (JsonSyntaxException e) {
      return false;
    }
  }

  private Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long s = Long.parseLong(header.strip());
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The wait before the next attempt, or null when the rules or the deadline forbid one. */
  private Duration nextWait(int attempt, Duration retryAfter, Duration elapsed, long deadline) {
    if (attempt >= retryPolicy.maxAttempts()) {
      return null;
    }
    Duration d = retryPolicy.delay(attempt, jitter.getAsDouble());
    if (retryAfter != null && retryAfter.compareTo(d) > 0) {
      d = retryAfter;
    }
    if (elapsed.plus(d).compareTo(retryPolicy.maxElapsed()) > 0) {
      return null;
    }
    // An attempt that would start at the deadline has no time left to run.
    if (pause.nanoTime() + d.toNanos() >= deadline) {
      return null;
    }
    return d;
  }

  /**
   * OkHttp's call timeout, the per-attempt share of the deadline (a read timeout is a subclass).
   */
  private static boolean callTimedOut(Throwable e) {
    return e != null && e.getClass() == java.io.InterruptedIOException.class;
  }

  private boolean pastDeadline(long deadline) {
    return pause.nanoTime() >= deadline;
  }

  private static String describe(List<Operation> operations) {
    List<String> actions = new ArrayList<>();
    for (Operation op : operations) {
      if (!actions.contains(op.action())) {
        actions.add(op.action());
      }
    }
    return operations.size() + " operation(s) (" + String.join(", ", actions) + ")";
  }

  private FtrackIoException noAnswer(IOException e, boolean certain) {
    return new FtrackIoException(
        "no answer from "
            + transport.url()
            + " ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); check the network and FTRACK_SERVER."
            + (certain
                ? ""
                : " A write in flight may or may not have been applied; check before repeating"
                    + " it"),
        e);
  }

  private FtrackCertificateException certificate(IOException e) {
    boolean hostname = ConnectionFailures.wrongHostname(e);
    String host = transport.url().host();
    return new FtrackCertificateException(
        (hostname
                ? "the server at "
                    + host
                    + " presented a certificate for another host name ("
                    + e.getMessage()
                    + "). Check that FTRACK_SERVER is the address the certificate was issued for"
                    + " (e.g. https://<studio>.ftrackapp.com, not an IP address or an internal"
                    + " alias)."
                : "the server at "
                    + host
                    + " was reached, but its TLS certificate is not trusted by this Java runtime ("
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()
                    + "). If the studio uses its own certificate authority or a TLS-inspecting"
                    + " proxy, trust that CA (see docs/ftrack-bridge.md, \"Trusting a studio"
                    + " CA\"); otherwise the certificate may be self-signed or expired.")
            + " Nothing was sent, so nothing was applied",
        hostname,
        e);
  }

  private FtrackTruncatedResponseException truncated(
      List<Operation> operations, boolean reads, int status, long received, IOException cause) {
    return new FtrackTruncatedResponseException(
        "ftrack's answer to "
            + describe(operations)
            + " (HTTP "
            + status
            + ") was cut short after "
            + received
            + " bytes: the connection broke or a proxy in between stopped it. The server was"
            + " reached and the address is right"
            + (reads
                ? "; the read was retried as the retry policy allows"
                : "; the writes in the batch may or may not have been applied, check before"
                    + " repeating them"),
        status,
        received,
        cause);
  }

  private FtrackDeadlineExceededException deadlineExceeded(
      List<Operation> operations, boolean reads, int attempts, IOException cause) {
    return new FtrackDeadlineExceededException(
        "ftrack did not complete "
            + describe(operations)
            + " within the call deadline of "
            + callTimeout.toMillis()
            + " ms ("
            + attempts
            + " attempt(s); last: "
            + (cause == null ? "none" : cause.getClass().getSimpleName())
            + ")."
            + (reads
                ? " Raise callTimeout for very large reads, or query less per page"
                : " The writes in the batch may or may not have been applied; check before"
                    + " repeating them"),
        callTimeout,
        attempts,
        cause);
  }

  private List<?> decode(HttpTransport.Answer answer, List<Operation> operations) {
    Object parsed;
    try {
      parsed = JsonTree.parse(answer.body());
    } catch (JsonSyntaxException e) {
      if (ConnectionFailures.truncatedJson(answer.body())) {
        throw truncated(
            operations,
            onlyReads(operations),
            answer.status(),
            answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
            null);
      }
      throw errors.unexpected(answer.status(), answer.body(), "a body that is not JSON");
    }
    if (parsed instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) parsed;
      if (map.containsKey("exception")) {
        throw errors.envelope(map, answer.status());
      }
      if (map.containsKey("detail")) {
        throw errors.detail(map.get("detail"), answer.status());
      }
      throw errors.unexpected(answer.status(), answer.body(), "an object that is not an error");
    }
    if (!(parsed instanceof List)) {
      throw errors.unexpected(answer.status(), answer.body(), "a JSON value that is not a list");
    }
    if (answer.status() < 200 || answer.status() >= 300) {
      throw errors.unexpected(answer.status(), answer.body(), "an error status");
    }
    List<?> list = (List<?>) parsed;
    if (list.size() != operations.size()) {
      throw errors.unexpected(
          answer.status(),
          answer.body(),
          list.size() + " results for " + operations.size() + " operations");
    }
    return list;
  }

  /**
   * The server information, fetched once and cached.
   *
   * @return the information
   */
  public ServerInformation serverInformation() {
    ServerInformation info = serverInformation.get();
    if (info != null) {
      return info;
    }
    List<?> response = post(List.of(Operation.serverInformation()));
    info = parseServerInformation(new WireCodec(ZoneOffset.UTC).decode(response));
    serverInformation.compareAndSet(null, info);
    return serverInformation.get();
  }

  private static ServerInformation parseServerInformation(List<OperationResult> results) {
    Map<String, Object> m = results.get(0).asMap();
    ServerInformation.Builder b = ServerInformation.builder();
    b.version(String.valueOf(m.getOrDefault("version", "unknown")));
    Object hash = m.get("schema_hash");
    if (hash instanceof String) {
      b.schemaHash((String) hash);
    }
    b.timezoneSupportEnabled(Boolean.TRUE.equals(m.get("is_timezone_support_enabled")));
    Object scenario = m.get("storage_scenario");
    if (scenario instanceof Map) {
      storageScenario((Map<?, ?>) scenario).ifPresent(b::storageScenario);
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getValue() != null) {
        b.putRaw(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  private static Optional<StorageScenario> storageScenario(Map<?, ?> m) {
    Object name = m.get("scenario");
    if (!(name instanceof String)) {
      return Optional.empty();
    }
    StorageScenario.Builder b = StorageScenario.builder().scenario((String) name);
    Object data = m.get("data");
    if (data instanceof Map) {
      Map<?, ?> d = (Map<?, ?>) data;
      if (d.get("location_id") instanceof String) {
        b.locationId((String) d.get("location_id"));
      }
      if (d.get("location_name") instanceof String) {
        b.locationName((String) d.get("location_name"));
      }
      Object accessor = d.get("accessor");
      if (accessor instanceof Map && ((Map<?, ?>) accessor).get("mount_points") instanceof Map) {
        Map<Platform, String> mounts = new EnumMap<>(Platform.class);
        for (Map.Entry<?, ?> mp :
            ((Map<?, ?>) ((Map<?, ?>) accessor).get("mount_points")).entrySet()) {
          Optional<Platform> p = mountPlatform(String.valueOf(mp.getKey()));
          if (p.isPresent()
              && mp.getValue() instanceof String
              && !((String) mp.getValue()).isBlank()) {
            mounts.put(p.get(), (String) mp.getValue());
          }
        }
        b.mountPoints(mounts);
      }
    }
    return Optional.of(b.build());
  }

  private static Optional<Platform> mountPlatform(String key) {
    switch (key.toLowerCase(Locale.ROOT)) {
      case "linux":
        return Optional.of(Platform.LINUX);
      case "osx":
      case "mac":
      case "darwin":
        return Optional.of(Platform.MAC);
      case "windows":
        return Optional.of(Platform.WINDOWS);
      default:
        return Optional.empty();
    }
  }

  /**
   * A lazy, paged query.
   *
   * @param expression a query with an explicit {@code select}, without {@code offset}/{@code limit}
   *     unless you want them
   * @return the result; nothing is sent until it is consumed
   */
  public QueryResult query(String expression) {
    return new QueryResult(this, expression);
  }

  /**
   * A lazy, paged query.
   *
   * @param query the query
   * @return the result; nothing is sent until it is consumed
   */
  public QueryResult query(Query query) {
    return new QueryResult(this, expression(query));
  }

  /**
   * The text this session sends for a query: datetime values naive in the zone the server reads
   * them in, the zone entity data is written in too (asks the server once if that is not known).
   *
   * @param query the query
   * @return the expression
   */
  String expression(Query query) {
    if (!query.hasDatetimes()) {
      return query.toExpression();
    }
    boolean utc =
        timezoneSupport != null ? timezoneSupport : serverInformation().timezoneSupportEnabled();
    return query.toExpression(WireCodec.zoneFor(utc, serverZone));
  }

  /**
   * Runs several queries to completion with as few round trips as possible: the first page of every
   * query goes in one request, then the further pages of all queries that have more go together in
   * the next, and so on.
   *
   * @param queries queries without their own offset or limit (those are sent once, as is)
   * @return the entities of each query, in the order of {@code queries}
   */
  public List<List<Entity>> queryAll(List<Query> queries) {
    List<List<Entity>> out = new ArrayList<>();
    List<long[]> pending = new ArrayList<>(); // {query index, offset}
    List<String> bases = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      out.add(new ArrayList<>());
      Query q = queries.get(i);
      bases.add(expression(q));
      pending.add(new long[] {i, q.offset().isPresent() || q.limit().isPresent() ? -1 : 0});
    }
    while (!pending.isEmpty()) {
      List<Operation> ops = new ArrayList<>();
      for (long[] p : pending) {
        String base = bases.get((int) p[0]);
        ops.add(Operation.query(p[1] < 0 ? base : base + " offset " + p[1] + " limit " + pageSize));
      }
      List<OperationResult> results = call(ops);
      List<long[]> next = new ArrayList<>();
      for (int j = 0; j < pending.size(); j++) {
        long[] p = pending.get(j);
        List<Entity> entities = results.get(j).entities();
        out.get((int) p[0]).addAll(entities);
        java.util.OptionalLong n = results.get(j).nextOffset();
        if (p[1] >= 0 && !entities.isEmpty() && n.isPresent() && n.getAsLong() > p[1]) {
          next.add(new long[] {p[0], n.getAsLong()});
        }
      }
      pending = next;
    }
    List<List<Entity>> frozen = new ArrayList<>();
    for (List<Entity> l : out) {
      frozen.add(java.util.Collections.unmodifiableList(l));
    }
    return java.util.Collections.unmodifiableList(frozen);
  }

  /**
   * Runs a query for many ids: the ids are split into {@code in (…)} lists of {@link
   * #idChunkSize()}, combined with the query's own condition by {@code and}, and every chunk is
   * sent in the same request (paged as {@link #queryAll} does). Duplicates are dropped.
   *
   * @param query the query; its condition, if any, must hold as well
   * @param attribute the attribute the ids are matched against, e.g. {@code id} or {@code
   *     component_id}
   * @param ids the ids
   * @return the entities, without duplicates, in chunk order
   */
  public List<Entity> queryByIds(Query query, String attribute, java.util.Collection<String> ids) {
    List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    if (distinct.isEmpty()) {
      return List.of();
    }
    List<Query> chunks = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += idChunkSize) {
      Criteria in =
          Criteria.attr(attribute)
              .in(distinct.subList(i, Math.min(distinct.size(), i + idChunkSize)));
      chunks.add(query.where(query.criteria().map(c -> c.and(in)).orElse(in)));
    }
    java.util.LinkedHashMap<EntityRef, Entity> seen = new java.util.LinkedHashMap<>();
    for (List<Entity> l : queryAll(chunks)) {
      for (Entity e : l) {
        seen.putIfAbsent(e.ref(), e);
      }
    }
    return List.copyOf(seen.values());
  }

  /**
   * A new unit of work that collects creates, updates and deletes and commits them in one atomic
   * request.
   *
   * @return the unit of work (not thread-safe)
   */
  public UnitOfWork unitOfWork() {
    return new UnitOfWork(this);
  }

  /** Closes the HTTP client if the session created it. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      transport.close();
    }
  }

  @Override
  public String toString() {
    return "FtrackSession{server=" + serverUrl() + ", user=" + apiUser + "}";
  }

  /**
   * Builds a {@link FtrackSession}. Not thread-safe. Values set in code win over the environment.
   */
  public static final class Builder {
    private final ServerCredentials server = new ServerCredentials();
    private boolean strictApi;
    private Duration timeout = Duration.ofSeconds(60);
    private OkHttpClient client;
    private ZoneId serverZone = ZoneOffset.UTC;
    private Boolean timezoneSupport;
    private String clientToken = "pipelinekit-ftrack-bridge--" + UUID.randomUUID();
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int idChunkSize = DEFAULT_ID_CHUNK_SIZE;
    private RetryRules retryPolicy = RetryRules.defaults();
    private Duration callTimeout;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Pause pause = Pause.system();
    private java.util.function.DoubleSupplier jitter =
        () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * How failed reads are retried: a batch of only queries, schema or server-information requests
     * goes again after no answer, a broken-off body, HTTP 408, 429 or a 5xx that is not an ftrack
     * error (a gateway's page), as the rules allow. A batch with a write goes again only when it
     * certainly did not reach the server (connection refused, unknown host, TLS failure). Default
     * {@link RetryRules#defaults()}: 3 attempts, 500 ms growing to 8 s, none after 60 s. accsyn's
     * {@code RetryPolicy} is accepted as is.
     *
     * @param policy the rules; {@link RetryRules#none()} for one attempt per call
     * @return this builder
     */
    public Builder retryPolicy(RetryRules policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The total time one call may take: every attempt, the waits between them, a server's {@code
     * Retry-After} and a slowly arriving body count against it; past it the call fails with {@link
     * FtrackDeadlineExceededException}. Default: the retry policy's {@link
     * RetryRules#maxElapsed()}, 60 s. A single answer slower than this fails even when the read
     * timeout ({@link #timeout}) is longer: raise both for a server known to be slow.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout must be positive: " + timeout);
      }
      this.callTimeout = timeout;
      return this;
    }

    /**
     * The longest answer body read; a longer one fails with {@link FtrackResponseTooLargeException}
     * without being buffered. Default 64 MiB.
     *
     * @param maxResponseBytes positive
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Tests: virtual time for retry waits and deadlines. */
    Builder pause(Pause pause) {
      this.pause = Objects.requireNonNull(pause, "pause == null");
      return this;
    }

    /** Tests: a fixed jitter. */
    Builder jitter(java.util.function.DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * The server URL, e.g. {@code https://studio.ftrackapp.com}.
     *
     * @param serverUrl an http or https URL
     * @return this builder
     */
    public Builder serverUrl(String serverUrl) {
      server.serverUrl(serverUrl);
      return this;
    }

    /**
     * The API user (an ftrack user name, or the name of an API key's user).
     *
     * @param apiUser the user
     * @return this builder
     */
    public Builder apiUser(String apiUser) {
      server.apiUser(apiUser);
      return this;
    }

    /**
     * The API key. It is sent in the {@code ftrack-api-key} header and kept out of every log and
     * message.
     *
     * @param apiKey the key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      server.apiKey(apiKey);
      return this;
    }

    /**
     * Fills unset values from {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code
     * FTRACK_API_KEY} in the given environment.
     *
     * @param environment variables by name, e.g. {@link System#getenv()}
     * @return this builder
     */
    public Builder fromEnvironment(Map<String, String> environment) {
      server.fromEnvironment(environment);
      return this;
    }

    /**
     * Sends {@code ftrack-strict-api: true}: errors come back with an HTTP error status, as needed
     * for {@code group by} queries. Default false.
     *
     * @param strictApi the flag
     * @return this builder
     */
    public Builder strictApi(boolean strictApi) {
      this.strictApi = strictApi;
      return this;
    }

    /**
     * The connect, read and write timeout of the HTTP client the session creates. Default 60 s.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * An OkHttp client to use instead of creating one (its pool is left open on close).
     *
     * @param client the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * The zone of naive datetimes when the server has no timezone support. Default UTC.
     *
     * @param zone the server's zone
     * @return this builder
     */
    public Builder serverZone(ZoneId zone) {
      this.serverZone = Objects.requireNonNull(zone, "zone == null");
      return this;
    }

    /**
     * Says whether the server has timezone support instead of asking it with the first request.
     *
     * @param enabled true if the server sends UTC datetimes
     * @return this builder
     */
    public Builder timezoneSupport(boolean enabled) {
      this.timezoneSupport = enabled;
      return this;
    }

    /**
     * The {@code ftrack-Clienttoken} header, which comes back in the {@code ftrack.update} events
     * this session causes. Default: a random token per session.
     *
     * @param token the token
     * @return this builder
     */
    public Builder clientToken(String token) {
      this.clientToken = Objects.requireNonNull(token, "token == null");
      return this;
    }

    /**
     * Entities per query page. Default 500.
     *
     * @param pageSize a positive number
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Ids per {@code in (…)} list. Default 200.
     *
     * @param idChunkSize a positive number
     * @return this builder
     */
    public Builder idChunkSize(int idChunkSize) {
      if (idChunkSize < 1) {
        throw new IllegalArgumentException("idChunkSize must be positive: " + idChunkSize);
      }
      this.idChunkSize = idChunkSize;
      return this;
    }

    /**
     * Builds the session. No request is sent.
     *
     * @return the session
     * @throws FtrackConfigurationException if the server, user or key is missing or blank
     */
    public FtrackSession build() {
      server.validate();
      return new FtrackSession(this);
    }

    @Override
    public String toString() {
      return server.describe("FtrackSession.Builder");
    }
  }
}
