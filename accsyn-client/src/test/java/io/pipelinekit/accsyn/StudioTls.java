package io.pipelinekit.accsyn;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Self-signed test certificates (src/test/resources/tls/certs.p12, password {@code changeit}):
 * {@code studio} is for localhost and 127.0.0.1, {@code elsewhere} for other.example only.
 */
final class StudioTls {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private StudioTls() {}

  private static KeyStore all() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = StudioTls.class.getResourceAsStream("/tls/certs.p12")) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  /** A server socket factory presenting one of the certificates. */
  static SSLSocketFactory server(String alias) throws Exception {
    KeyStore ks = all();
    KeyStore one = KeyStore.getInstance("PKCS12");
    one.load(null, null);
    one.setKeyEntry(alias, ks.getKey(alias, PASSWORD), PASSWORD, ks.getCertificateChain(alias));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(one, PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx.getSocketFactory();
  }

  /** The certificate, as a studio CA would hand it out. */
  static Certificate certificate(String alias) throws Exception {
    return all().getCertificate(alias);
  }

  /** The docs' recipe: an OkHttp client that trusts one more CA. */
  static OkHttpClient trusting(Certificate studioCa) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("studio-ca", studioCa);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {tm}, null);
    return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm).build();
  }
}
