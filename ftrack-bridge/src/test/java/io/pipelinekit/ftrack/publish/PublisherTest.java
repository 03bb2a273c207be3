package io.pipelinekit.ftrack.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.ftrack.EntityRef;
import io.pipelinekit.ftrack.FtrackPermissionException;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.FtrackValidationException;
import io.pipelinekit.ftrack.UnknownLocationException;
import io.pipelinekit.ftrack.files.ComponentFiles;
import io.pipelinekit.ftrack.files.SelectionItem;
import io.pipelinekit.ftrack.files.SelectionResolver;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import io.pipelinekit.testkit.ftrack.RecordedFtrackRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublisherTest {
  FakeFtrack fake = FakeFtrack.builder().build();
  FtrackSession session = FtrackSession.fromEnvironment(fake.environment());
  FtrackFixtures f = fake.fixtures();
  Publisher publisher = Publisher.of(session);

  String project = f.project("demo");
  String shot = f.shot(f.sequence(project, "sq010"), "sh010");
  String task = f.task(shot, "compositing");
  String compType = f.assetType("comp");
  String la = f.location("la");

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  PublishRequest.Builder comp() {
    return PublishRequest.builder()
        .context(EntityRef.of("Shot", shot))
        .assetName("comp")
        .assetType("comp")
        .location("ftrack.unmanaged");
  }

  List<Map<String, Object>> rowsOf(String componentId) {
    return fake.entities("ComponentLocation").stream()
        .filter(r -> componentId.equals(r.get("component_id")))
        .collect(Collectors.toList());
  }

  int writableCount() {
    return fake.entities("Asset").size()
        + fake.entities("AssetVersion").size()
        + fake.entities("Component").size()
        + fake.entities("ComponentLocation").size();
  }

  @Test
  void publishesAssetVersionFileAndSequenceRegisteredInOneAtomicBatch() {
    fake.resetRequests();
    Publication p =
        publisher.publish(
            comp()
                .task(EntityRef.of("Task", task))
                .comment("final comp")
                .file("review", "/mnt/projects/demo/sh010/comp_v001.mov", 5_000)
                .sequence(
                    "main",
                    FileSequence.parse("/mnt/projects/demo/sh010/comp.%04d.exr [1001-1002, 1004]"),
                    100)
                .build());

    // One look-up, one write, whatever the number of components and frames.
    assertThat(fake.requestCount()).isEqualTo(2);
    RecordedFtrackRequest write = fake.requests().get(1);
    assertThat(write.actions()).containsOnly("create").hasSize(1 + 1 + 1 + 1 + 3 + 1 + 3 + 1);

    assertThat(p.assetCreated()).isTrue();
    assertThat(p.versionNumber()).isEqualTo(1);
    Map<String, Object> version = fake.entity(p.version().id()).orElseThrow();
    assertThat(version)
        .containsEntry("asset_id", p.asset().id())
        .containsEntry("task_id", task)
        .containsEntry("comment", "final comp");
    Map<String, Object> asset = fake.entity(p.asset().id()).orElseThrow();
    assertThat(asset)
        .containsEntry("name", "comp")
        .containsEntry("context_id", shot)
        .containsEntry("type_id", compType);

    Map<String, Object> review = fake.entity(p.component("review").id()).orElseThrow();
    assertThat(review)
        .containsEntry("__entity_type__", "FileComponent")
        .containsEntry("file_type", ".mov")
        .containsEntry("size", 5_000L)
        .containsEntry("version_id", p.version().id());
    assertThat(rowsOf(p.component("review").id()))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("location_id", FtrackFixtures.UNMANAGED_ID)
                    .containsEntry(
                        "resource_identifier", "/mnt/projects/demo/sh010/comp_v001.mov"));

    String main = p.component("main").id();
    assertThat(fake.entity(main).orElseThrow())
        .containsEntry("__entity_type__", "SequenceComponent")
        .containsEntry("padding", 4L)
        .containsEntry("file_type", ".exr")
        .containsEntry("size", 300L);
    assertThat(rowsOf(main))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry(
                        "resource_identifier", "/mnt/projects/demo/sh010/comp.%04d.exr"));

    // What the bridge itself reads back: the sequence with its hole, in the location.
    ComponentFiles read =
        SelectionResolver.of(session)
            .resolve(SelectionItem.of("assetversion", p.version().id()))
            .stream()
            .filter(c -> c.component().name().orElse("").equals("main"))
            .findFirst()
            .orElseThrow();
    assertThat(read.in("ftrack.unmanaged").orElseThrow().sequence().orElseThrow().toBracketString())
        .isEqualTo("/mnt/projects/demo/sh010/comp.%04d.exr [1001-1002, 1004]");
    assertThat(read.in("ftrack.unmanaged").orElseThrow().memberIdentifiers())
        .containsExactly(
            "/mnt/projects/demo/sh010/comp.1001.exr",
            "/mnt/projects/demo/sh010/comp.1002.exr",
            "/mnt/projects/demo/sh010/comp.1004.exr");
  }

  @Test
  void aSecondPublishReusesTheAssetAndGetsTheNextVersion() {
    Publication first = publisher.publish(comp().file("main", "/mnt/a/v1.mov").build());
    Publication second = publisher.publish(comp().file("main", "/mnt/a/v2.mov").build());
    Publication other =
        publisher.publish(comp().assetName("plate").file("main", "/mnt/a/plate.mov").build());
    assertThat(second.assetCreated()).isFalse();
    assertThat(second.asset()).isEqualTo(first.asset());
    assertThat(second.versionNumber()).isEqualTo(2);
    assertThat(other.asset()).isNotEqualTo(first.asset());
    assertThat(other.versionNumber()).isEqualTo(1);
    assertThat(fake.entities("Asset")).hasSize(2);
  }

  @Test
  void aFailingPublishCreatesNothingAtAll() {
    int before = writableCount();
    fake.faults()
        .rejectCreates("ComponentLocation", "ValidationError", "resource_identifier too long");
    assertThatThrownBy(
            () ->
                publisher.publish(
                    comp()
                        .file("review", "/mnt/a/review.mov")
                        .sequence("main", FileSequence.parse("/mnt/a/main.%04d.exr [1-100]"))
                        .build()))
        .isInstanceOf(FtrackValidationException.class)
        .hasMessageContaining("resource_identifier too long");
    assertThat(writableCount()).isEqualTo(before);
    assertThat(fake.entities("Asset")).isEmpty();
    assertThat(fake.entities("AssetVersion")).isEmpty();
    assertThat(fake.entities("Component")).isEmpty();
  }

  @Test
  void aReadOnlyUserGetsAPermissionErrorAndNothingIsCreated() {
    fake.addApiUser("viewer", "viewer-key", true);
    try (FtrackSession viewer =
        FtrackSession.builder()
            .serverUrl(fake.serverUrl())
            .apiUser("viewer")
            .apiKey("viewer-key")
            .build()) {
      assertThatThrownBy(
              () -> Publisher.of(viewer).publish(comp().file("main", "/mnt/a/v1.mov").build()))
          .isInstanceOf(FtrackPermissionException.class);
    }
    assertThat(fake.entities("Asset")).isEmpty();
    assertThat(fake.entities("Component")).isEmpty();
  }

  @Test
  void unknownLocationsAssetTypesAndContextsSayWhatExists() {
    assertThatThrownBy(
            () -> publisher.publish(comp().location("paris").file("m", "/a.mov").build()))
        .isInstanceOf(UnknownLocationException.class)
        .hasMessageContaining("'paris'")
        .hasMessageContaining("la")
        .hasMessageContaining("ftrack.unmanaged");
    assertThatThrownBy(() -> publisher.publish(comp().assetType("cmp").file("m", "/a.mov").build()))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("'cmp'")
        .hasMessageContaining("known: comp");
    assertThatThrownBy(
            () ->
                publisher.publish(
                    comp().context(EntityRef.of("Shot", "nope")).file("m", "/a.mov").build()))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("nope");
    assertThat(fake.entities("Asset")).isEmpty();
  }

  @Test
  void badRequestsFailBeforeAnythingIsSent() {
    assertThatThrownBy(() -> PublishRequest.builder().file("m", "/a.mov").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("context, assetName, assetType, location");
    assertThatThrownBy(() -> comp().file("main", "/a.mov").file("main", "/b.mov"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two components named 'main'");
    assertThatThrownBy(() -> comp().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one file or sequence");
  }

  @Test
  void registersTransferredComponentsWithTheDestinationsOwnIdentifiers() {
    Publication p =
        publisher.publish(
            comp()
                .file("review", "/mnt/projects/demo/sh010/review.mov")
                .sequence(
                    "main", FileSequence.parse("/mnt/projects/demo/sh010/comp.%04d.exr [1-3]"))
                .build());
    fake.resetRequests();

    RegistrationResult r =
        publisher.register(
            Registration.in("la")
                .add(p.component("main").id(), "demo/sh010/comp.%04d.exr")
                .add(p.component("review").id(), "demo/sh010/review.mov")
                .build());

    assertThat(fake.requestCount()).isEqualTo(2);
    assertThat(r.location().id()).isEqualTo(la);
    assertThat(r.replaced()).isZero();
    assertThat(r.identifiers().values())
        .containsExactly(
            "demo/sh010/comp.0001.exr",
            "demo/sh010/comp.0002.exr",
            "demo/sh010/comp.0003.exr",
            "demo/sh010/comp.%04d.exr",
            "demo/sh010/review.mov");
    ComponentFiles main =
        SelectionResolver.of(session)
            .resolve(SelectionItem.of("assetversion", p.version().id()))
            .stream()
            .filter(c -> c.component().name().orElse("").equals("main"))
            .findFirst()
            .orElseThrow();
    assertThat(main.in("la").orElseThrow().sequence().orElseThrow().toBracketString())
        .isEqualTo("demo/sh010/comp.%04d.exr [1-3]");
    // The source registration is untouched.
    assertThat(main.in("ftrack.unmanaged").orElseThrow().resourceIdentifier())
        .isEqualTo("/mnt/projects/demo/sh010/comp.%04d.exr");

    // A second transfer to another place in la replaces the rows instead of failing on duplicates.
    RegistrationResult again =
        publisher.register(Registration.in("la").add(main, "incoming/sh010/comp.%04d.exr").build());
    assertThat(again.replaced()).isEqualTo(4);
    assertThat(
            fake.entities("ComponentLocation").stream()
                .filter(row -> la.equals(row.get("location_id")))
                .map(row -> (String) row.get("resource_identifier"))
                .sorted())
        .containsExactly(
            "demo/sh010/review.mov",
            "incoming/sh010/comp.%04d.exr",
            "incoming/sh010/comp.0001.exr",
            "incoming/sh010/comp.0002.exr",
            "incoming/sh010/comp.0003.exr");
  }

  @Test
  void aFailingRegistrationRegistersNothingAndBadInputIsNamed() {
    Publication p =
        publisher.publish(
            comp()
                .file("review", "/mnt/a/review.mov")
                .sequence("main", FileSequence.parse("/mnt/a/comp.%04d.exr [1-3]"))
                .build());
    int rows = fake.entities("ComponentLocation").size();
    fake.faults().rejectCreates("ComponentLocation", "PermissionError", "cannot write to la");
    assertThatThrownBy(
            () ->
                publisher.register(
                    Registration.in("la")
                        .add(p.component("main").id(), "demo/comp.%04d.exr")
                        .add(p.component("review").id(), "demo/review.mov")
                        .build()))
        .isInstanceOf(FtrackPermissionException.class);
    assertThat(fake.entities("ComponentLocation")).hasSize(rows);
    fake.faults().clear();

    assertThatThrownBy(
            () ->
                publisher.register(
                    Registration.in("la").add(p.component("main").id(), "demo/comp.exr").build()))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("frame token");
    assertThatThrownBy(
            () -> publisher.register(Registration.in("la").add("no-such-id", "x.mov").build()))
        .isInstanceOf(PublishException.class)
        .hasMessageContaining("no-such-id");
    assertThatThrownBy(
            () ->
                publisher.register(
                    Registration.in("tokyo").add(p.component("review").id(), "x.mov").build()))
        .isInstanceOf(UnknownLocationException.class)
        .hasMessageContaining("la");
    assertThat(fake.entities("ComponentLocation")).hasSize(rows);
  }
}
