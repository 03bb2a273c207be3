package io.pipelinekit.paths.sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-creates the name lists of the benchmarks' generator ({@code
 * io.pipelinekit.benchmarks.GenerateNames}, which documents the rules) so tests can check the
 * collapse result on the benchmark input; the benchmarks module depends on this one, not the other
 * way round, hence the copy.
 */
final class BenchmarkNames {
  private BenchmarkNames() {}

  /** Many 100-frame sequences with a two-frame hole each, plus 1% other files. */
  static List<String> shots(int count) {
    List<String> out = new ArrayList<>(count);
    int sequenceNames = 0;
    int extra = 0;
    for (int s = 0; out.size() < count; s++) {
      int sq = s / 100 + 1;
      int shot = (s % 50 + 1) * 10;
      int version = (s / 50) % 2 + 1;
      int hole = holeOf(s);
      for (int frame = 1001; frame <= 1100; frame++) {
        if (frame == hole || frame == hole + 1) {
          continue;
        }
        out.add(
            String.format(
                "/show/sq%03d/sh%03d/comp/v%03d/sh%03d_comp_v%03d.%04d.exr",
                sq, shot, version, shot, version, frame));
        sequenceNames++;
        if (sequenceNames % 99 == 0) {
          out.add(nonSequenceName(extra % 4, sq, shot, version, ""));
          extra++;
        }
        if (out.size() >= count) {
          break;
        }
      }
    }
    return out.subList(0, count);
  }

  /** First missing frame of sequence {@code s} in the shots layout. */
  static int holeOf(int s) {
    return 1011 + (s * 37) % 80;
  }

  /** One long sequence from frame 1001, missing one frame in a thousand, plus 1% other files. */
  static List<String> longSequence(int count) {
    List<String> out = new ArrayList<>(count);
    int sequenceNames = 0;
    int extra = 0;
    for (int frame = 1001; out.size() < count; frame++) {
      if ((frame - 1000) % 1000 == 500) {
        continue;
      }
      out.add(String.format("/show/sq001/sh010/comp/v003/sh010_comp_v003.%04d.exr", frame));
      sequenceNames++;
      if (sequenceNames % 99 == 0) {
        out.add(nonSequenceName(extra % 4, 1, 10, 3, "_" + letters(extra)));
        extra++;
      }
    }
    return out.subList(0, count);
  }

  private static String letters(int k) {
    StringBuilder out = new StringBuilder();
    do {
      out.insert(0, (char) ('a' + k % 26));
      k /= 26;
    } while (k != 0);
    return out.toString();
  }

  private static String nonSequenceName(int kind, int sq, int shot, int version, String suffix) {
    String base = String.format("/show/sq%03d/sh%03d", sq, shot);
    switch (kind) {
      case 0:
        return String.format("%s/comp/sh%03d_comp_v%03d%s.nk", base, shot, version, suffix);
      case 1:
        return String.format(
            "%s/comp/v%03d/sh%03d_comp_v%03d%s.mov", base, version, shot, version, suffix);
      case 2:
        return String.format("%s/notes%s.txt", base, suffix);
      default:
        return String.format("%s/comp/v%03d/thumbnail%s.jpg", base, version, suffix);
    }
  }
}
