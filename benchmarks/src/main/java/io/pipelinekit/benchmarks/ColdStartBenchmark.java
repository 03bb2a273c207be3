package io.pipelinekit.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.pipelinekit.ftrack.events.EventHub;
import io.pipelinekit.ftrack.events.actions.Action;
import io.pipelinekit.ftrack.events.actions.ActionHandler;
import io.pipelinekit.ftrack.events.actions.ActionRequest;
import io.pipelinekit.ftrack.events.actions.ActionResponse;
import io.pipelinekit.ftrack.events.actions.ActionService;
import io.pipelinekit.ftrack.events.actions.SelectedEntity;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.hub.WebUi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cold starts of the command-line tool as Jenkins jobs and DCC hooks meet them: every run is a
 * fresh process, started with {@link ProcessBuilder}, once with {@code java -jar} and once through
 * the distribution's launcher (which adds the class-data-sharing archive), interleaved so that both
 * see the same load.
 *
 * <ul>
 *   <li>{@code help}: wall time of {@code --help}, process start to exit, and peak RSS;
 *   <li>{@code send}: time from process start until the first HTTP request reaches a canned server
 *       in this process (it answers 401, so the command then exits), wall time and peak RSS;
 *   <li>{@code listen}: a fresh {@code listen} process against testkit's fake ftrack in this
 *       process (warmed up first by an in-process listener, so only the fresh process is cold):
 *       time until it logs that it listens, then its first {@code rounds} discover-to-reply round
 *       trips from the fake's played web UI, back to back; p50 and p90 over all processes.
 * </ul>
 *
 * <p>Peak RSS and CPU time (user and system, which a loaded machine inflates less than wall time)
 * come from {@code /usr/bin/time} where it exists (its fork and exec, about a millisecond, is then
 * inside the wall time); the listener's peak RSS from {@code VmHWM} in {@code /proc}.
 *
 * <pre>
 * mvn -B -ntp -q package -pl examples,benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.pipelinekit.benchmarks.ColdStartBenchmark runs=7
 * </pre>
 *
 * Arguments ({@code key=value}): {@code runs} (7), {@code only} ({@code help,send,listen}), {@code
 * rounds} (30), {@code verbose} ({@code false}; true prints each listener's round trips), {@code
 * settle} (0: ms between the listener being ready and the first discover), {@code gap} (0: ms
 * between discovers), {@code jar} ({@code examples/target/pipelinekit-examples.jar}), {@code
 * launcher} ({@code examples/target/pipelinekit-examples/bin/pipelinekit-examples}; skipped when
 * missing), {@code opts} (JVM options: adds the variant {@code launcher+}, the launcher with {@code
 * PIPELINEKIT_JAVA_OPTS} set to them), {@code baseline} (another jar, for example an older build:
 * adds the variant {@code baseline}, {@code java -jar} of it).
 */
