package io.pipelinekit.ftrack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.ftrack.Entity;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypedViewsTest {
  final FakeFtrack fake = FakeFtrack.builder().build();
  final FtrackSession session = FtrackSession.fromEnvironment(fake.environment());

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void viewsReadWhatWasProjectedAndKeepTheRestReachable() {
    FtrackFixtures f = fake.fixtures();
    String project = f.project("demo");
    String shot = f.shot(f.sequence(project, "sq010"), "sh010");
    String task = f.task(shot, "comp");
    String version = f.version(f.asset(shot, "plate", f.assetType("plate")), 7, task);
    String mov = f.fileComponent(version, "review", ".mov", 42L);
    FtrackFixtures.SequenceIds exr = f.sequenceComponent(version, "main", ".exr", 4, 1, 2);
    String hq = f.location("hq");
    f.componentLocation(mov, hq, "demo/review.mov");
    String rs = f.reviewSession(project, "dailies");
    f.reviewSessionObject(rs, version);
    f.invitee(rs, "Anna", " anna@client.com ");
    f.invitee(rs, "No mail", "");

    Entity e =
        session
            .query(
                "select version, comment, task_id, asset.name, asset.context_id, asset.parent.name,"
                    + " components.name, components.file_type, components.size,"
                    + " components.component_locations.resource_identifier,"
                    + " components.component_locations.location.name from AssetVersion where id is \""
                    + version
                    + "\"")
            .one();
    AssetVersion v = AssetVersion.of(e);
    assertThat(v.version()).contains(7L);
    assertThat(v.taskId()).contains(task);
    assertThat(v.asset().flatMap(Asset::name)).contains("plate");
    assertThat(v.asset().flatMap(Asset::contextId)).contains(shot);
    assertThat(v.asset().flatMap(Asset::parent).map(TypedContext::of).map(TypedContext::type))
        .contains("Shot");
    assertThat(v.userId()).isEmpty(); // not projected
    List<Component> components = v.components();
    assertThat(components)
        .extracting(Component::kind)
        .containsExactly(Component.Kind.FILE, Component.Kind.SEQUENCE);
    Component file = components.get(0);
    assertThat(file.size()).contains(42L);
    assertThat(file.componentLocations())
        .singleElement()
        .satisfies(
            cl -> {
              assertThat(cl.resourceIdentifier()).contains("demo/review.mov");
              assertThat(cl.location().flatMap(Location::name)).contains("hq");
              assertThat(cl.location().orElseThrow().isBuiltIn()).isFalse();
            });
    // Base Component has no padding or members (as in the real schema): ask SequenceComponent.
    assertThat(components.get(1).padding()).isEmpty();
    Component seq =
        Component.of(
            session
                .query(
                    "select padding, members.name, system_type from SequenceComponent where id is \""
                        + exr.id()
                        + "\"")
                .one());
    assertThat(seq.padding()).contains(4L);
    assertThat(seq.members()).extracting(c -> c.name().orElse("")).containsExactly("0001", "0002");
    // Attributes no view names stay reachable.
    assertThat(seq.entity().value("system_type")).contains("sequence");

    ReviewSession session1 =
        ReviewSession.of(
            session
                .query(
                    "select name, review_session_objects.version_id,"
                        + " review_session_invitees.email, review_session_invitees.name"
                        + " from ReviewSession where id is \""
                        + rs
                        + "\"")
                .one());
    assertThat(session1.name()).contains("dailies");
    assertThat(session1.objects())
        .extracting(o -> o.versionId().orElse(""))
        .containsExactly(version);
    assertThat(session1.invitees())
        .extracting(i -> i.email().orElse("-"))
        .containsExactly("anna@client.com", "-");

    TypedContext t =
        TypedContext.of(
            session
                .query("select name, parent_id from TypedContext where id is \"" + task + "\"")
                .one());
    assertThat(t.isA("Task")).isTrue();
    assertThat(t.parentId()).contains(shot);
    assertThat(t.projectId()).contains(project); // a system projection
    Project p = Project.of(session.query("select name, full_name from Project").one());
    assertThat(p.name()).contains("demo");
    Location unmanaged =
        Location.of(
            session.query("select name from Location where name is \"ftrack.unmanaged\"").one());
    assertThat(unmanaged.isBuiltIn()).isTrue();
    assertThat(unmanaged.id()).isEqualTo(Location.UNMANAGED_ID);
    User u = User.of(session.query("select username, email from User").first().orElseThrow());
    assertThat(u.username()).contains(fake.apiUser());
  }

  @Test
  void viewsRefuseOtherTypes() {
    Entity shot = Entity.of("Shot", Map.of("id", "s", "object_type_id", "x"));
    assertThat(TypedContext.of(shot).isA("Shot")).isTrue();
    assertThatThrownBy(() -> Project.of(shot))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a Shot is not a Project");
    assertThatThrownBy(() -> TypedContext.of(Entity.of("Project", Map.of("id", "p"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Component.of(Entity.of("JobComponent", Map.of("component_id", "c", "job_id", "j"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Component.of(Entity.of("Component", Map.of("id", "c"))).kind())
        .isEqualTo(Component.Kind.OTHER);
  }

  @Test
  void jobViewReadsStatusAndTheDescriptionInsideData() {
    Job j =
        Job.of(
            Entity.of(
                "Job",
                Map.of(
                    "id",
                    "j",
                    "status",
                    "running",
                    "data",
                    "{\"description\": \"Sending 3 files\"}")));
    assertThat(j.status()).isEqualTo(Job.Status.RUNNING);
    assertThat(j.description()).contains("Sending 3 files");
    assertThat(Job.of(Entity.of("Job", Map.of("id", "j", "status", "weird", "data", "not json"))))
        .satisfies(
            x -> {
              assertThat(x.status()).isEqualTo(Job.Status.UNKNOWN);
              assertThat(x.description()).isEmpty();
            });
  }
}
