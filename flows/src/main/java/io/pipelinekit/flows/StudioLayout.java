package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Json;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.storage.Folder;
import io.pipelinekit.accsyn.storage.Storage;
import io.pipelinekit.accsyn.storage.Volume;
import io.pipelinekit.flows.locations.LocationDirectory;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.UnknownLocationException;
import io.pipelinekit.ftrack.files.ComponentInLocation;
import io.pipelinekit.ftrack.files.LocationStorage;
import io.pipelinekit.ftrack.files.PathResolver;
import io.pipelinekit.ftrack.files.ShareFile;
import io.pipelinekit.ftrack.files.UnresolvedPathException;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a studio's ftrack locations relate to its accsyn storage: which accsyn volume the studio
 * locations' resource identifiers are relative to (ftrack's standard structure: {@code
 * demo/sq010/sh010/comp/v003/comp.%04d.exr}), where that volume is mounted on each OS (to read
 * absolute paths of {@code ftrack.unmanaged}), which sites exist, and which files are previews and
 * frame sequences.
 *
 * <p>This replaces the scripts' "cut the path at the project code" heuristic with an explicit
 * table: a path that no root covers is refused with a message naming the path.
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
  private final boolean sitesFromFtrack;
  private final Set<String> previewExtensions;
  private final Set<String> sequenceExtensions;
  private final PathMapper mapper;
  private final Platform platform;
  private final Map<String, PathResolver> resolvers = new ConcurrentHashMap<>();

  private StudioLayout(Builder b) {
    this.volume = b.volume;
    this.roots = Map.copyOf(b.roots);
    this.sites = List.copyOf(b.sites);
    this.sitesFromFtrack = b.sitesFromFtrack;
    this.previewExtensions = fold(b.previewExtensions);
    this.sequenceExtensions = fold(b.sequenceExtensions);
    Share.Builder share = Share.volume(volume).asDefault();
    roots.forEach(share::root);
    this.mapper = PathMapper.of(RootTable.builder().add(share.build()).build());
    this.platform =
        roots.containsKey(Platform.LINUX) || roots.isEmpty()
            ? Platform.LINUX
            : roots.keySet().iterator().next();
  }

  /**
   * Reads the layout from accsyn as the API user sees it, with the local mirror from the process
   * environment; see {@link #fromAccsyn(AccsynClient, Map)}.
   *
   * @param client an accsyn client with any role
   * @return the layout
   * @throws FlowException if the user can see no volume and no folder share
   */
  public static StudioLayout fromAccsyn(AccsynClient client) {
    return fromAccsyn(client, System.getenv());
  }

  /**
   * Reads the layout from accsyn as the API user sees it, whatever their role:
   *
   * <ul>
   *   <li>an admin, or an employee with access to the volume, sees the default volume, where it is
   *       mounted on each OS, and the site codes;
   *   <li>anyone else (an employee without volume access, a vendor) sees only the folder shares
   *       they were granted: the volume is the one those folders live in, its root on this machine
   *       is the local mirror {@code ACCSYN_<VOLUME>_PATH} if set, and ftrack locations not named
   *       by an e-mail are taken as sites (accsyn checks them when the job is created).
   * </ul>
   *
   * @param client an accsyn client with any role
   * @param environment where {@code ACCSYN_<VOLUME>_PATH} is read
   * @return the layout
   * @throws FlowException if the user can see no volume and no folder share, or folders on several
   *     volumes
   */
  public static StudioLayout fromAccsyn(AccsynClient client, Map<String, String> environment) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(environment, "environment == null");
    Storage storage = Storage.of(client);
    Optional<Volume> volume = storage.defaultVolume();
    Builder b = builder();
    if (volume.isPresent()) {
      b.volume(volume.get().code());
      volume.get().paths().forEach(b::root);
    } else {
      b.volume(volumeOfFolders(client, storage));
    }
    if (b.roots.isEmpty()) {
      String mirror = environment.get(mirrorVariable(b.volume));
      if (mirror != null && !mirror.isBlank()) {
        b.root(hostPlatform(), mirror.strip());
      }
    }
    List<Json> sites = client.find("Site");
    if (sites.isEmpty() && !"admin".equalsIgnoreCase(client.role())) {
      b.sitesFromFtrack(true);
    }
    for (Json site : sites) {
      site.string("code").ifPresent(b::site);
    }
    return b.build();
  }

  /**
   * The variable that holds a user's local mirror of a volume, as accsyn's desktop app and scripts
   * name it.
   *
   * @param volume the volume code
   * @return e.g. {@code ACCSYN_PROJECTS_PATH}
   */
  public static String mirrorVariable(String volume) {
    return "ACCSYN_" + volume.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PATH";
  }

  private static Platform hostPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.startsWith("windows")
        ? Platform.WINDOWS
        : os.startsWith("mac") ? Platform.MAC : Platform.LINUX;
  }

  private static String volumeOfFolders(AccsynClient client, Storage storage) {
    Set<String> volumes = new TreeSet<>();
    for (Folder f : storage.folders()) {
      f.volumeHr().ifPresent(volumes::add);
    }
    if (volumes.size() == 1) {
      return volumes.iterator().next();
    }
    String who = client.username() + " (" + client.role() + ")";
    if (volumes.isEmpty()) {
      throw FlowException.permissionDenied(
          who,
          "read access to the studio volume or to a folder share on it",
          "the flows",
          "an accsyn admin grants it in the accsyn web app (Admin > Volumes, or the folder's"
              + " Access tab), or runs setup with an admin key: setup gives the pipeline account"
              + " the volume and a vendor the project folder");
    }
    throw FlowException.badInput(
        who
            + " sees folder shares on several volumes "
            + volumes
            + "; build the layout with StudioLayout.builder().volume(<code>)");
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
   * Which accsyn party each ftrack location is: site codes are sites, e-mail names are users. When
   * the API user cannot list accsyn's sites (a vendor), every location not named by an e-mail is
   * taken as a site.
   *
   * @param session the ftrack session whose location names are listed in error messages
   * @return the directory
   */
  public LocationDirectory directory(FtrackSession session) {
    LocationDirectory.Builder b = LocationDirectory.builder().knownLocations(session);
    sites.forEach(b::site);
    if (sitesFromFtrack) {
      for (String name :
          LocationDirectory.builder().knownLocations(session).build().knownLocations()) {
        if (!name.contains("@")) {
          b.site(name);
        }
      }
    }
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
      return directory(session).party(locationName);
    } catch (UnknownLocationException e) {
      throw FlowException.badInput(e.getMessage(), e);
    }
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
              + "/...)"
              + (roots.isEmpty()
                  ? "; no root of the volume is known on this machine: set "
                      + mirrorVariable(volume)
                      + " to your local mirror of it"
                  : ""));
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
    private boolean sitesFromFtrack;
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
     * Takes every ftrack location not named by an e-mail as an accsyn site, for API users who
     * cannot list sites.
     *
     * @param flag true to take the site codes from ftrack's location names
     * @return this
     */
    public Builder sitesFromFtrack(boolean flag) {
      this.sitesFromFtrack = flag;
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
     * @throws IllegalArgumentException without a volume
     */
    public StudioLayout build() {
      if (volume == null || volume.isBlank()) {
        throw new IllegalArgumentException("a studio layout needs the accsyn volume code");
      }
      return new StudioLayout(this);
    }
  }
}
