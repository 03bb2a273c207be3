package io.pipelinekit.core.internal;

import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okio.Buffer;

/**
 * Tells connection failures and broken answers apart, so both clients' messages say what happened
 * rather than "could not reach": a certificate the machine does not trust or that names another
 * host is a server that was reached; a JSON body that ends early is an answer cut short, not a
 * wrong address.
 */
public final class ConnectionFailures {
  private ConnectionFailures() {}

  /**
   * Whether the server's certificate chain is not trusted here (unknown or private CA, expired or
   * self-signed certificate).
   *
   * @param e the failure
   * @return true for a certificate the trust store rejects
   */
  public static boolean untrustedCertificate(IOException e) {
    if (!(e instanceof SSLHandshakeException)) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException
          || t instanceof CertPathValidatorException
          || t instanceof CertPathBuilderException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("pkix") || m.contains("certificate");
  }

  /**
   * Whether the certificate is valid but names another host than the one connected to.
   *
   * @param e the failure
   * @return true for a host name the certificate does not cover
   */
  public static boolean wrongHostname(IOException e) {
    return e instanceof SSLPeerUnverifiedException
        && String.valueOf(e.getMessage()).startsWith("Hostname ");
  }

  /**
   * Whether the request certainly never reached the server: the connection was refused or could not
   * be routed, the host is unknown, or TLS failed (handshake, certificate or host name checks all
   * happen before a byte of the request is sent).
   *
   * @param e the failure
   * @return true when the request was certainly not sent
   */
  public static boolean certainlyNotSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException;
  }

  /**
   * Whether a body that failed to parse is JSON cut short: it starts as an object or a list and
   * ends before the value does.
   *
   * @param text the body
   * @return true for truncated JSON, false for text that is not JSON at all
   */
  public static boolean truncatedJson(String text) {
    String s = text.strip();
    if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[')) {
      return false;
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(s))) {
      reader.skipValue();
      return false;
    } catch (EOFException e) {
      return true;
    } catch (JsonEncodingException e) {
      return String.valueOf(e.getMessage()).startsWith("Unterminated");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
