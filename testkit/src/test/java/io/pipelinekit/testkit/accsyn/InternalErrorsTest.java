package io.pipelinekit.testkit.accsyn;

import static io.pipelinekit.testkit.accsyn.RawAccsyn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What the fake answers when something it was not built for happens. */
class InternalErrorsTest {

  @Test
  void sendingToASiteCreatedThroughTheApiAnswersInTheErrorEnvelope() {
    try (FakeAccsyn fake =
        FakeAccsyn.builder()
            .site("hq")
            .volume("storage", VolumePaths.of("/mnt/storage", "S:", "/Volumes/storage"))
            .build()) {
      RawAccsyn admin = new RawAccsyn(fake.adminCredentials());
      admin.login();
      assertThat(
              admin
                  .event("POST", "site/create", map("code", "tokyo", "name", "Tokyo"), null, null)
                  .status())
          .isEqualTo(200);
      RawAccsyn.Reply send =
          admin.event(
              "POST",
              "transfer/create",
              map("source", "share=storage/proj/a.mov", "destination", "site=tokyo"),
              null,
              null);
      assertThat(send.status()).isEqualTo(404);
      assertThat(send.message()).contains("tokyo").contains("no accsyn server");
      assertThat(send.body()).doesNotContainKey("exception");
    }
  }

  /** A clock that fails once armed: an error inside the fake that no request can cause. */
  static final class FailingClock extends Clock {
    final AtomicBoolean armed = new AtomicBoolean();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      if (armed.get()) {
        throw new IllegalStateException("clock broke");
      }
      return Instant.parse("2026-11-23T00:16:26Z");
    }
  }

  @Test
  void anInternalErrorIsLoggedWithItsStackTraceAndAnsweredAsAnException() {
    FailingClock clock = new FailingClock();
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (FakeAccsyn fake = FakeAccsyn.builder().site("hq").clock(clock).build()) {
      RawAccsyn admin = new RawAccsyn(fake.adminCredentials());
      admin.login();
      clock.armed.set(true);
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      RawAccsyn.Reply r;
      try {
        r = admin.event("POST", "site/create", map("code", "osaka", "name", "Osaka"), null, null);
      } finally {
        System.setErr(err);
      }
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.body()).containsOnlyKeys("exception");
      assertThat((String) r.body().get("exception")).contains("clock broke");
      String log = captured.toString(StandardCharsets.UTF_8);
      assertThat(log)
          .contains("site/create")
          .contains("java.lang.IllegalStateException: clock broke")
          .contains("\tat ");
    }
  }
}
