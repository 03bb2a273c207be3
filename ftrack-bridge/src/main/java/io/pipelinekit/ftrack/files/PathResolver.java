package io.pipelinekit.ftrack.files;

import io.pipelinekit.ftrack.ServerInformation;
import io.pipelinekit.ftrack.StorageScenario;
import io.pipelinekit.ftrack.model.Location;
import io.pipelinekit.paths.MappingResult;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.SharePath;
import io.pipelinekit.paths.Source;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.paths.sequence.SequencePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns resource identifiers into file-system paths per location, and those into accsyn share paths
 * through path-mapping.
 *
 * <pre>{@code
 * PathResolver paths = PathResolver.builder()
 *     .platform(Platform.LINUX)
 *     .serverInformation(session.serverInformation())       // the centralized storage scenario
 *     .location("hq", LocationStorage.prefix(Map.of(Platform.LINUX, "/mnt/projects")))
 *     .build();
 * ResolvedPath p = paths.resolve(files.in("hq").orElseThrow());
 * ShareFile s = paths.toShare(files.in("hq").orElseThrow(), PathMapper.of(rootTable));
 * }</pre>
 *
 * <p>Known without configuration: {@code ftrack.unmanaged}, {@code ftrack.origin} and {@code
 * ftrack.review} hold absolute paths; {@code ftrack.server} holds no file-system paths; the
 * centralized storage location (when the server information is given) is its mount point per
 * platform plus the identifier. Immutable and thread-safe.
 */
public final class PathResolver {
  private final Platform platform;
  private final Map<String, LocationStorage> byName;
  private final Map<String, LocationStorage> byId;

  private PathResolver(Builder b) {
    this.platform = b.platform;
    this.byName = Map.copyOf(b.byName);
    this.byId = Map.copyOf(b.byId);
  }

  /**
   * A builder for the current platform with the built-in locations.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The platform whose roots are used.
   *
   * @return the platform
   */
  public Platform platform() {
    return platform;
  }

  /**
   * The storage of a location.
   *
   * @param locationName the name
   * @return the storage, if configured or built in
   */
  public Optional<LocationStorage> storage(String locationName) {
    return Optional.ofNullable(byName.get(locationName));
  }

  /**
   * The file-system path of a component in a location.
   *
   * @param component the registration
   * @return the path, with the sequence and member paths
   * @throws UnresolvedPathException if the location has no storage, holds files on the server, or
   *     the identifier leaves its root
   */
  public ResolvedPath resolve(ComponentInLocation component) {
    LocationStorage storage = byName.get(component.locationName());
    if (storage == null) {
      storage = byId.get(component.locationId());
    }
    if (storage == null) {
      throw new UnresolvedPathException(
          "location '"
              + component.locationName()
              + "' has no storage configured, so its identifier '"
              + component.resourceIdentifier()
              + "' cannot become a path; configure it with PathResolver.builder().location(\""
              + component.locationName()
              + "\", LocationStorage.prefix(...)) (configured: "
              + String.join(", ", new java.util.TreeSet<>(byName.keySet()))
              + ")");
    }
    if (storage.kind() == LocationStorage.Kind.SERVER) {
      throw new UnresolvedPathException(
          "location '"
              + component.locationName()
              + "' keeps files on the ftrack server, not on a file system; transfer the component"
              + " from another location");
    }
    ResolvedPath.Builder b = ResolvedPath.builder().locationName(component.locationName());
    if (storage.kind() == LocationStorage.Kind.ABSOLUTE) {
      b.path(component.resourceIdentifier());
      component.sequence().ifPresent(b::sequence);
      b.memberPaths(component.memberIdentifiers());
      return b.build();
    }
    String root = storage.roots().get(platform);
    if (root == null) {
      throw new UnresolvedPathException(
          "location '"
              + component.locationName()
              + "' has no root for "
              + platform
              + " (roots: "
              + storage.roots()
              + "); add one to its LocationStorage");
    }
    b.platform(platform);
    String path = join(root, component.resourceIdentifier(), component.locationName());
    b.path(path);
    if (component.sequence().isPresent()) {
      b.sequence(FileSequence.of(SequencePattern.parse(path), component.sequence().get().frames()));
    }
    List<String> members = new ArrayList<>();
    for (String m : component.memberIdentifiers()) {
      members.add(join(root, m, component.locationName()));
    }
    return b.memberPaths(members).build();
  }

