package io.pipelinekit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.junit.FakeAccsynTest;
import io.pipelinekit.testkit.accsyn.junit.User;
import io.pipelinekit.testkit.accsyn.junit.VolumeDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@FakeAccsynTest(seed = "studio.json") // src/test/resources/<your package>/studio.json
class SendToLaTest {

  /** The plug-in under test: sends a version's preview (first) and frames from hq to la. */
  static String sendToLa(AccsynClient accsyn, String versionDir) {
    Map<String, Object> preview =
        Map.of("source", "share=storage/" + versionDir + "/comp.mov", "priority", 999);
    Map<String, Object> frames =
        Map.of("source", "share=storage/" + versionDir + "/comp.%04d.exr[1001-1010]");
    return accsyn
        .create(
            "transfer",
            Map.of(
                "name",
                "publish " + versionDir,
                "destination",
                "site=la",
                "tasks",
                List.of(preview, frames)))
        .get(0)
        .string("id")
        .orElseThrow();
  }

  @Test
  void sendsPreviewFirstAndEveryFrameArrives(
      FakeAccsyn fake,
      @User("anna@studio.com") Credentials anna,
      @VolumeDir(site = "hq", volume = "storage") Path hqStorage,
      @VolumeDir(site = "la", volume = "storage") Path laStorage)
      throws Exception {
    // 1. Put the publish on "storage at hq".
    Path v003 = hqStorage.resolve("proj/sh010/comp/v003");
    Files.createDirectories(v003);
    for (int f = 1001; f <= 1010; f++) {
      Files.write(v003.resolve("comp." + f + ".exr"), new byte[4096]);
    }
    Files.write(v003.resolve("comp.mov"), new byte[8192]);

    // 2. Run the plug-in with anna's key against the fake.
    String jobId;
    try (AccsynClient accsyn =
        AccsynClient.builder()
            .endpoint(anna.baseUrl())
            .workspace(anna.workspace())
            .username(anna.username())
            .apiKey(anna.apiKey())
            .build()) {
      jobId = sendToLa(accsyn, "proj/sh010/comp/v003");
    }

    // 3. Wait (bounded) for the job and check the bytes at LA.
    Map<String, Object> job = fake.awaitTransfer(jobId, Duration.ofSeconds(30));
    assertThat(job).containsEntry("status", "done");
    assertThat(laStorage.resolve("proj/sh010/comp/v003/comp.1005.exr")).exists();
    assertThat(laStorage.resolve("proj/sh010/comp/v003/comp.mov")).exists();

    // 4. The preview went first.
    String first = fake.state().dispatchOrder().get(0);
    assertThat(fake.state().tasks(jobId))
        .filteredOn(t -> first.equals(t.get("id")))
        .singleElement()
        .satisfies(t -> assertThat(t.toString()).contains("comp.mov"));
  }
}
