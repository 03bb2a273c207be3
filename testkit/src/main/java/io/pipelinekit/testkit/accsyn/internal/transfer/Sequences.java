package io.pipelinekit.testkit.accsyn.internal.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File sequences in accsyn paths: {@code comp.%04d.exr[1001-1010]} (printf pattern plus range) and
 * {@code comp.####.exr} (hashes, every matching frame found on disk).
 */
public final class Sequences {
  private static final Pattern PRINTF_RANGE =
      Pattern.compile("^(.*?)%(0?)(\\d*)d(.*?)\\[(-?\\d+)-(-?\\d+)]$");
  private static final Pattern PRINTF = Pattern.compile("^(.*?)%(0?)(\\d*)d(.*)$");
  private static final Pattern HASHES = Pattern.compile("^(.*?)(#+)([^#]*)$");

  private Sequences() {}

  /**
   * A sequence file name: a pattern with either an explicit frame list or "whatever exists".
   *
   * @param prefix text before the frame number
   * @param padding zero-padding width (0 = none)
   * @param suffix text after the frame number
   * @param frames explicit frames, or empty to scan the directory
   */
  public record Sequence(String prefix, int padding, String suffix, List<Long> frames) {

    /** The file name of one frame. */
    public String name(long frame) {
      String n = padding > 0 ? String.format("%0" + padding + "d", frame) : Long.toString(frame);
      return prefix + n + suffix;
    }

    /** A regex that matches any frame's file name. */
    public Pattern matcher() {
      return Pattern.compile(
          Pattern.quote(prefix)
              + "(\\d"
              + (padding > 0 ? "{" + padding + ",}" : "+")
              + ")"
              + Pattern.quote(suffix));
    }
  }

  /** Parses the last path component as a sequence, if it is one. */
  public static Optional<Sequence> parse(String fileName) {
    Matcher m = PRINTF_RANGE.matcher(fileName);
    if (m.matches()) {
      long first = Long.parseLong(m.group(5));
      long last = Long.parseLong(m.group(6));
      if (last < first || last - first > 1_000_000) {
        return Optional.empty();
      }
      List<Long> frames = new ArrayList<>();
      for (long f = first; f <= last; f++) {
        frames.add(f);
      }
      return Optional.of(new Sequence(m.group(1), padding(m), m.group(4), frames));
    }
    m = PRINTF.matcher(fileName);
    if (m.matches()) {
      return Optional.of(new Sequence(m.group(1), padding(m), m.group(4), List.of()));
    }
    m = HASHES.matcher(fileName);
    if (m.matches()) {
      return Optional.of(new Sequence(m.group(1), m.group(2).length(), m.group(3), List.of()));
    }
    return Optional.empty();
  }

  private static int padding(Matcher m) {
    return m.group(3).isEmpty() ? 0 : Integer.parseInt(m.group(3));
  }
}
