package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review distribution (deliveries, recipients) and the other job forms. */
class DeliveryAndJobFormsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  @TempDir Path root;
  private FakeAccsyn fake;
  private RawAccsyn anna;
  private Path storage;

  @BeforeEach
  void start() throws Exception {
    fake =
        FakeAccsyn.builder()
            .root(root)
            .employee("anna@studio.com")
            .vendor(
                "vic@vendor.com",
                u ->
                    u.app(
                        "vic-mac",
                        Os.MAC,
                        a ->
                            a.mapShare("storage", "/Users/vic/mirror")
                                .downloadDir("/Users/vic/Downloads")))
            .vendor(
                "rob@client.com",
                u -> u.app("rob-pc", Os.WINDOWS, a -> a.mapShare("storage", "R:")))
            .acl("anna@studio.com", "storage", "/", true, true)
            .build();
    storage = fake.volumeDir("hq", "storage");
    Files.createDirectories(storage.resolve("review/0112"));
    Files.writeString(storage.resolve("review/0112/sh010_v003.mov"), "movie");
    anna = new RawAccsyn(fake.credentials("anna@studio.com"));
    anna.login();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** Anna creates a delivery of existing files for one recipient. */
  private RawAccsyn.Reply createDelivery(String name, List<Object> tasks, String recipient) {
    return anna.event(
        "POST",
        "delivery/create",
        map("name", name, "tasks", tasks, "recipients", List.of(recipient)),
        null,
        null);
  }

  @Test
  void reviewDeliveryIsDownloadedByItsRecipient() {
    Map<String, Object> delivery =
        createDelivery(
                "review 0112",
                List.of("share=storage/review/0112/sh010_v003.mov"),
                "vic@vendor.com")
            .first();
    assertThat(delivery).containsEntry("status", "waiting").containsEntry("size", 5.0);
    String id = (String) delivery.get("id");
    assertThat(anna.find("job/recipients", map(), null, id).list())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("user_hr", "vic@vendor.com")
                    .containsEntry("actioned", false));
    assertThat(anna.find("task/find", map(), "job.id=" + id, null).list()).hasSize(1);
    assertThat(
            anna.find("workspace/file", map("op", "ls", "path", "delivery=" + id), null, null)
                .first())
        .containsEntry("filename", "sh010_v003.mov")
        .containsEntry("type", 1.0);
    assertThat(
            anna.event(
                    "PUT",
                    "job/recipient/add",
                    map("recipient", "rob@client.com", "invite", true),
                    null,
                    id)
                .result())
        .isEqualTo(true);
    assertThat(
            anna.event(
                    "DELETE",
                    "job/recipient",
                    map("recipient", fake.state().idOf("user", "rob@client.com").orElseThrow()),
                    null,
                    id)
                .result())
        .isEqualTo(true);

    RawAccsyn vic = new RawAccsyn(fake.credentials("vic@vendor.com"));
    vic.login();
    assertThat(vic.find("delivery/find", map(), null, null).list()).hasSize(1);
    String download =
        (String)
            vic.event(
                    "POST",
                    "transfer/create",
                    map("parent", id, "destination", "/Users/vic/Downloads/review"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(download, WAIT))
        .containsEntry("status", "done")
        .containsEntry("parent", id);
    assertThat(fake.localPath("vic@vendor.com", "/Users/vic/Downloads/review/sh010_v003.mov"))
        .hasContent("movie");
    assertThat(anna.find("job/recipients", map(), null, id).first())
        .containsEntry("actioned", true);

    RawAccsyn rob = new RawAccsyn(fake.credentials("rob@client.com"));
    rob.login();
    assertThat(
            rob.event(
                    "POST",
                    "transfer/create",
                    map("parent", id, "destination", "C:\\x"),
                    null,
                    null)
                .message())
        .isEqualTo("Permission denied - you are not a recipient of delivery 'review 0112'!");
    assertThat(vic.event("POST", "delivery/create", map("name", "x"), null, null).message())
        .isEqualTo(
            "Permission denied - standard users are not allowed to create delivery entities!");
  }

  @Test
  void deliveryFilesWithADestinationLandInThatFolderOfTheDownload() throws Exception {
    Files.createDirectories(storage.resolve("sh010/v003"));
    Files.createDirectories(storage.resolve("sh020/v001"));
    Files.writeString(storage.resolve("sh010/v003/main.1001.exr"), "sh010");
    Files.writeString(storage.resolve("sh020/v001/main.1001.exr"), "sh020");
    Map<String, Object> delivery =
        createDelivery(
                "one package",
                List.of(
                    map(
                        "source",
                        "share=storage/sh010/v003/main.1001.exr",
                        "destination",
                        "sh010_v003/"),
                    map(
                        "source",
                        "share=storage/sh020/v001/main.1001.exr",
                        "destination",
                        "sh020_v001/frame.exr")),
                "vic@vendor.com")
            .first();
    String id = (String) delivery.get("id");
    assertThat(fake.state().tasks(id))
        .extracting(t -> t.get("destination"))
        .containsExactly("sh010_v003/", "sh020_v001/frame.exr");

    RawAccsyn vic = new RawAccsyn(fake.credentials("vic@vendor.com"));
    vic.login();
    String download =
        (String)
            vic.event(
                    "POST",
                    "transfer/create",
                    map("parent", id, "destination", "/Users/vic/Downloads/daily/"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(download, WAIT)).containsEntry("status", "done");
    assertThat(
            fake.localPath("vic@vendor.com", "/Users/vic/Downloads/daily/sh010_v003/main.1001.exr"))
        .hasContent("sh010");
    assertThat(fake.localPath("vic@vendor.com", "/Users/vic/Downloads/daily/sh020_v001/frame.exr"))
        .hasContent("sh020");

    for (String escaping : List.of("../outside/", "/abs/", "site=la:x/", " ")) {
      assertThat(
              createDelivery(
                      "bad",
                      List.of(
                          map(
                              "source",
                              "share=storage/sh010/v003/main.1001.exr",
                              "destination",
                              escaping)),
                      "vic@vendor.com")
                  .message())
          .as(escaping)
          .contains("must be a path relative to the download folder");
    }
  }

  @Test
  void recipientsFanOutToOneJobPerRecipientWithMirroredPaths() {
    List<Map<String, Object>> jobs =
        anna.event(
                "POST",
                "transfer/create",
                map(
                    "name",
                    "review",
                    "tasks",
                    List.of("share=storage/review/0112/sh010_v003.mov"),
                    "recipients",
                    List.of("vic@vendor.com", "rob@client.com")),
                null,
                null)
            .list();
    assertThat(jobs)
        .extracting(j -> j.get("destination_hr"))
        .containsExactly("vic@vendor.com", "rob@client.com");
    for (Map<String, Object> j : jobs) {
      assertThat(fake.awaitTransfer((String) j.get("id"), WAIT)).containsEntry("status", "done");
    }
    assertThat(fake.localPath("vic@vendor.com", "/Users/vic/mirror/review/0112/sh010_v003.mov"))
        .hasContent("movie");
    assertThat(fake.localPath("rob@client.com", "R:\\review\\0112\\sh010_v003.mov"))
        .hasContent("movie");
  }

  @Test
  void appendRevivesTheMatchingJobAndDictFormTasksWork() throws Exception {
    Files.writeString(storage.resolve("review/0112/sh020_v001.mov"), "second");
    String first =
        (String)
            anna.event(
                    "POST",
                    "transfer/create",
                    map(
                        "tasks",
                        map(
                            "0",
                            map(
                                "source",
                                "share=storage/review/0112/sh010_v003.mov",
                                "destination",
                                "vic@vendor.com")),
                        "name",
                        "daily vic"),
                    null,
                    null)
                .first()
                .get("id");
    assertThat(fake.awaitTransfer(first, WAIT)).containsEntry("status", "done");
    Map<String, Object> appended =
        anna.event(
                "POST",
                "transfer/create",
                map(
                    "source",
                    "share=storage/review/0112/sh020_v001.mov",
                    "destination",
                    "vic@vendor.com",
                    "append",
                    true),
                null,
                null)
            .first();
    assertThat(appended.get("id")).isEqualTo(first);
    assertThat(appended.get("status")).isNotEqualTo("done");
    assertThat(fake.awaitTransfer(first, WAIT)).containsEntry("status", "done");
    assertThat(fake.state().tasks(first)).hasSize(2);
    assertThat(fake.localPath("vic@vendor.com", "/Users/vic/mirror/review/0112/sh020_v001.mov"))
        .hasContent("second");
  }

  @Test
  void invalidJobInputIsExplained() {
    assertThat(anna.event("POST", "transfer/create", map("name", "nothing"), null, null).message())
        .isEqualTo("No tasks supplied, give 'source' (and 'destination') or 'tasks'!");
    assertThat(
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/x", "destination", "nobody@nowhere.com"),
                    null,
                    null)
                .message())
        .isEqualTo("User 'nobody@nowhere.com' not found!");
    assertThat(
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/x", "destination", "site=mars"),
                    null,
                    null)
                .message())
        .isEqualTo("Site 'mars' not found!");
    assertThat(
            anna.event(
                    "POST",
                    "transfer/create",
                    map(
                        "source",
                        "share=storage/x",
                        "destination",
                        "proj/",
                        "settings",
                        map("task_bucketsize", 1)),
                    null,
                    null)
                .message())
        .startsWith("Setting 'task_bucketsize' must be a string value");
    assertThat(
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/x", "destination", "proj/", "queue", "Turbo"),
                    null,
                    null)
                .message())
        .isEqualTo("Queue 'Turbo' not found!");
    assertThat(
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "/etc/passwd", "destination", "proj/"),
                    null,
                    null)
                .message())
        .startsWith("Path '/etc/passwd' is not on any volume and you have no online client");
    assertThat(
            anna.event(
                    "POST",
                    "transfer/create",
                    map("source", "share=storage/../../etc", "destination", "proj/"),
                    null,
                    null)
                .message())
        .isEqualTo("Path '../../etc' must not contain '..'!");
  }

  @Test
  void failedCreatesLeaveNothingBehind() {
    RawAccsyn.Reply badTask =
        anna.event(
            "POST",
            "transfer/create",
            map(
                "tasks",
                List.of(
                    map(
                        "source",
                        "share=storage/review/0112/sh010_v003.mov",
                        "destination",
                        "proj/",
                        "priority",
                        5000))),
            null,
            null);
    assertThat(badTask.message()).isEqualTo("Task priority must be within 0-1000, got 5000!");
    RawAccsyn.Reply badDelivery =
        anna.event(
            "POST",
            "delivery/create",
            map(
                "name",
                "d",
                "tasks",
                List.of("share=storage/review/0112/sh010_v003.mov", "share=storage/nope.mov")),
            null,
            null);
    assertThat(badDelivery.message())
        .startsWith("E#J001 File or directory not found at server: /mnt/storage/nope.mov");
    assertThat(fake.state().entities("transfer")).isEmpty();
    assertThat(fake.state().entities("delivery")).isEmpty();
    assertThat(fake.state().entities("task")).isEmpty();
  }

  @Test
  void deterministicModeRepeatsIds() {
    List<Object> first = idsOfARun();
    List<Object> second = idsOfARun();
    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
  }

  private List<Object> idsOfARun() {
    try (FakeAccsyn d = FakeAccsyn.builder().deterministic().build()) {
      RawAccsyn admin = new RawAccsyn(d.adminCredentials());
      admin.login();
      Object job =
          admin
              .event(
                  "POST",
                  "transfer/create",
                  map("source", "share=storage/a", "destination", "b"),
                  null,
                  null)
              .first()
              .get("id");
      Object task = d.state().tasks((String) job).get(0).get("id");
      Object created = d.state().entity((String) job).orElseThrow().get("created");
      return List.of(job, task, created);
    }
  }
}
