package io.pipelinekit.accsyn.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.RetryPolicy;
import io.pipelinekit.accsyn.access.AccessEntry;
import io.pipelinekit.accsyn.access.Grant;
import io.pipelinekit.accsyn.access.ShareType;
import io.pipelinekit.accsyn.files.FileEntry;
import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.sites.Host;
import io.pipelinekit.accsyn.sites.Site;
import io.pipelinekit.accsyn.storage.Folder;
import io.pipelinekit.accsyn.storage.FolderSpec;
import io.pipelinekit.accsyn.storage.Volume;
import io.pipelinekit.accsyn.transfers.TaskSpec;
import io.pipelinekit.accsyn.transfers.TaskStatus;
import io.pipelinekit.accsyn.transfers.Transfer;
import io.pipelinekit.accsyn.transfers.TransferFilter;
import io.pipelinekit.accsyn.transfers.TransferOutcome;
import io.pipelinekit.accsyn.transfers.TransferSpec;
import io.pipelinekit.accsyn.transfers.TransferStatus;
import io.pipelinekit.accsyn.transfers.Transfers;
import io.pipelinekit.accsyn.transfers.WatchOptions;
import io.pipelinekit.accsyn.users.Role;
import io.pipelinekit.accsyn.users.User;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed tutorials' admin steps, in code, against testkit's fake accsyn (written from the wire
 * spec, never from this client). {@code docs/accsyn-client.md} shows the same steps as snippets.
 */
class AccsynCookbookTest {
  static final VolumePaths STORAGE = VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage");

  @TempDir Path root;

