package io.pipelinekit.core.internal;

import java.io.IOException;
import okhttp3.HttpUrl;

/**
 * A redirect the clients do not follow because it would carry credentials to another host or
 * downgrade https to http. The message names both ends without their query strings (a query may
 * hold a key).
 */
public final class RedirectRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Where the redirect pointed, without its query; kept as text so the exception serializes. */
  private final String target;

  /**
   * Creates the exception.
   *
   * @param status the redirect's HTTP status
   * @param from the URL that answered with the redirect
   * @param to where it pointed
   */
  public RedirectRefusedException(int status, HttpUrl from, HttpUrl to) {
    super(
        "refused to follow the redirect (HTTP "
            + status
            + ") from "
            + withoutQuery(from)
            + " to "
            + withoutQuery(to)
            + ": credentials are only sent to the host they were configured for, and never from"
            + " https to http. Configure the final URL instead if that server is trusted.");
    this.target = withoutQuery(to);
  }

  /**
   * Where the refused redirect pointed.
   *
   * @return scheme, host, port and path of the target
   */
  public String target() {
    return target;
  }

  static String withoutQuery(HttpUrl url) {
    return url.newBuilder().query(null).fragment(null).username("").password("").build().toString();
  }
}
