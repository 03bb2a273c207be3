package io.pipelinekit.paths.sequence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the frame number in one file name for the collapser, without allocating: the results are
 * left in fields that the caller reads right after {@link #locate}. One instance per collapse call;
 * not thread-safe.
 */
final class FrameLocator {
  /** Longest digit run read as a frame: with a sign it is still a width a pattern accepts. */
  private static final int MAX_DIGITS = TokenScanner.MAX_WIDTH - 1;

  private final boolean signCountsInWidth;
  private final boolean versionsAsFrames;
  private final Matcher matcher;

  /** Where the frame text starts, sign included: the head is {@code name[0, headEnd)}. */
  int headEnd;

  /** Where the tail starts, right after the last digit. */
  int tailStart;

  /** The frame number. */
  int frame;

  /**
   * The padding class: the exact width ({@code > 0}) when the digits have a leading zero, else
   * minus the natural width, which is consistent with any padding up to it.
   */
  int widthCode;

  FrameLocator(CollapseOptions options) {
    this.signCountsInWidth = options.signPadding() == SignPadding.PRINTF;
    this.versionsAsFrames = options.versionsAsFrames();
    Pattern pattern = options.framePattern().orElse(null);
    this.matcher = pattern == null ? null : pattern.matcher("");
  }

  /** Returns true and fills the fields if {@code name} has a frame. */
  boolean locate(String name) {
    return matcher == null ? locateBuiltIn(name) : locateWithPattern(name);
  }

  /**
   * The built-in rule, scanning back from the end: the tail starts at the last dot of the file
   * name, and the frame is the run of digits right before it.
   */
  private boolean locateBuiltIn(String name) {
    int length = name.length();
    int tail = length;
    for (int i = length - 1; i >= 0; i--) {
      char c = name.charAt(i);
      if (c == '.') {
        tail = i;
        break;
      }
      if (c == '/' || c == '\\') {
        break;
      }
    }
    int digitStart = tail;
    while (digitStart > 0 && isDigit(name.charAt(digitStart - 1))) {
      digitStart--;
    }
    int digits = tail - digitStart;
    if (digits == 0 || digits > MAX_DIGITS) {
      return false;
    }
    char before = digitStart > 0 ? name.charAt(digitStart - 1) : '/';
    if (!versionsAsFrames && (before == 'v' || before == 'V')) {
      return false; // _v003, v003: a version, not a frame
    }
    boolean negative = false;
    if (before == '-') {
      // 434-0000.exr: a dash after a digit (or a letter) separates words; only f.-0005.exr or a
      // name that starts with the dash has a minus sign.
      char beforeDash = digitStart > 1 ? name.charAt(digitStart - 2) : '/';
      negative = beforeDash == '.' || beforeDash == '/' || beforeDash == '\\';
    }
    return classify(name, negative ? digitStart - 1 : digitStart, digitStart, tail);
  }

  private boolean locateWithPattern(String name) {
    matcher.reset(name);
    matcher.region(TokenScanner.fileNameStart(name, 0, name.length()), name.length());
    int start = -1;
    int end = -1;
    while (matcher.find()) {
      if (matcher.start("frame") >= 0) {
        start = matcher.start("frame");
        end = matcher.end("frame");
      }
    }
    if (start < 0 || end == start) {
      return false;
    }
    int digitStart = name.charAt(start) == '-' ? start + 1 : start;
    if (end - digitStart == 0 || end - digitStart > MAX_DIGITS) {
      return false;
    }
    for (int i = digitStart; i < end; i++) {
      if (!isDigit(name.charAt(i))) {
        return false;
      }
    }
    return classify(name, start, digitStart, end);
  }

  /** Reads the digits {@code [digitStart, end)}, with a sign at {@code start} if it differs. */
  private boolean classify(String name, int start, int digitStart, int end) {
    boolean negative = start < digitStart;
    long value = 0;
    for (int i = digitStart; i < end; i++) {
      value = value * 10 + (name.charAt(i) - '0');
      if (value > 1L << 31) {
        return false; // beyond an int: not a frame number
      }
    }
    if (negative && value == 0) {
      negative = false; // "-0000" is not a negative frame; the dash joins the head
      start = digitStart;
    }
    value = negative ? -value : value;
    if (value > Integer.MAX_VALUE) {
      return false;
    }
    int digits = end - digitStart;
    boolean padded = digits > 1 && name.charAt(digitStart) == '0';
    int width = digits + (negative && signCountsInWidth ? 1 : 0);
    headEnd = start;
    tailStart = end;
    frame = (int) value;
    widthCode = padded ? width : -width;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
