package io.pipelinekit.ftrack;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.ftrack.files.ComponentFiles;
import io.pipelinekit.ftrack.files.ComponentInLocation;
import io.pipelinekit.ftrack.files.LocationStorage;
import io.pipelinekit.ftrack.files.PathResolver;
import io.pipelinekit.ftrack.files.ResolvedPath;
import io.pipelinekit.ftrack.files.SelectionItem;
import io.pipelinekit.ftrack.files.SelectionResolver;
import io.pipelinekit.ftrack.files.ShareFile;
import io.pipelinekit.ftrack.jobs.FeedbackJob;
import io.pipelinekit.ftrack.jobs.JobFeedback;
import io.pipelinekit.ftrack.model.Job;
import io.pipelinekit.ftrack.publish.Publication;
import io.pipelinekit.ftrack.publish.PublishRequest;
import io.pipelinekit.ftrack.publish.Publisher;
import io.pipelinekit.ftrack.publish.Registration;
import io.pipelinekit.ftrack.publish.RegistrationResult;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.Share;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/ftrack-bridge.md, run against the fake server. Keep the two in step: each
 * numbered block here is a snippet there.
 */
class DocsExamplesTest {
  @Test
  void theSendFlowOfTheGuide() {
    try (FakeFtrack fake = FakeFtrack.builder().build()) {
      FtrackFixtures f = fake.fixtures();
      String userId = f.user("jane@studio.example");
      String shotId = f.shot(f.sequence(f.project("demo"), "sq010"), "sh010");
      f.assetType("comp");
      f.location("hq");
      f.location("la");

      // 1. Configuration
      try (FtrackSession session = FtrackSession.fromEnvironment(fake.environment())) {
        ServerInformation info = session.serverInformation();
        assertThat(info.version()).isNotBlank();

        // 5. Publishing (first, so that there is something to send)
        Publisher publisher = Publisher.of(session);
        Publication published =
            publisher.publish(
                PublishRequest.builder()
                    .context(EntityRef.of("Shot", shotId))
                    .assetName("comp")
                    .assetType("comp")
                    .comment("Final comp")
                    .location("hq")
                    .file("review", "demo/sh010/comp_v001.mov", 52_428_800L)
                    .sequence("main", FileSequence.parse("demo/sh010/comp.%04d.exr [1001-1024]"))
                    .build());
        assertThat(published.versionNumber()).isEqualTo(1);

        // 2. Selections to files
        List<ComponentFiles> components =
            SelectionResolver.of(session).resolve(SelectionItem.of("task", shotId));
        PathResolver paths =
            PathResolver.builder()
                .platform(Platform.LINUX)
                .serverInformation(session.serverInformation())
                .location(
                    "hq",
                    LocationStorage.prefix(
                        Map.of(Platform.LINUX, "/mnt/projects", Platform.WINDOWS, "P:\\")))
                .build();
        PathMapper mapper =
            PathMapper.of(
                RootTable.builder()
                    .add(
                        Share.volume("projects")
                            .asDefault()
                            .linux("/mnt/projects")
                            .windows("P:\\")
                            .build())
                    .build());
        ComponentInLocation hqMain =
            components.stream()
                .filter(c -> c.component().name().orElse("").equals("main"))
                .findFirst()
                .orElseThrow()
                .in("hq")
                .orElseThrow();
        ResolvedPath file = paths.resolve(hqMain);
        assertThat(file.path()).isEqualTo("/mnt/projects/demo/sh010/comp.%04d.exr");
        assertThat(file.memberPaths())
            .hasSize(24)
            .first()
            .isEqualTo("/mnt/projects/demo/sh010/comp.1001.exr");
        List<String> sources = new ArrayList<>();
        for (ComponentFiles c : components) {
          c.in("hq")
              .ifPresent(
                  hq -> {
                    ShareFile share = paths.toShare(hq, mapper);
                    sources.add(
                        share
                            .sequence()
                            .map(FileSequence::toBracketString)
                            .orElse(share.sharePath().toString()));
                  });
        }
        assertThat(sources)
            .containsExactlyInAnyOrder(
                "share=projects/demo/sh010/comp.%04d.exr [1001-1024]",
                "share=projects/demo/sh010/comp_v001.mov");

        // 4. Jobs
        JobFeedback jobs = JobFeedback.builder(session).minInterval(Duration.ofSeconds(2)).build();
        FeedbackJob job;
        try (FeedbackJob j =
            jobs.start(
                EntityRef.of("User", userId), "Sending " + components.size() + " components")) {
          job = j;
          j.update("Sending " + components.size() + " components", 0.5);
          // ... the accsyn transfer runs; when it is done:

          // 6. Registering after a transfer
          Registration.Builder arrived = Registration.in("la");
          for (ComponentFiles c : components) {
            c.in("hq").ifPresent(hq -> arrived.add(c, hq.resourceIdentifier()));
          }
          RegistrationResult registered = publisher.register(arrived.build());
          j.done("Sent " + registered.identifiers().size() + " files to la");
        }
        assertThat(job.finalStatus()).contains(Job.Status.DONE);
      }
      assertThat(
              fake.entities("ComponentLocation").stream()
                  .filter(r -> r.get("resource_identifier").equals("demo/sh010/comp.%04d.exr"))
                  .count())
          .isEqualTo(2);
    }
  }

  /** The example of docs/testing.md, "The fake ftrack server". */
  @Test
  void theFakeFtrackExampleOfTheTestingGuide() {
    try (FakeFtrack fake = FakeFtrack.builder().build();
        FtrackSession session = FtrackSession.fromEnvironment(fake.environment())) {
      FtrackFixtures f = fake.fixtures();
      String shot = f.shot(f.sequence(f.project("demo"), "sq010"), "sh010");
      String version = f.version(f.asset(shot, "comp", f.assetType("comp")), 1, null);
      FtrackFixtures.SequenceIds exr =
          f.sequenceComponent(version, "main", ".exr", 4, 1001, 1002, 1004);
      f.registerSequence(exr, f.location("hq"), "demo/sh010/main.%04d.exr");
      fake.resetRequests();
      // run the code under test, then:
      List<ComponentFiles> files =
          SelectionResolver.of(session).resolve(SelectionItem.of("task", shot));
      assertThat(files).hasSize(1);
      assertThat(fake.requestCount()).isLessThanOrEqualTo(4); // round trips
      assertThat(fake.entities("ComponentLocation")).hasSize(4); // what was written
    }
  }
}
