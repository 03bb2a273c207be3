package io.pipelinekit.accsyn;

import java.io.IOException;

/**
 * The server was reached, but its TLS certificate was refused before any request was sent: no
 * certificate authority this JVM trusts signed it (a studio's own CA, a TLS-inspecting proxy, a
 * self-signed or expired certificate), or it names another host than the one connected to. Nothing
 * was sent, so nothing was applied ({@link #requestMayHaveReachedServer()} is false).
 * docs/accsyn-client.md shows how to trust a studio CA.
 */
public class AccsynCertificateException extends AccsynTransportException {
  private static final long serialVersionUID = 1L;

  private final boolean hostnameMismatch;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param host the host connected to
   * @param port the port
   * @param operation the operation, e.g. {@code find}
   * @param hostnameMismatch true when the certificate is valid but for another host name
   * @param cause the TLS failure
   */
  public AccsynCertificateException(
      String message,
      String host,
      int port,
      String operation,
      boolean hostnameMismatch,
      IOException cause) {
    super(message, host, port, operation, false, cause);
    this.hostnameMismatch = hostnameMismatch;
  }

  /**
   * Whether the certificate names another host, rather than being untrusted.
   *
   * @return true for a host name mismatch
   */
  public boolean hostnameMismatch() {
    return hostnameMismatch;
  }
}
