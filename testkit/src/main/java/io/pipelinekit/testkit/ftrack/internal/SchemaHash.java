package io.pipelinekit.testkit.ftrack.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code schema_hash} of {@code query_server_information}: the md5 of the schema list in the
 * canonical text the official Python client hashes its schema cache with (keys sorted, {@code ", "}
 * and {@code ": "} separators, non-ASCII escaped), so that a client with a cached copy of these
 * schemas skips {@code query_schemas}, and one with an older copy fetches them again.
 */
public final class SchemaHash {
  private SchemaHash() {}

  /** The md5, in lower-case hex, of {@link #canonical} of the value. */
  public static String of(Object schemas) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of()
          .formatHex(md5.digest(canonical(schemas).getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }

  /** The value as Python's {@code json.dumps(value, sort_keys=True)} writes it. */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
      out.append('{');
      String sep = "";
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        out.append(sep);
        string(e.getKey(), out);
        out.append(": ");
        write(e.getValue(), out);
        sep = ", ";
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      String sep = "";
      for (Object x : l) {
        out.append(sep);
        write(x, out);
        sep = ", ";
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("no canonical JSON for " + v.getClass().getName());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
