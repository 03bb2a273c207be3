package io.pipelinekit.testkit.accsyn.internal.server;

import io.pipelinekit.testkit.accsyn.RecordedCall;
import io.pipelinekit.testkit.accsyn.Role;
import io.pipelinekit.testkit.accsyn.internal.AccsynError;
import io.pipelinekit.testkit.accsyn.internal.faults.FaultPlan;
import io.pipelinekit.testkit.accsyn.internal.json.Json;
import io.pipelinekit.testkit.accsyn.internal.json.JsonSyntaxException;
import io.pipelinekit.testkit.accsyn.internal.ops.Caller;
import io.pipelinekit.testkit.accsyn.internal.ops.Router;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import io.pipelinekit.testkit.accsyn.internal.wire.BasicAuth;
import io.pipelinekit.testkit.accsyn.internal.wire.EventDecoder;
import io.pipelinekit.testkit.accsyn.internal.wire.PyQuoting;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's HTTP front: master lookup ({@code GET /api/v3/J3PKTtDvolDMBtTy6AFGA}), login ({@code
 * PUT /api/v3/api/login}) and events ({@code /api/v3/event}), with accsyn's authentication,
 * envelopes and the armed faults. Every call is recorded.
 */
public final class AccsynDispatcher extends Dispatcher {
  /** The fixed master-lookup path segment the official client uses. */
  public static final String LOOKUP_PATH = "/api/v3/J3PKTtDvolDMBtTy6AFGA";

  private static final Logger LOG = LoggerFactory.getLogger(AccsynDispatcher.class);

  private final Object lateCommitsLock = new Object();
  private int lateCommitsPending;
  private volatile boolean lateCommitsDropped;
  private final Store store;
  private final Router router;
  private final FaultPlan faults;
  private final CallLog log;
  private final IntSupplier port;
  private final Runnable drainServerQueue;

  /** Creates the dispatcher. */
  public AccsynDispatcher(
      Store store,
      Router router,
      FaultPlan faults,
      CallLog log,
      IntSupplier port,
      Runnable drainServerQueue) {
    this.store = store;
    this.router = router;
    this.faults = faults;
    this.log = log;
    this.port = port;
    this.drainServerQueue = drainServerQueue;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    drainServerQueue.run();
    String method = request.getMethod() == null ? "" : request.getMethod().toUpperCase(Locale.ROOT);
    String target = request.getTarget() == null ? "/" : request.getTarget();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? null : target.substring(q + 1);
    ByteString bodyBytes = request.getBody();
    byte[] body = bodyBytes == null ? new byte[0] : bodyBytes.toByteArray();

    RecordedCall.Builder call =
        RecordedCall.builder().sequence(log.nextSequence()).method(method).path(path);
    String operation = "unknown";
    WireEvent event = null;
    if (path.equals("/api/v3/event")) {
      try {
        event = EventDecoder.decode(method, rawQuery, body);
        operation = event.uri().toLowerCase(Locale.ROOT);
        Map<String, Object> envelope = new LinkedHashMap<>(event.envelope());
        if (event.compressed()) {
          envelope.remove("gz_data");
          envelope.put("data", event.data());
        }
        call.event(envelope);
      } catch (AccsynError e) {
        return finish(call.operation(operation), error(e), null, 0);
      }
    } else if (path.equals("/api/v3/api/login")) {
      operation = "login";
    } else if (path.equals(LOOKUP_PATH)) {
      operation = "lookup";
    }
    call.operation(operation);

    long delayMs = faults.latency(operation).map(f -> f.delay().toMillis()).orElse(0L);
    if (!faults.admit()) {
      return finish(call.fault("rate-limit"), throttled(), null, delayMs);
    }
    Optional<FaultPlan.Fired> fault = faults.fault(operation);
    if (fault.isPresent()) {
      call.fault(fault.get().label());
      switch (fault.get().kind()) {
        case THROTTLE:
          return finish(call, throttled(), null, delayMs);
        case SERVER_ERROR:
          return finish(
              call,
              reply(500, body("exception", "Traceback (most recent call last): injected fault")),
              null,
              delayMs);
        case BAD_GATEWAY:
          return finish(
              call,
              new Reply(
                  502,
                  "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway"
                      + "</h1></body></html>",
                  "text/html"),
              null,
              delayMs);
        case DROP_BEFORE_COMMIT:
          return finish(call, null, new SocketEffect.CloseSocket(), delayMs);
        case GATEWAY_TIMEOUT_LATE_COMMIT:
        case STALL_LATE_COMMIT:
          return lateCommit(call, fault.get(), method, path, rawQuery, request, event, delayMs);
        default:
          break;
      }
    }
    Reply reply = handle(method, path, rawQuery, request, event);
    if (fault.isPresent() && fault.get().kind() == FaultPlan.Kind.DROP_AFTER_COMMIT) {
      return finish(call, null, new SocketEffect.CloseSocket(), delayMs);
    }
    return finish(call, reply, null, delayMs);
  }

