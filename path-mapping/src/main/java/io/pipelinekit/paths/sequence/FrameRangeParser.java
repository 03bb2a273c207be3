package io.pipelinekit.paths.sequence;

import java.util.Arrays;

/**
 * Reads fileseq and bracket frame-range notation into a {@link FrameSet}. See {@link
 * FrameSet#parse(String)} for the grammar. One instance reads one string; not thread-safe.
 */
final class FrameRangeParser {
  /** Most gaps a {@code y} fill may leave; each becomes a run of the resulting frame set. */
  static final int MAX_FILL_GAPS = 1 << 22;

  private final String text;
  private final int end;
  private int pos;

  // The items in order: first and last frame, modifier ('\0', 'x', 'y' or ':') and step. They are
  // expanded only once it is known whether items may share frames.
  private final IntArrayList firsts = new IntArrayList(8);
  private final IntArrayList lasts = new IntArrayList(8);
  private final IntArrayList modifiers = new IntArrayList(8);
  private final IntArrayList steps = new IntArrayList(8);
  private boolean mayRepeat;

  /** Receives the arithmetic runs an item stands for. */
  private interface RunSink {
    void run(int start, int step, long count);
  }

  private FrameRangeParser(String text, int from, int to) {
    this.text = text;
    this.pos = from;
    this.end = to;
  }

  /** Parses {@code text[from, to)}; error positions are indexes into the whole text. */
  static FrameSet parse(String text, int from, int to) {
    return new FrameRangeParser(text, from, to).parseList();
  }

  private FrameSet parseList() {
    int to = trimEnd(pos, end);
    pos = skipSpaces(pos, to);
    if (pos == to) {
      throw error(
          "empty frame range: write frames such as 1-10 or 1,3,5 (FrameSet.empty() has no frames)",
          -1);
    }
    if (text.charAt(pos) == '[') {
      if (text.charAt(to - 1) != ']') {
        throw error("missing ']': close the bracketed frame list, as in [1-3, 6]", to - 1);
      }
      pos = skipSpaces(pos + 1, to - 1);
      to = trimEnd(pos, to - 1);
      if (pos == to) {
        throw error("empty frame list '[]': write at least one frame, as in [1-3, 6]", pos);
      }
    } else if (text.charAt(to - 1) == ']') {
      throw error("unexpected ']' without '[': write [1-3, 6] or 1-3,6", to - 1);
    }
    while (true) {
      parseItem(to);
      pos = skipSpaces(pos, to);
      if (pos == to) {
        break;
      }
      if (text.charAt(pos) != ',') {
        throw error(
            "unexpected '"
                + text.charAt(pos)
                + "': separate items with commas; spaces are allowed only around commas",
            pos);
      }
      pos = skipSpaces(pos + 1, to);
      if (pos == to) {
        throw error("trailing comma: remove it or add a frame after it", pos - 1);
      }
    }
    return build();
  }

  private void parseItem(int to) {
    int itemStart = pos;
    int first = parseFrame(to);
    if (pos == to || text.charAt(pos) != '-') {
      if (pos < to && isModifier(text.charAt(pos))) {
        throw error(
            "a step needs a range: write " + first + "-<last>" + text.charAt(pos) + "<step>", pos);
      }
      addItem(first, first, 0, 1);
      return;
    }
    pos++;
    int last = parseFrame(to);
    if (pos == to || !isModifier(text.charAt(pos))) {
      addItem(first, last, 0, 1);
      return;
    }
    char modifier = text.charAt(pos++);
    int step = parseStep(to, modifier);
    long span = Math.abs((long) last - first);
    if (modifier == 'y' && step > 2 && span / step + 1 > MAX_FILL_GAPS) {
      throw error(
          "fill range too large: it leaves "
              + (span / step + 1)
              + " separate gaps (limit "
              + MAX_FILL_GAPS
              + "); use a larger step or a shorter range",
          itemStart);
    }
    mayRepeat |= modifier == ':' && step > 1 && span > 1;
    addItem(first, last, modifier, step);
  }

  private void addItem(int first, int last, int modifier, int step) {
    firsts.add(first);
    lasts.add(last);
    modifiers.add(modifier);
    steps.add(step);
  }

  /** Feeds the runs of item {@code i} to {@code sink}, in the item's frame order. */
  private void expand(int i, RunSink sink) {
    int first = firsts.get(i);
    int last = lasts.get(i);
    int step = steps.get(i);
    int direction = last >= first ? 1 : -1;
    long span = Math.abs((long) last - first);
    switch (modifiers.get(i)) {
      case 'x':
        sink.run(first, direction * step, span / step + 1);
        break;
      case 'y':
        fill(first, direction, span, step, sink);
        break;
      case ':':
        // Stagger: xN, then x(N-1) ... x1. Steps beyond the span add nothing new.
        for (long n = Math.min(step, Math.max(span, 1)); n >= 1; n--) {
          sink.run(first, (int) (direction * n), span / n + 1);
        }
        break;
      default:
        sink.run(first, direction, span + 1);
    }
  }

