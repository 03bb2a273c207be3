package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Encodes one API event into the HTTP request that carries it to {@code /api/v3/event}. */
final class EventRequests {
  private final EngineConfig config;
  private final Endpoint endpoint;
  private final AccsynHeaders headers;
  private final Clock clock;

  EventRequests(EngineConfig config, Endpoint endpoint, AccsynHeaders headers) {
    this.config = config;
    this.endpoint = endpoint;
    this.headers = headers;
    this.clock = config.clock();
  }

  Exchange encode(
      Engine.Login login, HttpMethod method, String uri, Object data, String query, String id) {
    Map<String, Object> event =
        EventEncoder.envelope(
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
    String json = PyJson.write(event);
    HttpUrl url =
        endpoint
            .base(new Endpoint.HostPort(login.host(), login.port()))
            .newBuilder()
            .addPathSegments("api/v3/event")
            .build();
    Request.Builder rb = headers.authorized(new Request.Builder());
    if (method.eventInQuery()) {
      // The bare quoted event is the whole query string: no "name=".
      rb.url(url.newBuilder().encodedQuery(PyQuote.quote(json)).build());
      if (method == HttpMethod.GET) {
        rb.get();
      } else {
        rb.delete();
      }
    } else {
      rb.url(url);
      // No Content-Type, as the official client sends a text body.
      rb.method(method.name(), RequestBody.create(json.getBytes(StandardCharsets.UTF_8), null));
    }
    return new Exchange(uri, method, rb.build(), json, method == HttpMethod.GET);
  }
}
