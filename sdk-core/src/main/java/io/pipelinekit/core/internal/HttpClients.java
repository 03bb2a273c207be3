package io.pipelinekit.core.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the clients' OkHttp clients. Every client, created here or derived from a caller's, has
 * OkHttp's redirects off and {@link SafeRedirects} in their place, so no credential leaves the
 * configured host.
 */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A builder for a client the SDK owns: its calls run on daemon threads (a command-line tool exits
   * when its main thread ends), its sockets have Nagle's algorithm off (see {@link
   * NoDelaySocketFactory}), and OkHttp never sends a request again by itself after a connection
   * failure (a create is not idempotent, so every resend decision is the client's).
   *
   * @param threadName the prefix of the call threads' names
   * @param timeout the connect, read and write timeout
   * @return the builder; release the built client with {@link #release}
   */
  public static OkHttpClient.Builder owned(String threadName, Duration timeout) {
    return owned(threadName, timeout, new Dispatcher().getMaxRequests());
  }

  /**
   * Like {@link #owned(String, Duration)}, with a bound on concurrent calls.
   *
   * @param threadName the prefix of the call threads' names
   * @param timeout the connect, read and write timeout
   * @param maxRequests the most calls in flight, in all and per host
   * @return the builder; release the built client with {@link #release}
   */
  public static OkHttpClient.Builder owned(String threadName, Duration timeout, int maxRequests) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(maxRequests);
    dispatcher.setMaxRequestsPerHost(maxRequests);
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .socketFactory(new NoDelaySocketFactory())
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .retryOnConnectionFailure(false);
    return guarded(b);
  }

  /**
   * A builder derived from a caller's client: it shares the caller's pool and threads, with the
   * redirect guard in place of OkHttp's redirects.
   *
   * @param callers the caller's client
   * @return the builder; the built client is the caller's to release
   */
  public static OkHttpClient.Builder derived(OkHttpClient callers) {
    return guarded(callers.newBuilder());
  }

  private static OkHttpClient.Builder guarded(OkHttpClient.Builder b) {
    b.followRedirects(false).followSslRedirects(false);
    if (b.interceptors().stream().noneMatch(i -> i instanceof SafeRedirects)) {
      b.addInterceptor(new SafeRedirects());
    }
    return b;
  }

  /**
   * Stops the threads and closes the idle connections of a client built by {@link #owned}.
   *
   * @param client the client
   */
  public static void release(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
