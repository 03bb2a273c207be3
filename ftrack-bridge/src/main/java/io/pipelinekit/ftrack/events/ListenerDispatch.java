package io.pipelinekit.ftrack.events;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listeners off the WebSocket thread: on one daemon thread owned by the hub (events in arrival
 * order), or on the caller's executor. What a listener throws goes to the error handler.
 */
final class ListenerDispatch {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  private final Executor executor;
  private final ExecutorService owned;
  private final BiConsumer<Event, Throwable> errorHandler;

  ListenerDispatch(Executor callers, BiConsumer<Event, Throwable> errorHandler) {
    if (callers != null) {
      this.executor = callers;
      this.owned = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.owned =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "ftrack-event-dispatch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      this.executor = owned;
    }
    this.errorHandler = errorHandler != null ? errorHandler : ListenerDispatch::logFailure;
  }

  /**
   * Calls a listener with an event.
   *
   * @param stillWanted checked on the dispatch thread; false skips the call (unsubscribed
   *     meanwhile)
   * @param listener the listener
   * @param event the event
   */
  void dispatch(BooleanSupplier stillWanted, EventListener listener, Event event) {
    try {
      executor.execute(
          () -> {
            if (!stillWanted.getAsBoolean()) {
              return;
            }
            try {
              listener.onEvent(event);
            } catch (Throwable t) {
              try {
                errorHandler.accept(event, t);
              } catch (RuntimeException ignored) {
                LOG.warn("the listener error handler failed too", ignored);
              }
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("dropped {}: the dispatcher is shut down", event);
    }
  }

  /**
   * Runs a connection listener callback; what it throws is logged.
   *
   * @param r the callback
   */
  void execute(Runnable r) {
    try {
      executor.execute(
          () -> {
            try {
              r.run();
            } catch (RuntimeException e) {
              LOG.warn("a connection listener failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("not run: the dispatcher is shut down");
    }
  }

  /** Stops the owned thread; a caller's executor is left running. */
  void shutdown() {
    if (owned != null) {
      owned.shutdown();
    }
  }

  private static void logFailure(Event event, Throwable t) {
    LOG.warn("an event listener failed on {}; the hub carries on", event, t);
  }
}
