package io.pipelinekit.accsyn.transfers;

import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.paths.SharePath;
import io.pipelinekit.paths.sequence.FrameSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The accsyn task sources of a frame sequence on a share: one ranged path per run of consecutive
 * frames, so a hole in a render becomes two tasks instead of a task that fails on the missing
 * frame. accsyn reads {@code name.%04d.exr[1001-1003]} as the frames 1001 to 1003 of the pattern;
 * it never takes a bare pattern or the parent directory for a sequence.
 *
 * <pre>{@code
 * SharePath pattern = SharePath.share("projects", "demo", "sh010", "main.%04d.exr");
 * List<AccsynPath> sources = SequenceTasks.sources(pattern, FrameSet.of(1001, 1002, 1003, 1005));
 * // share=projects/demo/sh010/main.%04d.exr[1001-1003], share=.../main.%04d.exr[1005-1005]
 * List<TaskSpec> tasks = sources.stream()
 *     .map(s -> TaskSpec.of(s.withParty(Party.site("hq")), AccsynPath.mirror(Party.site("la"))))
 *     .toList();
 * }</pre>
 */
public final class SequenceTasks {
  private SequenceTasks() {}

  /**
   * One share path per run of consecutive frames, in frame order.
   *
   * @param pattern the sequence's path, its last component the pattern ({@code main.%04d.exr})
   * @param frames the frames that exist; duplicates and order do not matter
   * @return the ranged paths
   * @throws IllegalArgumentException if there are no frames or the path has no file name
   */
  public static List<SharePath> sharePaths(SharePath pattern, FrameSet frames) {
    Objects.requireNonNull(pattern, "pattern == null");
    Objects.requireNonNull(frames, "frames == null");
    if (frames.isEmpty()) {
      throw new IllegalArgumentException(
          "the sequence " + pattern + " has no frames; pass the frames that exist on disk");
    }
    List<String> parts = pattern.components();
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          pattern + " names no file; give the sequence's pattern as the last path component");
    }
    String name = parts.get(parts.size() - 1);
    List<String> parent = parts.subList(0, parts.size() - 1);
    int[] sorted = frames.sorted().toArray();
    List<SharePath> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.length) {
      int start = sorted[i];
      int end = start;
      while (i + 1 < sorted.length && sorted[i + 1] <= end + 1) {
        end = Math.max(end, sorted[++i]);
      }
      List<String> c = new ArrayList<>(parent.size() + 1);
      c.addAll(parent);
      c.add(name + "[" + start + "-" + end + "]");
      out.add(pattern.withComponents(c, false));
      i++;
    }
    return out;
  }

  /**
   * {@link #sharePaths} as accsyn paths on the workspace's own storage.
   *
   * @param pattern the sequence's path
   * @param frames the frames that exist
   * @return one source per run of consecutive frames
   * @throws IllegalArgumentException if there are no frames
   */
  public static List<AccsynPath> sources(SharePath pattern, FrameSet frames) {
    return sharePaths(pattern, frames).stream().map(AccsynPath::of).toList();
  }
}
