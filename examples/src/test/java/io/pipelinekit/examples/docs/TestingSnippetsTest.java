package io.pipelinekit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.Os;
import io.pipelinekit.testkit.accsyn.TransferSpeed;
import io.pipelinekit.testkit.accsyn.VolumePaths;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fragments of docs/testing.md, each run against a fake. */
class TestingSnippetsTest {
  @Test
  void theStudioInTheFake() {
    // snippet: studio-builder
    FakeAccsyn fake =
        FakeAccsyn.builder()
            .workspace("studio")
            .site("hq") // first site = main site (hq)
            .site("la")
            .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
            .volume("proxy", VolumePaths.of("/mnt/proxy", "P:", "/Volumes/proxy"), "la") // la only
            .folder("vendor_in", "storage", "incoming/vendors")
            .admin("ops@studio.com")
            .employee(
                "anna@studio.com",
                u -> u.home().app("anna-ws", Os.WINDOWS, a -> a.mapShare("storage", "S:")))
            .vendor(
                "vic@vendor.com",
                u ->
                    u.app(
                        "vic-mac",
                        Os.MAC,
                        a -> a.mapShare("storage", "/Users/vic/mirror", true, true)))
            .acl("anna@studio.com", "storage", "/", true, true) // employees need volume access
            .acl("vic@vendor.com", "vendor_in", "vic", true, true) // vendor: his folder only
            .queue("Urgent", 900)
            .setting("transfer_speedlimit", "0")
            .build();
    // end snippet
    try (fake) {
      assertThat(fake.volumeDir("la", "proxy")).isDirectory();
      assertThat(fake.localPath("vic@vendor.com", "/Users/vic/mirror")).isDirectory();
    }
  }

  @Test
  void faultsAndObserving() {
    try (FakeAccsyn fake = FakeAccsyn.builder().site("hq").site("la").build()) {
      // snippet: three-faults
      fake.faults().failTasks("*comp.mov"); // the preview's task fails: the job ends 'failed'
      fake.faults().dropAfterCommit("transfer/create", 1); // job created, the client sees EOF
      fake.faults().throttle("transfer/find", 3); // three HTTP 429s while polling
      // end snippet
      // snippet: all-faults
      fake.faults()
          .latency(Duration.ofMillis(200)) // every response, or .latency("user/find", d)
          .throttle("transfer/find", 2) // HTTP 429 + {"message": "Rate limit exceeded ..."}
          .rateLimit(30, 60) // token bucket like the service: 429 over it
          .serverError("transfer/edit", 1) // HTTP 500 + {"exception": "Traceback ..."}
          .badGateway("*", 1) // HTTP 502 with an HTML page (not JSON)
          .dropBeforeCommit("transfer/create", 1) // socket closed, nothing created
          .dropAfterCommit("transfer/create", 1) // job created, socket closed before the answer
          // HTTP 504 at once; the job appears 0.7 s later:
          .gatewayTimeoutThenCommit("transfer/create", 1, Duration.ofMillis(700))
          // no answer for 3 s (past a read timeout), then 504; the job appears 2 s later:
          .stallThenCommit("transfer/create", 1, Duration.ofSeconds(3), Duration.ofSeconds(2))
          .failTasks("*/comp.1005.exr") // task fails with E#J005 when it runs
          .corruptTasks("*.mov") // bytes corrupted; verification fails the task
          .clear();
      // end snippet
      Credentials c = fake.adminCredentials();
      String jobId;
      try (AccsynClient admin =
          AccsynClient.builder()
              .endpoint(c.baseUrl())
              .workspace(c.workspace())
              .username(c.username())
              .apiKey(c.apiKey())
              .build()) {
        jobId =
            admin
                .create("transfer", Map.of("source", "share=storage/x", "destination", "site=la"))
                .get(0)
                .string("id")
                .orElseThrow();
      }
      // snippet: observing
      fake.calls(); // every RecordedCall: method, path, operation, decoded event, status, body
      fake.roundTrips("transfer/find"); // how many round trips of one operation
      fake.state().entities("transfer"); // snapshots as an admin's find would show them
      fake.state().entity(jobId); // incl. finished, archived and inactive ones
      fake.state().tasks(jobId);
      fake.state().dispatchOrder(); // task ids in the order workers started them
      // end snippet
      assertThat(fake.state().entity(jobId)).isPresent();
    }
  }

  @Test
  void speedAndRepeatability() throws Exception {
    // snippet: speed
    FakeAccsyn.Builder visible =
        FakeAccsyn.builder().speed(TransferSpeed.bytesPerSecond(256 * 1024));
    FakeAccsyn.Builder strict = FakeAccsyn.builder().workers(1); // one copy at a time
    FakeAccsyn.Builder stepped = FakeAccsyn.builder().deterministic(); // fixed ids and clock
    // with deterministic(), nothing runs until the test calls fake.runTransfers()
    // end snippet
    try (FakeAccsyn a = visible.build();
        FakeAccsyn b = strict.build();
        FakeAccsyn fake = stepped.build()) {
      fake.runTransfers();
      assertThat(a.workspace()).isEqualTo(b.workspace()).isEqualTo(fake.workspace());
    }
  }

  @Test
  void theFakeFtrackServer() {
    // snippet: ftrack
    try (FakeFtrack fake = FakeFtrack.builder().build();
        FtrackSession session = FtrackSession.fromEnvironment(fake.environment())) {
      FtrackFixtures f = fake.fixtures();
      String shot = f.shot(f.sequence(f.project("demo"), "sq010"), "sh010");
      String version = f.version(f.asset(shot, "comp", f.assetType("comp")), 1, null);
      String hq = f.location("hq");
      String mov = f.fileComponent(version, "review", ".mov", 1_000_000);
      f.componentLocation(mov, hq, "demo/sh010/review.mov");
      FtrackFixtures.SequenceIds exr =
          f.sequenceComponent(version, "main", ".exr", 4, 1001, 1002, 1004);
      f.registerSequence(exr, hq, "demo/sh010/main.%04d.exr");
      fake.resetRequests();
      // run the code under test with `session`, then:
      assertThat(fake.requestCount()).isLessThanOrEqualTo(4); // round trips
      assertThat(fake.entities("ComponentLocation")).hasSize(5); // what was written
    }
    // end snippet
  }
}
