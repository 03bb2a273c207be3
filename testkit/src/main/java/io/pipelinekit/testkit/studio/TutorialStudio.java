package io.pipelinekit.testkit.studio;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.Os;
import io.pipelinekit.testkit.accsyn.TransferSpeed;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A small studio on the embedded fakes, with the cast of accsyn's tutorials, each person with their
 * own accsyn and ftrack API keys:
 *
 * <ul>
 *   <li>{@link #ADMIN}, the accsyn admin who runs setup;
 *   <li>{@link #PIPELINE}, the employee account that scripts and plug-ins run as (the tutorials
 *       recommend a separate employee account for scripts);
 *   <li>{@link #EMPLOYEE}, an employee with a Linux workstation mirroring the volume;
 *   <li>{@link #VENDOR}, a vendor (standard user) with a Mac mirroring the volume;
 *   <li>{@link #REVIEWERS}, two review clients (standard users) with laptops.
 * </ul>
 *
 * <p>accsyn has the sites {@code hq} (main) and {@code la} and the default volume {@code projects}.
 * {@link #seedProduction()} adds, after setup created the ftrack locations, the ftrack project
 * {@code demo} with two shots, a version each with a preview movie and an EXR sequence with a hole
 * (frame 1004), really written on hq's disk, and a review session inviting the two clients.
 *
 * <pre>{@code
 * try (TutorialStudio studio = TutorialStudio.start(0)) {
 *   Credentials vendor = studio.accsyn().credentials(TutorialStudio.VENDOR);
 *   Map<String, String> vendorFtrack = studio.ftrackEnvironment(TutorialStudio.VENDOR);
 * }
 * }</pre>
 */
public final class TutorialStudio implements AutoCloseable {
  /** The accsyn admin who runs setup. */
  public static final String ADMIN = "admin@studio.com";

  /** The employee account that scripts and plug-ins run as. */
  public static final String PIPELINE = "pipeline@studio.com";

  /** An employee with a workstation. */
  public static final String EMPLOYEE = "emma@studio.com";

  /** The vendor. */
  public static final String VENDOR = "vic@vendor.com";

  /** The review clients. */
  public static final List<String> REVIEWERS = List.of("rita@client.com", "sam@client.com");

  /** The studio volume's code. */
  public static final String VOLUME = "projects";

  /** The employee's local mirror of the volume. */
  public static final String EMPLOYEE_MIRROR = "/home/emma/projects";

  /** The vendor's local mirror of the volume ({@code ACCSYN_PROJECTS_PATH} on his Mac). */
  public static final String VENDOR_MIRROR = "/Users/vic/mirror";

  /** Frames of every sequence: 1004 is missing, as in real renders. */
  public static final List<Integer> FRAMES = List.of(1001, 1002, 1003, 1005, 1006);

  private final FakeAccsyn accsyn;
  private final FakeFtrack ftrack;
  private Production production;

  private TutorialStudio(long bytesPerSecond) {
    FakeAccsyn.Builder b =
        FakeAccsyn.builder()
            .workspace("studio")
            .site("hq")
            .site("la")
            .volume(VOLUME, VolumePaths.of("/mnt/projects", "P:", "/Volumes/projects"))
            .defaultVolume(VOLUME)
            .admin(ADMIN)
            .employee(PIPELINE)
            .employee(
                EMPLOYEE,
                u ->
                    u.app(
                        "emma-ws", Os.LINUX, a -> a.mapShare(VOLUME, EMPLOYEE_MIRROR, true, true)))
            .vendor(
                VENDOR,
                u -> u.app("vic-mac", Os.MAC, a -> a.mapShare(VOLUME, VENDOR_MIRROR, true, true)))
            .vendor(
                REVIEWERS.get(0),
                u -> u.app("rita-laptop", Os.MAC, a -> a.downloadDir("/Users/rita/Downloads")))
            .vendor(
                REVIEWERS.get(1),
                u -> u.app("sam-pc", Os.WINDOWS, a -> a.downloadDir("C:\\Users\\sam\\Downloads")));
    if (bytesPerSecond > 0) {
      b.speed(TransferSpeed.bytesPerSecond(bytesPerSecond));
    }
    this.accsyn = b.build();
    this.ftrack = FakeFtrack.builder().build();
    for (String person : List.of(ADMIN, PIPELINE, EMPLOYEE, VENDOR)) {
      ftrack.addApiUser(person, ftrackKey(person), false);
    }
  }

  /**
   * Starts both fakes.
   *
   * @param bytesPerSecond the accsyn fake's transfer speed, or 0 for unlimited
   * @return the studio; close it
   */
  public static TutorialStudio start(long bytesPerSecond) {
    return new TutorialStudio(bytesPerSecond);
  }

  /**
   * The accsyn fake.
   *
   * @return the fake
   */
  public FakeAccsyn accsyn() {
    return accsyn;
  }

  /**
   * The ftrack fake.
   *
   * @return the fake
   */
  public FakeFtrack ftrack() {
    return ftrack;
  }

  /**
   * A person's accsyn credentials.
   *
   * @param email one of the cast
   * @return the credentials
   */
  public Credentials accsynCredentials(String email) {
    return accsyn.credentials(email);
  }

  /**
   * {@code FTRACK_SERVER}, {@code FTRACK_API_USER} and {@code FTRACK_API_KEY} of one person of the
   * cast (every person has an ftrack API user named by their e-mail).
   *
   * @param email one of {@link #ADMIN}, {@link #PIPELINE}, {@link #EMPLOYEE}, {@link #VENDOR}
   * @return the variables
   */
  public Map<String, String> ftrackEnvironment(String email) {
    return Map.of(
        "FTRACK_SERVER",
        ftrack.serverUrl(),
        "FTRACK_API_USER",
        email,
        "FTRACK_API_KEY",
        ftrackKey(email));
  }

  private static String ftrackKey(String email) {
    return "ftrack-key-of-" + email;
  }

  /**
   * The volume's directory at a site.
   *
   * @param site the site
   * @return the directory
   */
  public Path volumeDir(String site) {
    return accsyn.volumeDir(site, VOLUME);
  }

  /**
   * A directory on a user's machine.
   *
   * @param email the user
   * @param absolutePath the path on that machine
   * @return the directory
   */
  public Path machine(String email, String absolutePath) {
    return accsyn.localPath(email, absolutePath);
  }

  /**
   * The ids of what {@link #seedProduction()} created.
   *
   * @param projectId the ftrack project
   * @param shotIds the two shots
   * @param taskIds their compositing tasks
   * @param versionIds their first versions
   * @param reviewSessionId the review session
   * @param relativeFiles every file, relative to the volume
   */
  public record Production(
      String projectId,
      List<String> shotIds,
      List<String> taskIds,
      List<String> versionIds,
      String reviewSessionId,
      List<String> relativeFiles) {}

  /**
   * Publishes the production at hq: in ftrack (registered in location {@code hq}) and on hq's disk.
   * Run after setup, which creates the ftrack locations.
   *
   * @return the ids
   * @throws IllegalArgumentException if the ftrack location {@code hq} does not exist yet
   */
  public Production seedProduction() {
    FtrackFixtures f = ftrack.fixtures();
    String hq = f.locationId("hq");
    String project = f.project("demo");
    String sq = f.sequence(project, "sq010");
    String comp = f.assetType("comp");
    List<String> shots = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    List<String> files = new ArrayList<>();
    Random random = new Random(42);
    int[] frames = FRAMES.stream().mapToInt(Integer::intValue).toArray();
    for (String shot : List.of("sh010", "sh020")) {
      String shotId = f.shot(sq, shot);
      String task = f.task(shotId, "compositing");
      String version = f.version(f.asset(shotId, "comp", comp), 1, task);
      String dir = "demo/sq010/" + shot + "/comp/v001/";
      String movie = dir + shot + "_comp_v001.mov";
      long movieSize = 1_200_000 + random.nextInt(100_000);
      write(volumeDir("hq").resolve(movie), movieSize, random);
      f.componentLocation(f.fileComponent(version, "review", ".mov", movieSize), hq, movie);
      files.add(movie);
      FtrackFixtures.SequenceIds exr = f.sequenceComponent(version, "main", ".exr", 4, frames);
      f.registerSequence(exr, hq, dir + "main.%04d.exr");
      for (int frame : frames) {
        String name = dir + String.format(Locale.ROOT, "main.%04d.exr", frame);
        write(volumeDir("hq").resolve(name), 200_000 + random.nextInt(50_000), random);
        files.add(name);
      }
      shots.add(shotId);
      tasks.add(task);
      versions.add(version);
    }
    String review = f.reviewSession(project, "Client dailies");
    for (String v : versions) {
      f.reviewSessionObject(review, v);
    }
    f.invitee(review, "Rita", " " + REVIEWERS.get(0).toUpperCase(Locale.ROOT) + " ");
    f.invitee(review, "Sam", REVIEWERS.get(1));
    production = new Production(project, shots, tasks, versions, review, List.copyOf(files));
    return production;
  }

  /**
   * What {@link #seedProduction()} created.
   *
   * @return the ids
   * @throws IllegalStateException before {@link #seedProduction()}
   */
  public Production production() {
    if (production == null) {
      throw new IllegalStateException("call seedProduction() first");
    }
    return production;
  }

  /**
   * Writes a file of pseudo-random bytes (deterministic for a seeded random).
   *
   * @param file the file
   * @param size its size
   * @param random the source of bytes
   */
  public static void write(Path file, long size, Random random) {
    byte[] data = new byte[Math.toIntExact(size)];
    random.nextBytes(data);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    ftrack.close();
    accsyn.close();
  }
}
