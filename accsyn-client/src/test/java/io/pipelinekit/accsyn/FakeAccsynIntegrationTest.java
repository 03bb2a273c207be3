package io.pipelinekit.accsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against testkit's fake accsyn server, which is written from the wire protocol and
 * checked against accsyn's Python client, never against this client.
 */
class FakeAccsynIntegrationTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path root;
  FakeAccsyn fake;
  AccsynClient admin;

  @BeforeEach
  void start() {
    fake =
        FakeAccsyn.builder()
            .root(root)
            .site("hq")
            .site("la")
            .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
            .employee("anna@studio.com")
            .build();
    admin = client(fake.adminCredentials()).build();
  }

  @AfterEach
  void stop() {
    admin.close();
    fake.close();
  }

  static AccsynClient.Builder client(Credentials c) {
    return AccsynClient.builder()
        .endpoint(c.baseUrl())
        .workspace(c.workspace())
        .username(c.username())
        .apiKey(c.apiKey())
        // Real waits are fine here but kept short: the fake answers at once.
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).build());
  }

  @Test
  void findsSitesUsersAndEntityTypes() {
    assertThat(admin.find("Site"))
        .extracting(s -> s.string("code").orElse(""))
        .contains("hq", "la");
    assertThat(admin.findOne(Query.of("user").where("code", Operator.EQ, "anna@studio.com")))
        .hasValueSatisfying(u -> assertThat(u.string("role")).contains("employee"));
    assertThat(admin.find("entitytypes")).extracting(Json::asString).contains("transfer", "user");
    assertThat(admin.role()).isEqualTo("admin");
    assertThat(admin.userId()).matches("[a-z0-9]{24}");
  }

  @Test
  void createsATransferFromHqToLaAndWatchesItFinish() throws Exception {
    Path hq = fake.volumeDir("hq", "storage").resolve("proj/sh010");
    Files.createDirectories(hq);
    Files.write(hq.resolve("comp.mov"), new byte[64 * 1024]);
    Json job =
        admin
            .create(
                "transfer",
                Map.of(
                    "name", "sh010 to la",
                    "source", "share=storage/proj/sh010/comp.mov",
                    "destination", "site=la",
                    "mirror", true))
            .get(0);
    String id = job.string("id").orElseThrow();
    assertThat(job.get("metadata").flatMap(m -> m.string("pipelinekit_request_id"))).isPresent();

    fake.awaitTransfer(id, WAIT);
    Json done = admin.get("transfer", id).orElseThrow();
    assertThat(done.string("status")).contains("done");
    assertThat(done.integer("size")).contains(64L * 1024);
    assertThat(Files.size(fake.volumeDir("la", "storage").resolve("proj/sh010/comp.mov")))
        .isEqualTo(64L * 1024);
    // Finished jobs leave the active set; the finished scope and findOne still see it.
    assertThat(admin.find(Query.of("transfer").where("id", Operator.EQ, id))).isEmpty();
    assertThat(admin.find(Query.of("transfer").where("id", Operator.EQ, id).finished(true)))
        .hasSize(1);
    assertThat(admin.findOne(Query.of("transfer").where("id", Operator.EQ, id))).isPresent();
    assertThat(admin.find(Query.of("task").parent(id))).hasSize(1);
  }

  @Test
  void pausesAndEditsTasksOfAJob() throws Exception {
    Path hq = fake.volumeDir("hq", "storage").resolve("p");
    Files.createDirectories(hq);
    Files.write(hq.resolve("a.bin"), new byte[10]);
    Files.write(hq.resolve("b.bin"), new byte[10]);
    Json job =
        admin
            .create(
                "transfer",
                Json.of(
                    Map.of(
                        "status",
                        "paused",
                        "tasks",
                        List.of(
                            Map.of("source", "share=storage/p/a.bin", "destination", "site=la"),
                            Map.of("source", "share=storage/p/b.bin", "destination", "site=la")))))
            .get(0);
    String id = job.string("id").orElseThrow();
    assertThat(job.string("status")).contains("paused");
    Json patch = Json.objectBuilder().put("uri", "1").put("status", "excluded").build();
    List<Json> tasks = admin.updateMany("task", id, List.of(patch));
    assertThat(tasks).anySatisfy(t -> assertThat(t.string("status")).contains("excluded"));
    assertThat(admin.update("transfer", id, Map.of("status", "waiting")).string("status"))
        .isPresent();
    fake.awaitTransfer(id, WAIT);
    assertThat(Files.exists(fake.volumeDir("la", "storage").resolve("p/a.bin"))).isTrue();
    assertThat(Files.exists(fake.volumeDir("la", "storage").resolve("p/b.bin"))).isFalse();
  }

  @Test
  void errorEnvelopesOfTheFakeMapToTypedExceptions() {
    assertThatThrownBy(() -> admin.find("spaceship"))
        .isExactlyInstanceOf(AccsynApiException.class)
        .hasMessageContaining("spaceship/find");
    assertThatThrownBy(
            () -> admin.update("transfer", "0123456789abcdef01234567", Map.of("status", "paused")))
        .isInstanceOf(AccsynApiException.class)
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> admin.get("transfer", "xyz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid entity ID \"xyz\"");
    Credentials anna = fake.credentials("anna@studio.com");
    try (AccsynClient wrongKey =
        client(Credentials.of(anna.baseUrl(), anna.workspace(), anna.username(), "WRONG-KEY"))
            .build()) {
      assertThatThrownBy(() -> wrongKey.find("site"))
          .isExactlyInstanceOf(AccsynAuthenticationException.class)
          .hasMessageContaining("anna@studio.com")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("WRONG-KEY"));
    }
    fake.faults().serverError("transfer/edit", 1);
    assertThatThrownBy(
            () -> admin.update("transfer", "0123456789abcdef01234567", Map.of("status", "paused")))
        .isExactlyInstanceOf(AccsynServerException.class);
  }

  @Test
  void readsRideOverThrottlingAndBadGateways() {
    fake.faults().throttle("site/find", 1).badGateway("site/find", 1);
    assertThat(admin.find("site")).hasSize(2);
    assertThat(fake.roundTrips("site/find")).isEqualTo(3);
  }

  @Test
  void aCreateWhoseAnswerIsLostMakesExactlyOneJob() throws Exception {
    Path hq = fake.volumeDir("hq", "storage").resolve("p");
    Files.createDirectories(hq);
    Files.write(hq.resolve("a.bin"), new byte[10]);
    fake.faults().dropAfterCommit("transfer/create", 1);
    Json job =
        admin
            .create("transfer", Map.of("source", "share=storage/p/a.bin", "destination", "site=la"))
            .get(0);
    assertThat(fake.state().entities("transfer")).hasSize(1);
    assertThat(job.string("id"))
        .contains((String) fake.state().entities("transfer").get(0).get("id"));
    assertThat(fake.roundTrips("transfer/create")).isEqualTo(1);

    fake.faults().dropBeforeCommit("transfer/create", 1);
    // A short read timeout keeps the settle window (look-ups before a resend) short.
    try (AccsynClient quick =
        client(fake.adminCredentials()).readTimeout(Duration.ofSeconds(2)).build()) {
      quick.create(
          "transfer",
          Map.of(
              "source",
              "share=storage/p/a.bin",
              "destination",
              "site=la",
              "allow_duplicates",
              true));
    }
    assertThat(fake.roundTrips("transfer/create")).isEqualTo(3);
  }

  @Test
  void masterLookupThroughAnAccsynProxy() {
    Credentials c = fake.adminCredentials();
    try (AccsynClient viaProxy =
        AccsynClient.builder()
            .workspace(c.workspace())
            .username(c.username())
            .apiKey(c.apiKey())
            .proxy("accsyn:127.0.0.1:" + fake.port())
            .build()) {
      assertThat(viaProxy.find("site")).hasSize(2);
    }
    assertThat(fake.roundTrips("lookup")).isEqualTo(1);
  }

  @Test
  void asyncFormAgainstTheFake() throws Exception {
    List<Json> sites =
        admin.async().find(Query.of("site")).get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(sites).hasSize(2);
  }
}
