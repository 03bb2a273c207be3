package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfers end to end over raw HTTP: real files move between the fake's directories. */
class TransferEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String V003 = "proj/sh010/comp/v003";

  @TempDir Path root;
  private FakeAccsyn fake;

  private FakeAccsyn start(Consumer<FakeAccsyn.Builder> extra) {
    FakeAccsyn.Builder b =
        FakeAccsyn.builder()
            .root(root)
            .site("hq")
            .site("la")
            .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
            .folder("vendor_in", "storage", "incoming/vendors")
            .employee(
                "anna@studio.com",
                u -> u.app("anna-ws", Os.WINDOWS, a -> a.mapShare("storage", "S:")))
            .employee("bob@studio.com")
            .vendor(
                "vic@vendor.com",
                u ->
                    u.app(
                        "vic-mac",
                        Os.MAC,
                        a -> a.mapShare("storage", "/Users/vic/mirror", true, true)))
            .vendor(
                "rita@vendor.com",
                u ->
                    u.app(
                        "rita-pc",
                        Os.WINDOWS,
                        a -> a.mapShare("storage", "D:\\mirror", true, false)))
            .acl("anna@studio.com", "storage", "/", true, true)
            .acl("vic@vendor.com", "vendor_in", "vic", true, true);
    extra.accept(b);
    fake = b.build();
    return fake;
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private static byte[] write(Path file, int size, long seed) throws IOException {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    Files.createDirectories(file.getParent());
    Files.write(file, data);
    return data;
  }

  private RawAccsyn as(String email) {
    RawAccsyn r = new RawAccsyn(email == null ? fake.adminCredentials() : fake.credentials(email));
    r.login();
    return r;
  }

  @Test
  void sequenceFromHqToLaWithThePreviewFirst() throws IOException {
    start(FakeAccsyn.Builder::deterministic);
    Path hq = fake.volumeDir("hq", "storage").resolve(V003);
    long total = 0;
    for (int f = 1001; f <= 1010; f++) {
      total += write(hq.resolve("comp." + f + ".exr"), 20_000 + f, f).length;
    }
    total += write(hq.resolve("comp.mov"), 50_000, 1).length;
    RawAccsyn admin = as(null);
    Map<String, Object> job =
        admin
            .event(
                "POST",
                "transfer/create",
                map(
                    "name",
                    "sh010 comp v003 to la",
                    "mirror",
                    true,
                    "tasks",
                    List.of(
                        map(
                            "source",
                            "share=storage/" + V003 + "/comp.%04d.exr[1001-1010]",
                            "destination",
                            "site=la"),
                        map(
                            "source",
                            "share=storage/" + V003 + "/comp.mov",
                            "destination",
                            "site=la",
                            "priority",
                            999))),
                null,
                null)
            .first();
    assertThat(job).containsEntry("status", "waiting").containsEntry("destination_hr", "la");
    assertThat(((Number) job.get("size")).longValue()).isEqualTo(total);
    String id = (String) job.get("id");
    assertThat(id).isEqualTo("65a1f0c0d0" + String.format("%014x", 22));

    assertThat(fake.runTransfers()).isEqualTo(2);
    Map<String, Object> done = fake.awaitTransfer(id, WAIT);
    assertThat(done).containsEntry("status", "done").containsEntry("progress", 100L);
    List<Map<String, Object>> tasks = fake.state().tasks(id);
    assertThat(fake.state().dispatchOrder())
        .containsExactly((String) tasks.get(1).get("id"), (String) tasks.get(0).get("id"));
    Path la = fake.volumeDir("la", "storage").resolve(V003);
    for (int f = 1001; f <= 1010; f++) {
      assertThat(Files.mismatch(hq.resolve("comp." + f + ".exr"), la.resolve("comp." + f + ".exr")))
          .isEqualTo(-1L);
    }
    assertThat(Files.mismatch(hq.resolve("comp.mov"), la.resolve("comp.mov"))).isEqualTo(-1L);
    assertThat(admin.find("transfer/find", map(), "id=" + id, null).list()).isEmpty();
    assertThat(admin.find("transfer/find", map("finished", true), "destination=la", null).list())
        .hasSize(1);
    assertThat(
            admin.find("transfer/find", map("single_entity_query", true), "id=" + id, null).list())
        .hasSize(1);
  }

  @Test
  void directoriesCopyRecursivelyAndTheTrailingSlashMeansInside() throws IOException {
    start(b -> {});
    Path hq = fake.volumeDir("hq", "storage");
    write(hq.resolve("proj/sh050/plates/a.dpx"), 1000, 1);
    write(hq.resolve("proj/sh050/plates/sub/b.dpx"), 2000, 2);
    write(hq.resolve("proj/sh050/plates/plate.0001.exr"), 300, 3);
    write(hq.resolve("proj/sh050/plates/plate.0002.exr"), 300, 4);
    write(hq.resolve("proj/sh050/plates/plate.2.exr"), 300, 5);
    RawAccsyn admin = as(null);
    String inside =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "share=storage/proj/sh050/plates",
                        "destination",
                        "site=la:share=storage/incoming/"),
                    null,
                    null)
                .first()
                .get("id");
    String named =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "share=storage/proj/sh050/plates",
                        "destination",
                        "site=la:share=storage/renamed"),
                    null,
                    null)
                .first()
                .get("id");
    String hashes =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "share=storage/proj/sh050/plates/plate.####.exr",
                        "destination",
                        "site=la:share=storage/seq/"),
                    null,
                    null)
                .first()
                .get("id");
    for (String id : List.of(inside, named, hashes)) {
      assertThat(fake.awaitTransfer(id, WAIT)).containsEntry("status", "done");
    }
    Path la = fake.volumeDir("la", "storage");
    assertThat(la.resolve("incoming/plates/sub/b.dpx"))
        .hasBinaryContent(Files.readAllBytes(hq.resolve("proj/sh050/plates/sub/b.dpx")));
    assertThat(la.resolve("renamed/a.dpx")).exists();
    assertThat(la.resolve("renamed/sub/b.dpx")).exists();
    try (var seq = Files.list(la.resolve("seq"))) {
      assertThat(seq.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("plate.0001.exr", "plate.0002.exr");
    }
    assertThat(((Number) fake.state().entity(hashes).orElseThrow().get("size")).longValue())
        .isEqualTo(600L);
  }

  @Test
  void employeePushesToTheVendorsMirrorAndPullsBack() throws IOException {
    start(b -> {});
    Path hq = fake.volumeDir("hq", "storage");
    byte[] plate = write(hq.resolve("proj/sh020/plate.dpx"), 100_000, 7);
    RawAccsyn anna = as("anna@studio.com");
    String push =
        (String)
            anna.event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "share=storage/proj/sh020/plate.dpx",
                        "destination",
                        "vic@vendor.com"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(push, WAIT)).containsEntry("status", "done");
    Path mirror = fake.localPath("vic@vendor.com", "/Users/vic/mirror");
    assertThat(mirror.resolve("proj/sh020/plate.dpx")).hasBinaryContent(plate);

    byte[] back = write(mirror.resolve("proj/sh020/comp_v001.mov"), 70_000, 8);
    String pull =
        (String)
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "vic@vendor.com:share=storage/proj/sh020/comp_v001.mov"),
                    null,
                    null)
                .first()
                .get("id");
    Map<String, Object> done = fake.awaitTransfer(pull, WAIT);
    assertThat(done).containsEntry("status", "done").containsEntry("source_hr", "vic@vendor.com");
    assertThat(hq.resolve("proj/sh020/comp_v001.mov")).hasBinaryContent(back);

    RawAccsyn.Reply denied =
        anna.event(
            "POST",
            "transfer/create",
            map("source", "share=storage/proj/sh020/plate.dpx", "destination", "rita@vendor.com"),
            null,
            null);
    assertThat(denied.message())
        .isEqualTo(
            "Permission denied - rita@vendor.com has not granted write access to share 'storage' on client 'rita-pc'!");
    RawAccsyn.Reply local =
        anna.event(
            "POST",
            "transfer/create",
            map("source", "vic@vendor.com:/Users/vic/secret.txt"),
            null,
            null);
    assertThat(local.message())
        .contains("only the user owning the API session may use absolute local paths");
  }

  @Test
  void employeeUploadsFromTheirOwnWindowsMachineAndNeedsVolumeAccess() throws IOException {
    start(b -> {});
    byte[] render =
        write(
            fake.localPath("anna@studio.com", "C:\\Users\\anna\\render\\lgt_v002.exr"), 30_000, 3);
    RawAccsyn anna = as("anna@studio.com");
    Map<String, Object> job =
        anna.event(
                "POST",
                "transfer/create",
                map(
                    "source",
                    "C:\\Users\\anna\\render\\lgt_v002.exr",
                    "destination",
                    "proj/sh030/lighting/"),
                null,
                null)
            .first();
    assertThat(job)
        .containsEntry("source_hr", "anna@studio.com")
        .containsEntry("destination_hr", "studio");
    assertThat(fake.awaitTransfer((String) job.get("id"), WAIT)).containsEntry("status", "done");
    assertThat(fake.volumeDir("hq", "storage").resolve("proj/sh030/lighting/lgt_v002.exr"))
        .hasBinaryContent(render);
    Map<String, Object> task = fake.state().tasks((String) job.get("id")).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> dst = (Map<String, Object>) task.get("destination");
    assertThat(dst).containsEntry("path_abs_final", "/mnt/storage/proj/sh030/lighting");

    byte[] sdrive =
        write(fake.localPath("anna@studio.com", "S:\\proj\\sh040\\notes.pdf"), 5_000, 4);
    String mirrored =
        (String)
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "anna@studio.com:share=storage/proj/sh040/notes.pdf"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(mirrored, WAIT)).containsEntry("status", "done");
    assertThat(fake.volumeDir("hq", "storage").resolve("proj/sh040/notes.pdf"))
        .hasBinaryContent(sdrive);

    RawAccsyn bob = as("bob@studio.com");
    assertThat(
            bob.event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/proj/sh040/notes.pdf", "destination", "site=la"),
                    null,
                    null)
                .message())
        .startsWith("Permission denied - site transfers need the admin role");
    assertThat(
            bob.event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "share=storage/proj/sh040/notes.pdf",
                        "destination",
                        "anna@studio.com"),
                    null,
                    null)
                .message())
        .isEqualTo(
            "Permission denied - you have no read access to 'storage/proj/sh040/notes.pdf'!");
  }

  @Test
  void vendorUploadsIntoTheirAclFolderOnly() throws IOException {
    start(b -> {});
    byte[] shot =
        write(fake.localPath("vic@vendor.com", "/Users/vic/out/sh010_comp_v004.mov"), 40_000, 5);
    RawAccsyn vic = as("vic@vendor.com");
    String id =
        (String)
            vic.event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "/Users/vic/out/sh010_comp_v004.mov",
                        "destination",
                        "folder=vendor_in/vic/"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(id, WAIT)).containsEntry("status", "done");
    assertThat(fake.volumeDir("hq", "storage").resolve("incoming/vendors/vic/sh010_comp_v004.mov"))
        .hasBinaryContent(shot);
    assertThat(vic.find("transfer/find", map("finished", true), null, null).list()).hasSize(1);

    assertThat(
            vic.event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "/Users/vic/out/sh010_comp_v004.mov",
                        "destination",
                        "folder=vendor_in/other/"),
                    null,
                    null)
                .message())
        .isEqualTo(
            "Permission denied - you have no write access to 'storage/incoming/vendors/other'!");
    assertThat(
            vic.event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/proj/x", "destination", "site=la"),
                    null,
                    null)
                .message())
        .startsWith("Permission denied - site transfers need the admin role");
    assertThat(
            vic.event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "folder=vendor_in/vic/sh010_comp_v004.mov",
                        "destination",
                        "anna@studio.com"),
                    null,
                    null)
                .message())
        .isEqualTo(
            "Permission denied - you can only transfer files to and from your own machines!");
  }

  @Test
  void missingSourceFailsOnlyItsTaskAndRetryRecovers() throws IOException {
    start(b -> {});
    Path hq = fake.volumeDir("hq", "storage");
    write(hq.resolve("proj/a.mov"), 10_000, 1);
    write(hq.resolve("proj/c.mov"), 10_000, 3);
    RawAccsyn admin = as(null);
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "tasks",
                        List.of(
                            "share=storage/proj/a.mov",
                            "share=storage/proj/b.mov",
                            "share=storage/proj/c.mov"),
                        "destination",
                        "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    Map<String, Object> job = fake.awaitTransfer(id, WAIT);
    assertThat(job).containsEntry("status", "failed");
    List<Map<String, Object>> tasks = fake.state().tasks(id);
    assertThat(tasks).extracting(t -> t.get("status")).containsExactly("done", "failed", "done");
    assertThat((String) tasks.get(1).get("error")).startsWith("E#J001 File or directory not found");
    Path la = fake.volumeDir("la", "storage");
    assertThat(la.resolve("proj/a.mov")).exists();
    assertThat(la.resolve("proj/b.mov")).doesNotExist();

    write(hq.resolve("proj/b.mov"), 10_000, 2);
    List<Map<String, Object>> edited =
        admin
            .event("PUT", "task/edit", List.of(map("uri", "1", "status", "queued")), null, id)
            .list();
    assertThat(edited)
        .singleElement()
        .satisfies(t -> assertThat(t).containsEntry("status", "queued"));
    assertThat(fake.awaitTransfer(id, WAIT)).containsEntry("status", "done");
    assertThat(Files.mismatch(hq.resolve("proj/b.mov"), la.resolve("proj/b.mov"))).isEqualTo(-1L);
  }

  @Test
  void aJobPausedByItsOnHoldTaskRunsAgainWhenTheTaskIsRequeued() throws IOException {
    start(FakeAccsyn.Builder::deterministic);
    Path hq = fake.volumeDir("hq", "storage");
    write(hq.resolve("proj/a.mov"), 100, 1);
    write(hq.resolve("proj/b.mov"), 100, 2);
    RawAccsyn admin = as(null);
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "tasks",
                        List.of("share=storage/proj/a.mov", "share=storage/proj/b.mov"),
                        "destination",
                        "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    admin.event("PUT", "task/edit", List.of(map("uri", "1", "status", "onhold")), null, id);
    fake.runTransfers();
    assertThat(fake.state().entity(id).orElseThrow()).containsEntry("status", "paused");
    admin.event("PUT", "task/edit", List.of(map("uri", "1", "status", "queued")), null, id);
    fake.runTransfers();
    assertThat(fake.state().entity(id).orElseThrow()).containsEntry("status", "done");
    assertThat(fake.volumeDir("la", "storage").resolve("proj/b.mov")).exists();
    // A pause the user asked for sticks though nothing is on hold.
    String other =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map("tasks", List.of("share=storage/proj/a.mov"), "destination", "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    admin.event("PUT", "transfer/edit", map("status", "paused"), null, other);
    admin.event("PUT", "task/edit", List.of(map("uri", "0", "status", "queued")), null, other);
    fake.runTransfers();
    assertThat(fake.state().entity(other).orElseThrow()).containsEntry("status", "paused");
  }

  @Test
  void pauseAndResumeMidway() throws IOException {
    start(b -> b.speed(TransferSpeed.bytesPerSecond(200_000)).workers(1));
    byte[] data = write(fake.volumeDir("hq", "storage").resolve("proj/big.mov"), 600_000, 9);
    RawAccsyn admin = as(null);
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/proj/big.mov", "destination", "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    fake.awaitTransfer(id, WAIT, "running");
    Map<String, Object> paused =
        admin.event("PUT", "transfer/edit", map("status", "paused"), null, id).first();
    assertThat(paused).containsEntry("status", "paused");
    Path target = fake.volumeDir("la", "storage").resolve("proj/big.mov");
    assertThat(pollTask(id, "queued")).isTrue();
    assertThat(target).doesNotExist();
    assertThat(admin.event("PUT", "transfer/edit", map("status", "waiting"), null, id).first())
        .containsEntry("status", "waiting");
    assertThat(fake.awaitTransfer(id, WAIT)).containsEntry("status", "done");
    assertThat(target).hasBinaryContent(data);
  }

  @Test
  void abortMidwayLeavesNoPartialFile() throws IOException {
    start(b -> b.speed(TransferSpeed.bytesPerSecond(200_000)).workers(1));
    write(fake.volumeDir("hq", "storage").resolve("proj/huge.mov"), 2_000_000, 11);
    RawAccsyn admin = as(null);
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/proj/huge.mov", "destination", "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    fake.awaitTransfer(id, WAIT, "running");
    assertThat(pollProgress(id)).isTrue();
    Map<String, Object> running = fake.state().entity(id).orElseThrow();
    assertThat((String) running.get("etr")).matches("\\d+h:\\d\\dm:\\d\\ds");
    assertThat(admin.event("PUT", "transfer/edit", map("status", "aborted"), null, id).first())
        .containsEntry("status", "aborted");
    assertThat(pollTask(id, "queued")).isTrue();
    Path dir = fake.volumeDir("la", "storage").resolve("proj");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).isEmpty();
    }
    assertThat(admin.find("transfer/find", map("finished", true), "status=aborted", null).list())
        .hasSize(1);
  }

  @Test
  void corruptedCopyFailsVerification() throws IOException {
    start(b -> {});
    write(fake.volumeDir("hq", "storage").resolve("proj/x.exr"), 1000, 1);
    fake.faults().corruptTasks("*x.exr");
    RawAccsyn admin = as(null);
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/proj/x.exr", "destination", "site=la"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(id, WAIT)).containsEntry("status", "failed");
    assertThat((String) fake.state().tasks(id).get(0).get("error"))
        .startsWith("E#J054 Could not verify x.exr: checksum");
    assertThat(fake.volumeDir("la", "storage").resolve("proj/x.exr")).doesNotExist();
  }

  @Test
  void taskOnHoldPausesTheJobAndDuplicatesAreRetried() throws IOException {
    start(FakeAccsyn.Builder::deterministic);
    Path hq = fake.volumeDir("hq", "storage");
    write(hq.resolve("proj/a.mov"), 100, 1);
    write(hq.resolve("proj/b.mov"), 100, 2);
    RawAccsyn admin = as(null);
    String id =
        (String)
            admin
                .event(
                    "POST",
                    "transfer/create",
                    map(
                        "tasks",
                        List.of("share=storage/proj/a.mov", "share=storage/proj/b.mov"),
                        "destination",
                        "site=la",
                        "status",
                        "paused"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(
            admin
                .event("PUT", "task/edit", List.of(map("uri", "1", "status", "onhold")), null, id)
                .first())
        .containsEntry("status", "onhold");
    admin.event("PUT", "transfer/edit", map("status", "waiting"), null, id);
    fake.runTransfers();
    assertThat(fake.state().entity(id).orElseThrow()).containsEntry("status", "paused");
    Map<String, Object> again =
        admin
            .event(
                "POST",
                "task/create",
                map(
                    "tasks",
                    List.of(map("source", "share=storage/proj/a.mov", "destination", "site=la"))),
                null,
                id)
            .first();
    assertThat(again).containsEntry("uri", "0").containsEntry("status", "queued");
    assertThat(
            admin
                .event(
                    "POST",
                    "task/create",
                    map(
                        "tasks",
                        List.of(
                            map("source", "share=storage/proj/a.mov", "destination", "site=la")),
                        "allow_duplicates",
                        false),
                    null,
                    id)
                .message())
        .startsWith("Task 'share=storage/proj/a.mov' already exists");
    assertThat(
            admin
                .event("PUT", "task/edit", List.of(map("uri", "9", "status", "queued")), null, id)
                .message())
        .isEqualTo("Task '9' not found in job '" + id + "'!");
    assertThat(
            admin
                .event("PUT", "task/edit", List.of(map("uri", "0", "status", "exploded")), null, id)
                .message())
        .startsWith("Invalid task status 'exploded'");
    assertThat(
            admin
                .event(
                    "PUT",
                    "task/edit",
                    List.of(map("uri", "0", "priority", 10), map("uri", "0", "colour", "red")),
                    null,
                    id)
                .message())
        .isEqualTo("Task attribute 'colour' cannot be modified!");
    assertThat(fake.state().tasks(id).get(0)).containsEntry("priority", 500L);
  }

  private boolean pollTask(String jobId, String status) {
    fake.await(
        "task of " + jobId + " " + status,
        WAIT,
        () -> status.equals(fake.state().tasks(jobId).get(0).get("status")));
    return true;
  }

  private boolean pollProgress(String jobId) {
    fake.await(
        "progress of " + jobId,
        WAIT,
        () ->
            fake.state().entity(jobId).orElseThrow().get("progress") instanceof Number n
                && n.longValue() > 0);
    return true;
  }
}
