package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/** Encodes one API event into the HTTP request that carries it to {@code /api/v3/event}. */
final class EventRequests {
  private final EngineConfig config;
  private final Endpoint endpoint;
  private final AccsynHeaders headers;
  private final Clock clock;
  // The event URL of the last login: building and checking it is a tenth of a find's own cost.
  private volatile EventUrl last;

  /** The event URL for one API host. */
  private record EventUrl(String host, int port, HttpUrl url) {}

  EventRequests(EngineConfig config, Endpoint endpoint, AccsynHeaders headers) {
    this.config = config;
    this.endpoint = endpoint;
    this.headers = headers;
    this.clock = config.clock();
  }

  Exchange encode(
      Engine.Login login, HttpMethod method, String uri, Object data, String query, String id) {
    // The event goes into pooled okio segments, not a string: a large payload is compressed as it
    // is written, so only its gzip+base64 text is ever held.
    Buffer event = new Buffer();
    try {
      PyJsonWriter out = new PyJsonWriter(event.outputStream());
      EventEncoder.writeEvent(
          out,
          config.workspace(),
          UUID.randomUUID().toString(),
          login.sessionId(),
          uri,
          config.username(),
          Instant.now(clock),
          config.hostname(),
          data,
          query,
          id);
      out.flush();
    } catch (IOException e) {
      // An in-memory buffer does not fail.
      throw new UncheckedIOException(e);
    }
    HttpUrl url = eventUrl(login);
    Request.Builder rb = headers.authorized(new Request.Builder());
    if (method.eventInQuery()) {
      String json = event.readUtf8();
      // The bare quoted event is the whole query string: no "name=".
      rb.url(url.newBuilder().encodedQuery(PyQuote.quote(json)).build());
      if (method == HttpMethod.GET) {
        rb.get();
      } else {
        rb.delete();
      }
      return new Exchange(uri, method, rb.build(), json, method == HttpMethod.GET);
    }
    rb.url(url);
    rb.method(method.name(), new EventBody(event));
    return new Exchange(
        uri, method, rb.build(), () -> event.copy().readUtf8(), method == HttpMethod.GET);
  }

  private HttpUrl eventUrl(Engine.Login login) {
    EventUrl e = last;
    if (e == null || e.port() != login.port() || !Objects.equals(e.host(), login.host())) {
      HttpUrl url =
          endpoint
              .base(new Endpoint.HostPort(login.host(), login.port()))
              .newBuilder()
              .addPathSegments("api/v3/event")
              .build();
      e = new EventUrl(login.host(), login.port(), url);
      last = e;
    }
    return e.url();
  }

  /**
   * The encoded event as a request body that can be sent any number of times: each send reads a
   * copy that shares the encoded segments. No Content-Type, as the official client sends a text
   * body; a Content-Length, as it does.
   */
  private static final class EventBody extends RequestBody {
    private final Buffer event;

    EventBody(Buffer event) {
      this.event = event;
    }

    @Override
    public MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      return event.size();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try (Buffer copy = event.copy()) {
        sink.writeAll(copy);
      }
    }
  }
}
