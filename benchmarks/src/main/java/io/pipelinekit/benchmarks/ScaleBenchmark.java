package io.pipelinekit.benchmarks;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.flows.Distribution;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.ReviewDistributeFlow;
import io.pipelinekit.flows.ReviewRequest;
import io.pipelinekit.flows.SendFlow;
import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.SetupFlow;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.TransferResult;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The flows at growing sizes on the embedded fakes, as the pipeline's employee account runs them: a
 * send of one version with five sequences, a send of a whole project, and a review distribution
 * on-prem and through the cloud. Each run starts fresh fakes, prints wall time, its phases, the
 * requests each fake served and the sampled peak of the used heap (garbage included; for the live
 * set, run with a smaller {@code -Xmx} or take {@code jmap -histo:live} during a run), and checks
 * the outcome (every file byte-identical at the destination, every component and sequence member
 * registered).
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar io.pipelinekit.benchmarks.ScaleBenchmark \
 *     send=1000,10000 project=10,100 review=2,20
 * </pre>
 *
 * <p>Files are 16 bytes each: the benchmark measures the flow, not the disk.
 */
public final class ScaleBenchmark {
  private static final int FILE_BYTES = 16;
  private static final int SEQUENCES = 5;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private ScaleBenchmark() {}

  /**
   * Runs the scenarios named in the arguments.
   *
   * @param args {@code send=<frames,...>}, {@code project=<versions,...>}, {@code
   *     review=<invitees,...>}; all three at small sizes when empty
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    List<String> todo =
        args.length == 0 ? List.of("send=1000", "project=10", "review=2") : List.of(args);
    System.out.printf(
        Locale.ROOT,
        "cores %d, max heap %d MB, load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(Result.HEADER);
    for (String arg : todo) {
      String[] kv = arg.split("=", 2);
      for (String size : kv[1].split(",")) {
        int n = Integer.parseInt(size.trim());
        switch (kv[0]) {
          case "send" -> System.out.println(send(n));
          case "project" -> System.out.println(project(n));
          case "latency" -> latency(n);
          case "review" -> {
            System.out.println(review(n, ReviewRequest.Mode.ON_PREM));
            System.out.println(review(n, ReviewRequest.Mode.CLOUD));
          }
          default -> throw new IllegalArgumentException("unknown scenario " + kv[0]);
        }
      }
    }
  }

  /** One line of the table. */
  record Result(
      String scenario,
      int size,
      double seedSeconds,
      double flowSeconds,
      double cpuSeconds,
      double resolve,
      double submit,
      double transfer,
      double notice,
      double register,
      long ftrackRequests,
      long ftrackRegisterRequests,
      long accsynRequests,
      long peakHeapMb,
      String check) {
    static final String HEADER =
        String.format(
            Locale.ROOT,
            "%-16s %7s %7s %7s %7s %7s %7s %8s %7s %8s %7s %7s %7s %6s  %s",
            "scenario",
            "size",
            "seed s",
            "flow s",
            "cpu s",
            "resolve",
            "submit",
            "transfer",
            "notice",
            "register",
            "ftrack",
            "ft.reg",
            "accsyn",
            "heapMB",
            "check");

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-16s %7d %7.2f %7.2f %7.2f %7.2f %7.2f %8.2f %7.2f %8.2f %7d %7d %7d %6d  %s",
          scenario,
          size,
          seedSeconds,
          flowSeconds,
          cpuSeconds,
          resolve,
          submit,
          transfer,
          notice,
          register,
          ftrackRequests,
          ftrackRegisterRequests,
          accsynRequests,
          peakHeapMb,
          check);
    }
  }

  // ------------------------------------------------------------------ scenarios

  /** One version, five sequences, {@code frames} frames in all, sent hq to la. */
  static Result send(int frames) throws Exception {
    try (Bench b = new Bench()) {
      long seedStart = System.nanoTime();
      FtrackFixtures f = b.fakes.ftrack().fixtures();
      String hq = f.locationId("hq");
      String project = f.project("demo");
      String shot = f.shot(f.sequence(project, "sq010"), "sh010");
      String task = f.task(shot, "compositing");
      String version = f.version(f.asset(shot, "comp", f.assetType("comp")), 1, task);
      List<String> relative = new ArrayList<>();
      int perSequence = frames / SEQUENCES;
      for (int s = 0; s < SEQUENCES; s++) {
        int[] range = IntStream.rangeClosed(1, perSequence).toArray();
        String pattern = "demo/sq010/sh010/comp/v001/layer" + s + "/layer" + s + ".%06d.exr";
        FtrackFixtures.SequenceIds seq =
            f.sequenceComponent(version, "layer" + s, ".exr", 6, range);
        f.registerSequence(seq, hq, pattern);
        for (int frame : range) {
          relative.add(pattern.replace("%06d", String.format(Locale.ROOT, "%06d", frame)));
        }
      }
      double seed = seconds(System.nanoTime() - seedStart);
      b.write(relative);
      SendFlow flow = b.send();
      Run run =
          b.measure(
              p ->
                  flow.run(
                      SendRequest.assetVersion(version)
                          .from("hq")
                          .to("la")
                          .timeout(TIMEOUT)
                          .pollInterval(POLL)
                          .build(),
                      p));
      TransferResult r = (TransferResult) run.value;
      String check =
          r.status()
              + ", "
              + b.identical(relative)
              + ", "
              + b.registeredIn("la")
              + "/"
              + (frames + SEQUENCES)
              + " registered";
      return run.result("send frames", frames, seed, check);
    }
  }

  /**
   * The cost of one request on a reused connection to each fake: {@code n} small reads in a row,
   * after a warm-up.
   */
  static void latency(int n) throws Exception {
    try (Bench b = new Bench()) {
      Studio s = b.as(TutorialStudio.PIPELINE);
      // Without the client's own limit (accsyn's published 30 requests a second), which would
      // hide the fake's cost behind 33 ms of waiting per request.
      Credentials c = b.fakes.accsyn().credentials(TutorialStudio.PIPELINE);
      AccsynClient accsyn =
          AccsynClient.builder()
              .endpoint(c.baseUrl())
              .workspace(c.workspace())
              .username(c.username())
              .apiKey(c.apiKey())
              .rateLimit(io.pipelinekit.accsyn.RateLimit.of(1_000_000, 1_000_000, 100))
              .build();
      b.opened.add(accsyn);
      for (int i = 0; i < 50; i++) {
        accsyn.find("user");
        s.ftrack().query(io.pipelinekit.ftrack.Query.select("id", "name").from("Location")).all();
      }
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        accsyn.find("user");
      }
      double accsynMs = (System.nanoTime() - start) / 1e6 / n;
      start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        s.ftrack().query(io.pipelinekit.ftrack.Query.select("id", "name").from("Location")).all();
      }
      double ftrackMs = (System.nanoTime() - start) / 1e6 / n;
      System.out.printf(
          Locale.ROOT,
          "latency: %d requests in a row on a reused connection: accsyn fake %.2f ms, ftrack fake"
              + " %.2f ms per request%n",
          n,
          accsynMs,
          ftrackMs);
    }
  }

  /** A project of {@code versions} versions of three components each, sent hq to la at once. */
  static Result project(int versions) throws Exception {
    try (Bench b = new Bench()) {
      long seedStart = System.nanoTime();
      FtrackFixtures f = b.fakes.ftrack().fixtures();
      String hq = f.locationId("hq");
      String project = f.project("demo");
      String sq = f.sequence(project, "sq010");
      String comp = f.assetType("comp");
      List<String> relative = new ArrayList<>();
      int components = 0;
      for (int v = 0; v < versions; v++) {
        String name = String.format(Locale.ROOT, "sh%04d", v);
        String shot = f.shot(sq, name);
        String version = f.version(f.asset(shot, "comp", comp), 1, f.task(shot, "compositing"));
        String dir = "demo/sq010/" + name + "/comp/v001/";
        for (String file : List.of(name + "_comp_v001.mov", name + "_comp_v001.nk")) {
          String ext = file.substring(file.lastIndexOf('.'));
          f.componentLocation(
              f.fileComponent(version, ext.substring(1), ext, FILE_BYTES), hq, dir + file);
          relative.add(dir + file);
        }
        FtrackFixtures.SequenceIds seq =
            f.sequenceComponent(version, "main", ".exr", 4, 1001, 1002, 1003, 1004);
        f.registerSequence(seq, hq, dir + "main.%04d.exr");
        for (int frame = 1001; frame <= 1004; frame++) {
          relative.add(dir + "main." + frame + ".exr");
        }
        components += 3 + 4;
      }
      double seed = seconds(System.nanoTime() - seedStart);
      b.write(relative);
      SendFlow flow = b.send();
      Run run =
          b.measure(
              p ->
                  flow.run(
                      SendRequest.builder()
                          .select("Project", project)
                          .from("hq")
                          .to("la")
                          .timeout(TIMEOUT)
                          .pollInterval(POLL)
                          .build(),
                      p));
      TransferResult r = (TransferResult) run.value;
      String check =
          r.status()
              + ", "
              + b.identical(relative)
              + ", "
              + b.registeredIn("la")
              + "/"
              + components
              + " registered";
      return run.result("project versions", versions, seed, check);
    }
  }

  /**
   * A review session of ten versions with {@code invitees} invitees: on-prem from hq, cloud from
   * la.
   */
  static Result review(int invitees, ReviewRequest.Mode mode) throws Exception {
    try (Bench b = new Bench()) {
      long seedStart = System.nanoTime();
      FtrackFixtures f = b.fakes.ftrack().fixtures();
      // On-prem deliveries are served by the main site (hq); a cloud upload goes from la.
      String from = mode == ReviewRequest.Mode.CLOUD ? "la" : "hq";
      String at = f.locationId(from);
      String project = f.project("demo");
      String sq = f.sequence(project, "sq010");
      String comp = f.assetType("comp");
      String session = f.reviewSession(project, "Client dailies");
      List<String> relative = new ArrayList<>();
      for (int v = 0; v < 10; v++) {
        String name = String.format(Locale.ROOT, "sh%03d0", v + 1);
        String shot = f.shot(sq, name);
        String version = f.version(f.asset(shot, "comp", comp), 1, f.task(shot, "compositing"));
        String dir = "demo/sq010/" + name + "/comp/v001/";
        String movie = dir + name + "_comp_v001.mov";
        f.componentLocation(f.fileComponent(version, "review", ".mov", FILE_BYTES), at, movie);
        relative.add(movie);
        FtrackFixtures.SequenceIds seq =
            f.sequenceComponent(version, "main", ".exr", 4, 1001, 1002, 1003);
        f.registerSequence(seq, at, dir + "main.%04d.exr");
        for (int frame = 1001; frame <= 1003; frame++) {
          relative.add(dir + "main." + frame + ".exr");
        }
        f.reviewSessionObject(session, version);
      }
      double seed = seconds(System.nanoTime() - seedStart);
      b.write(relative, from);
      try (AccsynClient admin = b.accsyn(TutorialStudio.ADMIN)) {
        for (int i = 0; i < invitees; i++) {
          String email = String.format(Locale.ROOT, "reviewer%03d@client.com", i);
          admin.create("user", Map.of("code", email, "name", "Reviewer " + i));
          f.invitee(session, "Reviewer " + i, email);
        }
      }
      Studio s = b.as(TutorialStudio.PIPELINE);
      ReviewDistributeFlow flow = ReviewDistributeFlow.of(s.accsyn(), s.ftrack(), s.layout());
      ReviewRequest.Builder request =
          ReviewRequest.builder()
              .reviewSession(session)
              .from(from)
              .mode(mode)
              .directory("20261123/dailies")
              .timeout(TIMEOUT)
              .pollInterval(POLL);
      Run run = b.measure(p -> flow.run(request.build(), p));
      Distribution d = (Distribution) run.value;
      long deliveries = d.recipients().stream().mapToLong(r -> r.offers().size()).sum();
      String check =
          (d.succeeded() ? "ok" : "FAILED")
              + ", "
              + d.recipients().size()
              + " recipients, "
              + deliveries
              + " deliveries";
      return run.result(
          "review " + (mode == ReviewRequest.Mode.CLOUD ? "cloud" : "onprem"),
          invitees,
          seed,
          check);
    }
  }

  // ------------------------------------------------------------------ harness

  /** CPU time of the whole process (client, both fakes), which a busy machine does not inflate. */
  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** What a flow returned, with its timings and counts. */
  private static final class Run {
    Object value;
    long start;
    volatile long end;
    long resolved;
    long submitted;
    long transferred;
    volatile long copied;
    long registered;
    long ftrackRequests;
    long ftrackAtTransferred;
    long ftrackAtRegistered;
    long accsynRequests;
    long peakHeap;
    long cpu;

    private double phase(long from, long to) {
      return from == 0 || to == 0 ? 0 : seconds(to - from);
    }

    Result result(String scenario, int size, double seed, String check) {
      return new Result(
          scenario,
          size,
          seed,
          seconds(end - start),
          seconds(cpu),
          phase(start, resolved),
          phase(resolved, submitted),
          phase(submitted, copied == 0 ? transferred : copied),
          copied == 0 ? 0 : phase(copied, transferred),
          phase(transferred, registered),
          ftrackRequests,
          registered == 0 ? 0 : ftrackAtRegistered - ftrackAtTransferred,
          accsynRequests,
          peakHeap >> 20,
          check);
    }
  }

  /** A flow under measurement. */
  @FunctionalInterface
  private interface Flow {
    Object run(FlowProgress progress) throws Exception;
  }

  /** Fresh fakes after setup, with the clients opened on them. */
  private static final class Bench implements AutoCloseable {
    final TutorialStudio fakes = TutorialStudio.start(0);
    final List<AutoCloseable> opened = new ArrayList<>();

    Bench() {
      as(TutorialStudio.ADMIN)
          .setup(
              SetupFlow.Request.of(
                  "demo",
                  List.of("hq", "la"),
                  TutorialStudio.PIPELINE,
                  TutorialStudio.EMPLOYEE,
                  TutorialStudio.VENDOR),
              FlowProgress.NONE);
    }

    Studio as(String person) {
      FtrackSession ftrack = FtrackSession.fromEnvironment(fakes.ftrackEnvironment(person));
      opened.add(ftrack);
      Studio studio = Studio.builder().accsyn(accsyn(person)).ftrack(ftrack).build();
      opened.add(studio);
      return studio;
    }

    AccsynClient accsyn(String person) {
      Credentials c = fakes.accsyn().credentials(person);
      AccsynClient client =
          AccsynClient.builder()
              .endpoint(c.baseUrl())
              .workspace(c.workspace())
              .username(c.username())
              .apiKey(c.apiKey())
              .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build())
              .build();
      opened.add(client);
      return client;
    }

    SendFlow send() {
      Studio s = as(TutorialStudio.PIPELINE);
      return SendFlow.of(s.accsyn(), s.ftrack(), s.layout());
    }

    void write(List<String> relative) {
      write(relative, "hq");
    }

    void write(List<String> relative, String site) {
      Path root = fakes.volumeDir(site);
      byte[] data = new byte[FILE_BYTES];
      int i = 0;
      for (String r : relative) {
        Path file = root.resolve(r);
        data[0] = (byte) i;
        data[1] = (byte) (i >> 8);
        data[2] = (byte) (i >> 16);
        i++;
        try {
          Files.createDirectories(file.getParent());
          Files.write(file, data);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    /** Whether every file at la is byte-identical to its original at hq. */
    String identical(List<String> relative) throws IOException {
      Path hq = fakes.volumeDir("hq");
      Path la = fakes.volumeDir("la");
      int same = 0;
      for (String r : relative) {
        if (Files.exists(la.resolve(r)) && Files.mismatch(hq.resolve(r), la.resolve(r)) == -1) {
          same++;
        }
      }
      return same + "/" + relative.size() + " identical";
    }

    /** How many components (members included) are registered in a location. */
    long registeredIn(String location) {
      String id = fakes.ftrack().fixtures().locationId(location);
      return fakes.ftrack().entities("ComponentLocation").stream()
          .filter(c -> id.equals(c.get("location_id")))
          .count();
    }

    /**
     * Notes when the accsyn fake has copied every file of every job, so that the table can tell the
     * copying apart from the time the flow's watch took to notice (its cadence backs off up to a
     * cap while a transfer runs).
     */
    private void watchCopies(Run run) {
      Thread t =
          new Thread(
              () -> {
                while (run.copied == 0 && run.end == 0) {
                  List<Map<String, Object>> jobs = fakes.accsyn().state().entities("transfer");
                  if (!jobs.isEmpty()
                      && jobs.stream()
                          .allMatch(j -> "done".equals(String.valueOf(j.get("status"))))) {
                    run.copied = System.nanoTime();
                    return;
                  }
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "copy-watch");
      t.setDaemon(true);
      t.start();
    }

    Run measure(Flow flow) throws Exception {
      Run run = new Run();
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
      AtomicBoolean done = new AtomicBoolean();
      Thread sampler =
          new Thread(
              () -> {
                while (!done.get()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      fakes.ftrack().resetRequests();
      fakes.accsyn().clearCalls();
      long accsynBefore = fakes.accsyn().roundTrips();
      sampler.start();
      long cpuBefore = processCpu();
      run.start = System.nanoTime();
      try {
        run.value =
            flow.run(
                new FlowProgress() {
                  @Override
                  public void step(String message) {
                    long now = System.nanoTime();
                    if (message.startsWith("Resolved")) {
                      run.resolved = now;
                    } else if (message.startsWith("Submitted") || message.startsWith("Appended")) {
                      run.submitted = now;
                      watchCopies(run);
                    } else if (message.startsWith("Registered")) {
                      run.registered = now;
                      run.ftrackAtRegistered = fakes.ftrack().requestCount();
                    }
                  }

                  @Override
                  public void transfer(String label, Transfer transfer) {
                    if (transfer.status().isFinal() && run.transferred == 0) {
                      run.transferred = System.nanoTime();
                      run.ftrackAtTransferred = fakes.ftrack().requestCount();
                    }
                  }
                });
      } finally {
        run.end = System.nanoTime();
        run.cpu = processCpu() - cpuBefore;
        done.set(true);
        sampler.join();
      }
      run.peakHeap = peak.get();
      run.ftrackRequests = fakes.ftrack().requestCount();
      run.accsynRequests = fakes.accsyn().roundTrips() - accsynBefore;
      return run;
    }

    @Override
    public void close() throws Exception {
      for (int i = opened.size() - 1; i >= 0; i--) {
        opened.get(i).close();
      }
      fakes.close();
    }
  }
}
