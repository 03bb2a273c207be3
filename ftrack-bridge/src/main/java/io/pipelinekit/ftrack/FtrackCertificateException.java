package io.pipelinekit.ftrack;

import java.io.IOException;

/**
 * The ftrack server was reached, but its TLS certificate was refused before any request was sent:
 * either no certificate authority this JVM trusts signed it (a studio's own CA, a TLS-inspecting
 * proxy, a self-signed or expired certificate), or it names another host than the one in {@code
 * FTRACK_SERVER}. Nothing was sent, so nothing was applied. docs/ftrack-bridge.md shows how to
 * trust a studio CA.
 */
public class FtrackCertificateException extends FtrackIoException {
  private static final long serialVersionUID = 1L;

  private final boolean hostnameMismatch;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param hostnameMismatch true when the certificate is valid but for another host name
   * @param cause the TLS failure
   */
  public FtrackCertificateException(String message, boolean hostnameMismatch, IOException cause) {
    super(message, cause);
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
