package io.pipelinekit.accsyn.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's {@code metadata} after this client added its request id. It is sent whole, but the size
 * estimate that decides on {@code gz_data} counts only what the caller gave, so the switch happens
 * where the official client's does for the same payload.
 */
public final class RequestIdMetadata extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  private final boolean callerGaveMetadata;
  private final String addedKey;

  /**
   * The metadata.
   *
   * @param callerMetadata the caller's metadata, or null if the caller gave none
   * @param key the request id key
   * @param requestId the request id
   */
  public RequestIdMetadata(Map<String, Object> callerMetadata, String key, String requestId) {
    this.callerGaveMetadata = callerMetadata != null;
    boolean callerGaveKey = callerMetadata != null && callerMetadata.containsKey(key);
    this.addedKey = callerGaveKey ? null : key;
    if (callerMetadata != null) {
      putAll(callerMetadata);
    }
    put(key, requestId);
  }

  /**
   * Whether the caller's payload had a {@code metadata} key at all.
   *
   * @return false if this client added the whole map
   */
  public boolean callerGaveMetadata() {
    return callerGaveMetadata;
  }

  /**
   * The official client's size estimate of the caller's metadata, without the key this client
   * added.
   *
   * @return the estimate
   */
  public long callerEstimate() {
    long n = 0;
    for (Map.Entry<String, Object> e : entrySet()) {
      if (!e.getKey().equals(addedKey)) {
        n +=
            e.getKey().codePointCount(0, e.getKey().length())
                + EventEncoder.estimateSize(e.getValue());
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
