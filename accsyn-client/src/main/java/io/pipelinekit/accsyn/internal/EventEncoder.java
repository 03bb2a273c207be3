package io.pipelinekit.accsyn.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import okio.Buffer;

/**
 * Builds the event envelope in the official key order and applies the payload rules (size estimate,
 * gzip+base64 {@code gz_data} above 100 KiB); see docs/protocol/accsyn-v3.md, "Event envelope" and
 * "Payload compression (gz_data)".
 */
public final class EventEncoder {
  /** Payloads whose estimate exceeds this (100 × 1024) are sent as {@code gz_data}. */
  public static final long GZ_THRESHOLD = 100 * 1024;

  /**
   * The gzip level of {@code gz_data}. The server inflates any level; for a 100,000-task job (12.8
   * MB of JSON) the fastest level compresses in 14 ms of CPU against 34 ms at the default level and
   * 49 ms at Python's level 9, for a result 5 to 7 % larger.
   */
  static final int GZ_LEVEL = Deflater.BEST_SPEED;

  private EventEncoder() {}

  /**
   * Writes the event in the official key order, its {@code data} (or {@code gz_data}) streamed from
   * the values given: a large payload goes through gzip and base64 as it is written, never as a
   * whole JSON string.
   *
   * @param out where the event goes
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
   * @throws IOException when the sink fails
   */
  public static void writeEvent(
      PyJsonWriter out,
      String workspace,
      String eid,
      String session,
      String uri,
      String ident,
      Instant created,
      String hostname,
      Object data,
      String query,
      String id)
      throws IOException {
    out.beginObject();
    out.name("audience");
    out.value("api");
    out.name("workspace");
    out.value(workspace);
    out.name("eid");
    out.value(eid);
    out.name("session");
    out.value(session);
    out.name("uri");
    out.value(uri);
    out.name("ident");
    out.value(ident);
    out.name("created");
    out.value(WireTime.format(created));
    out.name("hostname");
    out.value(hostname);
    // Python estimates only non-empty dicts and lists ("if data is not None and 0 < len(data)").
    if (nonEmpty(data) && estimate(data, GZ_THRESHOLD) > GZ_THRESHOLD) {
      out.name("gz_data");
      out.rawStringValue(sink -> gzipBase64(data, sink));
    } else {
      out.name("data");
      out.value(data);
    }
    // Python tests truthiness: an empty query or id is left out.
    if (query != null && !query.isEmpty()) {
      out.name("query");
      out.value(query);
    }
    if (id != null && !id.isEmpty()) {
      out.name("id");
      out.value(id);
    }
    out.endObject();
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
    return estimate(value, Long.MAX_VALUE);
  }

  /**
   * The estimate, or, once the count passes {@code stopAbove}, any number above it: whether a
   * 100,000-task payload is large is known after its first thousand tasks.
   *
   * @param value a plain tree
   * @param stopAbove where counting may stop
   * @return the estimate, or a number above {@code stopAbove}
   */
  static long estimate(Object value, long stopAbove) {
    if (value == null) {
      return 0;
    }
    if (value instanceof WireData) {
      return ((WireData) value).estimate(stopAbove);
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
        } else {
          n += k.codePointCount(0, k.length()) + estimate(e.getValue(), stopAbove - n);
        }
        if (n > stopAbove) {
          return n;
        }
      }
      return n;
    }
    if (value instanceof List) {
      long n = 0;
      for (Object o : (List<?>) value) {
        n += estimate(o, stopAbove - n);
        if (n > stopAbove) {
          return n;
        }
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
    Buffer out = new Buffer();
    try {
      gzipBase64(data, out.outputStream());
    } catch (IOException e) {
      // An in-memory buffer does not fail.
      throw new UncheckedIOException(e);
    }
    return out.readUtf8();
  }

  /**
   * Streams {@code base64(gzip(ascii(json.dumps(data))))} into a sink: the JSON text is compressed
   * as it is written and only the base64 text reaches the sink.
   *
   * @param data a plain tree
   * @param sink where the base64 text goes; left open
   * @throws IOException when the sink fails
   */
  public static void gzipBase64(Object data, OutputStream sink) throws IOException {
    OutputStream base64 = Base64.getEncoder().wrap(new KeepOpen(sink));
    // Closing the gzip stream writes its trailer, then base64's final group and padding.
    try (GZIPOutputStream gz = new Gzip(base64)) {
      PyJsonWriter json = new PyJsonWriter(gz);
      json.value(data);
      json.flush();
    }
  }

  /** gzip at {@link #GZ_LEVEL}. */
  private static final class Gzip extends GZIPOutputStream {
    Gzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(GZ_LEVEL);
    }
  }

  /** Passes writes on, but leaves the underlying stream open when closed. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
