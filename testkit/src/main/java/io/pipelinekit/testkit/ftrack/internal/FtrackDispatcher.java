package io.pipelinekit.testkit.ftrack.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the fake: {@code POST /api} only, authenticated by the {@code ftrack-user} and
 * {@code ftrack-api-key} headers, answering a list of results or the error envelope (HTTP 200, or
 * an error status when {@code ftrack-strict-api: true}).
 */
public final class FtrackDispatcher extends Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(FtrackDispatcher.class);

  /** What the dispatcher knows of a caller: whether it may write. */
  public record Caller(String username, boolean readOnly) {}

  /** One served request, for the request log. */
  public record Served(String user, List<String> actions, List<String> expressions, int status) {}

  private final ApiHandler handler;
  private final FaultPlan faults;
  private final Function<String, Caller> credentials;
  private final Consumer<Served> log;
  private final Runnable drain;

  /**
   * Creates the dispatcher.
   *
   * @param handler runs the batches
   * @param faults armed faults and latency
   * @param credentials finds the caller from {@code user + "\n" + key}, or null when unknown
   * @param log receives every served request
   * @param drain empties MockWebServer's own request queue (the fake keeps its own log)
   */
  public FtrackDispatcher(
      ApiHandler handler,
      FaultPlan faults,
      Function<String, Caller> credentials,
      Consumer<Served> log,
      Runnable drain) {
    this.handler = handler;
    this.faults = faults;
    this.credentials = credentials;
    this.log = log;
    this.drain = drain;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    drain.run();
    String user = request.getHeaders().get("ftrack-user");
    List<String> actions = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    boolean strict = "true".equalsIgnoreCase(request.getHeaders().get("ftrack-strict-api"));
    MockResponse.Builder b =
        new MockResponse.Builder().addHeader("Content-Type", "application/json");
    long latency = faults.latencyMs();
    if (latency > 0) {
      b.headersDelay(latency, TimeUnit.MILLISECONDS);
    }
    int status;
    String body;
    FaultPlan.Fault fault = faults.poll();
    List<?> ops = null;
    try {
      Object parsed = WireJson.parse(request.getBody() == null ? "" : request.getBody().utf8());
      if (parsed instanceof List<?> l) {
        ops = l;
        for (Object o : l) {
          if (o instanceof Map<?, ?> m) {
            actions.add(String.valueOf(m.get("action")));
            if (m.get("expression") != null) {
              expressions.add(String.valueOf(m.get("expression")));
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      ops = null;
    }
    if (fault != null) {
      log.accept(new Served(user, actions, expressions, fault.drop() ? 0 : fault.status()));
      if (fault.drop()) {
        return b.onResponseStart(new SocketEffect.CloseSocket()).build();
      }
      return b.code(fault.status()).body(fault.body()).build();
    }
    if (!"POST".equals(request.getMethod()) || !request.getUrl().encodedPath().endsWith("/api")) {
      status = 404;
      body = "<html><body>404 Not Found</body></html>";
    } else {
      Caller caller = credentials.apply(user + "\n" + request.getHeaders().get("ftrack-api-key"));
      if (caller == null) {
        status = strict ? 401 : 200;
        body =
            envelope(
                "InvalidCredentialsError",
                "The supplied API key is not valid. API keys are created from Settings under the"
                    + " page API keys. The api key should be passed in the request header"
                    + " \"ftrack-api-key\".");
      } else if (ops == null) {
        status = strict ? 400 : 200;
        body = envelope("ServerError", "The request body must be a JSON list of operations");
      } else {
        try {
          Buffer json = handler.handleAsJson(ops, caller.readOnly(), caller.username());
          log.accept(new Served(user, actions, expressions, 200));
          return b.code(200).body(json).build();
        } catch (FtrackError e) {
          status = strict ? e.strictStatus() : 200;
          body = envelope(e.exception(), e.getMessage());
        } catch (RuntimeException e) {
          // A bug or a broken collaborator in the fake itself: loud, with the stack trace.
          LOG.error("Fake ftrack failed on the operations {}", actions, e);
          status = strict ? 500 : 200;
          body = envelope("ServerError", String.valueOf(e));
        }
      }
    }
    log.accept(new Served(user, actions, expressions, status));
    return b.code(status).body(body).build();
  }

  private static String envelope(String exception, String content) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exception", exception);
    m.put("content", content);
    m.put("error_code", null);
    return WireJson.write(m);
  }
}
