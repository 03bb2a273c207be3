package io.pipelinekit.accsyn.internal;

import io.pipelinekit.core.internal.HttpClients;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Builds the accsyn client's OkHttp client from the configuration: limits, proxy, TLS. */
final class AccsynHttp {
  private AccsynHttp() {}

  static OkHttpClient build(EngineConfig c) {
    OkHttpClient.Builder b;
    if (c.okHttpClient() != null) {
      b = HttpClients.derived(c.okHttpClient());
    } else {
      // accsyn allows 100 connections per IP; each in-flight call holds one.
      b =
          HttpClients.owned(
              "accsyn-client-http", c.connectTimeout(), c.rateLimit().maxConnections());
      b.connectionPool(
          new ConnectionPool(Math.min(c.rateLimit().maxConnections(), 16), 5, TimeUnit.MINUTES));
    }
    b.connectTimeout(c.connectTimeout())
        .readTimeout(c.readTimeout())
        .writeTimeout(c.readTimeout())
        // OkHttp would silently send a POST again after some connection failures; a create is
        // not idempotent, so every resend decision is ours.
        .retryOnConnectionFailure(false);
    if (c.proxy() != null && c.proxy().kind() == ProxySetting.Kind.SOCKS) {
      b.proxy(
          new Proxy(
              Proxy.Type.SOCKS,
              InetSocketAddress.createUnresolved(c.proxy().host(), c.proxy().port())));
    }
    if (c.insecure()) {
      X509TrustManager trustAll = new TrustAll();
      try {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        b.sslSocketFactory(ssl.getSocketFactory(), trustAll).hostnameVerifier((h, s) -> true);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot set up TLS without verification", e);
      }
    }
    return b.build();
  }

  /** Accepts every certificate: only for {@code insecureSkipTlsVerify()}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
