package io.pipelinekit.examples.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.storage.Storage;
import io.pipelinekit.accsyn.storage.Volume;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.files.ComponentInLocation;
import io.pipelinekit.ftrack.files.LocationStorage;
import io.pipelinekit.ftrack.files.PathResolver;
import io.pipelinekit.ftrack.files.ShareFile;
import io.pipelinekit.ftrack.files.UnresolvedPathException;
import io.pipelinekit.ftrack.locations.LocationDirectory;
import io.pipelinekit.paths.MappingResult;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.Share;
import io.pipelinekit.paths.SharePath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a studio's ftrack locations relate to its accsyn storage: which accsyn volume the studio
 * locations' resource identifiers are relative to (ftrack's standard structure: {@code
 * demo/sq010/sh010/comp/v003/comp.%04d.exr}), where that volume is mounted on each OS (to read
 * absolute paths of {@code ftrack.unmanaged}), which sites exist, and which files are previews and
 * frame sequences.
 *
 * <p>This replaces the scripts' "cut the path at the project code" heuristic (flows.md X2, X3) with
 * an explicit table: a path that no root covers is refused with a message naming the path.
 *
 * <pre>{@code
 * StudioLayout layout = StudioLayout.fromAccsyn(accsyn);   // volumes and sites from the workspace
 * ShareFile file = layout.toShare(component.in("hq").orElseThrow());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StudioLayout {
  /** File extensions treated as preview movies by default. */
  public static final Set<String> DEFAULT_PREVIEW_EXTENSIONS = Set.of("mov", "mp4");

  /** File extensions treated as frame sequences by default. */
  public static final Set<String> DEFAULT_SEQUENCE_EXTENSIONS =
      Set.of("exr", "dpx", "tif", "tiff", "png", "jpg", "jpeg");

  private final String volume;
  private final Map<Platform, String> roots;
  private final List<String> sites;
  private final Set<String> previewExtensions;
  private final Set<String> sequenceExtensions;
  private final PathMapper mapper;
  private final Platform platform;
  private final Map<String, PathResolver> resolvers = new ConcurrentHashMap<>();

  private StudioLayout(Builder b) {
    this.volume = b.volume;
    this.roots = Map.copyOf(b.roots);
    this.sites = List.copyOf(b.sites);
    this.previewExtensions = fold(b.previewExtensions);
    this.sequenceExtensions = fold(b.sequenceExtensions);
    Share.Builder share = Share.volume(volume).asDefault();
    roots.forEach(share::root);
    this.mapper = PathMapper.of(RootTable.builder().add(share.build()).build());
    this.platform =
        roots.containsKey(Platform.LINUX) ? Platform.LINUX : roots.keySet().iterator().next();
  }

  /**
   * Reads the layout from an accsyn workspace: the default volume and its per-OS paths, and the
   * site codes.
   *
   * @param client an accsyn client allowed to see volumes and sites (admin or employee)
   * @return the layout
   * @throws FlowException if the workspace has no default volume
   */
  public static StudioLayout fromAccsyn(AccsynClient client) {
    Objects.requireNonNull(client, "client == null");
    Volume v =
        Storage.of(client)
            .defaultVolume()
            .orElseThrow(
                () ->
                    FlowException.notFound(
                        "the accsyn workspace has no default volume; create one in accsyn's admin"
                            + " pages (Storage) or pass the volume and its roots explicitly"));
    Builder b = builder().volume(v.code());
    v.paths().forEach(b::root);
    for (Json site : client.find("Site")) {
      site.string("code").ifPresent(b::site);
    }
    return b.build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The accsyn volume (share code) the studio locations' identifiers are relative to.
   *
   * @return e.g. {@code projects}
   */
  public String volume() {
    return volume;
  }

  /**
   * Where the volume is mounted, per OS.
   *
   * @return the roots
   */
  public Map<Platform, String> roots() {
    return roots;
  }

  /**
   * The accsyn site codes; an ftrack location with one of these names is that site.
   *
   * @return the codes
   */
  public List<String> sites() {
    return sites;
  }

  /**
   * The path-mapping table of the volume, for absolute paths.
   *
   * @return the mapper
   */
  public PathMapper mapper() {
    return mapper;
  }

  /**
   * Which accsyn party each ftrack location is: site codes are sites, e-mail names are users.
   *
   * @param session the ftrack session whose location names are listed in error messages
   * @return the directory
   */
  public LocationDirectory directory(FtrackSession session) {
    LocationDirectory.Builder b = LocationDirectory.builder().knownLocations(session);
    sites.forEach(b::site);
    return b.build();
  }

  /**
   * The accsyn party of an ftrack location.
   *
   * @param session the ftrack session
   * @param locationName the ftrack location name
   * @return the party
   * @throws FlowException if the name is neither a site code nor an e-mail
   */
  public Party party(FtrackSession session, String locationName) {
    try {
      return toAccsyn(directory(session).party(locationName));
    } catch (io.pipelinekit.ftrack.FtrackConfigurationException e) {
      throw FlowException.badInput(e.getMessage(), e);
    }
  }

  /**
   * Converts ftrack-bridge's party to accsyn-client's party (both model the same notation).
   *
   * @param party the ftrack-bridge party
   * @return the accsyn party
   */
  public static Party toAccsyn(io.pipelinekit.ftrack.locations.Party party) {
    String n = party.notation().orElse("");
    return n.isEmpty() ? Party.workspace() : Party.parse(n);
  }

  /**
   * The accsyn share path of a component in a location, with its frames for a sequence.
   *
   * @param component the component's registration in one location
   * @return the share file
   * @throws FlowException if the path is not under the volume
   */
  public ShareFile toShare(ComponentInLocation component) {
    PathResolver r =
        resolvers.computeIfAbsent(
            component.locationName(),
            name -> {
              PathResolver.Builder b = PathResolver.builder().platform(platform);
              if (!name.startsWith("ftrack.")) {
                b.location(name, LocationStorage.prefix(roots));
              }
              return b.build();
            });
    try {
      return r.toShare(component, mapper);
    } catch (UnresolvedPathException e) {
      throw FlowException.badInput(
          e.getMessage() + "; add the root to the studio layout (volume " + volume + ")", e);
    }
  }

  /**
   * An accsyn share path from what a user typed: share notation ({@code
   * share=projects/demo/notes.pdf}) or an absolute path under one of the volume's roots.
   *
   * @param text the path
   * @return the share path
   * @throws FlowException if the path is not under the volume
   */
  public SharePath toShare(String text) {
    Objects.requireNonNull(text, "path == null");
    String t = text.strip();
    if (t.isEmpty()) {
      throw FlowException.badInput("an empty path was given; remove the empty entry");
    }
    if (SharePath.isSharePath(t)) {
      MappingResult<SharePath> parsed = SharePath.tryParse(t);
      if (parsed.isSuccess()) {
        return parsed.orElseThrow();
      }
    }
    MappingResult<SharePath> r = mapper.toShare(t);
    if (!r.isSuccess()) {
      throw FlowException.badInput(
          "the path '"
              + t
              + "' is not under the accsyn volume '"
              + volume
              + "' (roots "
              + roots.values()
              + "); give a path below a root or in share notation (share="
              + volume
              + "/...)");
    }
    return r.orElseThrow();
  }

  /**
   * The resource identifier a studio location uses for a share path: the path below the volume.
   *
   * @param path a share path on the volume
   * @return e.g. {@code demo/sq010/sh010/comp/v003/comp.%04d.exr}
   * @throws FlowException if the path is on another share
   */
  public String identifier(SharePath path) {
    if (!path.code().equals(volume) && !path.isDefaultShare()) {
      throw FlowException.badInput(
          "'"
              + path
              + "' is not on the studio volume '"
              + volume
              + "'; ftrack locations of this studio store paths below that volume");
    }
    return String.join("/", path.components());
  }

  /**
   * Whether a file name is a preview movie.
   *
   * @param fileName the name or path
   * @return true for the preview extensions
   */
  public boolean isPreview(String fileName) {
    return previewExtensions.contains(extension(fileName));
  }

  /**
   * Whether a file name is a frame of a sequence type.
   *
   * @param fileName the name or path
   * @return true for the sequence extensions
   */
  public boolean isSequenceType(String fileName) {
    return sequenceExtensions.contains(extension(fileName));
  }

  static String extension(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    String name = fileName.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Set<String> fold(Set<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      String e = s.strip().toLowerCase(Locale.ROOT);
      out.add(e.startsWith(".") ? e.substring(1) : e);
    }
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return "StudioLayout{volume=" + volume + ", roots=" + roots + ", sites=" + sites + "}";
  }

  /** Builds a {@link StudioLayout}. Not thread-safe. */
  public static final class Builder {
    private String volume;
    private final Map<Platform, String> roots = new EnumMap<>(Platform.class);
    private final List<String> sites = new ArrayList<>();
    private Set<String> previewExtensions = DEFAULT_PREVIEW_EXTENSIONS;
    private Set<String> sequenceExtensions = DEFAULT_SEQUENCE_EXTENSIONS;

    private Builder() {}

    /**
     * The volume code.
     *
     * @param code e.g. {@code projects}
     * @return this
     */
    public Builder volume(String code) {
      this.volume = Objects.requireNonNull(code, "volume == null");
      return this;
    }

    /**
     * Where the volume is mounted on one OS.
     *
     * @param platform the OS
     * @param path e.g. {@code /mnt/projects}
     * @return this
     */
    public Builder root(Platform platform, String path) {
      Objects.requireNonNull(platform, "platform == null");
      Objects.requireNonNull(path, "path == null");
      // accsyn writes a Windows volume as a bare drive ("P:"); path-mapping needs its root "P:\".
      boolean bareDrive =
          path.length() == 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
      roots.put(platform, bareDrive ? path + "\\" : path);
      return this;
    }

    /**
     * Adds a site code.
     *
     * @param code e.g. {@code la}
     * @return this
     */
    public Builder site(String code) {
      sites.add(Objects.requireNonNull(code, "site == null"));
      return this;
    }

    /**
     * Replaces the preview extensions.
     *
     * @param extensions e.g. {@code mov, mp4}
     * @return this
     */
    public Builder previewExtensions(Set<String> extensions) {
      this.previewExtensions = Set.copyOf(extensions);
      return this;
    }

    /**
     * Replaces the sequence extensions.
     *
     * @param extensions e.g. {@code exr, dpx}
     * @return this
     */
    public Builder sequenceExtensions(Set<String> extensions) {
      this.sequenceExtensions = Set.copyOf(extensions);
      return this;
    }

    /**
     * Builds the layout.
     *
     * @return the layout
     * @throws IllegalArgumentException without a volume or a root
     */
    public StudioLayout build() {
      if (volume == null || volume.isBlank()) {
        throw new IllegalArgumentException("a studio layout needs the accsyn volume code");
      }
      if (roots.isEmpty()) {
        throw new IllegalArgumentException(
            "a studio layout needs at least one root of volume " + volume);
      }
      return new StudioLayout(this);
    }
  }
}
