package io.pipelinekit.accsyn.files;

import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.internal.typed.Fields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One entry of a listing: a file or directory with its size and modification time, and its children
 * when the listing was recursive.
 *
 * <pre>{@code
 * for (FileEntry e : client.files().ls(AccsynPath.share("proj", "sh010"))) {
 *   e.name(); e.isDirectory(); e.size();
 * }
 * }</pre>
 */
@Value.Immutable
public interface FileEntry {
  /**
   * The file name.
   *
   * @return the name
   */
  String name();

  /**
   * Whether this is a directory ({@code type} 0).
   *
   * @return true for a directory
   */
  boolean isDirectory();

  /**
   * The size in bytes (for directories only when sizes were asked for).
   *
   * @return the size, if sent
   */
  OptionalLong size();

  /**
   * The modification time.
   *
   * @return the instant, if sent
   */
  Optional<Instant> modified();

  /**
   * The children of a directory in a recursive listing.
   *
   * @return the children
   */
  List<FileEntry> children();

  /**
   * Fields this type does not model.
   *
   * @return the extra fields
   */
  Map<String, Json> extra();

  /**
   * Decodes an entry.
   *
   * @param json the entry
   * @return the entry
   */
  static FileEntry fromJson(Json json) {
    Fields f = Fields.of(json, "file entry");
    Builder b = builder().name(f.string("filename").or(() -> f.string("name")).orElse(""));
    b.isDirectory(f.longValue("type").orElse(1) == 0);
    OptionalLong size = f.longValue("size");
    if (size.isPresent() && size.getAsLong() >= 0) {
      b.size(size);
    }
    f.instant("modified").ifPresent(b::modified);
    for (Json c : f.list("files")) {
      if (c.isObject()) {
        b.addChild(fromJson(c));
      }
    }
    return b.putAllExtra(f.rest()).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FileEntry}; not thread-safe. */
  final class Builder extends ImmutableFileEntry.Builder {}
}
