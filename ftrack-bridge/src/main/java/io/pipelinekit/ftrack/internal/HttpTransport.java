package io.pipelinekit.ftrack.internal;

import io.pipelinekit.core.internal.HttpClients;
import io.pipelinekit.core.internal.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to one URL with fixed headers. Thread-safe.
 *
 * <p>Owns its OkHttp client unless one was passed in; an owned client runs on daemon threads so a
 * command-line tool exits when its main thread ends, and {@link #close()} releases its pool. Either
 * way, redirects go through the shared guard, which never sends the key to another host.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.pipelinekit.ftrack.http");
  // No charset parameter: the official client sends exactly "application/json".
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final boolean owned;
  private final HttpUrl url;
  private final Map<String, String> headers;
  private final Redactor redactor;

  /**
   * Creates a transport.
   *
   * @param client a caller's client, or {@code null} to create one
   * @param timeout connect, read and write timeout of a created client
   * @param url the URL to POST to
   * @param headers headers of every request
   * @param redactor scrubs secrets from anything logged or thrown
   */
  public HttpTransport(
      OkHttpClient client,
      Duration timeout,
      HttpUrl url,
      Map<String, String> headers,
      Redactor redactor) {
    this.owned = client == null;
    this.client = client != null ? HttpClients.derived(client).build() : newClient(timeout);
    this.url = url;
    this.headers = Map.copyOf(headers);
    this.redactor = redactor;
  }

  private static OkHttpClient newClient(Duration timeout) {
    return HttpClients.owned("ftrack-bridge-http", timeout)
        // Python's requests.Session keeps the server's session cookie; so do we.
        .cookieJar(new MemoryCookieJar())
        // OkHttp would silently send a POST again after some connection failures; a batch of
        // creates is not idempotent, so a failure surfaces as FtrackIoException instead.
        .retryOnConnectionFailure(false)
        .build();
  }

  /** Status, body and {@code Retry-After} of an answer. */
  public static final class Answer {
    private final int status;
    private final String body;
    private final String retryAfter;

    Answer(int status, String body, String retryAfter) {
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * The body as text.
     *
     * @return the body, possibly empty
     */
    public String body() {
      return body;
    }

    /**
     * The {@code Retry-After} header.
     *
     * @return the header's value, or {@code null} when absent
     */
    public String retryAfter() {
      return retryAfter;
    }
  }

  /** The answer's body is longer than the caller accepts; nothing of it was kept. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final long declared;

    BodyTooLargeException(int status, long declared) {
      super("response body too large");
      this.status = status;
      this.declared = declared;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * The length the server declared.
     *
     * @return the {@code Content-Length}, or -1 when the body was streamed without one
     */
    public long declared() {
      return declared;
    }
  }

  /** The answer started (status and headers arrived) but its body broke off. */
  public static final class BodyCutShortException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final long received;

    BodyCutShortException(int status, long received, IOException cause) {
      super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
      this.status = status;
      this.received = received;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status
     */
    public int status() {
      return status;
    }

    /**
     * The bytes of body that arrived before it broke off.
     *
     * @return the count
     */
    public long received() {
      return received;
    }
  }

  /**
   * POSTs a JSON body.
   *
   * @param json the body
   * @param callTimeout the time the whole exchange may take, body included
   * @param maxBytes the longest body accepted
   * @return the answer, whatever its status
   * @throws BodyTooLargeException if the body is longer than {@code maxBytes}
   * @throws BodyCutShortException if the body broke off after the answer started
   * @throws IOException if no answer came
   */
  public Answer post(String json, Duration callTimeout, long maxBytes) throws IOException {
    Request.Builder rb = new Request.Builder().url(url);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      rb.header(h.getKey(), h.getValue());
    }
    rb.post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON));
    long start = System.nanoTime();
    Call call = client.newCall(rb.build());
    // The call timeout covers connecting, sending, waiting and reading the body, so a body that
    // trickles in cannot outlive it.
    call.timeout().timeout(Math.max(1, callTimeout.toNanos()), TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      String text = readBounded(body, response.code(), maxBytes);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "POST {} -> {} ({} bytes, {} ms)",
            url,
            response.code(),
            text.length(),
            (System.nanoTime() - start) / 1_000_000);
      }
      if (LOG.isTraceEnabled()) {
        LOG.trace("request body {}", redactor.redact(json));
        LOG.trace("response body {}", redactor.redact(text));
      }
      return new Answer(response.code(), text, response.header("Retry-After"));
    }
  }

  private static String readBounded(ResponseBody body, int status, long maxBytes)
      throws IOException {
    if (body == null) {
      return "";
    }
    long declared = body.contentLength();
    if (declared > maxBytes) {
      throw new BodyTooLargeException(status, declared);
    }
    BufferedSource source = body.source();
    try {
      // request() buffers up to the limit and one byte more; true means the body goes on.
      if (source.request(maxBytes == Long.MAX_VALUE ? maxBytes : maxBytes + 1)) {
        throw new BodyTooLargeException(status, declared);
      }
      return source.getBuffer().readUtf8();
    } catch (BodyTooLargeException e) {
      throw e;
    } catch (IOException e) {
      throw new BodyCutShortException(status, source.getBuffer().size(), e);
    }
  }

  /**
   * The URL requests go to.
   *
   * @return the URL
   */
  public HttpUrl url() {
    return url;
  }

  /** Releases the connection pool and threads of an owned client; idempotent. */
  @Override
  public void close() {
    if (owned) {
      HttpClients.release(client);
    }
  }

  /** Keeps cookies in memory per host, like {@code requests.Session}. */
  private static final class MemoryCookieJar implements CookieJar {
    private final Map<String, java.util.List<okhttp3.Cookie>> store =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void saveFromResponse(HttpUrl url, java.util.List<okhttp3.Cookie> cookies) {
      if (!cookies.isEmpty()) {
        store.put(url.host(), java.util.List.copyOf(cookies));
      }
    }

    @Override
    public java.util.List<okhttp3.Cookie> loadForRequest(HttpUrl url) {
      java.util.List<okhttp3.Cookie> out = new java.util.ArrayList<>();
      long now = System.currentTimeMillis();
      for (okhttp3.Cookie c : store.getOrDefault(url.host(), java.util.List.of())) {
        if (c.expiresAt() > now && c.matches(url)) {
          out.add(c);
        }
      }
      return out;
    }
  }
}
