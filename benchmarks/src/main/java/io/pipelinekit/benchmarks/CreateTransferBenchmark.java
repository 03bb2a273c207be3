package io.pipelinekit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.RateLimit;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.transfers.TaskSpec;
import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.accsyn.transfers.TransferSpec;
import io.pipelinekit.accsyn.transfers.Transfers;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Creates a transfer of many tasks (100,000 by default) against an in-process HTTP server that
 * reads and discards the request body and answers a canned job, then reads a job's tasks back (the
 * server streams that many tasks). Reports, for this JVM:
 *
 * <ul>
 *   <li>the first create (wall ms and MB allocated by every thread except the server's), so run it
 *       in a fresh JVM to get the cold figure;
 *   <li>the warm p50 over further creates and their allocation;
 *   <li>the same for reading the tasks back ({@code Transfers.tasks(jobId)});
 *   <li>the heap limit the JVM ran with, and the size of the body the server received.
 * </ul>
 *
 * <p>Run: {@code java -Xmx64m -cp benchmarks/target/benchmarks.jar
 * io.pipelinekit.benchmarks.CreateTransferBenchmark [tasks] [warm calls] [readback] [login first]}
 * where {@code readback} is {@code true} (default) or {@code false}, and {@code login first}
 * ({@code false} by default) logs in before the first create and reports it apart. The input spec
 * is built before the first call and is not counted.
 */
public final class CreateTransferBenchmark {
  private static final String LOGIN =
      "{\"result\": {\"role\": \"employee\", \"id\": \"614d660de50d45bb027c9bd0\","
          + " \"session_id\": \"bench-session\"}}";
  private static final String JOB_ID = "614d660de50d45bb027c9b01";
  private static final String CREATED =
      "{\"result\": [{\"id\": \""
          + JOB_ID
          + "\", \"code\": \"send hq > la\", \"status\": \"init\", \"created\":"
          + " \"2026-12-06T04:17:00\", \"user_hr\": \"pipeline@studio.com\"}]}";
  private static final String SERVER_THREAD = "bench-server";

  private static final AtomicLong RECEIVED = new AtomicLong();
  private static volatile int readbackTasks;

  private CreateTransferBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args task count, warm call count, whether to read tasks back
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    boolean readback = args.length <= 2 || Boolean.parseBoolean(args[2]);
    boolean loginFirst = args.length > 3 && Boolean.parseBoolean(args[3]);
    readbackTasks = tasks;

    // Without it the JDK server's response waits for the client's delayed ACK (about 40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", CreateTransferBenchmark::answer);
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, SERVER_THREAD));
    server.setExecutor(executor);
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    long before = liveBytes();
    TransferSpec spec = spec(tasks);
    long input = liveBytes() - before;
    try (AccsynClient client =
        AccsynClient.builder()
            .endpoint(endpoint)
            .workspace("studio")
            .username("pipeline@studio.com")
            .apiKey("bench-key")
            .rateLimit(RateLimit.of(1_000_000, 1_000_000, 8))
            .maxResponseBytes(512L * 1024 * 1024)
            .build()) {
      Transfers transfers = client.transfers();
      System.out.printf(
          Locale.ROOT,
          "heap: -Xmx %d MB (args %s), %d tasks (input %.1f MB live), JVM up %d ms before the"
              + " first call%n",
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          ManagementFactory.getRuntimeMXBean().getInputArguments(),
          tasks,
          input / (1024.0 * 1024.0),
          System.currentTimeMillis() - jvmStart);

      if (loginFirst) {
        Sample login = measure(client::userId);
        System.out.printf(
            Locale.ROOT, "login first: %.1f ms, %.1f MB allocated%n", login.ms, login.mb);
      }
      Sample first = measure(() -> transfers.create(spec));
      System.out.printf(
          Locale.ROOT,
          "create first call: %.1f ms, %.1f MB allocated, body %d bytes%n",
          first.ms,
          first.mb,
          RECEIVED.get());
      report("create warm", warm, () -> transfers.create(spec));

      if (readback) {
        Sample firstRead = measure(() -> transfers.tasks(JOB_ID));
        System.out.printf(
            Locale.ROOT,
            "tasks read back first call: %.1f ms, %.1f MB allocated (%d tasks)%n",
            firstRead.ms,
            firstRead.mb,
            readbackTasks);
        report("tasks read back warm", Math.max(3, warm / 4), () -> transfers.tasks(JOB_ID));
      }
    } finally {
      server.stop(0);
      executor.shutdownNow();
    }
    // The JDK server's dispatcher thread can outlive stop(); nothing else is left to do.
    System.exit(0);
  }

  /** One timed call: wall milliseconds and megabytes allocated outside the server's threads. */
  private record Sample(double ms, double mb) {}

  private static Sample measure(Supplier<?> call) {
    long a0 = clientAllocated();
    long t0 = System.nanoTime();
    Object result = call.get();
    long t1 = System.nanoTime();
    long a1 = clientAllocated();
    check(result);
    return new Sample((t1 - t0) / 1e6, (a1 - a0) / (1024.0 * 1024.0));
  }

  private static void check(Object result) {
    if (result instanceof Transfer t && !t.id().equals(JOB_ID)) {
      throw new IllegalStateException("unexpected job " + t.id());
    }
    if (result instanceof List<?> l && l.size() != readbackTasks) {
      throw new IllegalStateException("read back " + l.size() + " tasks");
    }
  }

  private static void report(String what, int n, Supplier<?> call) {
    double[] ms = new double[n];
    double[] mb = new double[n];
    for (int i = 0; i < n; i++) {
      Sample s = measure(call);
      ms[i] = s.ms;
      mb[i] = s.mb;
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double[] sortedMb = mb.clone();
    Arrays.sort(sortedMb);
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.1f ms, min %.1f ms, max %.1f ms over %d calls; %.1f MB allocated per call"
            + " (median); calls 1-5: %s ms%n",
        what,
        sorted[n / 2],
        sorted[0],
        sorted[n - 1],
        n,
        sortedMb[n / 2],
        Arrays.toString(
            Arrays.stream(Arrays.copyOf(ms, Math.min(5, n)))
                .map(v -> Math.round(v * 10) / 10.0)
                .toArray()));
  }

  /** Bytes allocated so far by every live thread except the server's. */
  private static long clientAllocated() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (java.lang.management.ThreadInfo info :
        threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info == null
          || info.getThreadName().startsWith(SERVER_THREAD)
          || info.getThreadName().startsWith("HTTP-Dispatcher")) {
        continue;
      }
      long b = threads.getThreadAllocatedBytes(info.getThreadId());
      if (b > 0) {
        total += b;
      }
    }
    return total;
  }

  /**
   * A job of {@code n} tasks as a pipeline sends a long frame sequence: one frame per task from the
   * HQ share into the same folder at site {@code la}.
   */
  static TransferSpec spec(int n) {
    List<TaskSpec> list = new ArrayList<>(n);
    AccsynPath into =
        AccsynPath.share("projects", "show", "sh0010", "plates").at(Party.site("la")).intoFolder();
    for (int i = 0; i < n; i++) {
      AccsynPath source =
          AccsynPath.share(
              "projects",
              "show",
              "sh0010",
              "plates",
              String.format(Locale.ROOT, "plate.%07d.exr", i));
      list.add(TaskSpec.of(source, into));
    }
    return TransferSpec.builder().name("plates to la").tasks(list).build();
  }

  /** Bytes in use after a full collection: about the live set. */
  private static long liveBytes() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static void answer(HttpExchange exchange) throws IOException {
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = exchange.getRequestBody()) {
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
      }
    }
    String path = exchange.getRequestURI().getPath();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (path.endsWith("/login")) {
      send(exchange, LOGIN);
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null && query.contains("task/find")) {
      streamTasks(exchange);
      return;
    }
    RECEIVED.set(n);
    send(exchange, CREATED);
  }

  private static void send(HttpExchange exchange, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Writes the task list as it goes, so that the server holds none of it, and cheaply (no {@code
   * String.format}), so that the server's share of the two cores stays small beside the client's.
   */
  private static void streamTasks(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 65536)) {
      writeTasks(out, readbackTasks);
    }
  }

  /** The answer of {@code task/find} for a job of {@code n} tasks. */
  private static void writeTasks(OutputStream out, int n) throws IOException {
    out.write("{\"result\": [".getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder(512);
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      if (i > 0) {
        sb.append(", ");
      }
      String frame = "plate." + zeroPadded(Integer.toString(i), 7) + ".exr";
      sb.append("{\"id\": \"6150")
          .append(zeroPadded(Integer.toHexString(i), 20))
          .append("\", \"uri\": \"")
          .append(i)
          .append("\", \"job\": \"")
          .append(JOB_ID)
          .append("\", \"status\": \"queued\", \"priority\": 500, \"size\": 52428800,")
          .append(" \"progress\": 0, \"source\": \"share=projects/show/sq0/sh0010/plates/v001/")
          .append(frame)
          .append("\", \"destination\": \"site=la:share=projects/show/sq0/sh0010/plates/v001/")
          .append(frame)
          .append("\", \"created\": \"2026-12-06T04:17:00\"}");
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
    out.write("]}".getBytes(StandardCharsets.US_ASCII));
  }

  private static String zeroPadded(String digits, int width) {
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
