package io.pipelinekit.accsyn;

import java.io.IOException;

/**
 * No answer came: host unknown, connection refused or reset, timeout, TLS failure. The message
 * names the host and port. For a write, the server may or may not have applied it; {@link
 * #requestMayHaveReachedServer()} tells whether that is possible.
 */
public class AccsynTransportException extends AccsynException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final int port;
  private final String operation;
  private final boolean mayHaveReachedServer;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param host the host that was called
   * @param port the port that was called
   * @param operation the accsyn operation (event uri, {@code login} or {@code lookup})
   * @param mayHaveReachedServer whether the request may have been received
   * @param cause the I/O failure
   */
  public AccsynTransportException(
      String message,
      String host,
      int port,
      String operation,
      boolean mayHaveReachedServer,
      IOException cause) {
    this(message, host, port, operation, mayHaveReachedServer, (Throwable) cause);
  }

  /**
   * Creates the exception with any cause, for subclasses whose cause is not an I/O failure.
   *
   * @param message what happened and what to do
   * @param host the host that was called
   * @param port the port that was called
   * @param operation the accsyn operation
   * @param mayHaveReachedServer whether the request may have been received
   * @param cause the failure behind it, or null
   */
  protected AccsynTransportException(
      String message,
      String host,
      int port,
      String operation,
      boolean mayHaveReachedServer,
      Throwable cause) {
    super(message, cause);
    this.host = host;
    this.port = port;
    this.operation = operation;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /**
   * The host that did not answer.
   *
   * @return the host name or address
   */
  public String host() {
    return host;
  }

  /**
   * The port that did not answer.
   *
   * @return the TCP port
   */
  public int port() {
    return port;
  }

  /**
   * The operation that was being called.
   *
   * @return e.g. {@code transfer/create}
   */
  public String operation() {
    return operation;
  }

  /**
   * Whether the request may have reached the server (false only when no connection was made).
   *
   * @return true if a write may have been applied
   */
  public boolean requestMayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
