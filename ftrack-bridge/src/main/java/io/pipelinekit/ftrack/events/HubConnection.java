package io.pipelinekit.ftrack.events;

import io.pipelinekit.core.internal.Redactor;
import io.pipelinekit.core.internal.Scheduler;
import java.time.Duration;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One WebSocket connection of the hub and its watchdog, which declares the connection dead when
 * nothing (heartbeats included) has been heard for the heartbeat timeout. Time comes from the hub's
 * {@link Scheduler}.
 */
final class HubConnection extends WebSocketListener {
  /** Where the connection reports to. */
  interface Events {
    /** A text frame arrived. */
    void received(HubConnection c, String text);

    /** The connection is dead for the given reason. */
    void failed(HubConnection c, String reason);
  }

  final long gen;
  final String sid;
  final Duration heartbeatTimeout;
  private final Scheduler scheduler;
  private final Events events;
  private final Redactor redactor;
  volatile WebSocket ws;
  private volatile long lastHeard;
  boolean connected; // guarded by the hub's lock
  boolean failed; // guarded by the hub's lock
  private volatile Scheduler.Cancellable watchdog;

  HubConnection(
      long gen,
      String sid,
      Duration heartbeatTimeout,
      Scheduler scheduler,
      Events events,
      Redactor redactor) {
    this.gen = gen;
    this.sid = sid;
    this.heartbeatTimeout = heartbeatTimeout;
    this.scheduler = scheduler;
    this.events = events;
    this.redactor = redactor;
    this.lastHeard = scheduler.nanoTime();
  }

  void startWatchdog() {
    long period = Math.max(10, Math.min(1000, heartbeatTimeout.toMillis() / 4));
    watchdog =
        scheduler.every(
            () -> {
              if (scheduler.nanoTime() - lastHeard > heartbeatTimeout.toNanos()) {
                events.failed(this, "nothing heard from the server for " + heartbeatTimeout);
              }
            },
            Duration.ofMillis(period));
  }

  void stopWatchdog() {
    Scheduler.Cancellable w = watchdog;
    if (w != null) {
      w.cancel();
    }
  }

  /**
   * Ends the connection now. Cancelling alone would leak the connection when the server's close
   * frame has already ended the reader: OkHttp gives the connection back only once its WebSocket
   * streams close, which takes a close frame written or a failed write. So write one, then cancel.
   */
  void abort() {
    stopWatchdog();
    WebSocket w = ws;
    if (w != null) {
      w.close(1001, "reconnecting");
      w.cancel();
    }
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    lastHeard = scheduler.nanoTime();
    events.received(this, text);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    events.failed(this, "the server closed the WebSocket (" + code + " " + reason + ")");
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    events.failed(this, "the WebSocket closed (" + code + " " + reason + ")");
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    String status = response == null ? "" : " (HTTP " + response.code() + ")";
    events.failed(
        this,
        "the WebSocket failed"
            + status
            + ": "
            + t.getClass().getSimpleName()
            + ": "
            + redactor.redact(String.valueOf(t.getMessage())));
  }
}
