package io.pipelinekit.accsyn;

import static io.pipelinekit.accsyn.MockAccsyn.T0;
import static io.pipelinekit.accsyn.MockAccsyn.login;
import static io.pipelinekit.accsyn.MockAccsyn.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.testing.FakeTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A synchronous call sends and reads on the caller's thread; an asynchronous one never blocks it.
 */
class CallerThreadTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime(T0);
  final List<Thread> threads = new CopyOnWriteArrayList<>();

  AccsynClient client() {
    return MockAccsyn.client(server, time)
        .okHttpClient(
            new OkHttpClient.Builder()
                .addInterceptor(
                    chain -> {
                      threads.add(Thread.currentThread());
                      return chain.proceed(chain.request());
                    })
                .build())
        .build();
  }

  @Test
  void aSynchronousCallRunsOnTheCallersThread() {
    login(server, "admin");
    ok(server, "[{\"code\": \"hq\"}]");
    try (AccsynClient c = client()) {
      assertThat(c.find("site")).hasSize(1);
    }
    assertThat(threads).hasSize(2).containsOnly(Thread.currentThread());
  }

  @Test
  void anAsynchronousCallRunsOnOkHttpsThreads() throws Exception {
    login(server, "admin");
    ok(server, "[{\"code\": \"hq\"}]");
    try (AccsynClient c = client()) {
      assertThat(c.async().find(Query.of("site")).get(10, TimeUnit.SECONDS)).hasSize(1);
    }
    assertThat(threads).hasSize(2).doesNotContain(Thread.currentThread());
  }

  @Test
  void interruptingAWaitingCallerEndsTheCall() throws Exception {
    login(server, "admin");
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(30, TimeUnit.SECONDS)
            .body("{\"result\": []}")
            .build());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    try (AccsynClient c = client()) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  c.find("site");
                } catch (Throwable t) {
                  failure.set(t);
                } finally {
                  done.countDown();
                }
              });
      caller.start();
      // The find's request reaching the server means the caller is blocked on its answer.
      server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
      caller.interrupt();
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThatThrownBy(
            () -> {
              throw failure.get();
            })
        .isInstanceOf(AccsynException.class)
        .hasMessageContaining("interrupted");
  }
}
