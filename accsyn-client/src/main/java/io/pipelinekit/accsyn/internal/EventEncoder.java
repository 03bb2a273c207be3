package io.pipelinekit.accsyn.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the event envelope in the official key order and applies the payload rules (size estimate,
 * gzip+base64 {@code gz_data} above 100 KiB); see docs/protocol/accsyn-v3.md, "Event envelope" and
 * "Payload compression (gz_data)".
 */
public final class EventEncoder {
  /** Payloads whose estimate exceeds this (100 × 1024) are sent as {@code gz_data}. */
  public static final long GZ_THRESHOLD = 100 * 1024;

  private EventEncoder() {}

  /**
   * The event.
   *
   * @param workspace workspace code
   * @param eid a fresh uuid
   * @param session the login's session id (may be null)
   * @param uri the operation
   * @param ident the user name
   * @param created now
   * @param hostname this machine's name
   * @param data a plain object, array or null
   * @param query the expression or null
   * @param id the entity id or null
   * @return the envelope, keys in the official order
   */
  public static Map<String, Object> envelope(
      String workspace,
      String eid,
      String session,
      String uri,
      String ident,
      Instant created,
      String hostname,
      Object data,
      String query,
      String id) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("audience", "api");
    event.put("workspace", workspace);
    event.put("eid", eid);
    event.put("session", session);
    event.put("uri", uri);
    event.put("ident", ident);
    event.put("created", WireTime.format(created));
    event.put("hostname", hostname);
    // Python estimates only non-empty dicts and lists ("if data is not None and 0 < len(data)").
    if (nonEmpty(data) && estimateSize(data) > GZ_THRESHOLD) {
      event.put("gz_data", gzipBase64(data));
    } else {
      event.put("data", data);
    }
    // Python tests truthiness: an empty query or id is left out.
    if (query != null && !query.isEmpty()) {
      event.put("query", query);
    }
    if (id != null && !id.isEmpty()) {
      event.put("id", id);
    }
    return event;
  }

  private static boolean nonEmpty(Object data) {
    return (data instanceof Map && !((Map<?, ?>) data).isEmpty())
        || (data instanceof List && !((List<?>) data).isEmpty());
  }

  /**
   * The official client's size estimate: key lengths plus string lengths (in code points, like
   * Python's {@code len}) plus 10 for any other non-null scalar. A job's {@link RequestIdMetadata}
   * counts as the metadata the caller gave, without the request id this client added.
   *
   * @param value a plain tree
   * @return the estimate
   */
  public static long estimateSize(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Map) {
      long n = 0;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        String k = String.valueOf(e.getKey());
        if (e.getValue() instanceof RequestIdMetadata) {
          // Count the payload the caller gave, as the official client would see it.
          RequestIdMetadata m = (RequestIdMetadata) e.getValue();
          if (m.callerGaveMetadata()) {
            n += k.codePointCount(0, k.length()) + m.callerEstimate();
          }
          continue;
        }
        n += k.codePointCount(0, k.length()) + estimateSize(e.getValue());
      }
      return n;
    }
    if (value instanceof List) {
      long n = 0;
      for (Object o : (List<?>) value) {
        n += estimateSize(o);
      }
      return n;
    }
    if (value instanceof String) {
      String s = (String) value;
      return s.codePointCount(0, s.length());
    }
    return 10;
  }

  /**
   * {@code base64(gzip(ascii(json.dumps(data))))}.
   *
   * @param data a plain tree
   * @return the base64 text
   */
  public static String gzipBase64(Object data) {
    byte[] json = PyJson.write(data).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
