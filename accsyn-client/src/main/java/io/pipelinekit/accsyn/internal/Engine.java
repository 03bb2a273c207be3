package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.AccsynException;
import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.core.internal.HttpClients;
import io.pipelinekit.core.internal.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire layer: endpoint discovery, login, event encoding, HTTP exchange, rate limiting, read
 * retries, logging and error mapping. Thread-safe; every method returns at once with a future.
 *
 * <p>Typed resources never touch this class directly; they go through the public generic API.
 */
public final class Engine implements AutoCloseable {
  /** Request and response lines at DEBUG, bodies at TRACE. */
  static final Logger HTTP_LOG = LoggerFactory.getLogger("io.pipelinekit.accsyn.http");

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** The fixed master-lookup path segment of the official client (spec §1.2). */
  public static final String LOOKUP_SEGMENT = "J3PKTtDvolDMBtTy6AFGA";

  private static final int DEV_PORT = 8181;

  private final EngineConfig config;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Redactor redactor;
  private final ErrorMapper errors;
  private final RateLimiter limiter;
  private final String authorization;
  private final String device;
  private final AtomicReference<CompletableFuture<Login>> login = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the engine; no network traffic until the first call.
   *
   * @param config the resolved configuration
   */
  public Engine(EngineConfig config) {
    this.config = config;
    Base64.Encoder b64 = Base64.getEncoder();
    // accsyn's own scheme, not RFC 7617: "basic b64(user):b64(key)" (spec §1.3).
    this.authorization =
        "basic "
            + b64.encodeToString(config.username().getBytes(StandardCharsets.UTF_8))
            + ":"
            + b64.encodeToString(config.apiKey().getBytes(StandardCharsets.UTF_8));
    String keyB64 = b64.encodeToString(config.apiKey().getBytes(StandardCharsets.UTF_8));
    this.redactor = new Redactor(List.of(config.apiKey(), keyB64, authorization));
    this.errors = new ErrorMapper(redactor, config.workspace(), config.username());
    this.limiter =
        new RateLimiter(
            config.rateLimit().requestsPerSecond(), config.rateLimit().burst(), config.clock());
    this.device = Device.deviceString(config.hostname());
    this.ownsHttp = config.okHttpClient() == null;
    this.http = buildHttp(config);
    if (config.insecure()) {
      LOG.warn(
          "TLS certificate verification is OFF for accsyn workspace {}: anyone on the network path"
              + " can read and change the traffic, API key included. Use insecureSkipTlsVerify()"
              + " only against a test server.",
          config.workspace());
    }
  }

  private static OkHttpClient buildHttp(EngineConfig c) {
    OkHttpClient.Builder b;
    if (c.okHttpClient() != null) {
      b = HttpClients.derived(c.okHttpClient());
    } else {
      // accsyn allows 100 connections per IP; each in-flight call holds one.
      b =
          HttpClients.owned(
              "accsyn-client-http", c.connectTimeout(), c.rateLimit().maxConnections());
      b.connectionPool(
          new ConnectionPool(Math.min(c.rateLimit().maxConnections(), 16), 5, TimeUnit.MINUTES));
    }
    b.connectTimeout(c.connectTimeout())
        .readTimeout(c.readTimeout())
        .writeTimeout(c.readTimeout())
        // OkHttp would silently send a POST again after some connection failures; a create is
        // not idempotent, so every resend decision is ours.
        .retryOnConnectionFailure(false);
    if (c.proxy() != null && c.proxy().kind() == ProxySetting.Kind.SOCKS) {
      b.proxy(
          new Proxy(
              Proxy.Type.SOCKS,
              InetSocketAddress.createUnresolved(c.proxy().host(), c.proxy().port())));
    }
    if (c.insecure()) {
      X509TrustManager trustAll = new TrustAll();
      try {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        b.sslSocketFactory(ssl.getSocketFactory(), trustAll).hostnameVerifier((h, s) -> true);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot set up TLS without verification", e);
      }
    }
    return b.build();
  }

