package io.pipelinekit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.Operator;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.accsyn.RateLimit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The accsyn client's own cost of one {@code find}: query text, event envelope, credentials, rate
 * limiter, HTTP exchange and decoding of a realistic answer (ten transfers).
 *
 * <ul>
 *   <li>{@code inMemory}: an OkHttp interceptor answers without any socket, so the figure is the
 *       client alone;
 *   <li>{@code loopback}: a minimal JDK HTTP server on 127.0.0.1 answers the same bytes, over a
 *       pooled keep-alive connection;
 *   <li>{@code cannedLoopback}: the same bytes from {@link CannedHttpServer}, a blocking server
 *       with a thread per connection, so that the figure is the client and the loopback alone
 *       rather than the JDK server's thread hand-offs;
 *   <li>{@code socketFloor}: no client at all, a plain socket sending a small request to the same
 *       server and reading its answer, so that the figure is the loopback round trip and the server
 *       alone, the floor under {@code cannedLoopback}.
 * </ul>
 *
 * <p>The client-side rate limiter is raised out of the way (the server's limits are not what is
 * measured). Run: {@code java -jar benchmarks/target/benchmarks.jar AccsynFindBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AccsynFindBenchmark {
  private static final String LOGIN =
      "{\"result\": {\"role\": \"employee\", \"id\": \"614d660de50d45bb027c9bd0\","
          + " \"session_id\": \"bench-session\"}}";

  private static final String TRANSFERS = transfers(10);

  private HttpServer server;
  private ExecutorService serverThreads;
  private AccsynClient loopback;
  private AccsynClient inMemory;
  private CannedHttpServer canned;
  private AccsynClient cannedLoopback;
  private java.net.Socket floor;
  private byte[] floorRequest;
  private byte[] floorAnswer;
  private int floorBodyLength;
  private Query query;

  static String transfers(int n) {
    StringBuilder sb = new StringBuilder("{\"result\": [");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append("{\"id\": \"614d660de50d45bb027c9b")
          .append(String.format("%02d", i))
          .append("\", \"code\": \"send hq > la ")
          .append(i)
          .append("\", \"status\": \"running\", \"progress\": ")
          .append(i * 7)
          .append(", \"size\": 123456789012, \"speed\": 48.5, \"etr\": \"0h:12m:05s\",")
          .append(" \"source\": \"site=hq\", \"destination\": \"site=la\",")
          .append(" \"created\": \"2026-12-06T04:17:00\", \"user_hr\": \"pipeline@studio.com\",")
          .append(" \"metadata\": {\"ftrack_server\": \"https://studio.ftrackapp.com\"}}");
    }
    return sb.append("]}").toString();
  }

  /** Starts the server and both clients. */
  @Setup(Level.Trial)
  public void start() throws IOException {
    // Without it the JDK server's response waits for the client's delayed ACK (about 40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", AccsynFindBenchmark::answer);
    serverThreads = Executors.newSingleThreadExecutor();
    server.setExecutor(serverThreads);
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    loopback = client(endpoint).build();
    inMemory =
        client(endpoint)
            .okHttpClient(
                new OkHttpClient.Builder()
                    .addInterceptor(
                        chain -> {
                          String path = chain.request().url().encodedPath();
                          return new Response.Builder()
                              .request(chain.request())
                              .protocol(Protocol.HTTP_1_1)
                              .code(200)
                              .message("OK")
                              .body(
                                  ResponseBody.create(
                                      path.endsWith("/login") ? LOGIN : TRANSFERS,
                                      MediaType.get("application/json")))
                              .build();
                        })
                    .build())
            .build();
    byte[] login = LOGIN.getBytes(StandardCharsets.UTF_8);
    byte[] transfers = TRANSFERS.getBytes(StandardCharsets.UTF_8);
    canned = new CannedHttpServer(path -> path.endsWith("/login") ? login : transfers);
    cannedLoopback = client(URI.create("http://127.0.0.1:" + canned.port())).build();
    query = Query.of("transfer").where("status", Operator.EQ, "running").limit(10);
    loopback.find(query); // logs in
    inMemory.find(query);
    cannedLoopback.find(query);
    floor = new java.net.Socket("127.0.0.1", canned.port());
    floor.setTcpNoDelay(true);
    floorRequest =
        "GET /api/v3/event HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    floorAnswer = new byte[transfers.length + 128];
    floorBodyLength = transfers.length;
  }

  private static AccsynClient.Builder client(URI endpoint) {
    return AccsynClient.builder()
        .endpoint(endpoint)
        .workspace("studio")
        .username("pipeline@studio.com")
        .apiKey("bench-key")
        .rateLimit(RateLimit.of(1_000_000, 1_000_000, 8));
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] body =
        (exchange.getRequestURI().getPath().endsWith("/login") ? LOGIN : TRANSFERS)
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops the server and the clients. */
  @TearDown(Level.Trial)
  public void stop() {
    loopback.close();
    inMemory.close();
    cannedLoopback.close();
    server.stop(0);
    // The server does not stop the executor it was given; left running it keeps the fork alive.
    serverThreads.shutdownNow();
    try {
      floor.close();
    } catch (IOException e) {
      // closing a client socket does not fail in practice
    }
    try {
      canned.close();
    } catch (IOException e) {
      // closing a listening socket does not fail in practice
    }
  }

  /**
   * One find over loopback HTTP.
   *
   * @return the transfers
   */
  @Benchmark
  public List<Json> loopback() {
    return loopback.find(query);
  }

  /**
   * One find over loopback HTTP against the canned blocking server.
   *
   * @return the transfers
   */
  @Benchmark
  public List<Json> cannedLoopback() {
    return cannedLoopback.find(query);
  }

  /**
   * The same round trip without the client: a request written to the canned server on a plain
   * socket and its answer read to the end of the body.
   *
   * @return the bytes read
   * @throws IOException if the socket fails
   */
  @Benchmark
  public int socketFloor() throws IOException {
    floor.getOutputStream().write(floorRequest);
    java.io.InputStream in = floor.getInputStream();
    int n = 0;
    int bodyStart = -1;
    int total = Integer.MAX_VALUE;
    while (n < total) {
      int r = in.read(floorAnswer, n, floorAnswer.length - n);
      if (r < 0) {
        throw new IOException("the server closed the connection");
      }
      n += r;
      if (bodyStart < 0) {
        for (int i = 3; i < n; i++) {
          if (floorAnswer[i - 3] == '\r' && floorAnswer[i] == '\n' && floorAnswer[i - 1] == '\r') {
            bodyStart = i + 1;
            total = bodyStart + floorBodyLength;
            break;
          }
        }
      }
    }
    return n;
  }

  /**
   * One find answered in memory: the client's own cost.
   *
   * @return the transfers
   */
  @Benchmark
  public List<Json> inMemory() {
    return inMemory.find(query);
  }
}
