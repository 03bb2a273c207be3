package io.pipelinekit.accsyn.typed;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.PyQuote;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer with a logged-in client in front of it, for asserting the exact event each typed
 * method sends (the tables of docs/protocol/accsyn-v3.md, "Operations"): HTTP method, uri, data,
 * query and id.
 */
public final class Wire implements AutoCloseable {
  /** The login's user id. */
  public static final String USER_ID = "5f0c1a2b3c4d5e6f7a8b9c0d";

  public final MockWebServer server = new MockWebServer();
  public final FakeTime time = new FakeTime(Instant.parse("2026-11-23T00:16:26Z"));
  public final AccsynClient client;
  private boolean loginSeen;

  /** Starts the server and a client; the first response is the login. */
  public Wire() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client =
        AccsynClient.builder()
            .workspace("acme")
            .username("john@user.com")
            .apiKey("SECRETKEY-0123456789")
            .endpoint(server.url("/").uri())
            .hostname("testhost")
            .clock(time)
            .sleeper(time)
            .build();
    ok("{\"role\": \"admin\", \"id\": \"" + USER_ID + "\", \"session_id\": \"s-1\"}");
  }

  /**
   * Queues a successful answer.
   *
   * @param resultJson the JSON of {@code result}
   * @return this
   */
  public Wire ok(String resultJson) {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body("{\"result\": " + resultJson + "}")
            .build());
    return this;
  }

  /**
   * The next event the client sent (the login is skipped).
   *
   * @return the event
   */
  public Event next() {
    try {
      if (!loginSeen) {
        RecordedRequest login = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(login).as("login request").isNotNull();
        assertThat(login.getUrl().encodedPath()).isEqualTo("/api/v3/api/login");
        loginSeen = true;
      }
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r).as("an event request").isNotNull();
      assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/event");
      String method = r.getMethod();
      Json event =
          "GET".equals(method) || "DELETE".equals(method)
              ? Json.parse(PyQuote.unquote(r.getUrl().encodedQuery()))
              : Json.parse(r.getBody().utf8());
      return new Event(method, event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }

  /** One recorded event. */
  public record Event(String method, Json event) {
    /** The {@code uri}. */
    public String uri() {
      return event.string("uri").orElseThrow();
    }

    /** The {@code data}, parsed (JSON null if sent as null). */
    public Json data() {
      return event.get("data").orElseThrow();
    }

    /** The {@code query}, if sent. */
    public Optional<String> query() {
      return event.string("query");
    }

    /** The {@code id}, if sent. */
    public Optional<String> id() {
      return event.string("id");
    }

    /**
     * Asserts method and uri, and that data equals the given JSON.
     *
     * @param httpMethod e.g. {@code GET}
     * @param uri e.g. {@code transfer/find}
     * @param dataJson the expected data JSON
     * @return this
     */
    public Event is(String httpMethod, String uri, String dataJson) {
      assertThat(method).as("HTTP method of " + uri).isEqualTo(httpMethod);
      assertThat(uri()).isEqualTo(uri);
      assertThat(data()).as("data of " + uri).isEqualTo(Json.parse(dataJson));
      return this;
    }

    /**
     * Like {@link #is}, for job creates: the client's idempotency key ({@code
     * metadata.pipelinekit_request_id}) must be there and is left out of the comparison.
     *
     * @param httpMethod e.g. {@code POST}
     * @param uri e.g. {@code delivery/create}
     * @param dataJson the expected data without the key
     * @return this
     */
    public Event isJobCreate(String httpMethod, String uri, String dataJson) {
      assertThat(method).as("HTTP method of " + uri).isEqualTo(httpMethod);
      assertThat(uri()).isEqualTo(uri);
      java.util.Map<String, Object> data = new java.util.LinkedHashMap<>(data().asMap());
      Json meta = (Json) data.remove("metadata");
      assertThat(meta).as("metadata with the request id").isNotNull();
      java.util.Map<String, Object> rest = new java.util.LinkedHashMap<>(meta.asMap());
      assertThat(rest.remove("pipelinekit_request_id")).isNotNull();
      if (!rest.isEmpty()) {
        data.put("metadata", rest);
      }
      assertThat(Json.of(data)).as("data of " + uri).isEqualTo(Json.parse(dataJson));
      return this;
    }

    /**
     * Asserts the event id.
     *
     * @param expected the id, or null for none
     * @return this
     */
    public Event withId(String expected) {
      assertThat(id().orElse(null)).as("event id").isEqualTo(expected);
      return this;
    }

    /**
     * Asserts the event query.
     *
     * @param expected the query, or null for none
     * @return this
     */
    public Event withQuery(String expected) {
      assertThat(query().orElse(null)).as("event query").isEqualTo(expected);
      return this;
    }
  }
}
