package io.pipelinekit.testkit.accsyn.internal.wire;

import java.util.Map;
import java.util.Optional;

/**
 * One decoded accsyn event: the HTTP method it came with and the envelope's fields.
 *
 * @param httpMethod GET, PUT, POST or DELETE
 * @param uri the operation, e.g. {@code transfer/find}, as sent (not lowercased)
 * @param data the {@code data} value (or the inflated {@code gz_data}); may be null, a map or a
 *     list
 * @param query the {@code query} expression, if any
 * @param id the {@code id}, if any
 * @param compressed whether the payload came as {@code gz_data}
 * @param envelope the whole decoded envelope
 */
public record WireEvent(
    String httpMethod,
    String uri,
    Object data,
    Optional<String> query,
    Optional<String> id,
    boolean compressed,
    Map<String, Object> envelope) {

  /** The data as a map; empty when data is null or not an object. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> dataMap() {
    return data instanceof Map ? (Map<String, Object>) data : Map.of();
  }
}
