package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.RateLimit;
import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.accsyn.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything the engine needs, resolved and validated by the client builder.
 *
 * @param workspace workspace code
 * @param username the API user (e-mail)
 * @param apiKey the API key
 * @param lookupUrl the master lookup URL, or null when the API host is known
 * @param apiHost the API host when known without lookup
 * @param apiPort a port that overrides the looked-up or default one, or null
 * @param scheme {@code https}, or {@code http} for an explicit plain endpoint
 * @param proxy the proxy, or null
 * @param dev dev mode: plain http to port 8181
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 * @param insecure skip TLS verification
 * @param retry read retry policy
 * @param rateLimit client-side limits
 * @param sleeper waits
 * @param clock time
 * @param jitter random factor source in [0, 1)
 * @param hostname this machine's name
 * @param okHttpClient a caller's client to derive from, or null
 * @param idempotentCreates whether job creates carry a request id and are checked after failures
 * @param pageSize entities per page when streaming
 * @param callTimeout the total deadline of one call: attempts, waits and body reads
 * @param maxResponseBytes the most bytes of one answer the client reads
 */
public record EngineConfig(
    String workspace,
    String username,
    String apiKey,
    HttpUrl lookupUrl,
    String apiHost,
    Integer apiPort,
    String scheme,
    ProxySetting proxy,
    boolean dev,
    Duration connectTimeout,
    Duration readTimeout,
    boolean insecure,
    RetryPolicy retry,
    RateLimit rateLimit,
    Sleeper sleeper,
    Clock clock,
    DoubleSupplier jitter,
    String hostname,
    OkHttpClient okHttpClient,
    boolean idempotentCreates,
    int pageSize,
    Duration callTimeout,
    long maxResponseBytes) {

  /** Hides the key: records print every component otherwise. */
  @Override
  public String toString() {
    return "EngineConfig{workspace="
        + workspace
        + ", username="
        + username
        + ", apiKey=<redacted>, apiHost="
        + apiHost
        + ", apiPort="
        + apiPort
        + ", proxy="
        + proxy
        + ", dev="
        + dev
        + "}";
  }
}
