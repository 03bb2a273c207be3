package io.pipelinekit.examples.demo;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.StudioLayout;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's studio: testkit's {@link TutorialStudio} (sites {@code hq} and {@code la}, the volume
 * {@code projects}, an admin, the pipeline's employee account, an employee, a vendor and two review
 * clients, the project {@code demo}) with an accsyn client and an ftrack session per person.
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
  public static final String ADMIN = TutorialStudio.ADMIN;

  /** The employee. */
  public static final String EMPLOYEE = TutorialStudio.EMPLOYEE;

  /** The vendor. */
  public static final String VENDOR = TutorialStudio.VENDOR;

  /** The review clients. */
  public static final List<String> REVIEWERS = TutorialStudio.REVIEWERS;

  /** The employee's local mirror of the volume. */
  public static final String EMPLOYEE_MIRROR = TutorialStudio.EMPLOYEE_MIRROR;

  /** The vendor's local mirror of the volume ({@code ACCSYN_PROJECTS_PATH} on his Mac). */
  public static final String VENDOR_MIRROR = TutorialStudio.VENDOR_MIRROR;

  private final TutorialStudio fakes;
  private final FakeAccsyn accsynFake;
  private final FakeFtrack ftrackFake;
  private final AccsynClient admin;
  private final AccsynClient vendor;
  private final FtrackSession ftrack;
  private final StudioLayout layout;
  private final List<AutoCloseable> opened = new ArrayList<>();

  private DemoStudio(long bytesPerSecond) {
    this.fakes = TutorialStudio.start(bytesPerSecond);
    this.accsynFake = fakes.accsyn();
    this.ftrackFake = fakes.ftrack();
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
   * The flows as one person of the cast runs them: their own accsyn and ftrack keys, and the layout
   * they can see (a vendor's local mirror given as {@code ACCSYN_PROJECTS_PATH}). Closed with the
   * studio.
   *
   * @param person one of {@link TutorialStudio#ADMIN}, {@link TutorialStudio#PIPELINE}, {@link
   *     #EMPLOYEE}, {@link #VENDOR}
   * @return the studio of that person
   */
  public Studio as(String person) {
    AccsynClient accsyn = client(accsynFake.credentials(person));
    FtrackSession session = FtrackSession.fromEnvironment(fakes.ftrackEnvironment(person));
    Map<String, String> env =
        person.equals(VENDOR)
            ? Map.of(StudioLayout.mirrorVariable("projects"), VENDOR_MIRROR)
            : Map.of();
    Studio studio = Studio.builder().accsyn(accsyn).ftrack(session).environment(env).build();
    opened.add(studio);
    opened.add(session);
    opened.add(accsyn);
    return studio;
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

  /**
   * Publishes the production at hq (see {@link TutorialStudio#seedProduction()}).
   *
   * @return the ids
   */
  public TutorialStudio.Production seedProduction() {
    return fakes.seedProduction();
  }

  /**
   * What {@link #seedProduction()} created.
   *
   * @return the ids
   */
  public TutorialStudio.Production production() {
    return fakes.production();
  }

  @Override
  public void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close " + c, e);
      }
    }
    ftrack.close();
    vendor.close();
    admin.close();
    fakes.close();
  }
}
