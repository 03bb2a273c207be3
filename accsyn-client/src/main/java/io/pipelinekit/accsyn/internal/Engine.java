package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.core.Deadline;
import io.pipelinekit.core.internal.HttpClients;
import io.pipelinekit.core.internal.Redactor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire layer behind the public client, wired from package-private parts with one job each:
 * {@link AccsynHttp} builds the OkHttp client, {@link AccsynHeaders} holds the credentials, {@link
 * Endpoint} resolves the API host, {@link LoginCache} logs in once, {@link EventRequests} encodes
 * events, {@link Exchanger} sends with rate limiting, retries and logging, and {@link ErrorMapper}
 * turns answers into results or typed exceptions. Thread-safe; every method returns at once with a
 * future, except within {@link #callerWaits}.
 *
 * <p>Typed resources never touch this class directly; they go through the public generic API.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** Set while a caller that blocks for the answer starts its call; see {@link #callerWaits}. */
  private static final ThreadLocal<Boolean> CALLER_WAITS = new ThreadLocal<>();

  /** The fixed path segment of the official client's master lookup. */
  public static final String LOOKUP_SEGMENT = "J3PKTtDvolDMBtTy6AFGA";

  private final EngineConfig config;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Redactor redactor;
  private final LoginCache login;
  private final EventRequests events;
  private final Exchanger exchanger;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the engine; no network traffic until the first call.
   *
   * @param config the resolved configuration
   */
  public Engine(EngineConfig config) {
    this.config = config;
    AccsynHeaders headers = new AccsynHeaders(config);
    this.redactor = new Redactor(headers.secrets(config.apiKey()));
    ErrorMapper errors = new ErrorMapper(redactor, config.workspace(), config.username());
    this.ownsHttp = config.okHttpClient() == null;
    this.http = AccsynHttp.build(config);
    Endpoint endpoint = new Endpoint(config, headers, errors);
    this.login = new LoginCache(endpoint, headers, errors);
    this.exchanger =
        new Exchanger(
            http,
            new RateLimiter(
                config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), config.clock()),
            config.sleeper(),
            config.clock(),
            new RetryDecision(config.retry(), config.jitter()),
            errors,
            redactor,
            login::role,
            config.callTimeout(),
            config.maxResponseBytes());
    login.exchanger(exchanger);
    this.events = new EventRequests(config, endpoint, headers);
    if (config.insecure()) {
      LOG.warn(
          "TLS certificate verification is OFF for accsyn workspace {}: anyone on the network path"
              + " can read and change the traffic, API key included. Use insecureSkipTlsVerify()"
              + " only against a test server.",
          config.workspace());
    }
  }

  /**
   * The configuration.
   *
   * @return the config
   */
  public EngineConfig config() {
    return config;
  }

  /**
   * What the login returned.
   *
   * @param role the user's role
   * @param userId the user's id
   * @param sessionId the session id events carry, or null
   * @param host the API host
   * @param port the API port
   */
  public record Login(String role, String userId, String sessionId, String host, int port) {}

  /**
   * Logs in once (after the master lookup when needed); later calls share the result. A failed
   * login is forgotten so that the next call tries again.
   *
   * @return the login
   */
  public CompletableFuture<Login> login() {
    return login.get();
  }

  /**
   * Sends one event to {@code /api/v3/event} and maps the answer.
   *
   * @param method the HTTP method
   * @param uri the operation, e.g. {@code transfer/find}
   * @param data a plain object, array or null
   * @param query the expression, or null
   * @param id the entity id, or null
   * @return the whole response object; failures complete it with an {@link AccsynException}
   */
  public CompletableFuture<Json> event(
      HttpMethod method, String uri, Object data, String query, String id) {
    return event(method, uri, data, query, id, newDeadline());
  }

  /**
   * Sends one event as part of a larger call that shares one deadline.
   *
   * @param method the HTTP method
   * @param uri the operation
   * @param data a plain object, array or null
   * @param query the expression, or null
   * @param id the entity id, or null
   * @param deadline when the whole call must be over
   * @return the whole response object; failures complete it with an {@link AccsynException}
   */
  public CompletableFuture<Json> event(
      HttpMethod method, String uri, Object data, String query, String id, Deadline deadline) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the accsyn client is closed; build a new one"));
    }
    return login()
        .thenCompose(l -> exchanger.run(events.encode(l, method, uri, data, query, id), deadline));
  }

  /**
   * A deadline of the configured call timeout, starting now on the configured clock.
   *
   * @return the deadline
   */
  public Deadline newDeadline() {
    return Deadline.after(config.clock(), config.callTimeout());
  }

  /**
   * The redactor for this client's secrets.
   *
   * @return the redactor
   */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Starts a call whose caller blocks until it is over. Every exchange that can go out at once
   * while it starts (no login, rate-limit or backoff wait ahead of it) then runs on the caller's
   * thread with OkHttp's {@code execute} instead of being handed to the dispatcher's threads and
   * back; the future is complete when this returns unless a wait was needed. Deadlines, retries,
   * the rate limiter, byte limits and error mapping are the same either way.
   *
   * @param start starts the call, e.g. {@code () -> async.find(query)}
   * @param <T> the result type
   * @return the call's future
   */
  public static <T> CompletableFuture<T> callerWaits(Supplier<CompletableFuture<T>> start) {
    Boolean before = CALLER_WAITS.get();
    CALLER_WAITS.set(Boolean.TRUE);
    try {
      return start.get();
    } finally {
      if (before == null) {
        CALLER_WAITS.remove();
      }
    }
  }

  /** Whether the current thread is starting a call it will wait for. */
  static boolean callerWaits() {
    return CALLER_WAITS.get() != null;
  }

  /**
   * Unwraps {@link CompletionException}s.
   *
   * @param e a failure
   * @return the cause that matters
   */
  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Releases the connection pool and threads of an owned OkHttp client; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsHttp) {
      HttpClients.release(http);
    }
  }
}
