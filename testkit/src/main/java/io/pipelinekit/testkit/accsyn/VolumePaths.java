package io.pipelinekit.testkit.accsyn;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume's root path per operating system (accsyn's {@code paths} attribute), e.g. {@code
 * /mnt/storage} on Linux and {@code S:} on Windows. The fake uses them to translate absolute server
 * paths into share paths, and returns them from {@code volume/find}.
 *
 * <pre>{@code
 * VolumePaths p = VolumePaths.builder().linux("/mnt/storage").windows("S:").mac("/Volumes/storage").build();
 * }</pre>
 */
public final class VolumePaths {
  private final Map<Os, String> paths;

  private VolumePaths(Map<Os, String> paths) {
    this.paths = Collections.unmodifiableMap(new EnumMap<>(paths));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Paths for all three systems. */
  public static VolumePaths of(String linux, String windows, String mac) {
    return builder().linux(linux).windows(windows).mac(mac).build();
  }

  /** The path for an OS, if configured. */
  public Optional<String> path(Os os) {
    return Optional.ofNullable(paths.get(os));
  }

  /** All configured paths. */
  public Map<Os, String> asMap() {
    return paths;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumePaths v && v.paths.equals(paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return "VolumePaths" + paths;
  }

  /**
   * Builds {@link VolumePaths}; not thread-safe.
   *
   * <pre>{@code
   * VolumePaths.builder().linux("/mnt/proj").windows("\\\\nas\\proj").build();
   * }</pre>
   */
  public static final class Builder {
    private final Map<Os, String> paths = new EnumMap<>(Os.class);

    private Builder() {}

    /** Sets the Linux path. */
    public Builder linux(String path) {
      return path(Os.LINUX, path);
    }

    /** Sets the Windows path (a drive like {@code S:} or a UNC path). */
    public Builder windows(String path) {
      return path(Os.WINDOWS, path);
    }

    /** Sets the macOS path. */
    public Builder mac(String path) {
      return path(Os.MAC, path);
    }

    /** Sets the path for an OS. */
    public Builder path(Os os, String path) {
      paths.put(Objects.requireNonNull(os, "os == null"), Objects.requireNonNull(path, "path"));
      return this;
    }

    /** Builds the value. */
    public VolumePaths build() {
      return new VolumePaths(paths);
    }
  }
}
