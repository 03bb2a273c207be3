package io.pipelinekit.flows;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.RetryPolicy;
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
 * testkit's tutorial studio with a flows {@link Studio} per person, each with that person's own
 * accsyn and ftrack keys, and the layout each one discovers for themselves.
 */
final class StudioFixture implements AutoCloseable {
  final TutorialStudio fakes;
  private final List<AutoCloseable> opened = new ArrayList<>();

  private StudioFixture(long bytesPerSecond) {
    this.fakes = TutorialStudio.start(bytesPerSecond);
  }

  static StudioFixture start(long bytesPerSecond) {
    return new StudioFixture(bytesPerSecond);
  }

  /** Runs setup as the admin (pipeline account, employee, vendor) and seeds the production. */
  TutorialStudio.Production setUpProject() {
    as(TutorialStudio.ADMIN)
        .setup(
            SetupFlow.Request.of(
                "demo",
                List.of("hq", "la"),
                TutorialStudio.PIPELINE,
                TutorialStudio.EMPLOYEE,
                TutorialStudio.VENDOR),
            FlowProgress.NONE);
    return fakes.seedProduction();
  }

  /** A studio that runs as one person: their accsyn key, their ftrack key, their own layout. */
  Studio as(String person) {
    return as(person, Map.of());
  }

  /** {@link #as(String)} with extra environment variables (e.g. the local mirror's variable). */
  Studio as(String person, Map<String, String> environment) {
    AccsynClient accsyn = accsyn(person);
    FtrackSession ftrack = FtrackSession.fromEnvironment(fakes.ftrackEnvironment(person));
    opened.add(ftrack);
    Studio studio = Studio.builder().accsyn(accsyn).ftrack(ftrack).environment(environment).build();
    opened.add(studio);
    return studio;
  }

  /** A new accsyn client of one person, closed with the fixture. */
  AccsynClient accsyn(String person) {
    Credentials c = fakes.accsyn().credentials(person);
    AccsynClient client =
        AccsynClient.builder()
            .endpoint(c.baseUrl())
            .workspace(c.workspace())
            .username(c.username())
            .apiKey(c.apiKey())
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(20)).build())
            .build();
    opened.add(client);
    return client;
  }

  FakeAccsyn accsynFake() {
    return fakes.accsyn();
  }

  FakeFtrack ftrackFake() {
    return fakes.ftrack();
  }

  Path volumeDir(String site) {
    return fakes.volumeDir(site);
  }

  Path machine(String email, String absolutePath) {
    return fakes.machine(email, absolutePath);
  }

  @Override
  public void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    fakes.close();
  }
}
