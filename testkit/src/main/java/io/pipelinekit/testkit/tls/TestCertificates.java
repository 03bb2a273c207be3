package io.pipelinekit.testkit.tls;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
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
 * Two self-signed test certificates, for a local server that a client must not trust (or trusts as
 * a studio CA): {@link #STUDIO} is for {@code localhost} and {@code 127.0.0.1}, {@link #ELSEWHERE}
 * for {@code other.example} only (a valid certificate for another host). Nothing trusts them
 * outside tests.
 *
 * <pre>{@code
 * server.useHttps(TestCertificates.serverSocketFactory(TestCertificates.STUDIO));
 * OkHttpClient trusting = TestCertificates.trusting(TestCertificates.certificate(TestCertificates.STUDIO));
 * }</pre>
 */
public final class TestCertificates {
  /** The certificate for {@code localhost} and {@code 127.0.0.1}. */
  public static final String STUDIO = "studio";

  /** A certificate for {@code other.example} only. */
  public static final String ELSEWHERE = "elsewhere";

  private static final char[] PASSWORD = "changeit".toCharArray();

  private TestCertificates() {}

  private static KeyStore all() throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = TestCertificates.class.getResourceAsStream("certs.p12")) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  /**
   * A server socket factory presenting one of the certificates.
   *
   * @param alias {@link #STUDIO} or {@link #ELSEWHERE}
   * @return the factory
   * @throws IOException if the bundled key store cannot be read
   * @throws GeneralSecurityException if the JDK refuses the key store
   */
  public static SSLSocketFactory serverSocketFactory(String alias)
      throws IOException, GeneralSecurityException {
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

  /**
   * One of the certificates, as a studio would hand out its CA.
   *
   * @param alias {@link #STUDIO} or {@link #ELSEWHERE}
   * @return the certificate
   * @throws IOException if the bundled key store cannot be read
   * @throws GeneralSecurityException if the JDK refuses the key store
   */
  public static Certificate certificate(String alias) throws IOException, GeneralSecurityException {
    return all().getCertificate(alias);
  }

  /**
   * An OkHttp client that trusts exactly one more CA, as the clients' docs show for a studio CA.
   *
   * @param studioCa the CA certificate
   * @return the client
   * @throws GeneralSecurityException if the JDK refuses the trust store
   * @throws IOException if the trust store cannot be initialised
   */
  public static OkHttpClient trusting(Certificate studioCa)
      throws IOException, GeneralSecurityException {
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
