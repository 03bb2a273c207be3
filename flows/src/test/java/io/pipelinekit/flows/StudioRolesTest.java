package io.pipelinekit.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every flow run with the key of the person the tutorials assign it to: setup by the admin, sends
 * and review distribution by the pipeline's employee account, publish-back by the vendor; and what
 * a person who lacks a right is told.
 */
class StudioRolesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Map<String, String> VENDOR_ENV =
      Map.of("ACCSYN_PROJECTS_PATH", TutorialStudio.VENDOR_MIRROR);

  StudioFixture studio;
  TutorialStudio.Production p;

  @BeforeEach
  void start() {
    studio = StudioFixture.start(0);
    p = studio.setUpProject();
  }

  @AfterEach
  void stop() throws Exception {
    studio.close();
  }

  @Test
  void aPlugInSendsOneVersionToLaInFiveLines() throws Exception {
    AccsynClient accsyn = studio.accsyn(TutorialStudio.PIPELINE);
    FtrackSession ftrack =
        FtrackSession.fromEnvironment(studio.fakes.ftrackEnvironment(TutorialStudio.PIPELINE));
    String versionId = p.versionIds().get(0);

    try (Studio s = Studio.builder().accsyn(accsyn).ftrack(ftrack).build()) {
      TransferResult r = s.send(SendRequest.assetVersion(versionId).from("hq").to("la").build());
      assertThat(r.status()).isEqualTo(TransferResult.Status.DONE);
      assertThat(r.registered()).isEqualTo(2);
    }

    for (String f : p.relativeFiles()) {
      if (f.contains("/sh010/")) {
        assertThat(studio.volumeDir("la").resolve(f))
            .hasSameBinaryContentAs(studio.volumeDir("hq").resolve(f));
      }
    }
    String la = studio.fakes.ftrack().fixtures().locationId("la");
    assertThat(studio.ftrackFake().entities("ComponentLocation"))
        .filteredOn(cl -> la.equals(cl.get("location_id")))
        .hasSize(7); // the movie, the sequence and its five frames
    ftrack.close();
  }

  @Test
  void sendsRunAsThePipelineEmployeeAccountAsync() throws Exception {
    TransferResult r =
        studio
            .as(TutorialStudio.PIPELINE)
            .sendAsync(
                SendRequest.builder()
                    .select("Shot", p.shotIds().get(1))
                    .from("hq")
                    .to(TutorialStudio.EMPLOYEE)
                    .timeout(WAIT)
                    .build(),
                FlowProgress.NONE)
            .get();
    assertThat(r.status()).isEqualTo(TransferResult.Status.DONE);
    assertThat(r.filesArrived()).isEqualTo(6);
  }

  @Test
  void anEmployeeWithoutVolumeAccessLearnsWhichRightAndWhoGrantsIt() {
    Studio emma = studio.as(TutorialStudio.EMPLOYEE);
    assertPermissionDenied(
        () ->
            emma.send(SendRequest.assetVersion(p.versionIds().get(0)).from("hq").to("la").build()),
        "emma@studio.com (employee) lacks full read and write access to volume 'projects'",
        "accsyn admin");
    assertThat(studio.accsynFake().state().entities("transfer")).isEmpty();
  }

  @Test
  void aVendorCannotSendBetweenSites() {
    Studio vic = studio.as(TutorialStudio.VENDOR, VENDOR_ENV);
    assertPermissionDenied(
        () -> vic.send(SendRequest.assetVersion(p.versionIds().get(0)).from("hq").to("la").build()),
        "vic@vendor.com (standard) lacks the employee or admin role",
        "pipeline account");
    assertThat(studio.accsynFake().state().entities("transfer")).isEmpty();
  }

  @Test
  void onlyAnAdminRunsSetup() {
    Studio pipeline = studio.as(TutorialStudio.PIPELINE);
    assertPermissionDenied(
        () ->
            pipeline.setup(
                SetupFlow.Request.of("other", List.of("hq"), null, null), FlowProgress.NONE),
        "pipeline@studio.com (employee) lacks the accsyn admin role",
        "workspace admin");
  }

  @Test
  void aVendorCannotDistributeAReview() {
    Studio vic = studio.as(TutorialStudio.VENDOR, VENDOR_ENV);
    assertPermissionDenied(
        () ->
            vic.distributeReview(
                ReviewRequest.builder().reviewSession(p.reviewSessionId()).from("hq").build()),
        "lacks the employee or admin role",
        "accsyn deliveries");
    assertThat(studio.accsynFake().state().entities("delivery")).isEmpty();
  }

  @Test
  void theVendorSeesHisOwnLayout() {
    StudioLayout layout = studio.as(TutorialStudio.VENDOR, VENDOR_ENV).layout();
    assertThat(layout.volume()).isEqualTo("projects");
    assertThat(layout.roots()).containsValue(TutorialStudio.VENDOR_MIRROR);
    assertThat(layout.sites()).isEmpty();
    assertThat(
            studio
                .as(TutorialStudio.VENDOR, VENDOR_ENV)
                .layout()
                .party(studio.as(TutorialStudio.VENDOR).ftrack(), "hq")
                .toString())
        .isEqualTo("site=hq");
  }

  @Test
  void someoneWhoSeesNoShareIsToldWhatToAskFor() {
    Studio rita = studio.as(TutorialStudio.REVIEWERS.get(0));
    assertPermissionDenied(
        rita::layout, "lacks read access to the studio volume or to a folder share", "admin");
  }

  @Test
  void theVendorPublishesBackWithHisOwnKeys() throws Exception {
    Path mirror = studio.machine(TutorialStudio.VENDOR, TutorialStudio.VENDOR_MIRROR);
    String dir = "demo/upload/sh020/comp/v002/";
    Random random = new Random(7);
    TutorialStudio.write(mirror.resolve(dir + "sh020_comp_v002.mov"), 90_000, random);
    for (int f : TutorialStudio.FRAMES) {
      TutorialStudio.write(
          mirror.resolve(dir + String.format(Locale.ROOT, "main.%04d.exr", f)), 18_000, random);
    }
    TransferResult r =
        studio
            .as(TutorialStudio.VENDOR, VENDOR_ENV)
            .publishBack(
                PublishBackRequest.builder()
                    .context(EntityRef.of("Shot", p.shotIds().get(1)))
                    .asset("comp", "comp")
                    .remoteLocation(TutorialStudio.VENDOR)
                    .to("hq")
                    .localRoot(mirror)
                    .file("review", dir + "sh020_comp_v002.mov")
                    .file("main", dir + "main.%04d.exr")
                    .timeout(WAIT)
                    .build());
    assertThat(r.status()).isEqualTo(TransferResult.Status.DONE);
    assertThat(r.registered()).isEqualTo(2);
    try (var files = Files.walk(mirror.resolve(dir))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path rel = mirror.relativize(f);
        assertThat(studio.volumeDir("hq").resolve(rel.toString())).hasSameBinaryContentAs(f);
      }
    }
    String hq = studio.fakes.ftrack().fixtures().locationId("hq");
    assertThat(studio.ftrackFake().entities("ComponentLocation"))
        .filteredOn(cl -> hq.equals(cl.get("location_id")))
        .filteredOn(cl -> String.valueOf(cl.get("resource_identifier")).contains("v002"))
        .hasSize(7); // the movie, the sequence and its five frames
  }

  @Test
  void theVendorWithoutWriteAccessIsToldWhereHeMayWrite() {
    Path mirror = studio.machine(TutorialStudio.VENDOR, TutorialStudio.VENDOR_MIRROR);
    TutorialStudio.write(mirror.resolve("demo/sq010/x.mov"), 100, new Random(1));
    assertPermissionDenied(
        () ->
            studio
                .as(TutorialStudio.VENDOR, VENDOR_ENV)
                .publishBack(
                    PublishBackRequest.builder()
                        .context(EntityRef.of("Shot", p.shotIds().get(1)))
                        .asset("comp", "comp")
                        .remoteLocation(TutorialStudio.VENDOR)
                        .to("hq")
                        .localRoot(mirror)
                        .file("review", "demo/sq010/x.mov")
                        .build()),
        "lacks write access to share=projects/demo/sq010",
        "writable: [demo/upload]");
  }

  private static void assertPermissionDenied(ThrowingCallable call, String... parts) {
    assertThatThrownBy(call)
        .isInstanceOf(FlowException.class)
        .satisfies(
            e ->
                assertThat(((FlowException) e).kind())
                    .isEqualTo(FlowException.Kind.PERMISSION_DENIED))
        .message()
        .contains(parts);
  }
}