  /** The frames of first..last that {@code x step} leaves out, in the direction of the range. */
  private static void fill(int first, int direction, long span, int step, RunSink sink) {
    if (step == 1) {
      return; // x1 takes every frame, so nothing is left to fill.
    }
    if (step == 2) {
      sink.run(first + direction, 2 * direction, span - span / 2);
      return;
    }
    for (long k = 0, chunks = span / step + 1; k < chunks; k++) {
      long gapLength = Math.min(step - 1L, span - step * k);
      if (gapLength > 0) {
        sink.run((int) (first + direction * (step * k + 1)), direction, gapLength);
      }
    }
  }

  private int parseFrame(int to) {
    int start = pos;
    boolean negative = pos < to && text.charAt(pos) == '-';
    if (negative) {
      pos++;
    }
    long value = parseDigits(to);
    if (pos == (negative ? start + 1 : start)) {
      throw error(
          pos < to
              ? "expected a frame number, found '" + text.charAt(pos) + "'"
              : "expected a frame number at the end",
          Math.min(pos, text.length() - 1));
    }
    value = negative ? -value : value;
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error("frame " + text.substring(start, pos) + " is outside the 32-bit range", start);
    }
    return (int) value;
  }

  private int parseStep(int to, char modifier) {
    int start = pos;
    if (pos < to && text.charAt(pos) == '-') {
      throw error(
          "negative step: the step after '"
              + modifier
              + "' must be 1 or more; the direction comes from the range (write 10-1x2)",
          pos);
    }
    long value = parseDigits(to);
    if (pos == start) {
      throw error("expected a step of 1 or more after '" + modifier + "'", pos < to ? pos : start);
    }
    if (value == 0) {
      throw error("step 0 after '" + modifier + "': the step must be 1 or more", start);
    }
    if (value > Integer.MAX_VALUE) {
      throw error("step " + text.substring(start, pos) + " is too large", start);
    }
    return (int) value;
  }

  /** Reads ASCII digits; stops accumulating past 11 digits, which is out of range anyway. */
  private long parseDigits(int to) {
    long value = 0;
    while (pos < to && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      if (value < 100_000_000_000L) {
        value = value * 10 + (text.charAt(pos) - '0');
      }
      pos++;
    }
    return value;
  }

  private static boolean isModifier(char c) {
    return c == 'x' || c == 'y' || c == ':';
  }

  private FrameSet build() {
    int items = firsts.size();
    if (!mayRepeat && !itemsOverlap()) {
      RangeListBuilder builder = new RangeListBuilder();
      for (int i = 0; i < items; i++) {
        expand(i, builder::addRun);
      }
      return builder.build();
    }
    // Items may share frames: list them all and keep each frame's first occurrence.
    IntArrayList frames = new IntArrayList(64);
    RunSink collect =
        (start, step, count) -> {
          if (frames.size() + count > FrameSet.MAX_MATERIALISED) {
            throw error(
                "overlapping ranges of more than "
                    + FrameSet.MAX_MATERIALISED
                    + " frames in total are too large to deduplicate: write ranges that do not"
                    + " overlap",
                -1);
          }
          for (long k = 0; k < count; k++) {
            frames.add((int) (start + k * step));
          }
        };
    for (int i = 0; i < items; i++) {
      expand(i, collect);
    }
    return FrameSet.ofOrdered(frames.array(), frames.size());
  }

  private boolean itemsOverlap() {
    int items = firsts.size();
    if (items < 2) {
      return false;
    }
    long[] keys = new long[items];
    for (int i = 0; i < items; i++) {
      keys[i] = ((long) Math.min(firsts.get(i), lasts.get(i)) << 32) | i;
    }
    Arrays.sort(keys);
    for (int k = 1; k < items; k++) {
      int previous = (int) keys[k - 1];
      int current = (int) keys[k];
      if (Math.max(firsts.get(previous), lasts.get(previous))
          >= Math.min(firsts.get(current), lasts.get(current))) {
        return true;
      }
    }
    return false;
  }

  private int skipSpaces(int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private int trimEnd(int from, int to) {
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private SequenceSyntaxException error(String problem, int index) {
    return new SequenceSyntaxException(problem, text, index);
  }
}
