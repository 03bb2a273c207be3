package io.pipelinekit.examples.demo;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.examples.flows.StudioLayout;
import io.pipelinekit.ftrack.FtrackSession;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small studio on the embedded fakes: accsyn sites {@code hq} (main) and {@code la} with the
 * volume {@code projects}, an employee with a workstation mirroring the volume, a vendor with a Mac
 * mirroring it, two review clients with laptops; and in ftrack the project {@code demo} with two
 * shots, a version each with a preview movie and an EXR sequence with a hole, and a review session
 * inviting the two clients. Files really exist on the fake's disks.
 *
 * <pre>{@code
 * try (DemoStudio studio = DemoStudio.start(1024 * 1024)) {
 *   studio.seedProduction();
 *   ... SendFlow.of(studio.admin(), studio.ftrack(), studio.layout()) ...
 * }
 * }</pre>
 */
public final class DemoStudio implements AutoCloseable {
  /** The accsyn admin the pipeline runs as. */
  public static final String ADMIN = "pipeline@studio.com";

  /** The employee. */
  public static final String EMPLOYEE = "emma@studio.com";

  /** The vendor. */
  public static final String VENDOR = "vic@vendor.com";

  /** The review clients. */
  public static final List<String> REVIEWERS = List.of("rita@client.com", "sam@client.com");

  /** The employee's local mirror of the volume. */
  public static final String EMPLOYEE_MIRROR = "/home/emma/projects";

  /** The vendor's local mirror of the volume ({@code ACCSYN_PROJECTS_PATH} on his Mac). */
  public static final String VENDOR_MIRROR = "/Users/vic/mirror";

  /** Frames of every sequence: 1004 is missing, as in real renders. */
  public static final int[] FRAMES = {1001, 1002, 1003, 1005, 1006};

  private final FakeAccsyn accsynFake;
  private final FakeFtrack ftrackFake;
  private final AccsynClient admin;
  private final AccsynClient vendor;
  private final FtrackSession ftrack;
  private final StudioLayout layout;
  private Production production;

  private DemoStudio(long bytesPerSecond) {
    FakeAccsyn.Builder b =
        FakeAccsyn.builder()
            .workspace("studio")
            .site("hq")
            .site("la")
            .volume("projects", VolumePaths.of("/mnt/projects", "P:", "/Volumes/projects"))
            .defaultVolume("projects")
            .admin(ADMIN)
            .employee(
                EMPLOYEE,
                u ->
                    u.app(
                        "emma-ws",
                        Os.LINUX,
                        a -> a.mapShare("projects", EMPLOYEE_MIRROR, true, true)))
            .vendor(
                VENDOR,
                u ->
                    u.app(
                        "vic-mac", Os.MAC, a -> a.mapShare("projects", VENDOR_MIRROR, true, true)))
            .vendor(
                REVIEWERS.get(0),
                u -> u.app("rita-laptop", Os.MAC, a -> a.downloadDir("/Users/rita/Downloads")))
            .vendor(
                REVIEWERS.get(1),
                u -> u.app("sam-pc", Os.WINDOWS, a -> a.downloadDir("C:\\Users\\sam\\Downloads")));
    if (bytesPerSecond > 0) {
      b.speed(TransferSpeed.bytesPerSecond(bytesPerSecond));
    }
    this.accsynFake = b.build();
    this.ftrackFake = FakeFtrack.builder().build();
    this.admin = client(accsynFake.credentials(ADMIN));
    this.vendor = client(accsynFake.credentials(VENDOR));
    this.ftrack = FtrackSession.fromEnvironment(ftrackFake.environment());
    this.layout = StudioLayout.fromAccsyn(admin);
  }

  /**
   * Starts the fakes.
   *
   * @param bytesPerSecond the fake's transfer speed, or 0 for unlimited
   * @return the studio
   */
  public static DemoStudio start(long bytesPerSecond) {
    return new DemoStudio(bytesPerSecond);
  }

  private static AccsynClient client(Credentials c) {
    return AccsynClient.builder()
        .endpoint(c.baseUrl())
        .workspace(c.workspace())
        .username(c.username())
        .apiKey(c.apiKey())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build())
        .build();
  }

  /**
   * A new accsyn client for one of the studio's users (close it).
   *
   * @param email the user
   * @return the client
   */
  public AccsynClient client(String email) {
    return client(accsynFake.credentials(email));
  }

  /**
   * The accsyn fake.
   *
   * @return the fake
   */
  public FakeAccsyn accsynFake() {
    return accsynFake;
  }

  /**
   * The ftrack fake.
   *
   * @return the fake
   */
  public FakeFtrack ftrackFake() {
    return ftrackFake;
  }

  /**
   * The pipeline's accsyn client (admin).
   *
   * @return the client
   */
  public AccsynClient admin() {
    return admin;
  }

  /**
   * The vendor's accsyn client.
   *
   * @return the client
   */
  public AccsynClient vendor() {
    return vendor;
  }

  /**
   * The ftrack session.
   *
   * @return the session
   */
  public FtrackSession ftrack() {
    return ftrack;
  }

  /**
   * The studio layout read from the fake workspace.
   *
   * @return the layout
   */
  public StudioLayout layout() {
    return layout;
  }

  /**
   * The volume's directory at a site.
   *
   * @param site the site
   * @return the directory
   */
  public Path volumeDir(String site) {
    return accsynFake.volumeDir(site, "projects");
  }

  /**
   * A directory on a user's machine.
   *
   * @param email the user
   * @param absolutePath the path on that machine
   * @return the directory
   */
  public Path machine(String email, String absolutePath) {
    return accsynFake.localPath(email, absolutePath);
  }

  /** The ids of what {@link #seedProduction()} created. */
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
   */
  public Production seedProduction() {
    FtrackFixtures f = ftrackFake.fixtures();
    String hq = f.locationId("hq");
    String project = f.project("demo");
    String sq = f.sequence(project, "sq010");
    String comp = f.assetType("comp");
    List<String> shots = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    List<String> files = new ArrayList<>();
    Random random = new Random(42);
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
      FtrackFixtures.SequenceIds exr = f.sequenceComponent(version, "main", ".exr", 4, FRAMES);
      f.registerSequence(exr, hq, dir + "main.%04d.exr");
      for (int frame : FRAMES) {
        String name = dir + String.format("main.%04d.exr", frame);
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
    f.invitee(review, "Rita", " " + REVIEWERS.get(0).toUpperCase(java.util.Locale.ROOT) + " ");
    f.invitee(review, "Sam", REVIEWERS.get(1));
    production = new Production(project, shots, tasks, versions, review, List.copyOf(files));
    return production;
  }

  /**
   * What {@link #seedProduction()} created.
   *
   * @return the ids
   */
  public Production production() {
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
    byte[] data = new byte[(int) size];
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
    vendor.close();
    admin.close();
    ftrackFake.close();
    accsynFake.close();
  }
}
