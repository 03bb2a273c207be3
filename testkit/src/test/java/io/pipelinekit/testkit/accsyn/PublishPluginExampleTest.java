package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.accsyn.junit.FakeAccsynTest;
import io.pipelinekit.testkit.accsyn.junit.User;
import io.pipelinekit.testkit.accsyn.junit.VolumeDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The docs/testing.md walkthrough as a real test: a tiny "send to LA" publish step (standing in for
 * a pipeline plug-in; {@link RawAccsyn} stands in for the accsyn client) tested against the fake.
 */
@FakeAccsynTest(seed = "/io/pipelinekit/testkit/accsyn/junit/studio.json")
class PublishPluginExampleTest {

  /** The code under test: sends a published version to LA, preview first, and waits. */
  static final class SendToLa {
    private final RawAccsyn accsyn;

    SendToLa(RawAccsyn accsyn) {
      this.accsyn = accsyn;
      accsyn.login();
    }

    /** Returns the failed files (empty on success). */
    List<String> send(String versionDir, int first, int last, Duration deadline) {
      Map<String, Object> job =
          accsyn
              .event(
                  "POST",
                  "transfer/create",
                  map(
                      "name",
                      "publish " + versionDir,
                      "tasks",
                      List.of(
                          map(
                              "source",
                              "share=storage/" + versionDir + "/comp.mov",
                              "destination",
                              "site=la",
                              "priority",
                              999),
                          map(
                              "source",
                              "share=storage/"
                                  + versionDir
                                  + "/comp.%04d.exr["
                                  + first
                                  + "-"
                                  + last
                                  + "]",
                              "destination",
                              "site=la"))),
                  null,
                  null)
              .first();
      String id = (String) job.get("id");
      long end = System.nanoTime() + deadline.toNanos();
      String status = "waiting";
      while (!List.of("done", "failed", "aborted").contains(status) && System.nanoTime() < end) {
        List<Map<String, Object>> found =
            accsyn.find("transfer/find", map("finished", true), "id=" + id, null).list();
        if (found.isEmpty()) {
          found = accsyn.find("transfer/find", map(), "id=" + id, null).list();
        }
        status = found.isEmpty() ? status : (String) found.get(0).get("status");
        if (!List.of("done", "failed", "aborted").contains(status)) {
          pause();
        }
      }
      List<String> failed = new ArrayList<>();
      for (Map<String, Object> t : accsyn.find("task/find", map("parent", id), null, null).list()) {
        if ("failed".equals(t.get("status"))) {
          @SuppressWarnings("unchecked")
          Map<String, Object> src = (Map<String, Object>) t.get("source");
          failed.add((String) src.get("path"));
        }
      }
      return failed;
    }
  }

  /** The plug-in's poll interval (a real one would back off; bounded by the deadline above). */
  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void publish(Path v003) throws Exception {
    Files.createDirectories(v003);
    for (int f = 1001; f <= 1010; f++) {
      Files.write(v003.resolve("comp." + f + ".exr"), new byte[4096 + f]);
    }
    Files.write(v003.resolve("comp.mov"), new byte[8192]);
  }

  @Test
  void sendsPreviewFirstAndEveryFrameArrives(
      FakeAccsyn fake,
      @User("anna@studio.com") Credentials anna,
      @VolumeDir(site = "hq", volume = "storage") Path hqStorage,
      @VolumeDir(site = "la", volume = "storage") Path laStorage)
      throws Exception {
    publish(hqStorage.resolve("proj/sh010/comp/v003"));

    List<String> failed =
        new SendToLa(new RawAccsyn(anna))
            .send("proj/sh010/comp/v003", 1001, 1010, Duration.ofSeconds(20));

    assertThat(failed).isEmpty();
    String jobId = (String) fake.state().entities("transfer").get(0).get("id");
    assertThat(fake.state().entity(jobId).orElseThrow()).containsEntry("status", "done");
    for (int f = 1001; f <= 1010; f++) {
      Path name = Path.of("proj/sh010/comp/v003/comp." + f + ".exr");
      assertThat(Files.mismatch(hqStorage.resolve(name), laStorage.resolve(name))).isEqualTo(-1L);
    }
    assertThat(fake.state().dispatchOrder().get(0))
        .isEqualTo(fake.state().tasks(jobId).get(0).get("id"));
    assertThat(fake.roundTrips("transfer/create")).isEqualTo(1);
  }

  @Test
  void reportsTheFrameThatFailed(
      FakeAccsyn fake,
      @User("anna@studio.com") Credentials anna,
      @VolumeDir(site = "hq", volume = "storage") Path hqStorage)
      throws Exception {
    publish(hqStorage.resolve("proj/sh010/comp/v003"));
    Files.delete(hqStorage.resolve("proj/sh010/comp/v003/comp.1005.exr"));

    List<String> failed =
        new SendToLa(new RawAccsyn(anna))
            .send("proj/sh010/comp/v003", 1001, 1010, Duration.ofSeconds(20));

    assertThat(failed)
        .containsExactly("share=storage/proj/sh010/comp/v003/comp.%04d.exr[1001-1010]");
    assertThat(fake.state().entities("transfer").get(0)).containsEntry("status", "failed");
  }
}
