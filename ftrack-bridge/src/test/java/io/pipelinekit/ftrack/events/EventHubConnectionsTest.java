package io.pipelinekit.ftrack.events;

import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.hub.FakeEventHub;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Reconnections give every HTTP connection back to the pool. A connection still held by a forgotten
 * call is what OkHttp later reports as "leaked", and each one is a socket and a file descriptor a
 * months-long listener would accumulate.
 */
class EventHubConnectionsTest {
  @Test
  void reconnectionsLeaveOnlyTheLiveConnectionInUse() {
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient callers = new OkHttpClient.Builder().connectionPool(pool).build();
    try (FakeFtrack fake = FakeFtrack.builder().build()) {
      FakeEventHub server = fake.eventHub().heartbeatInterval(Duration.ofMillis(100));
      try (EventHub h = EventHubFakeTest.fastHub(fake).okHttpClient(callers).build()) {
        h.connect().awaitConnected(EventHubFakeTest.WAIT);
        for (int i = 1; i <= 10; i++) {
          long before = h.connectionCount();
          server.dropAllConnections();
          Await.until(
              "reconnection " + i, EventHubFakeTest.WAIT, () -> h.connectionCount() > before);
        }
        Await.until(
            () -> "at most the live WebSocket in use, but " + inUse(pool) + " are",
            EventHubFakeTest.WAIT,
            () -> inUse(pool) <= 1);
      }
      Await.until(
          () -> "no connection in use after close, but " + inUse(pool) + " are",
          EventHubFakeTest.WAIT,
          () -> inUse(pool) == 0);
    } finally {
      callers.dispatcher().executorService().shutdown();
      pool.evictAll();
    }
  }

  private static int inUse(ConnectionPool pool) {
    return pool.connectionCount() - pool.idleConnectionCount();
  }
}
