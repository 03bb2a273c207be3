package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.HttpMethod;
import io.pipelinekit.accsyn.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Where the workspace's API answers: a configured host, or the one the master lookup names; and the
 * base URL of every request there (through an accsyn proxy when one is set, plain http to the
 * development port in dev mode).
 */
final class Endpoint {
  private static final int DEV_PORT = 8181;

  /** A resolved API host and port. */
  record HostPort(String host, int port) {}

  private final EngineConfig config;
  private final AccsynHeaders headers;
  private final ErrorMapper errors;

  Endpoint(EngineConfig config, AccsynHeaders headers, ErrorMapper errors) {
    this.config = config;
    this.headers = headers;
    this.errors = errors;
  }

  /**
   * Resolves the API host, asking the master lookup when no host is configured.
   *
   * @param exchanger sends the lookup
   * @return the host and port
   */
  CompletableFuture<HostPort> resolve(Exchanger exchanger) {
    if (config.lookupUrl() == null) {
      String host = config.apiHost() != null ? config.apiHost() : "127.0.0.1";
      int port =
          config.apiPort() != null
              ? config.apiPort()
              : config.dev() ? DEV_PORT : "http".equals(config.scheme()) ? 80 : 443;
      return CompletableFuture.completedFuture(new HostPort(host, port));
    }
    HttpUrl url = config.lookupUrl();
    if (viaAccsynProxy()) {
      // An accsyn proxy gets every request, the lookup included.
      url =
          url.newBuilder()
              .scheme("http")
              .host(config.proxy().host())
              .port(config.proxy().port())
              .build();
    }
    Map<String, Object> ident = new LinkedHashMap<>();
    ident.put("ident", config.workspace());
    String text = PyJson.write(ident);
    HttpUrl full = url.newBuilder().encodedQuery(PyQuote.quote(text)).build();
    Request request = headers.anonymous(new Request.Builder().url(full).get()).build();
    return exchanger
        .run(new Exchange("lookup", HttpMethod.GET, request, text, true))
        .thenApply(this::hostPort);
  }

  private HostPort hostPort(Json response) {
    Json result = response.get("result").orElse(Json.nullValue());
    Optional<String> host = result.string("hostname").filter(h -> !h.isBlank());
    if (host.isEmpty()) {
      throw errors.unexpected(
          "lookup",
          200,
          "no API endpoint hostname for workspace "
              + config.workspace()
              + " in the master lookup answer",
          response.toJson());
    }
    int port =
        config.apiPort() != null
            ? config.apiPort()
            : result.integer("port").map(Long::intValue).orElse(443);
    return new HostPort(host.get(), port);
  }

  /**
   * The base URL of API requests to a host.
   *
   * @param hp the resolved host
   * @return scheme, host and port
   */
  HttpUrl base(HostPort hp) {
    if (viaAccsynProxy()) {
      return proxy();
    }
    if (config.dev()) {
      return new HttpUrl.Builder().scheme("http").host(hp.host()).port(DEV_PORT).build();
    }
    return new HttpUrl.Builder().scheme(config.scheme()).host(hp.host()).port(hp.port()).build();
  }

  private boolean viaAccsynProxy() {
    return config.proxy() != null && config.proxy().kind() == ProxySetting.Kind.ACCSYN;
  }

  private HttpUrl proxy() {
    return new HttpUrl.Builder()
        .scheme("http")
        .host(config.proxy().host())
        .port(config.proxy().port())
        .build();
  }
}
