package io.pipelinekit.accsyn.internal;

import io.pipelinekit.accsyn.HttpMethod;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * One logical HTTP call: what to send, and whether a failed attempt may be sent again.
 *
 * @param operation the name in logs and messages, e.g. {@code transfer/find}
 * @param method the HTTP method
 * @param request the request
 * @param payload the event text, for TRACE logging; made only when asked for, since a large event's
 *     text is never built otherwise
 * @param retryable whether sending it twice is harmless
 */
record Exchange(
    String operation,
    HttpMethod method,
    Request request,
    Supplier<String> payload,
    boolean retryable) {

  /** An exchange whose event text is at hand. */
  Exchange(
      String operation, HttpMethod method, Request request, String payload, boolean retryable) {
    this(operation, method, request, () -> payload, retryable);
  }
}