  /**
   * The accsyn share path of a component in a location.
   *
   * @param component the registration
   * @param mapper the studio's path mapping
   * @return the share path, and the sequence over it for sequences
   * @throws UnresolvedPathException if the path cannot be resolved or mapped; the message carries
   *     path-mapping's reason
   */
  public ShareFile toShare(ComponentInLocation component, PathMapper mapper) {
    ResolvedPath p = resolve(component);
    Source source = p.platform().map(Source::of).orElse(Source.detect());
    MappingResult<SharePath> r = mapper.toShare(p.path(), source);
    if (!r.isSuccess()) {
      throw new UnresolvedPathException(
          "the path '"
              + p.path()
              + "' of a component in location '"
              + component.locationName()
              + "' is not under any accsyn share: "
              + r.failure().orElseThrow().message());
    }
    SharePath share = r.orElseThrow();
    ShareFile.Builder b = ShareFile.builder().sharePath(share);
    p.sequence()
        .ifPresent(
            s -> b.sequence(FileSequence.of(SequencePattern.parse(share.toString()), s.frames())));
    return b.build();
  }

  /** Joins a root and a relative identifier with the platform's separator, staying inside. */
  private String join(String root, String ri, String location) {
    char sep = platform.flavour() == io.pipelinekit.paths.PathFlavour.WINDOWS ? '\\' : '/';
    if (ri.startsWith("/") || ri.startsWith("\\") || (ri.length() > 1 && ri.charAt(1) == ':')) {
      return ri; // an absolute identifier is used as is, as the official DiskAccessor does
    }
    List<String> parts = new ArrayList<>();
    for (String s : ri.split("[/\\\\]")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          throw new UnresolvedPathException(
              "the identifier '" + ri + "' in location '" + location + "' leaves its root " + root);
        }
        parts.remove(parts.size() - 1);
        continue;
      }
      parts.add(s);
    }
    String r = root;
    while (r.length() > 1 && (r.endsWith("/") || r.endsWith("\\"))) {
      r = r.substring(0, r.length() - 1);
    }
    if (r.equals("/") || r.equals("\\")) {
      r = "";
    }
    return r + sep + String.join(String.valueOf(sep), parts);
  }

  /** Builds a {@link PathResolver}; not thread-safe. */
  public static final class Builder {
    private Platform platform = current();
    private final Map<String, LocationStorage> byName = new LinkedHashMap<>();
    private final Map<String, LocationStorage> byId = new LinkedHashMap<>();

    private Builder() {
      location("ftrack.unmanaged", LocationStorage.absolute());
      location("ftrack.origin", LocationStorage.absolute());
      location("ftrack.review", LocationStorage.absolute());
      location("ftrack.server", LocationStorage.server());
      byId.put(Location.UNMANAGED_ID, LocationStorage.absolute());
      byId.put(Location.ORIGIN_ID, LocationStorage.absolute());
      byId.put(Location.REVIEW_ID, LocationStorage.absolute());
      byId.put(Location.SERVER_ID, LocationStorage.server());
    }

    private static Platform current() {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      return os.startsWith("windows")
          ? Platform.WINDOWS
          : os.startsWith("mac") ? Platform.MAC : Platform.LINUX;
    }

    /**
     * The platform whose roots to use. Default: the one this JVM runs on.
     *
     * @param platform the platform
     * @return this builder
     */
    public Builder platform(Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform == null");
      return this;
    }

    /**
     * Configures a location by name; replaces any earlier configuration of that name.
     *
     * @param name the location name
     * @param storage how its identifiers become paths
     * @return this builder
     */
    public Builder location(String name, LocationStorage storage) {
      byName.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(storage));
      return this;
    }

    /**
     * Configures the centralized storage location, if the server information has one.
     *
     * @param info the server information
     * @return this builder
     */
    public Builder serverInformation(ServerInformation info) {
      info.storageScenario().ifPresent(this::storageScenario);
      return this;
    }

    /**
     * Configures the centralized storage location: its mount points are the roots.
     *
     * @param scenario the scenario; others than centralized storage are ignored
     * @return this builder
     */
    public Builder storageScenario(StorageScenario scenario) {
      if (scenario.isCentralized() && !scenario.mountPoints().isEmpty()) {
        LocationStorage s = LocationStorage.prefix(scenario.mountPoints());
        scenario.locationName().ifPresent(n -> byName.put(n, s));
        scenario.locationId().ifPresent(id -> byId.put(id, s));
      }
      return this;
    }

    /**
     * Builds the resolver.
     *
     * @return the resolver
     */
    public PathResolver build() {
      return new PathResolver(this);
    }
  }
}
