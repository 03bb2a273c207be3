package io.pipelinekit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the deterministic file-name lists the sequence benchmarks read, so that every run of every
 * machine measures the same input without committing megabytes of names.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.pipelinekit.benchmarks.GenerateNames \
 *     bench-data 100000 1000000
 * }</pre>
 *
 * <p>For each count (default 10000, 100000 and 1000000) it writes {@code names-shots-<count>.txt}
 * and {@code names-long-<count>.txt} into the directory, one path a line, exactly {@code count}
 * lines:
 *
 * <ul>
 *   <li>{@code shots}: many 100-frame image sequences like a show's render tree, {@code
 *       /show/sq<NNN>/sh<NNN>/comp/v<NNN>/sh<NNN>_comp_v<NNN>.<FFFF>.exr}. Sequence {@code s} (from
 *       0) is in {@code sq = s / 100 + 1}, {@code shot = (s % 50 + 1) * 10}, {@code version = (s /
 *       50) % 2 + 1}, and has frames 1001 to 1100 without the two frames {@code h} and {@code h +
 *       1}, {@code h = 1011 + (s * 37) % 80}: 98 frames with one hole each.
 *   <li>{@code long}: one sequence, {@code /show/sq001/sh010/comp/v003/sh010_comp_v003.<F>.exr},
 *       frames from 1001 up ({@code %04d}, so frames past 9999 have more digits), without every
 *       frame {@code f} where {@code (f - 1000) % 1000 == 500}.
 * </ul>
 *
 * <p>In both, after every 99 sequence names one other file follows (1% of the list), in turn a
 * {@code .nk} script, a {@code .mov}, a notes {@code .txt} and a thumbnail {@code .jpg} of the
 * current shot and version. In the {@code long} layout these carry a unique letters-only suffix so
 * that they never form a sequence themselves. Path-mapping's tests re-create the same lists to
 * check the collapse result on this input.
 */
public final class GenerateNames {
  private static final int[] DEFAULT_COUNTS = {10_000, 100_000, 1_000_000};

  private GenerateNames() {}

  /**
   * Writes the lists.
   *
   * @param args the output directory, then the counts (default 10000 100000 1000000)
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: java -cp benchmarks.jar io.pipelinekit.benchmarks.GenerateNames DIR [COUNT...]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int[] counts = DEFAULT_COUNTS;
    if (args.length > 1) {
      counts = new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        counts[i - 1] = Integer.parseInt(args[i]);
      }
    }
    Files.createDirectories(dir);
    for (String layout : List.of("shots", "long")) {
      for (int count : counts) {
        List<String> names = layout.equals("shots") ? shots(count) : longSequence(count);
        Path file = dir.resolve("names-" + layout + "-" + count + ".txt");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          for (String name : names) {
            w.write(name);
            w.write('\n');
          }
        }
        System.out.println(file + " " + names.size());
      }
    }
  }

  /**
   * The {@code shots} layout: many 98-frame sequences, plus 1% other files.
   *
   * @param count how many names
   * @return exactly {@code count} names
   */
  public static List<String> shots(int count) {
    List<String> out = new ArrayList<>(count);
    int sequenceNames = 0;
    int extra = 0;
    for (int s = 0; out.size() < count; s++) {
      int sq = s / 100 + 1;
      int shot = (s % 50 + 1) * 10;
      int version = (s / 50) % 2 + 1;
      int hole = 1011 + (s * 37) % 80;
      for (int frame = 1001; frame <= 1100; frame++) {
        if (frame == hole || frame == hole + 1) {
          continue;
        }
        out.add(
            String.format(
                Locale.ROOT,
                "/show/sq%03d/sh%03d/comp/v%03d/sh%03d_comp_v%03d.%04d.exr",
                sq,
                shot,
                version,
                shot,
                version,
                frame));
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

  /**
   * The {@code long} layout: one sequence from frame 1001, one frame in a thousand missing, plus 1%
   * other files.
   *
   * @param count how many names
   * @return exactly {@code count} names
   */
  public static List<String> longSequence(int count) {
    List<String> out = new ArrayList<>(count);
    int sequenceNames = 0;
    int extra = 0;
    for (int frame = 1001; out.size() < count; frame++) {
      if ((frame - 1000) % 1000 == 500) {
        continue;
      }
      out.add(
          String.format(
              Locale.ROOT, "/show/sq001/sh010/comp/v003/sh010_comp_v003.%04d.exr", frame));
      sequenceNames++;
      if (sequenceNames % 99 == 0) {
        out.add(nonSequenceName(extra % 4, 1, 10, 3, "_" + letters(extra)));
        extra++;
      }
    }
    return out.subList(0, count);
  }

  /** 0 → a, 25 → z, 26 → ba: letters only, so never a frame number. */
  private static String letters(int k) {
    StringBuilder out = new StringBuilder();
    do {
      out.insert(0, (char) ('a' + k % 26));
      k /= 26;
    } while (k != 0);
    return out.toString();
  }

  private static String nonSequenceName(int kind, int sq, int shot, int version, String suffix) {
    String base = String.format(Locale.ROOT, "/show/sq%03d/sh%03d", sq, shot);
    switch (kind) {
      case 0:
        return String.format(
            Locale.ROOT, "%s/comp/sh%03d_comp_v%03d%s.nk", base, shot, version, suffix);
      case 1:
        return String.format(
            Locale.ROOT,
            "%s/comp/v%03d/sh%03d_comp_v%03d%s.mov",
            base,
            version,
            shot,
            version,
            suffix);
      case 2:
        return String.format(Locale.ROOT, "%s/notes%s.txt", base, suffix);
      default:
        return String.format(Locale.ROOT, "%s/comp/v%03d/thumbnail%s.jpg", base, version, suffix);
    }
  }
}
