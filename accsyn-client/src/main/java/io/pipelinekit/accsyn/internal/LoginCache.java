package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Logs in once (after resolving the endpoint) and shares the result with every later call. A failed
 * login is forgotten, so the next call tries again.
 */
final class LoginCache {
  private final Endpoint endpoint;
  private final AccsynHeaders headers;
  private final ErrorMapper errors;
  private final AtomicReference<CompletableFuture<Engine.Login>> login = new AtomicReference<>();
  private Exchanger exchanger;

  LoginCache(Endpoint endpoint, AccsynHeaders headers, ErrorMapper errors) {
    this.endpoint = endpoint;
    this.headers = headers;
    this.errors = errors;
  }

  /** Set once, right after construction: the exchanger asks this cache for the current role. */
  void exchanger(Exchanger exchanger) {
    this.exchanger = exchanger;
  }

  CompletableFuture<Engine.Login> get() {
    while (true) {
      CompletableFuture<Engine.Login> current = login.get();
      if (current != null) {
        return current;
      }
      CompletableFuture<Engine.Login> mine = new CompletableFuture<>();
      if (login.compareAndSet(null, mine)) {
        endpoint
            .resolve(exchanger)
            .thenCompose(this::login)
            .whenComplete(
                (l, e) -> {
                  if (e != null) {
                    login.compareAndSet(mine, null);
                    mine.completeExceptionally(Engine.unwrap(e));
                  } else {
                    mine.complete(l);
                  }
                });
        return mine;
      }
    }
  }

  private CompletableFuture<Engine.Login> login(Endpoint.HostPort hp) {
    HttpUrl url = endpoint.base(hp).newBuilder().addPathSegments("api/v3/api/login").build();
    Request request =
        headers
            .authorized(new Request.Builder().url(url))
            .put(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), null))
            .build();
    // Login only issues a session id, so sending it twice is harmless: treated like a read.
    return exchanger
        .run(new Exchange("login", HttpMethod.PUT, request, "{}", true))
        .thenApply(
            response -> {
              Json result = response.get("result").orElse(Json.nullValue());
              if (!result.isObject()) {
                throw errors.unexpected(
                    "login", 200, "no result in the login answer", response.toJson());
              }
              return new Engine.Login(
                  result.string("role").orElse("none"),
                  result.string("id").orElse(""),
                  result.string("session_id").orElse(null),
                  hp.host(),
                  hp.port());
            });
  }

  /** The role of a completed login, or {@code none}: error messages mention it. */
  String role() {
    CompletableFuture<Engine.Login> l = login.get();
    if (l != null && l.isDone() && !l.isCompletedExceptionally()) {
      return l.join().role();
    }
    return "none";
  }
}
