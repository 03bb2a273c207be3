package io.pipelinekit.accsyn.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import okio.Buffer;

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
    Buffer out = new Buffer();
    try {
      PyJsonWriter w = new PyJsonWriter(out.outputStream());
      w.value(value);
      w.flush();
    } catch (IOException e) {
      // An in-memory buffer does not fail.
      throw new UncheckedIOException(e);
    }
    return out.readUtf8();
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
}
