package io.pipelinekit.accsyn.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;

/**
 * Cancels a call that runs on its caller's thread once that thread is interrupted, as cancelling
 * the future of an asynchronous call does: a blocking socket read does not notice an interrupt by
 * itself. One daemon thread looks every {@value #PERIOD_MS} ms while such calls run and ends when
 * none has run for a second.
 */
final class InterruptWatch {
  static final long PERIOD_MS = 50;
  private static final long IDLE_MS = 1000;

  private static final Set<Watched> CALLS = ConcurrentHashMap.newKeySet();
  private static final Object LOCK = new Object();
  private static boolean running;

  private InterruptWatch() {}

  /** A call and the thread that waits for it; {@link #close} ends the watch. */
  static final class Watched implements AutoCloseable {
    private final Thread thread;
    private final Call call;

    private Watched(Thread thread, Call call) {
      this.thread = thread;
      this.call = call;
    }

    @Override
    public void close() {
      CALLS.remove(this);
    }
  }

  /**
   * Watches the current thread while it runs a call.
   *
   * @param call the call to cancel on interrupt
   * @return the watch, to close when the call is over
   */
  static Watched watch(Call call) {
    Watched w = new Watched(Thread.currentThread(), call);
    CALLS.add(w);
    synchronized (LOCK) {
      if (!running) {
        running = true;
        Thread t = new Thread(InterruptWatch::run, "accsyn-client-interrupt-watch");
        t.setDaemon(true);
        t.start();
      }
    }
    return w;
  }

  private static void run() {
    long idleSince = System.nanoTime();
    while (true) {
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        synchronized (LOCK) {
          running = false;
        }
        return;
      }
      for (Watched w : CALLS) {
        if (w.thread.isInterrupted()) {
          w.call.cancel();
        }
      }
      if (!CALLS.isEmpty()) {
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince > IDLE_MS * 1_000_000) {
        synchronized (LOCK) {
          if (CALLS.isEmpty()) {
            running = false;
            return;
          }
        }
      }
    }
  }
}