  static AccsynClient client(Credentials c) {
    return AccsynClient.builder()
        .endpoint(c.baseUrl())
        .workspace(c.workspace())
        .username(c.username())
        .apiKey(c.apiKey())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build())
        .build();
  }

  /** Polls the fake quickly; production code keeps the 2 s default. */
  static WatchOptions fastWatch() {
    return WatchOptions.builder()
        .pollInterval(Duration.ofMillis(20))
        .maxPollInterval(Duration.ofMillis(200))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void step1_createSiteLa() {
    try (FakeAccsyn fake = FakeAccsyn.builder().root(root).site("hq").build();
        AccsynClient client = client(fake.adminCredentials())) {
      Site la = client.sites().create("la", "Los Angeles");

      assertThat(la.code()).isEqualTo("la");
      assertThat(client.sites().find("la")).map(Site::id).contains(la.id());
      assertThat(client.sites().list()).extracting(Site::code).contains("hq", "la");
      // A site only moves files once a server is installed there (not an API operation).
      assertThat(client.sites().hostsAt(la.id())).isEmpty();
    }
  }

  @Test
  void steps2to7_shareGrantInviteSendWatchAbortDelete() throws Exception {
    try (FakeAccsyn fake =
            FakeAccsyn.builder()
                .root(root)
                .site("hq")
                .site("la") // the LA server is installed
                .volume("storage", STORAGE, "hq")
                .workers(1)
                .build();
        AccsynClient client = client(fake.adminCredentials())) {

      // 2. A folder share "theproject" with a review and a vendor upload sub-folder.
      Folder project =
          client
              .storage()
              .createFolder(
                  FolderSpec.builder().name("theproject").path("projects/theproject").build());
      client.files().mkdir(AccsynPath.folder("theproject", "review"));
      client.files().mkdir(AccsynPath.folder("theproject", "upload"));
      assertThat(client.files().ls(AccsynPath.folder("theproject")))
          .extracting(FileEntry::name)
          .contains("review", "upload");

      // 3. Invite an employee and a vendor (a restricted, standard user).
      User anna = client.users().inviteEmployee("anna@studio.com");
      User vic = client.users().inviteStandard("vic@vendor.com");
      assertThat(anna.role()).isEqualTo(Role.EMPLOYEE);
      assertThat(client.users().list(Role.STANDARD))
          .extracting(User::email)
          .contains("vic@vendor.com");

      // 4. The vendor reads the project and writes into the upload folder.
      client
          .access()
          .grant(Grant.builder().user(vic.email()).share(ShareType.FOLDER, "theproject").build());
      client
          .access()
          .grant(
              Grant.builder()
                  .user(vic.email())
                  .share(ShareType.FOLDER, "theproject")
                  .path("upload")
                  .write(true)
                  .message("Deliver your renders here")
                  .build());
      List<AccessEntry> acls = client.access().list(ShareType.FOLDER, project.id(), true);
      assertThat(acls)
          .extracting(AccessEntry::userHr, AccessEntry::path, AccessEntry::read, AccessEntry::write)
          .containsExactlyInAnyOrder(
              tuple(Optional.of("vic@vendor.com"), "/", true, false),
              tuple(Optional.of("vic@vendor.com"), "upload", true, true));

      // 5. Make the storage available at la: assign la's server to the volume.
      Volume storage = client.storage().volume("storage").orElseThrow();
      Host laServer =
          client.sites().servers().stream()
              .filter(s -> s.siteHr().equals(Optional.of("la")))
              .findFirst()
              .orElseThrow();
      client.sites().assignServer(storage.id(), laServer.id());

      // 6. Send a version's files hq -> la, preview first, and watch it finish.
      Path v003 = fake.volumeDir("hq", "storage").resolve("projects/theproject/sh010/comp/v003");
      Files.createDirectories(v003);
      Files.write(v003.resolve("comp.mov"), new byte[32 * 1024]);
      for (int f = 1001; f <= 1004; f++) {
        Files.write(v003.resolve("comp." + f + ".exr"), new byte[16 * 1024]);
      }
      AccsynPath version = AccsynPath.folder("theproject", "sh010", "comp", "v003");
      AccsynPath la = AccsynPath.mirror(Party.site("la"));
      TransferSpec.Builder spec =
          TransferSpec.builder()
              .name("sh010 comp v003 to la")
              .putMetadata("ftrack_version_id", "v003-id")
              .addTask(
                  TaskSpec.builder()
                      .source(version.resolve("comp.mov"))
                      .destination(la)
                      .priority(TaskSpec.PREVIEW_PRIORITY)
                      .build());
      for (int f = 1001; f <= 1004; f++) {
        spec.addTask(TaskSpec.of(version.resolve("comp." + f + ".exr"), la));
      }
      Transfers transfers = client.transfers();
      Transfer job = transfers.create(spec.build());

      List<Integer> progress = new ArrayList<>();
      TransferOutcome outcome =
          Transfers.await(
              transfers.watch(job.id(), fastWatch(), t -> progress.add(t.progress().percent())));

      assertThat(outcome.succeeded()).isTrue();
      assertThat(outcome.tasks()).hasSize(5).allMatch(t -> t.status() == TaskStatus.DONE);
      assertThat(progress).isNotEmpty().last().isEqualTo(100);
      Path laVersion =
          fake.volumeDir("la", "storage").resolve("projects/theproject/sh010/comp/v003");
      assertThat(laVersion.resolve("comp.mov")).hasSize(32 * 1024);
      assertThat(laVersion.resolve("comp.1004.exr")).hasSize(16 * 1024);
      // The preview went first.
      String previewTask =
          outcome.tasks().stream()
              .filter(t -> t.priority().orElse(0) == TaskSpec.PREVIEW_PRIORITY)
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(fake.state().dispatchOrder().get(0)).isEqualTo(previewTask);

      // 7. Abort a job and delete it.
      Transfer held =
          transfers.create(
              TransferSpec.builder()
                  .name("to abort")
                  .status(TransferStatus.PAUSED)
                  .source(version.resolve("comp.mov"))
                  .destination(la)
                  .build());
      assertThat(transfers.abort(held.id()).status()).isEqualTo(TransferStatus.ABORTED);
      transfers.delete(held.id(), true);
      // Deleting archives: get() still sees it, finished-job searches no longer do.
      assertThat(transfers.get(held.id()).map(Transfer::status)).contains(TransferStatus.ABORTED);
      assertThat(transfers.find(TransferFilter.builder().includeFinished(true).build()))
          .extracting(Transfer::id)
          .doesNotContain(held.id())
          .contains(job.id());
    }
  }
}