  /**
   * The configuration.
   *
   * @return the config
   */
  public EngineConfig config() {
    return config;
  }

  /** What the login returned (spec §1.3). */
  public record Login(String role, String userId, String sessionId, String host, int port) {}

  /**
   * Logs in once (after the master lookup when needed); later calls share the result. A failed
   * login is forgotten so that the next call tries again.
   *
   * @return the login
   */
  public CompletableFuture<Login> login() {
    while (true) {
      CompletableFuture<Login> current = login.get();
      if (current != null) {
        return current;
      }
      CompletableFuture<Login> mine = new CompletableFuture<>();
      if (login.compareAndSet(null, mine)) {
        resolveHost()
            .thenCompose(hp -> doLogin(hp[0], Integer.parseInt(hp[1])))
            .whenComplete(
                (l, e) -> {
                  if (e != null) {
                    login.compareAndSet(mine, null);
                    mine.completeExceptionally(unwrap(e));
                  } else {
                    mine.complete(l);
                  }
                });
        return mine;
      }
    }
  }

  private CompletableFuture<String[]> resolveHost() {
    if (config.lookupUrl() == null) {
      String host = config.apiHost() != null ? config.apiHost() : "127.0.0.1";
      int port =
          config.apiPort() != null
              ? config.apiPort()
              : config.dev() ? DEV_PORT : "http".equals(config.scheme()) ? 80 : 443;
      return CompletableFuture.completedFuture(new String[] {host, String.valueOf(port)});
    }
    HttpUrl url = config.lookupUrl();
    if (config.proxy() != null && config.proxy().kind() == ProxySetting.Kind.ACCSYN) {
      // An accsyn proxy gets every request, the lookup included (spec §1.7, observed).
      url =
          url.newBuilder()
              .scheme("http")
              .host(config.proxy().host())
              .port(config.proxy().port())
              .build();
    }
    Map<String, Object> ident = new LinkedHashMap<>();
    ident.put("ident", config.workspace());
    String text = PyJson.write(ident);
    HttpUrl full = url.newBuilder().encodedQuery(PyQuote.quote(text)).build();
    Request request =
        new Request.Builder()
            .url(full)
            .get()
            .header("X-Accsyn-Device", device)
            .header("User-Agent", userAgent())
            .build();
    Exchange ex = new Exchange("lookup", HttpMethod.GET, request, text, true);
    return exchange(ex)
        .thenApply(
            response -> {
              Json result = response.get("result").orElse(Json.nullValue());
              Optional<String> host = result.string("hostname").filter(h -> !h.isBlank());
              if (host.isEmpty()) {
                throw errors.unexpected(
                    "lookup",
                    200,
                    "no API endpoint hostname for workspace "
                        + config.workspace()
                        + " in the master lookup answer",
                    response.toJson());
              }
              int port =
                  config.apiPort() != null
                      ? config.apiPort()
                      : result.integer("port").map(Long::intValue).orElse(443);
              return new String[] {host.get(), String.valueOf(port)};
            });
  }

