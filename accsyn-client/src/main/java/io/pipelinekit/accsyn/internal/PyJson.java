package io.pipelinekit.accsyn.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text out, the way the official client writes it.
 *
 * <p>Writing follows Python's {@code json.dumps} defaults byte for byte (see
 * docs/protocol/accsyn-v3.md, "Encoding"): separators {@code ", "} and {@code ": "}, {@code
 * ensure_ascii} (every character outside printable ASCII as {@code \\uXXXX}, astral characters as
 * surrogate pairs), integers as written. So a captured request of the Python client and ours differ
 * only in random ids, times and the device string.
 *
 * <p>Reading is the shared exact-number reader, {@code io.pipelinekit.core.internal.JsonTree}.
 */
public final class PyJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PyJson() {}

  /**
   * Writes a tree of {@link Map}, {@link List}, {@link CharSequence}, {@link Boolean}, {@link
   * Number} and {@code null}.
   *
   * @param value the tree
   * @return the JSON text, ASCII only
   * @throws IllegalArgumentException for any other kind of value, or a non-finite number
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(128);
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence) {
      string(out, value.toString());
    } else if (value instanceof Boolean) {
      out.append(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(": ");
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (value instanceof Double || value instanceof Float) {
      out.append(pythonFloat(((Number) value).doubleValue()));
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      out.append(value.toString());
    } else {
      throw new IllegalArgumentException(
          "cannot send a " + value.getClass().getName() + " as JSON");
    }
  }

  /** Python's {@code repr(float)}: plain between 1e-4 and 1e16, else {@code 1e+20} style. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no " + d + "; send a finite number");
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    double abs = Math.abs(d);
    if (abs >= 1e-4 && abs < 1e16) {
      String plain = b.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String digits = b.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - b.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "")
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            // Java strings are UTF-16 already, so astral characters come out as surrogate
            // pairs exactly like Python's ensure_ascii.
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