public final class ColdStartBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String VERSION_ID = "5f1c0f0e-0000-4000-8000-000000000001";
  private static final List<Map<String, Object>> SELECTION =
      List.of(WebUi.selected("assetversion", VERSION_ID));

  /** The listener serves two actions, each with its own discover subscription. */
  private static final int DISCOVER_SUBSCRIPTIONS = 2;

  private static final Path TIME = Path.of("/usr/bin/time");

  private final int runs;
  private final int rounds;
  private final boolean verbose;
  private final long settleMs;
  private final long gapMs;
  private final Map<String, List<String>> variants = new LinkedHashMap<>();
  private final Path workDir;

  private ColdStartBenchmark(Map<String, String> options) throws IOException {
    runs = Integer.parseInt(options.getOrDefault("runs", "7"));
    rounds = Integer.parseInt(options.getOrDefault("rounds", "30"));
    verbose = Boolean.parseBoolean(options.getOrDefault("verbose", "false"));
    settleMs = Long.parseLong(options.getOrDefault("settle", "0"));
    gapMs = Long.parseLong(options.getOrDefault("gap", "0"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Path.of(options.getOrDefault("jar", "examples/target/pipelinekit-examples.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " not found: build it with mvn package first");
    }
    variants.put("java -jar", List.of(java, "-jar", jar.toAbsolutePath().toString()));
    Path launcher =
        Path.of(
            options.getOrDefault(
                "launcher", "examples/target/pipelinekit-examples/bin/pipelinekit-examples"));
    if (Files.isRegularFile(launcher)) {
      variants.put("launcher", List.of("sh", launcher.toAbsolutePath().toString()));
      if (options.containsKey("opts")) {
        variants.put(
            "launcher+",
            List.of(
                "env",
                "PIPELINEKIT_JAVA_OPTS=" + options.get("opts"),
                "sh",
                launcher.toAbsolutePath().toString()));
      }
    }
    if (options.containsKey("baseline")) {
      variants.put(
          "baseline",
          List.of(java, "-jar", Path.of(options.get("baseline")).toAbsolutePath().toString()));
    }
    workDir = Files.createTempDirectory("pipelinekit-cold-start");
  }

  /**
   * Runs the scenarios.
   *
   * @param args {@code key=value} options, see the class comment
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String a : args) {
      String[] kv = a.split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    ColdStartBenchmark b = new ColdStartBenchmark(options);
    List<String> only = Arrays.asList(options.getOrDefault("only", "help,send,listen").split(","));
    System.out.printf(
        Locale.ROOT,
        "cores %d, load average %.2f, %s %s, %d runs per variant%n",
        Runtime.getRuntime().availableProcessors(),
        load(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        b.runs);
    if (only.contains("help")) {
      b.help();
    }
    if (only.contains("send")) {
      b.send();
    }
    if (only.contains("listen")) {
      b.listen();
    }
    System.out.printf(Locale.ROOT, "load average at the end %.2f%n", load());
  }

  private void help() throws Exception {
    Map<String, Samples> wall = samples();
    Map<String, Samples> cpu = samples();
    Map<String, Samples> rss = samples();
    for (int i = 0; i < runs; i++) {
      for (Map.Entry<String, List<String>> v : variants.entrySet()) {
        Run r = start(v.getValue(), List.of("--help"), Map.of(), true);
        int code = r.process.waitFor();
        long end = System.nanoTime();
        check(code == 0, v.getKey() + " --help exited " + code);
        wall.get(v.getKey()).add((end - r.start) / 1e6);
        r.cpuMs().ifPresent(cpu.get(v.getKey())::add);
        r.peakRssMb().ifPresent(rss.get(v.getKey())::add);
      }
    }
    System.out.println("\n--help: wall ms, peak RSS MB");
    variants.keySet().forEach(k -> System.out.println(line(k, wall.get(k), rss.get(k))));
    System.out.println("--help: CPU ms (user + system)");
    variants.keySet().forEach(k -> System.out.println(line(k, cpu.get(k), null)));
  }

  private void send() throws Exception {
    AtomicLong firstRequest = new AtomicLong();
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          firstRequest.compareAndSet(0, System.nanoTime());
          byte[] body = "{\"message\":\"invalid credentials\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      // The server's own first request is not the process's: warm it up.
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url + "/warm")).build(),
              HttpResponse.BodyHandlers.discarding());
      Map<String, String> env =
          Map.of(
              "ACCSYN_WORKSPACE", "bench",
              "ACCSYN_API_USER", "bench@example.com",
              "ACCSYN_API_KEY", "bench-key",
              "FTRACK_SERVER", url,
              "FTRACK_API_USER", "bench",
              "FTRACK_API_KEY", "bench-key");
      List<String> args =
          List.of(
              "send",
              "--asset-version",
              VERSION_ID,
              "--from",
              "hq",
              "--to",
              "la",
              "--accsyn-endpoint",
              url,
              "--json");
      Map<String, Samples> first = samples();
      Map<String, Samples> wall = samples();
      Map<String, Samples> cpu = samples();
      Map<String, Samples> rss = samples();
      for (int i = 0; i < runs; i++) {
        for (Map.Entry<String, List<String>> v : variants.entrySet()) {
          firstRequest.set(0);
          Run r = start(v.getValue(), args, env, true);
          int code = r.process.waitFor();
          long end = System.nanoTime();
          check(firstRequest.get() != 0, v.getKey() + " send made no request (exit " + code + ")");
          check(code != 0, v.getKey() + " send succeeded against a server that refuses every key");
          first.get(v.getKey()).add((firstRequest.get() - r.start) / 1e6);
          wall.get(v.getKey()).add((end - r.start) / 1e6);
          r.cpuMs().ifPresent(cpu.get(v.getKey())::add);
          r.peakRssMb().ifPresent(rss.get(v.getKey())::add);
        }
      }
      System.out.println("\nsend: ms until the first HTTP request arrives");
      variants.keySet().forEach(k -> System.out.println(line(k, first.get(k), null)));
      System.out.println("send: wall ms to exit (refused key), peak RSS MB");
      variants.keySet().forEach(k -> System.out.println(line(k, wall.get(k), rss.get(k))));
      System.out.println("send: CPU ms to exit (user + system)");
      variants.keySet().forEach(k -> System.out.println(line(k, cpu.get(k), null)));
    } finally {
      server.stop(0);
    }
  }

  private void listen() throws Exception {
    try (FakeFtrack fake = FakeFtrack.builder().build();
        FakeAccsyn accsyn = FakeAccsyn.builder().build()) {
      WebUi ui = fake.eventHub().webUi(fake.apiUserId(), fake.apiUser());
      warmUp(fake, ui);
      Credentials admin = accsyn.adminCredentials();
      Map<String, String> env = new LinkedHashMap<>(fake.environment());
      env.put("ACCSYN_WORKSPACE", admin.workspace());
      env.put("ACCSYN_API_USER", admin.username());
      env.put("ACCSYN_API_KEY", admin.apiKey());
      List<String> args =
          List.of("listen", "--from", "hq", "--accsyn-endpoint", admin.baseUrl().toString());
      Map<String, Samples> ready = samples();
      Map<String, Samples> trips = samples();
      Map<String, Samples> firstTrip = samples();
      Map<String, Samples> rss = samples();
      for (int i = 0; i < runs; i++) {
        for (Map.Entry<String, List<String>> v : variants.entrySet()) {
          awaitNoListener(fake);
          Run r = start(v.getValue(), args, env, false);
          try {
            awaitLine(r.process, "listening on");
            awaitListener(fake, DISCOVER_SUBSCRIPTIONS);
            ready.get(v.getKey()).add((System.nanoTime() - r.start) / 1e6);
            Thread.sleep(settleMs);
            for (int n = 0; n < rounds; n++) {
              if (n > 0) {
                Thread.sleep(gapMs);
              }
              long t0 = System.nanoTime();
              String id = ui.discover(SELECTION);
              List<Map<String, Object>> items = ui.awaitItems(id, 1, TIMEOUT);
              double ms = (System.nanoTime() - t0) / 1e6;
              check(!items.isEmpty(), "the listener offered no action");
              trips.get(v.getKey()).add(ms);
              if (n == 0) {
                firstTrip.get(v.getKey()).add(ms);
              }
            }
            if (verbose) {
              System.out.printf(
                  Locale.ROOT,
                  "  %s process %d: %s%n",
                  v.getKey(),
                  i + 1,
                  trips.get(v.getKey()).last(rounds));
            }
            vmHwmMb(r.process.pid()).ifPresent(rss.get(v.getKey())::add);
          } finally {
            r.process.destroy();
            if (!r.process.waitFor(30, TimeUnit.SECONDS)) {
              r.process.destroyForcibly();
            }
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%nlisten: ms from start until it listens, peak RSS MB (after %d rounds)%n",
          rounds);
      System.out.printf(
          Locale.ROOT,
          "listen: first discover %d ms after that, then one every %d ms%n",
          settleMs,
          gapMs);
      variants.keySet().forEach(k -> System.out.println(line(k, ready.get(k), rss.get(k))));
      System.out.printf(
          Locale.ROOT,
          "listen: first %d discover-to-reply round trips of each process, ms%n",
          rounds);
      variants.keySet().forEach(k -> System.out.println(line(k, trips.get(k), null)));
      System.out.println("listen: the very first round trip of each process, ms");
      variants.keySet().forEach(k -> System.out.println(line(k, firstTrip.get(k), null)));
    }
  }

  /** Warms the fake's routing and the played web UI with an in-process listener. */
  private static void warmUp(FakeFtrack fake, WebUi ui) {
    try (EventHub hub = EventHub.builder().fromEnvironment(fake.environment()).build()) {
      ActionService.builder(hub)
          .build()
          .register(
              new ActionHandler() {
                @Override
                public Action action() {
                  return Action.builder()
                      .identifier("bench.warm")
                      .label("Warm")
                      .appliesTo(SelectedEntity.Kind.VERSION)
                      .build();
                }

                @Override
                public ActionResponse launch(ActionRequest request) {
                  return ActionResponse.success("ok");
                }
              });
      hub.connect().awaitConnected(TIMEOUT);
      awaitListener(fake, 1);
      for (int i = 0; i < 2_000; i++) {
        ui.awaitItems(ui.discover(SELECTION), 1, TIMEOUT);
      }
    }
  }

  private static void awaitNoListener(FakeFtrack fake) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (fake.eventHub().subscriptions().stream()
        .anyMatch(s -> s.startsWith("topic=ftrack.action.discover"))) {
      check(System.nanoTime() < deadline, "a listener is still subscribed");
      Thread.sleep(10);
    }
  }

  /** Waits until a listener's discover subscriptions are live on the hub. */
  private static void awaitListener(FakeFtrack fake, int subscriptions) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (fake.eventHub().subscriptions().stream()
            .filter(s -> s.startsWith("topic=ftrack.action.discover"))
            .count()
        < subscriptions) {
      check(
          System.nanoTime() < deadline,
          "no listener subscribed: " + fake.eventHub().subscriptions());
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Reads the process's stderr until a line contains {@code text}, then drains it. */
  private static void awaitLine(Process p, String text) throws Exception {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<Void> seen = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                List<String> lines = new ArrayList<>();
                for (String l; (l = err.readLine()) != null; ) {
                  if (lines.size() < 50) {
                    lines.add(l);
                  }
                  if (l.contains(text)) {
                    seen.complete(null);
                  }
                }
                seen.completeExceptionally(
                    new IllegalStateException("exited before '" + text + "': " + lines));
              } catch (IOException e) {
                seen.completeExceptionally(e);
              }
            },
            "listen-stderr");
    reader.setDaemon(true);
    reader.start();
    seen.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Run start(List<String> command, List<String> args, Map<String, String> env, boolean time)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    Path timeFile = null;
    if (time && Files.isExecutable(TIME)) {
      timeFile = Files.createTempFile(workDir, "time", ".txt");
      cmd.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", timeFile.toString()));
    }
    cmd.addAll(command);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ACCSYN_") || k.startsWith("FTRACK_"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (time) {
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    long start = System.nanoTime();
    return new Run(pb.start(), start, timeFile);
  }

  private record Run(Process process, long start, Path timeFile) {
    /** Peak RSS in MB, from {@code /usr/bin/time}'s {@code %M}. */
    java.util.OptionalDouble peakRssMb() {
      return field(0, 1024.0);
    }

    /** CPU time (user and system) in ms, from {@code /usr/bin/time}'s {@code %U %S}. */
    java.util.OptionalDouble cpuMs() {
      java.util.OptionalDouble user = field(1, 0.001);
      java.util.OptionalDouble system = field(2, 0.001);
      return user.isPresent() && system.isPresent()
          ? java.util.OptionalDouble.of(user.getAsDouble() + system.getAsDouble())
          : java.util.OptionalDouble.empty();
    }

    private java.util.OptionalDouble field(int index, double divisor) {
      if (timeFile == null) {
        return java.util.OptionalDouble.empty();
      }
      try {
        List<String> lines = Files.readAllLines(timeFile);
        String[] last =
            lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split(" ");
        return last.length == 3 && last[index].matches("[0-9.]+")
            ? java.util.OptionalDouble.of(Double.parseDouble(last[index]) / divisor)
            : java.util.OptionalDouble.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static java.util.OptionalDouble vmHwmMb(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (l.startsWith("VmHWM:")) {
          return java.util.OptionalDouble.of(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return java.util.OptionalDouble.empty();
  }

  private Map<String, Samples> samples() {
    Map<String, Samples> m = new LinkedHashMap<>();
    variants.keySet().forEach(k -> m.put(k, new Samples()));
    return m;
  }

  private static String line(String variant, Samples values, Samples rss) {
    String s =
        String.format(
            Locale.ROOT,
            "  %-10s n=%3d  p50 %8.1f  p90 %8.1f  min %8.1f  max %8.1f",
            variant,
            values.size(),
            values.percentile(50),
            values.percentile(90),
            values.percentile(0),
            values.percentile(100));
    if (rss != null && rss.size() > 0) {
      s +=
          String.format(
              Locale.ROOT,
              "  | RSS p50 %.0f MB max %.0f MB",
              rss.percentile(50),
              rss.percentile(100));
    }
    return s;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  /** Values in milliseconds or megabytes, with nearest-rank percentiles. */
  private static final class Samples {
    private final List<Double> values = new ArrayList<>();

    void add(double v) {
      values.add(v);
    }

    int size() {
      return values.size();
    }

    String last(int n) {
      StringBuilder b = new StringBuilder();
      for (double v : values.subList(Math.max(0, values.size() - n), values.size())) {
        b.append(String.format(Locale.ROOT, "%.1f ", v));
      }
      return b.toString().trim();
    }

    double percentile(int p) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(null);
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
  }
}
