package io.pipelinekit.paths.sequence;

/** Renders and reads padded frame numbers; the one place that knows what padding means. */
final class FrameNumbers {
  private FrameNumbers() {}

  /** Appends {@code frame} zero-padded to {@code width} under {@code signPadding}. */
  static void append(StringBuilder out, int frame, int width, SignPadding signPadding) {
    String digits = frame < 0 ? Long.toString(-(long) frame) : Integer.toString(frame);
    int digitWidth = width;
    if (frame < 0) {
      out.append('-');
      if (signPadding == SignPadding.PRINTF) {
        digitWidth--; // printf counts the sign toward the width: -5 at %04d is -005
      }
    }
    for (int i = digits.length(); i < digitWidth; i++) {
      out.append('0');
    }
    out.append(digits);
  }

  static String render(int frame, int width, SignPadding signPadding) {
    StringBuilder out = new StringBuilder(Math.max(width, 11));
    append(out, frame, width, signPadding);
    return out.toString();
  }

  /**
   * Reads {@code text[from, to)} as a frame rendered at {@code width}: returns the frame, or {@code
   * Long.MIN_VALUE} if the text is not exactly what {@link #render} would produce.
   */
  static long parse(String text, int from, int to, int width, SignPadding signPadding) {
    int pos = from;
    boolean negative = pos < to && text.charAt(pos) == '-';
    if (negative) {
      pos++;
    }
    if (pos == to) {
      return Long.MIN_VALUE;
    }
    long value = 0;
    for (int i = pos; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      value = value * 10 + (c - '0');
      if (value > 1L << 32) {
        return Long.MIN_VALUE;
      }
    }
    value = negative ? -value : value;
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE || (negative && value == 0)) {
      return Long.MIN_VALUE;
    }
    // Only the exact rendering belongs to the pattern: 0042 is frame 42 at width 4, 042 is not.
    String expected = render((int) value, width, signPadding);
    return expected.length() == to - from && text.startsWith(expected, from)
        ? value
        : Long.MIN_VALUE;
  }
}
