package io.pipelinekit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.flows.FlowProgress;
import io.pipelinekit.flows.SendRequest;
import io.pipelinekit.flows.SetupFlow;
import io.pipelinekit.flows.Studio;
import io.pipelinekit.flows.TransferResult;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A send through the flows against both fakes, each person with their own keys. */
class SendWithTheFlowsTest {
  @Test
  void aFailedPreviewMakesTheSendPartial() {
    try (TutorialStudio fakes = TutorialStudio.start(0); // 0 = unlimited speed
        Studio admin = studioOf(fakes, TutorialStudio.ADMIN);
        Studio pipeline = studioOf(fakes, TutorialStudio.PIPELINE)) {
      admin.setup(
          SetupFlow.Request.of("demo", List.of("hq", "la"), TutorialStudio.PIPELINE, null, null),
          FlowProgress.NONE);
      TutorialStudio.Production p = fakes.seedProduction(); // ftrack entities, files at hq
      fakes.accsyn().faults().failTasks("*.mov"); // the unhappy path, in one line

      TransferResult r =
          pipeline.send(
              SendRequest.builder().select("Shot", p.shotIds().get(0)).from("hq").to("la").build());

      assertThat(r.status()).isEqualTo(TransferResult.Status.PARTIAL);
      assertThat(fakes.volumeDir("la").resolve("demo/sq010/sh010/comp/v001/main.1001.exr"))
          .exists();
    }
  }

  /** A studio that works with one person's accsyn and ftrack keys. */
  static Studio studioOf(TutorialStudio fakes, String person) {
    Credentials c = fakes.accsyn().credentials(person);
    AccsynClient accsyn =
        AccsynClient.builder()
            .endpoint(c.baseUrl())
            .workspace(c.workspace())
            .username(c.username())
            .apiKey(c.apiKey())
            .build();
    FtrackSession ftrack = FtrackSession.fromEnvironment(fakes.ftrackEnvironment(person));
    return Studio.builder().accsyn(accsyn).ftrack(ftrack).closesClients(true).build();
  }
}