  /**
   * Answers 504 (at once, or after a stall) while the operation runs later on its own thread, as
   * when a gateway gives up on a server that goes on to commit.
   */
  private MockResponse lateCommit(
      RecordedCall.Builder call,
      FaultPlan.Fired fired,
      String method,
      String path,
      String rawQuery,
      RecordedRequest request,
      WireEvent event,
      long delayMs) {
    long commitMs = fired.delay().toMillis();
    Runnable commit = () -> handle(method, path, rawQuery, request, event);
    if (commitMs == 0) {
      commit.run();
    } else {
      lateCommitStarted();
      LATE_COMMITS.schedule(
          () -> {
            try {
              if (!lateCommitsDropped) {
                commit.run();
              }
            } catch (RuntimeException e) {
              LOG.error("Fake accsyn: late commit of {} failed", operation(event), e);
            } finally {
              lateCommitEnded();
            }
          },
          commitMs,
          TimeUnit.MILLISECONDS);
    }
    return finish(
        call,
        new Reply(
            504,
            "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway"
                + " Time-out</h1></body></html>",
            "text/html"),
        null,
        delayMs + fired.stall().toMillis());
  }

  /** Late commits not yet run never will: the fake is closing. */
  public void dropLateCommits() {
    lateCommitsDropped = true;
  }

  private void lateCommitStarted() {
    synchronized (lateCommitsLock) {
      lateCommitsPending++;
    }
  }

  private void lateCommitEnded() {
    synchronized (lateCommitsLock) {
      lateCommitsPending--;
      lateCommitsLock.notifyAll();
    }
  }

