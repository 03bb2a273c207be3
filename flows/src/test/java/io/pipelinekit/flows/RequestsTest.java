package io.pipelinekit.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.AccsynConfigurationException;
import io.pipelinekit.ftrack.EntityRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests are checked when they are built, with errors that name the Java call to fix them. */
class RequestsTest {
  @Test
  void aSendOfOneVersion() {
    SendRequest r = SendRequest.assetVersion("v1").from("hq").to("la").build();
    assertThat(r.selection())
        .singleElement()
        .satisfies(s -> assertThat(s.entityId()).isEqualTo("v1"));
    assertThat(r.await()).isTrue();
    assertThat(r.timeout()).isEqualTo(Duration.ofHours(12));
    assertThat(r.requestKey()).isEmpty();
  }

  @Test
  void aSendNeedsTwoDifferentLocations() {
    badInput(() -> SendRequest.assetVersion("v1").from("hq").build(), "from(\"hq\").to(\"la\")");
    badInput(() -> SendRequest.assetVersion("v1").from("hq").to(" HQ ").build(), "both 'hq'");
    badInput(
        () -> SendRequest.assetVersion("v1").from("hq").to("la").timeout(Duration.ZERO).build(),
        "timeout must be positive");
    badInput(
        () -> SendRequest.assetVersion("v1").from("hq").to("la").requestKey(" ").build(),
        "request key must not be blank");
  }

  @Test
  void aReviewNeedsASessionAndARelativeDirectory() {
    badInput(() -> ReviewRequest.builder().from("hq").build(), "reviewSession(id)");
    badInput(
        () -> ReviewRequest.builder().reviewSession("r").from("hq").directory("../x").build(),
        "must be a relative path");
    badInput(
        () -> ReviewRequest.builder().reviewSession("r").from("hq").folderCode("cloud").build(),
        "folder(code, pathInVolume)");
    ReviewRequest ok =
        ReviewRequest.builder()
            .reviewSession("r")
            .from("hq")
            .mode(ReviewRequest.Mode.CLOUD)
            .folder("review-cloud", "review/cloud")
            .addAllRecipients(java.util.List.of("a@x.com", "b@y.com"))
            .build();
    assertThat(ok.folderPath()).contains("review/cloud");
    assertThat(ok.recipients()).hasSize(2);
  }

  @Test
  void aPublishBackTakesOnlyPathsBelowTheLocalRoot(@TempDir Path root) {
    PublishBackRequest.Builder b =
        PublishBackRequest.builder()
            .context(EntityRef.of("Shot", "s"))
            .asset("comp", "comp")
            .remoteLocation("vic@vendor.com")
            .to("hq")
            .localRoot(root);
    badInput(() -> b.build(), "at least one file");
    badInput(
        () -> PublishBackRequest.builder().file("x", "a.mov").build(),
        "context(EntityRef.of(\"Shot\", id))");
    b.file("main", "demo\\upload\\comp.%04d.exr");
    assertThat(b.build().files())
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("demo/upload/comp.%04d.exr"));
    badInput(() -> b.file("evil", "../../etc/passwd").build(), "must be relative");
  }

  @Test
  void aStudioFromAnEmptyEnvironmentSaysWhatToSet(@TempDir Path dir) {
    assertThatThrownBy(() -> Studio.fromEnvironment(Map.of(), dir))
        .isInstanceOf(AccsynConfigurationException.class)
        .hasMessageContaining("ACCSYN_");
  }

  private static void badInput(ThrowingCallable call, String part) {
    assertThatThrownBy(call)
        .isInstanceOf(FlowException.class)
        .hasMessageContaining(part)
        .satisfies(
            e -> assertThat(((FlowException) e).kind()).isEqualTo(FlowException.Kind.BAD_INPUT));
  }
}
