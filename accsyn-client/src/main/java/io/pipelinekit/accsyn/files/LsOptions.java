package io.pipelinekit.accsyn.files;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Options of a listing ({@code ls}). Filters: {@code word} exact, {@code *word} ends with, {@code
 * word*} starts with, {@code *word*} contains, {@code re('regex')}; case-insensitive; include wins
 * over exclude.
 *
 * <pre>{@code
 * LsOptions.builder().recursive(true).maxDepth(2).sizes(true).addExclude("*.tmp").build();
 * }</pre>
 */
@Value.Immutable
public interface LsOptions {
  /**
   * List sub-directories too.
   *
   * @return default false
   */
  @Value.Default
  default boolean recursive() {
    return false;
  }

  /**
   * How deep a recursive listing goes.
   *
   * @return the depth, if limited
   */
  OptionalInt maxDepth();

  /**
   * Compute directory sizes ({@code getsize}).
   *
   * @return default false
   */
  @Value.Default
  default boolean sizes() {
    return false;
  }

  /**
   * Only files.
   *
   * @return default false
   */
  @Value.Default
  default boolean filesOnly() {
    return false;
  }

  /**
   * Only directories.
   *
   * @return default false
   */
  @Value.Default
  default boolean directoriesOnly() {
    return false;
  }

  /**
   * Include filters.
   *
   * @return the filters
   */
  List<String> includes();

  /**
   * Exclude filters.
   *
   * @return the filters
   */
  List<String> excludes();

  /**
   * One include filter, sent as a plain string rather than a list (the official client accepts
   * either); not together with {@link #includes()}.
   *
   * @return the filter
   */
  Optional<String> include();

  /**
   * One exclude filter, sent as a plain string rather than a list; not together with {@link
   * #excludes()}.
   *
   * @return the filter
   */
  Optional<String> exclude();

  /** Checks the options. */
  @Value.Check
  default void check() {
    if (include().isPresent() && !includes().isEmpty()) {
      throw new IllegalArgumentException("give include as one string or as a list, not both");
    }
    if (exclude().isPresent() && !excludes().isEmpty()) {
      throw new IllegalArgumentException("give exclude as one string or as a list, not both");
    }
    if (filesOnly() && directoriesOnly()) {
      throw new IllegalArgumentException("filesOnly and directoriesOnly exclude each other");
    }
    if (maxDepth().isPresent() && maxDepth().getAsInt() < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1");
    }
  }

  /**
   * Adds the options to {@code ls} data.
   *
   * @param m the data
   */
  default void putInto(Map<String, Object> m) {
    m.put("recursive", recursive());
    m.put("getsize", sizes());
    maxDepth().ifPresent(d -> m.put("maxdepth", d));
    if (directoriesOnly()) {
      m.put("directories_only", true);
    }
    if (filesOnly()) {
      m.put("files_only", true);
    }
    // As the official client: a filter is sent when truthy, in the form the caller gave.
    include().filter(f -> !f.isEmpty()).ifPresent(f -> m.put("include", f));
    if (!includes().isEmpty()) {
      m.put("include", includes());
    }
    exclude().filter(f -> !f.isEmpty()).ifPresent(f -> m.put("exclude", f));
    if (!excludes().isEmpty()) {
      m.put("exclude", excludes());
    }
  }

  /**
   * The defaults: one level, no sizes, no filters.
   *
   * @return the options
   */
  static LsOptions defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LsOptions}; not thread-safe. */
  final class Builder extends ImmutableLsOptions.Builder {}
}