  private CompletableFuture<Login> doLogin(String host, int port) {
    HttpUrl url = base(host, port).newBuilder().addPathSegments("api/v3/api/login").build();
    Request request =
        authorized(new Request.Builder().url(url))
            .put(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), null))
            .build();
    // Login only issues a session id, so sending it twice is harmless: treated like a read.
    Exchange ex = new Exchange("login", HttpMethod.PUT, request, "{}", true);
    return exchange(ex)
        .thenApply(
            response -> {
              Json result = response.get("result").orElse(Json.nullValue());
              if (!result.isObject()) {
                throw errors.unexpected(
                    "login", 200, "no result in the login answer", response.toJson());
              }
              return new Login(
                  result.string("role").orElse("none"),
                  result.string("id").orElse(""),
                  result.string("session_id").orElse(null),
                  host,
                  port);
            });
  }

  private String currentRole() {
    CompletableFuture<Login> l = login.get();
    if (l != null && l.isDone() && !l.isCompletedExceptionally()) {
      return l.join().role();
    }
    return "none";
  }

  private HttpUrl base(String host, int port) {
    if (config.proxy() != null && config.proxy().kind() == ProxySetting.Kind.ACCSYN) {
      return new HttpUrl.Builder()
          .scheme("http")
          .host(config.proxy().host())
          .port(config.proxy().port())
          .build();
    }
    if (config.dev()) {
      return new HttpUrl.Builder().scheme("http").host(host).port(DEV_PORT).build();
    }
    return new HttpUrl.Builder().scheme(config.scheme()).host(host).port(port).build();
  }

  private Request.Builder authorized(Request.Builder b) {
    return b.header("Authorization", authorization)
        .header("X-Accsyn-Workspace", config.workspace())
        .header("X-Accsyn-Device", device)
        .header("User-Agent", userAgent());
  }

  private static String userAgent() {
    return Device.SDK + "/" + Device.version();
  }

  /**
   * Sends one event to {@code /api/v3/event} (spec §1.5–1.6) and maps the answer (spec §1.8).
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
    if (closed.get()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the accsyn client is closed; build a new one"));
    }
    return login()
        .thenCompose(
            l -> {
              Map<String, Object> event =
                  EventEncoder.envelope(
                      config.workspace(),
                      UUID.randomUUID().toString(),
                      l.sessionId(),
                      uri,
                      config.username(),
                      Instant.now(config.clock()),
                      config.hostname(),
                      data,
                      query,
                      id);
              String json = PyJson.write(event);
              HttpUrl url =
                  base(l.host(), l.port()).newBuilder().addPathSegments("api/v3/event").build();
              Request.Builder rb = authorized(new Request.Builder());
              if (method.eventInQuery()) {
                // The bare quoted event is the whole query string: no "name=" (spec §1.6).
                rb.url(url.newBuilder().encodedQuery(PyQuote.quote(json)).build());
                if (method == HttpMethod.GET) {
                  rb.get();
                } else {
                  rb.delete();
                }
              } else {
                rb.url(url);
                // No Content-Type, like requests with a str body (spec §1.6).
                RequestBody body = RequestBody.create(json.getBytes(StandardCharsets.UTF_8), null);
                rb.method(method.name(), body);
              }
              return exchange(
                  new Exchange(uri, method, rb.build(), json, method == HttpMethod.GET));
            });
  }

  /** One logical HTTP call: what to send, and whether a failed attempt may be sent again. */
  private record Exchange(
      String operation, HttpMethod method, Request request, String payload, boolean retryable) {}

  private CompletableFuture<Json> exchange(Exchange ex) {
    CompletableFuture<Json> result = new CompletableFuture<>();
    attempt(ex, 1, System.nanoTime(), result);
    return result;
  }

  private void attempt(Exchange ex, int n, long startNanos, CompletableFuture<Json> result) {
    if (result.isDone()) {
      return;
    }
    Duration wait = limiter.reserve();
    CompletableFuture<Void> gate =
        wait.isZero() ? CompletableFuture.completedFuture(null) : config.sleeper().sleep(wait);
    gate.whenComplete(
        (v, e) -> {
          if (e != null) {
            result.completeExceptionally(unwrap(e));
            return;
          }
          send(ex, n, startNanos, result);
        });
  }

  private void send(Exchange ex, int n, long startNanos, CompletableFuture<Json> result) {
    long t0 = System.nanoTime();
    if (HTTP_LOG.isTraceEnabled()) {
      HTTP_LOG.trace(
          "accsyn {} {} request event {}",
          ex.method(),
          ex.operation(),
          redactor.redact(ex.payload()));
    }
    Call call = http.newCall(ex.request());
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            handle(ex, n, startNanos, t0, result, null, e);
          }

          @Override
          public void onResponse(Call c, Response response) {
            Answer answer;
            try (response) {
              ResponseBody body = response.body();
              String text = body == null ? "" : body.string();
              answer = new Answer(response.code(), text, response.header("Retry-After"));
            } catch (IOException e) {
              handle(ex, n, startNanos, t0, result, null, e);
              return;
            }
            handle(ex, n, startNanos, t0, result, answer, null);
          }
        });
  }

  /** Status, body and Retry-After of an answer. */
  private record Answer(int status, String body, String retryAfter) {}

  private void handle(
      Exchange ex,
      int n,
      long startNanos,
      long t0,
      CompletableFuture<Json> result,
      Answer answer,
      IOException failure) {
    long ms = (System.nanoTime() - t0) / 1_000_000;
    HttpUrl url = ex.request().url();
    AccsynException error;
    Json response = null;
    Duration retryAfter = null;
    boolean transient_;
    if (failure != null) {
      boolean maybeSent = mayHaveReachedServer(failure);
      error =
          errors.transport(ex.operation(), ex.method(), url.host(), url.port(), maybeSent, failure);
      transient_ = true;
    } else {
      if (HTTP_LOG.isTraceEnabled()) {
        HTTP_LOG.trace(
            "accsyn {} {} response HTTP {} {}",
            ex.method(),
            ex.operation(),
            answer.status(),
            redactor.redact(answer.body()));
      }
      retryAfter = ErrorMapper.retryAfter(answer.retryAfter(), config.clock()).orElse(null);
      AccsynException mapped = null;
      try {
        response =
            errors.map(
                ex.operation(),
                ex.method(),
                currentRole(),
                answer.status(),
                answer.body(),
                retryAfter);
      } catch (AccsynException e) {
        mapped = e;
      }
      error = mapped;
      int s = answer.status();
      transient_ = s == 408 || s == 429 || s >= 500;
    }
    if (error == null) {
      if (HTTP_LOG.isDebugEnabled()) {
        HTTP_LOG.debug(
            "accsyn {} {} -> ok, HTTP {} ({} ms{})",
            ex.method(),
            ex.operation(),
            answer.status(),
            ms,
            n > 1 ? ", attempt " + n : "");
      }
      result.complete(response);
      return;
    }
    Optional<Duration> delay =
        ex.retryable() && transient_ ? retryDelay(n, startNanos, retryAfter) : Optional.empty();
    if (HTTP_LOG.isDebugEnabled()) {
      HTTP_LOG.debug(
          "accsyn {} {} -> failed, {} ({} ms, attempt {}){}",
          ex.method(),
          ex.operation(),
          answer == null
              ? error.getClass().getSimpleName()
              : "HTTP " + answer.status() + " " + error.getClass().getSimpleName(),
          ms,
          n,
          delay.map(d -> ", retrying in " + d.toMillis() + " ms").orElse(""));
    }
    if (delay.isEmpty()) {
      result.completeExceptionally(error);
      return;
    }
    config
        .sleeper()
        .sleep(delay.get())
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                result.completeExceptionally(unwrap(e));
              } else {
                attempt(ex, n + 1, startNanos, result);
              }
            });
  }

  /**
   * The wait before another attempt, or empty when the policy's count or time is used up.
   *
   * @param attempt the attempt that failed, from 1
   * @param startNanos when the first attempt started
   * @param retryAfter the server's wish, or null
   * @return the delay
   */
  Optional<Duration> retryDelay(int attempt, long startNanos, Duration retryAfter) {
    if (attempt >= config.retry().maxAttempts()) {
      return Optional.empty();
    }
    Duration d = config.retry().delay(attempt, config.jitter().getAsDouble());
    if (retryAfter != null && retryAfter.compareTo(d) > 0) {
      d = retryAfter;
    }
    return Optional.of(d);
  }

  /**
   * Whether an I/O failure happened after the request may have left: only a refused or unroutable
   * connection, an unknown host or a failed TLS handshake prove it did not.
   *
   * @param e the failure
   * @return false when the server certainly did not get the request
   */
  static boolean mayHaveReachedServer(IOException e) {
    return !(e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException);
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
   * Unwraps {@link CompletionException}s.
   *
   * @param e a failure
   * @return the cause that matters
   */
  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
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

  /** Accepts every certificate: only for {@code insecureSkipTlsVerify()}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
