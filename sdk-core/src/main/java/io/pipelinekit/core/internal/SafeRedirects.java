package io.pipelinekit.core.internal;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects without ever sending credentials where they do not belong. OkHttp's own
 * redirect handling removes only the {@code Authorization} header on a cross-host redirect, so any
 * other credential header (ftrack's {@code ftrack-api-key}, accsyn's workspace headers) or a key in
 * the query string would reach the host a redirect points to. The clients therefore turn OkHttp's
 * redirects off and install this interceptor instead:
 *
 * <ul>
 *   <li>a redirect to the same host, same scheme and port, or from http to https, is followed with
 *       every header (307 and 308 keep the method and body; 301, 302 and 303 are followed for GET
 *       and HEAD only, other methods get the redirect answer back);
 *   <li>a redirect to another host, or from https to http, fails the call with a {@link
 *       RedirectRefusedException} naming the target; nothing is sent there.
 * </ul>
 */
public final class SafeRedirects implements Interceptor {
  /** More hops than this is a loop. */
  static final int MAX_REDIRECTS = 20;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    for (int hops = 0; ; hops++) {
      Request next = followUp(request, response);
      if (next == null) {
        return response;
      }
      response.close();
      if (hops >= MAX_REDIRECTS) {
        throw new ProtocolException("more than " + MAX_REDIRECTS + " redirects");
      }
      request = next;
      response = chain.proceed(request);
    }
  }

  /**
   * The request to send next, or null to hand this response back.
   *
   * @throws RedirectRefusedException if the redirect leaves the origin
   */
  private static Request followUp(Request request, Response response) throws IOException {
    int code = response.code();
    boolean keepsMethod = code == 307 || code == 308;
    boolean getOnly = code == 300 || code == 301 || code == 302 || code == 303;
    if (!keepsMethod && !getOnly) {
      return null;
    }
    String location = response.header("Location");
    if (location == null || request.header("Upgrade") != null) {
      return null;
    }
    HttpUrl from = request.url();
    HttpUrl to = from.resolve(location);
    if (to == null) {
      return null;
    }
    if (!allowed(from, to)) {
      response.close();
      throw new RedirectRefusedException(code, from, to);
    }
    String method = request.method();
    if (getOnly && !method.equals("GET") && !method.equals("HEAD")) {
      return null;
    }
    if (keepsMethod && request.body() != null && request.body().isOneShot()) {
      return null;
    }
    return request.newBuilder().url(to).build();
  }

  /**
   * Whether a redirect may carry the request's credentials.
   *
   * @param from where the request went
   * @param to where the redirect points
   * @return true for the same host with the same scheme and port, or an http to https upgrade
   */
  static boolean allowed(HttpUrl from, HttpUrl to) {
    if (!from.host().equalsIgnoreCase(to.host())) {
      return false;
    }
    if (from.scheme().equals(to.scheme())) {
      return from.port() == to.port();
    }
    return from.scheme().equals("http") && to.scheme().equals("https");
  }
}