  /**
   * Waits until every late commit scheduled so far has run.
   *
   * @param timeout how long to wait at most
   * @throws IllegalStateException if some are still pending when the timeout passes
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitLateCommits(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lateCommitsLock) {
      while (lateCommitsPending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              lateCommitsPending + " late commits still pending after " + timeout);
        }
        TimeUnit.NANOSECONDS.timedWait(lateCommitsLock, left);
      }
    }
  }

  /**
   * Runs late commits, several at once as a server's workers would (one thread would queue the
   * commits of a burst of requests behind each other and apply the last ones long after their
   * time); daemon threads, so a test that ends early leaves nothing behind.
   */
  private static final ScheduledExecutorService LATE_COMMITS =
      Executors.newScheduledThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "fake-accsyn-late-commit");
            t.setDaemon(true);
            return t;
          });

  private Reply handle(
      String method, String path, String rawQuery, RecordedRequest request, WireEvent event) {
    try {
      if (path.equals(LOOKUP_PATH)) {
        return lookup(method, rawQuery);
      }
      if (path.equals("/api/v3/api/login")) {
        if (!method.equals("PUT")) {
          throw AccsynError.invalid("Login expects HTTP PUT!");
        }
        return reply(200, body("result", login(authenticate(request))));
      }
      if (path.equals("/api/v3/event")) {
        Caller caller = authenticate(request);
        Object ws = event.envelope().get("workspace");
        if (ws == null) {
          ws = event.envelope().get("domain");
        }
        if (ws != null && !String.valueOf(ws).equalsIgnoreCase(store.workspace().code())) {
          throw AccsynError.of(
              AccsynError.Kind.AUTHENTICATION,
              "Event workspace '" + ws + "' does not match the authenticated workspace!");
        }
        return reply(200, router.handle(caller, event));
      }
      throw AccsynError.of(
          AccsynError.Kind.NOT_FOUND,
          "Unknown endpoint " + method + " " + path + "!",
          "Unknown API endpoint!");
    } catch (AccsynError e) {
      return error(e);
    } catch (JsonSyntaxException e) {
      return error(AccsynError.invalid("Malformed JSON: " + e.getMessage() + "!"));
    } catch (RuntimeException e) {
      // A bug or a broken collaborator in the fake itself: loud, with the stack trace.
      LOG.error("Fake accsyn failed on {} {} ({})", method, path, operation(event), e);
      return reply(
          500,
          body(
              "exception",
              "Traceback (most recent call last): "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()));
    }
  }

  private Reply lookup(String method, String rawQuery) {
    if (!method.equals("GET")) {
      throw AccsynError.invalid("Endpoint lookup expects HTTP GET!");
    }
    if (rawQuery == null || rawQuery.isEmpty()) {
      throw AccsynError.invalid("No workspace identification supplied!");
    }
    Map<String, Object> query;
    try {
      query = Json.parseObject(PyQuoting.unquote(rawQuery));
    } catch (JsonSyntaxException e) {
      throw AccsynError.invalid("Could not decode lookup query: " + e.getMessage() + "!");
    }
    Object ident = query.get("ident");
    String ws = store.read(() -> store.workspace().code());
    if (ident == null || !String.valueOf(ident).equalsIgnoreCase(ws)) {
      throw AccsynError.notFound(
          "Workspace '" + ident + "' not found!",
          "Unknown accsyn workspace '" + ident + "', please check the workspace code!");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("hostname", "127.0.0.1");
    result.put("port", (long) port.getAsInt());
    return reply(200, body("result", result));
  }

  private Caller authenticate(RecordedRequest request) {
    BasicAuth auth = BasicAuth.parse(request.getHeaders().get("Authorization"));
    String ws = request.getHeaders().get("X-Accsyn-Workspace");
    return store.read(
        () -> {
          if (ws == null || ws.isBlank()) {
            throw AccsynError.of(
                AccsynError.Kind.AUTHENTICATION,
                "No workspace supplied, set the X-Accsyn-Workspace header!");
          }
          if (!ws.trim().equalsIgnoreCase(store.workspace().code())) {
            throw AccsynError.of(
                AccsynError.Kind.AUTHENTICATION,
                "Authentication failed - unknown workspace '" + ws + "'!");
          }
          Entity user = store.byCode("user", auth.username()).orElse(null);
          if (user == null || user.inactive() || !auth.apiKey().equals(user.str("_apikey"))) {
            throw AccsynError.of(
                AccsynError.Kind.AUTHENTICATION,
                "Authentication failed - invalid API credentials for '" + auth.username() + "'!",
                "Authentication failed, check your user name and API key!");
          }
          if ("disabled".equals(user.str("status"))) {
            throw AccsynError.of(
                AccsynError.Kind.AUTHENTICATION,
                "User '" + user.code() + "' is disabled!",
                "Your accsyn user has been disabled, contact your workspace admin!");
          }
          return new Caller(user, Role.parse(user.str("role")));
        });
  }

  private Map<String, Object> login(Caller caller) {
    return store.write(
        () -> {
          caller.user().put("logged_in", true);
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("role", caller.role().wireName());
          result.put("id", caller.user().id());
          result.put("session_id", store.ids().uuid());
          return result;
        });
  }

  private MockResponse finish(
      RecordedCall.Builder call, Reply reply, SocketEffect drop, long delayMs) {
    MockResponse.Builder b = new MockResponse.Builder();
    if (delayMs > 0) {
      b.headersDelay(delayMs, TimeUnit.MILLISECONDS);
    }
    if (drop != null) {
      log.add(call.status(0).build());
      return b.onResponseStart(drop).build();
    }
    log.add(call.status(reply.status()).responseBody(reply.body()).build());
    return b.code(reply.status())
        .setHeader("Content-Type", reply.contentType())
        .body(reply.body())
        .build();
  }

  private static Reply throttled() {
    return reply(
        429,
        body("message", "Rate limit exceeded - max 30 requests/s (burst 60), please slow down!"));
  }

  private static String operation(WireEvent event) {
    return event == null ? "no event" : event.uri();
  }

  private static Reply error(AccsynError e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", e.getMessage());
    m.put("message_hr", e.messageHr());
    return reply(e.kind().status(), m);
  }

  private static Map<String, Object> body(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  private static Reply reply(int status, Map<String, Object> body) {
    return new Reply(status, Json.write(body), "application/json");
  }

  /** A response to send. */
  private record Reply(int status, String body, String contentType) {}
}
