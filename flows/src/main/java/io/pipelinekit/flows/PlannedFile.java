package io.pipelinekit.flows;

import io.pipelinekit.accsyn.transfers.SequenceTasks;
import io.pipelinekit.paths.SharePath;
import io.pipelinekit.paths.sequence.FileSequence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file or frame sequence a flow moves: where it is on the accsyn volume, which ftrack component
 * it belongs to, and whether it is a preview.
 *
 * <p>A sequence becomes one accsyn task per run of consecutive frames, each with its range ({@code
 * comp.%04d.exr[1001-1002]}, then {@code comp.%04d.exr[1004-1004]} after a hole): never a bare
 * pattern and never the parent directory.
 *
 * @param key a key unique within one flow run, written into each task's metadata
 * @param componentId the ftrack component, or empty for an additional file
 * @param versionId the ftrack version, or empty
 * @param label a short human name ({@code sh010 comp v3 main})
 * @param path the share path (the pattern for a sequence)
 * @param sequence the frames of a sequence
 * @param preview whether it goes first (priority 999)
 */
public record PlannedFile(
    String key,
    Optional<String> componentId,
    Optional<String> versionId,
    String label,
    SharePath path,
    Optional<FileSequence> sequence,
    boolean preview) {

  /** Checks the parts. */
  public PlannedFile {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(componentId, "componentId == null");
    Objects.requireNonNull(versionId, "versionId == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(sequence, "sequence == null");
  }

  /**
   * The share paths of the accsyn tasks: the path itself, or one ranged pattern per run of
   * consecutive frames.
   *
   * @return the paths, in frame order
   */
  public List<SharePath> taskPaths() {
    return sequence.isEmpty()
        ? List.of(path)
        : SequenceTasks.sharePaths(path, sequence.get().frames());
  }

  /**
   * How many files this stands for.
   *
   * @return 1, or the number of frames
   */
  public long fileCount() {
    return sequence.map(FileSequence::size).orElse(1L);
  }

  /**
   * The file names below the path's directory: the name, or one name per frame.
   *
   * @return the names
   */
  public List<String> fileNames() {
    if (sequence.isEmpty()) {
      List<String> parts = path.components();
      return List.of(parts.get(parts.size() - 1));
    }
    return sequence.get().expand().map(PlannedFile::lastPart).toList();
  }

  private static String lastPart(String p) {
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return p.substring(slash + 1);
  }
}
