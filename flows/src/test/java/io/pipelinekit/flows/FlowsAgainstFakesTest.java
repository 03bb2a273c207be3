package io.pipelinekit.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.testkit.studio.TutorialStudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each flow's main failure paths (the success paths run in DemoTest), against the fakes. */
class FlowsAgainstFakesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration POLL = Duration.ofMillis(50);

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

  /** Sends run as the pipeline's employee account, as the tutorials recommend. */
  SendFlow send() {
    Studio s = studio.as(TutorialStudio.PIPELINE);
    return SendFlow.of(s.accsyn(), s.ftrack(), s.layout());
  }

  /** Publish-back runs as the vendor, with his own keys and the layout he can see. */
  PublishBackFlow publishBack() {
    Studio v =
        studio.as(
            TutorialStudio.VENDOR,
            java.util.Map.of("ACCSYN_PROJECTS_PATH", TutorialStudio.VENDOR_MIRROR));
    return PublishBackFlow.of(v.accsyn(), v.ftrack(), v.layout());
  }

  SendRequest.Builder shot(int i) {
    return SendRequest.builder()
        .select("Shot", p.shotIds().get(i))
        .timeout(WAIT)
        .pollInterval(POLL);
  }

  @Test
  void setupIsIdempotent() {
    List<SetupFlow.Step> again =
        studio
            .as(TutorialStudio.ADMIN)
            .setup(
                SetupFlow.Request.of(
                    "demo",
                    List.of("hq", "la"),
                    TutorialStudio.PIPELINE,
                    TutorialStudio.EMPLOYEE,
                    TutorialStudio.VENDOR),
                FlowProgress.NONE);
    assertThat(again)
        .filteredOn(s -> s.what().startsWith("accsyn folder") || s.what().startsWith("ftrack"))
        .allSatisfy(s -> assertThat(s.created()).isFalse());
  }

  @Test
  void unknownLocationIsBadInputAndNothingIsSubmitted() {
    assertThatThrownBy(() -> send().run(shot(0).from("hq").to("paris").build(), FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .satisfies(
            e -> assertThat(((FlowException) e).kind()).isEqualTo(FlowException.Kind.BAD_INPUT))
        .hasMessageContaining("paris");
    assertThat(studio.accsynFake().state().entities("transfer")).isEmpty();
  }

  @Test
  void sameSourceAndDestinationIsBadInput() {
    assertThatThrownBy(() -> shot(0).from("hq").to("HQ").build())
        .isInstanceOf(FlowException.class)
        .hasMessageContaining("pick two different");
  }

  @Test
  void unknownVersionIsNotFound() {
    assertThatThrownBy(
            () ->
                send()
                    .run(
                        SendRequest.builder()
                            .select("assetversion", "00000000-0000-0000-0000-000000000000")
                            .from("hq")
                            .to("la")
                            .build(),
                        FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .satisfies(
            e -> assertThat(((FlowException) e).kind()).isEqualTo(FlowException.Kind.NOT_FOUND));
  }

  @Test
  void componentsNotInTheSourceLocationAreBadInput() {
    assertThatThrownBy(() -> send().run(shot(0).from("la").to("hq").build(), FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .hasMessageContaining("none of the 2 components");
  }

  @Test
  void sequencesAreSentAsFrameRunsAroundTheHoleWithPreviewsFirst() {
    List<PlannedFile> plan =
        send().plan(shot(0).from("hq").to("la").build(), new java.util.ArrayList<>());
    PlannedFile exr = plan.stream().filter(f -> f.sequence().isPresent()).findFirst().orElseThrow();
    assertThat(exr.taskPaths())
        .extracting(Object::toString)
        .containsExactly(
            "share=projects/demo/sq010/sh010/comp/v001/main.%04d.exr[1001-1003]",
            "share=projects/demo/sq010/sh010/comp/v001/main.%04d.exr[1005-1006]");
    assertThat(plan.stream().filter(PlannedFile::preview).count()).isEqualTo(1);
  }

  @Test
  void aFailedFrameFailsTheSendAndOnlyWhatArrivedIsRegistered() {
    studio.accsynFake().faults().failTasks("*main.%04d.exr[1005-1006]*");
    studio.accsynFake().faults().failTasks("*main.1005.exr");
    TransferResult r = send().run(shot(0).from("hq").to("la").build(), FlowProgress.NONE);
    assertThat(r.status()).isEqualTo(TransferResult.Status.PARTIAL);
    assertThat(r.files()).filteredOn(FileOutcome::arrived).hasSize(1);
    assertThat(r.registered()).isEqualTo(1);
    String la =
        studio
            .as(TutorialStudio.PIPELINE)
            .ftrack()
            .query("select id from Location where name is \"la\"")
            .one()
            .id();
    assertThat(studio.ftrackFake().entities("ComponentLocation"))
        .filteredOn(cl -> la.equals(cl.get("location_id")))
        .extracting(cl -> (String) cl.get("resource_identifier"))
        .containsExactly("demo/sq010/sh010/comp/v001/sh010_comp_v001.mov");
    // The ftrack Job tells the user.
    assertThat(studio.ftrackFake().entities("Job"))
        .anySatisfy(j -> assertThat(j.get("status")).isEqualTo("failed"));
  }

  @Test
  void aSecondSendTheSameDayAppendsToTheDaysLiveJob() throws Exception {
    slowStudio();
    TransferResult first =
        send().run(shot(0).from("hq").to("la").await(false).build(), FlowProgress.NONE);
    TransferResult second =
        send().run(shot(1).from("hq").to("la").await(false).build(), FlowProgress.NONE);
    assertThat(first.status()).isEqualTo(TransferResult.Status.SUBMITTED);
    assertThat(first.appended()).isFalse();
    assertThat(second.appended()).isTrue();
    assertThat(second.jobId()).isEqualTo(first.jobId());
    assertThat(studio.accsynFake().state().tasks(first.jobId())).hasSize(6);
  }

  @Test
  void aSendRetriedWithTheSameRequestKeyIsSubmittedOnce() {
    TransferResult first =
        send().run(shot(0).from("hq").to("la").requestKey("click-1").build(), FlowProgress.NONE);
    TransferResult retry =
        send().run(shot(0).from("hq").to("la").requestKey("click-1").build(), FlowProgress.NONE);
    assertThat(first.status()).isEqualTo(TransferResult.Status.DONE);
    assertThat(retry.status()).isEqualTo(TransferResult.Status.DONE);
    assertThat(retry.jobId()).isEqualTo(first.jobId());
    assertThat(studio.accsynFake().state().tasks(first.jobId()))
        .hasSize(3)
        .allSatisfy(t -> assertThat(t.toString()).contains("click-1"));
    // A new click is a new key: it sends again.
    send().run(shot(0).from("hq").to("la").requestKey("click-2").build(), FlowProgress.NONE);
    assertThat(
            studio.accsynFake().state().entities("transfer").stream()
                .mapToInt(t -> studio.accsynFake().state().tasks(t.get("id").toString()).size())
                .sum())
        .isEqualTo(6);
  }

  void slowStudio() throws Exception {
    studio.close();
    studio = StudioFixture.start(1024); // 1 KiB/s: nothing finishes during the test
    p = studio.setUpProject();
  }

  @Test
  void aTimeoutIsReportedAsSuch() throws Exception {
    slowStudio();
    assertThatThrownBy(
            () ->
                send()
                    .run(
                        shot(0).from("hq").to("la").timeout(Duration.ofMillis(300)).build(),
                        FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .satisfies(
            e -> assertThat(((FlowException) e).kind()).isEqualTo(FlowException.Kind.TIMEOUT));
  }

  @Test
  void publishBackOutsideTheUploadFolderIsRefusedBeforeAnythingIsPublished() throws Exception {
    Path mirror = studio.machine(TutorialStudio.VENDOR, TutorialStudio.VENDOR_MIRROR);
    TutorialStudio.write(mirror.resolve("demo/sq010/sh020/comp/v002/x.mov"), 1000, new Random(1));
    int versions = studio.ftrackFake().entities("AssetVersion").size();
    assertThatThrownBy(
            () ->
                publishBack()
                    .run(
                        PublishBackRequest.builder()
                            .context(EntityRef.of("Shot", p.shotIds().get(1)))
                            .asset("comp", "comp")
                            .remoteLocation(TutorialStudio.VENDOR)
                            .to("hq")
                            .localRoot(mirror)
                            .file("review", "demo/sq010/sh020/comp/v002/x.mov")
                            .build(),
                        FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .satisfies(
            e ->
                assertThat(((FlowException) e).kind())
                    .isEqualTo(FlowException.Kind.PERMISSION_DENIED))
        .hasMessageContaining("lacks write access")
        .hasMessageContaining("demo/upload");
    assertThat(studio.ftrackFake().entities("AssetVersion")).hasSize(versions);
    assertThat(studio.accsynFake().state().entities("transfer")).isEmpty();
  }

  @Test
  void publishBackWithoutFramesOnDiskIsBadInput() {
    Path mirror = studio.machine(TutorialStudio.VENDOR, TutorialStudio.VENDOR_MIRROR);
    assertThatThrownBy(
            () ->
                publishBack()
                    .run(
                        PublishBackRequest.builder()
                            .context(EntityRef.of("Shot", p.shotIds().get(1)))
                            .asset("comp", "comp")
                            .remoteLocation(TutorialStudio.VENDOR)
                            .to("hq")
                            .localRoot(mirror)
                            .file("main", "demo/upload/sh020/main.%04d.exr")
                            .build(),
                        FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .hasMessageContaining("no frames");
  }

  ReviewDistributeFlow review() {
    Studio s = studio.as(TutorialStudio.PIPELINE);
    return ReviewDistributeFlow.of(s.accsyn(), s.ftrack(), s.layout());
  }

  @Test
  void recipientsAreTrimmedDeduplicatedAndValidated() {
    assertThat(Checks.recipients(List.of(" A@x.com, a@x.com;b@y.org ")))
        .containsExactly("a@x.com", "b@y.org");
    assertThatThrownBy(() -> Checks.recipients(List.of("bob")))
        .isInstanceOf(FlowException.class)
        .hasMessageContaining("not an e-mail");
    assertThatThrownBy(
            () ->
                review()
                    .run(
                        ReviewRequest.builder()
                            .reviewSession(p.reviewSessionId())
                            .from("hq")
                            .addRecipient("nobody@nowhere.com")
                            .build(),
                        FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .hasMessageContaining("not an accsyn user");
  }

  @Test
  void cloudModeUploadsOnceThenDeliversPerParticipantAddsARecipientAndCancels() throws Exception {
    // The uploader must see the files: here the LA office, after a send.
    send().run(shot(0).from("hq").to("la").build(), FlowProgress.NONE);
    send().run(shot(1).from("hq").to("la").build(), FlowProgress.NONE);
    ReviewRequest request =
        ReviewRequest.builder()
            .reviewSession(p.reviewSessionId())
            .from("la")
            .mode(ReviewRequest.Mode.CLOUD)
            .directory("20261123/dailies")
            .timeout(WAIT)
            .pollInterval(POLL)
            .build();
    ReviewDistributeFlow flow = review();
    long userFinds = studio.accsynFake().roundTrips("user/find");
    Distribution d = flow.run(request, FlowProgress.NONE);
    // Both participants are checked against one listing of the workspace's users.
    assertThat(studio.accsynFake().roundTrips("user/find") - userFinds).isEqualTo(1);
    assertThat(d.upload())
        .hasValueSatisfying(u -> assertThat(u.status()).isEqualTo(TransferResult.Status.DONE));
    assertThat(d.recipients())
        .extracting(Distribution.Recipient::email)
        .containsExactly(TutorialStudio.REVIEWERS.toArray(String[]::new));
    assertThat(d.recipients()).allSatisfy(r -> assertThat(r.offers()).hasSize(1));
    Path folder = studio.volumeDir("hq").resolve("demo/review/20261123/dailies/sh010_comp_v001");
    assertThat(folder.resolve("sh010_comp_v001.mov")).exists();
    assertThat(folder.resolve("main.1003.exr")).exists();
    assertThat(folder.resolve("main.1004.exr")).doesNotExist();

    // Rita downloads her delivery with her app.
    String rita = TutorialStudio.REVIEWERS.get(0);
    try (AccsynClient c = studio.accsyn(rita)) {
      Distribution.Offer o = d.recipients().get(0).offers().get(0);
      String job =
          c.create("transfer", Map.of("parent", o.deliveryId(), "destination", o.directory() + "/"))
              .get(0)
              .string("id")
              .orElseThrow();
      studio.accsynFake().awaitTransfer(job, WAIT);
    }
    Path got =
        studio.machine(rita, "/Users/rita/Downloads").resolve("20261123/dailies/sh010_comp_v001");
    assertThat(Files.mismatch(got.resolve("main.1005.exr"), folder.resolve("main.1005.exr")))
        .isEqualTo(-1);

    // A forgotten recipient gets a delivery of what is already uploaded: no second upload.
    long uploads = studio.accsynFake().state().entities("transfer").size();
    Distribution added =
        review().addRecipients(request, List.of(" EMMA@studio.com "), FlowProgress.NONE);
    assertThat(added.upload()).isEmpty();
    assertThat(added.directory()).isEqualTo("20261123/dailies");
    assertThat(added.recipients())
        .extracting(Distribution.Recipient::email)
        .containsExactly(TutorialStudio.EMPLOYEE);
    assertThat(studio.accsynFake().state().entities("transfer")).hasSize((int) uploads);

    // Cancel: every delivery and job of the session is gone.
    List<String> cancelled = review().cancel(p.reviewSessionId(), FlowProgress.NONE);
    assertThat(cancelled).hasSizeGreaterThanOrEqualTo(4);
    assertThatThrownBy(() -> review().cancel(p.reviewSessionId(), FlowProgress.NONE))
        .isInstanceOf(FlowException.class)
        .satisfies(
            e -> assertThat(((FlowException) e).kind()).isEqualTo(FlowException.Kind.NOT_FOUND));
  }

  @Test
  void onPremReviewIsOnePackagePerParticipantWithPreviewsFirst() throws Exception {
    ReviewRequest request =
        ReviewRequest.builder()
            .reviewSession(p.reviewSessionId())
            .from("hq")
            .directory("20261123/dailies")
            .build();
    long creates = studio.accsynFake().roundTrips("delivery/create");
    long before = studio.accsynFake().roundTrips();
    Distribution d = review().run(request, FlowProgress.NONE);

    // One delivery per participant, whatever the number of versions in the session.
    int invitees = TutorialStudio.REVIEWERS.size();
    assertThat(d.recipients()).hasSize(invitees);
    assertThat(d.recipients()).allSatisfy(r -> assertThat(r.offers()).hasSize(1));
    assertThat(studio.accsynFake().roundTrips("delivery/create") - creates).isEqualTo(invitees);
    assertThat(studio.accsynFake().roundTrips() - before).isLessThanOrEqualTo(10 + 2L * invitees);
    Set<String> versionFolders = new HashSet<>();
    String delivery = d.recipients().get(0).offers().get(0).deliveryId();
    List<Map<String, Object>> tasks = studio.accsynFake().state().tasks(delivery);
    for (Map<String, Object> t : tasks) {
      versionFolders.add(String.valueOf(t.get("destination")));
    }
    assertThat(versionFolders).hasSizeGreaterThan(1);
    // Previews first: every movie comes before every frame.
    List<Boolean> movies =
        tasks.stream()
            .map(t -> String.valueOf(((Map<?, ?>) t.get("source")).get("path")).endsWith(".mov"))
            .toList();
    int lastMovie = movies.lastIndexOf(true);
    assertThat(lastMovie).isPositive();
    assertThat(movies.subList(0, lastMovie + 1)).containsOnly(true);
    assertThat(movies.subList(lastMovie + 1, movies.size())).containsOnly(false).isNotEmpty();

    // Rita's one download fills a folder per version: two versions' main.1001.exr do not collide.
    String rita = TutorialStudio.REVIEWERS.get(0);
    try (AccsynClient c = studio.accsyn(rita)) {
      String job =
          c.create("transfer", Map.of("parent", delivery, "destination", d.directory() + "/"))
              .get(0)
              .string("id")
              .orElseThrow();
      studio.accsynFake().awaitTransfer(job, WAIT);
    }
    Path got = studio.machine(rita, "/Users/rita/Downloads").resolve(d.directory());
    Path hq = studio.volumeDir("hq");
    int compared = 0;
    for (PlannedFile f : d.files()) {
      List<String> parts = f.path().components();
      String srcDir = String.join("/", parts.subList(0, parts.size() - 1));
      String folder = parts.get(2) + "_comp_v001";
      for (String name : f.fileNames()) {
        assertThat(
                Files.mismatch(hq.resolve(srcDir + "/" + name), got.resolve(folder + "/" + name)))
            .as(folder + "/" + name)
            .isEqualTo(-1);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(tasks.size());
  }
}
