package io.pipelinekit.paths.sequence;

import java.util.Arrays;

/**
 * Reads fileseq and bracket frame-range notation into a {@link FrameSet}. See {@link
 * FrameSet#parse(String)} for the grammar. One instance reads one string; not thread-safe.
 */
final class FrameRangeParser {
  private final String text;
  private final int end;
  private int pos;

  // Every item becomes one or more arithmetic runs, kept in order.
  private final IntArrayList runStarts = new IntArrayList(8);
  private final IntArrayList runSteps = new IntArrayList(8);
  private long[] runCounts = new long[8];
  private long totalFrames;

  // The span of each item, to see whether items may share frames.
  private final IntArrayList itemLows = new IntArrayList(8);
  private final IntArrayList itemHighs = new IntArrayList(8);
  private boolean mayRepeat;

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
      addRun(first, 1, 1);
      addItem(first, first);
      return;
    }
    pos++;
    int last = parseFrame(to);
    int direction = last >= first ? 1 : -1;
    long span = Math.abs((long) last - first);
    addItem(Math.min(first, last), Math.max(first, last));
    if (pos == to || !isModifier(text.charAt(pos))) {
      addRun(first, direction, span + 1);
      return;
    }
    char modifier = text.charAt(pos++);
    int step = parseStep(to, modifier);
    if (modifier == 'x') {
      addRun(first, direction * step, span / step + 1);
    } else if (modifier == 'y') {
      addFill(first, direction, span, step, itemStart);
    } else {
      // Stagger: xN, then x(N-1) ... x1. Steps beyond the span add nothing new.
      int top = (int) Math.min(step, Math.max(span, 1));
      for (int n = top; n >= 1; n--) {
        addRun(first, direction * n, span / n + 1);
      }
      mayRepeat |= top > 1;
    }
  }

  /** The frames of first..last that {@code x step} leaves out, in the direction of the range. */
  private void addFill(int first, int direction, long span, int step, int itemStart) {
    if (step == 1) {
      return; // x1 takes every frame, so nothing is left to fill.
    }
    long chunks = span / step + 1;
    if (step == 2) {
      addRun((int) (first + direction), 2 * direction, span - span / 2);
      return;
    }
    if (chunks > FrameSet.MAX_MATERIALISED) {
      throw error(
          "fill range too large: it leaves "
              + chunks
              + " separate gaps (limit "
              + FrameSet.MAX_MATERIALISED
              + "); use a larger step or a shorter range",
          itemStart);
    }
    for (long k = 0; k < chunks; k++) {
      long gapStart = first + direction * (step * k + 1);
      long gapLength = Math.min(step - 1L, span - step * k);
      if (gapLength > 0) {
        addRun((int) gapStart, direction, gapLength);
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

  private void addItem(int low, int high) {
    itemLows.add(low);
    itemHighs.add(high);
  }

  private void addRun(int start, int step, long count) {
    if (count <= 0) {
      return;
    }
    int index = runStarts.size();
    if (index == runCounts.length) {
      runCounts = Arrays.copyOf(runCounts, index * 2);
    }
    runStarts.add(start);
    runSteps.add(step);
    runCounts[index] = count;
    totalFrames += count;
  }

  private FrameSet build() {
    if (!mayRepeat) {
      mayRepeat = itemsOverlap();
    }
    int runs = runStarts.size();
    if (!mayRepeat) {
      RangeListBuilder builder = new RangeListBuilder();
      for (int i = 0; i < runs; i++) {
        builder.addRun(runStarts.get(i), runSteps.get(i), runCounts[i]);
      }
      return builder.build();
    }
    // Items may share frames: list them all and keep each frame's first occurrence.
    if (totalFrames > FrameSet.MAX_MATERIALISED) {
      throw error(
          "overlapping ranges of "
              + totalFrames
              + " frames in total are too large to deduplicate (limit "
              + FrameSet.MAX_MATERIALISED
              + "): write ranges that do not overlap",
          -1);
    }
    int[] frames = new int[(int) totalFrames];
    int next = 0;
    for (int i = 0; i < runs; i++) {
      long start = runStarts.get(i);
      long step = runSteps.get(i);
      for (long k = 0; k < runCounts[i]; k++) {
        frames[next++] = (int) (start + k * step);
      }
    }
    return FrameSet.ofOrdered(frames, next);
  }

  private boolean itemsOverlap() {
    int items = itemLows.size();
    if (items < 2) {
      return false;
    }
    long[] keys = new long[items];
    for (int i = 0; i < items; i++) {
      keys[i] = ((long) itemLows.get(i) << 32) | i;
    }
    Arrays.sort(keys);
    for (int k = 1; k < items; k++) {
      if (itemHighs.get((int) keys[k - 1]) >= itemLows.get((int) keys[k])) {
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
