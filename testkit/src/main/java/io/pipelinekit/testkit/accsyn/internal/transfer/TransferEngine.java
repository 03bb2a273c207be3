package io.pipelinekit.testkit.accsyn.internal.transfer;

import io.pipelinekit.testkit.accsyn.TransferSpeed;
import io.pipelinekit.testkit.accsyn.internal.faults.FaultPlan;
import io.pipelinekit.testkit.accsyn.internal.state.Entity;
import io.pipelinekit.testkit.accsyn.internal.state.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued tasks: picks the highest-priority runnable task, copies its files to a temporary file
 * beside the target (throttled when a speed is set), verifies the copy by SHA-256 against the
 * source, then renames it into place. Progress, speed and ETR are written to the job while bytes
 * move. Pausing, aborting or holding a task stops its copy between chunks.
 *
 * <p>With worker threads it runs by itself; in manual mode nothing runs until {@link #runPending()}
 * is called, which makes tests fully repeatable.
 */
public final class TransferEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransferEngine.class);
  private static final Set<String> RUNNABLE_JOBS = Set.of("waiting", "running");

  private final Store store;
  private final FaultPlan faults;
  private final TransferSpeed speed;
  private final int workers;
  private final boolean manual;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A task being copied; {@code stopAs} set means "stop and leave the task in this status". */
  private static final class Running {
    volatile String stopAs;
  }

  /**
   * Creates an engine.
   *
   * @param workers worker threads (ignored in manual mode)
   * @param manual whether tasks only run on {@link #runPending()}
   */
  public TransferEngine(
      Store store, FaultPlan faults, TransferSpeed speed, int workers, boolean manual) {
    this.store = store;
    this.faults = faults;
    this.speed = speed;
    this.workers = workers;
    this.manual = manual;
  }

  /** Starts the worker threads (daemon threads, so a forgotten fake never blocks JVM exit). */
  public void start() {
    if (manual) {
      return;
    }
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(this::workLoop, "fake-accsyn-transfer-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Nudges idle workers (they also wake on any state change). */
  public void wake() {
    // Workers wait on the store's change condition, which every write signals.
  }

  /**
   * Stops a task if it is executing, leaving it in {@code status}; otherwise sets nothing. Call
   * under the store lock.
   */
  public void stop(Entity task, String status) {
    Running r = running.get(task.id());
    if (r != null) {
      r.stopAs = status;
    }
  }

  /** Manual mode: runs every runnable task on the calling thread; returns how many ran. */
  public int runPending() {
    int n = 0;
    Optional<Entity> next;
    while ((next = store.write(this::claim)).isPresent()) {
      execute(next.get());
      n++;
    }
    return n;
  }

  private void workLoop() {
    while (!closed.get()) {
      try {
        Optional<Entity> task = store.write(this::claim);
        if (task.isPresent()) {
          execute(task.get());
        } else {
          store.await(() -> closed.get() || hasRunnable(), 200, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Fake accsyn transfer worker failed", e);
      }
    }
  }

  private boolean hasRunnable() {
    return !candidates().isEmpty();
  }

  private List<Entity> candidates() {
    List<Entity> out = new ArrayList<>();
    for (Entity t : store.all("task")) {
      if (!"queued".equals(t.str("status")) || running.containsKey(t.id())) {
        continue;
      }
      Optional<Entity> job = store.byId(t.str("job"));
      if (job.isPresent()
          && job.get().type().equals("transfer")
          && !job.get().archived()
          && RUNNABLE_JOBS.contains(job.get().str("status"))) {
        out.add(t);
      }
    }
    out.sort(
        Comparator.comparingLong((Entity t) -> -JobStatus.number(t.fields().get("priority")))
            .thenComparingLong(
                t ->
                    -JobStatus.number(
                        store.byId(t.str("job")).orElseThrow().fields().get("priority")))
            .thenComparing(t -> store.byId(t.str("job")).orElseThrow().str("created"))
            .thenComparing(t -> t.str("job"))
            .thenComparingLong(t -> Long.parseLong(t.str("uri"))));
    return out;
  }

  private Optional<Entity> claim() {
    List<Entity> c = candidates();
    if (c.isEmpty()) {
      return Optional.empty();
    }
    Entity task = c.get(0);
    running.put(task.id(), new Running());
    store.dispatched().add(task.id());
    task.put("status", "booting").put("_bytes", 0L);
    Entity job = store.byId(task.str("job")).orElseThrow();
    JobStatus.recompute(store, job);
    return Optional.of(task);
  }

  private void execute(Entity task) {
    Running handle = running.get(task.id());
    long started = System.nanoTime();
    String outcome;
    String error = null;
    try {
      CopyPlan plan = store.read(() -> (CopyPlan) task.fields().get("_plan"));
      String srcPath =
          store.read(
              () ->
                  String.valueOf(((Map<?, ?>) task.fields().get("source")).get("path_abs_final")));
      Optional<Boolean> fault = faults.taskFault(srcPath);
      if (fault.isPresent() && !fault.get()) {
        throw new TaskFailure(
            "E#J005 Could not read file|An internal error occurred when reading '"
                + srcPath
                + "' from disk at server: injected fault");
      }
      if (!plan.sourceExists()) {
        throw new TaskFailure("E#J001 File or directory not found at server|client: " + srcPath);
      }
      List<CopyPlan.FileCopy> files = plan.files();
      store.write(
          () -> {
            if (handle.stopAs == null) {
              task.put("status", "executing");
            }
          });
      long total = 0;
      for (CopyPlan.FileCopy f : files) {
        if (!Files.isRegularFile(f.from())) {
          throw new TaskFailure(
              "E#J001 File or directory not found at server|client: " + f.from().getFileName());
        }
        total += Files.size(f.from());
      }
      long size = total;
      store.write(() -> task.put("size", size));
      long[] done = {0};
      for (CopyPlan.FileCopy f : files) {
        if (!copy(task, handle, f, done, started, fault.orElse(false))) {
          break;
        }
      }
      outcome = handle.stopAs == null ? "done" : handle.stopAs;
    } catch (TaskFailure e) {
      outcome = "failed";
      error = e.getMessage();
    } catch (IOException | RuntimeException e) {
      if (e instanceof RuntimeException) {
        LOG.error("Fake accsyn transfer of task {} failed inside the fake", task.id(), e);
      }
      outcome = "failed";
      error = "E#J020 An internal error occured during accsyn transfer: " + e;
    }
    String finalOutcome = outcome;
    String finalError = error;
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    store.write(
        () -> {
          running.remove(task.id());
          task.put("status", finalOutcome).put("error", finalError).put("time", elapsedMs);
          if (finalOutcome.equals("done") || finalOutcome.equals("failed")) {
            task.put("finished", store.now());
          }
          if (!finalOutcome.equals("done")) {
            task.put("_bytes", 0L);
          }
          store.byId(task.str("job")).ifPresent(job -> JobStatus.recompute(store, job));
        });
  }

  /** Copies one file; returns false when the task was stopped. */
  private boolean copy(
      Entity task, Running handle, CopyPlan.FileCopy f, long[] done, long started, boolean corrupt)
      throws IOException {
    Path target = f.to();
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling("." + target.getFileName() + "." + task.id() + ".part");
    MessageDigest sourceDigest = sha256();
    long limit = speed.limit();
    int chunk = limit > 0 ? (int) Math.max(1024, Math.min(65536, limit / 20)) : 65536;
    byte[] buf = new byte[chunk];
    boolean first = true;
    try (InputStream in = Files.newInputStream(f.from());
        OutputStream out = Files.newOutputStream(part)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (handle.stopAs != null) {
          break;
        }
        sourceDigest.update(buf, 0, n);
        if (corrupt && first) {
          buf[0] = (byte) ~buf[0];
        }
        first = false;
        out.write(buf, 0, n);
        done[0] += n;
        throttle(done[0], started, handle);
        progress(task, done[0], started);
      }
    }
    if (handle.stopAs != null) {
      Files.deleteIfExists(part);
      return false;
    }
    byte[] expected = sourceDigest.digest();
    byte[] actual = digest(part);
    if (!MessageDigest.isEqual(expected, actual)) {
      Files.deleteIfExists(part);
      throw new TaskFailure(
          "E#J054 Could not verify "
              + target.getFileName()
              + ": checksum "
              + HexFormat.of().formatHex(actual)
              + " != "
              + HexFormat.of().formatHex(expected));
    }
    try {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  private void throttle(long bytes, long started, Running handle) {
    long limit = speed.limit();
    if (limit <= 0) {
      return;
    }
    long due = started + bytes * 1_000_000_000L / limit;
    long wait;
    while ((wait = due - System.nanoTime()) > 0 && handle.stopAs == null && !closed.get()) {
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(20)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void progress(Entity task, long bytes, long started) {
    store.write(
        () -> {
          task.put("_bytes", bytes);
          Optional<Entity> job = store.byId(task.str("job"));
          if (job.isEmpty()) {
            return;
          }
          JobStatus.recompute(store, job.get());
          double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
          double bytesPerSecond = bytes / seconds;
          job.get().put("speed", Math.round(bytesPerSecond / (1024 * 1024) * 100) / 100.0);
          long size = JobStatus.number(job.get().fields().get("size"));
          long left =
              Math.max(
                  0, size * (100 - JobStatus.number(job.get().fields().get("progress"))) / 100);
          long etr = bytesPerSecond > 0 ? (long) Math.ceil(left / bytesPerSecond) : 0;
          job.get()
              .put("etr", String.format("%dh:%02dm:%02ds", etr / 3600, etr / 60 % 60, etr % 60));
        });
  }

  private static byte[] digest(Path p) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[65536];
    try (InputStream in = Files.newInputStream(p)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return md.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the workers and waits (bounded) for them to end. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    store.write(
        () -> {
          for (Running r : running.values()) {
            r.stopAs = "queued";
          }
        });
    for (Thread t : threads) {
      t.interrupt();
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A task failure with an accsyn error code. */
  private static final class TaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskFailure(String message) {
      super(message);
    }
  }
}
