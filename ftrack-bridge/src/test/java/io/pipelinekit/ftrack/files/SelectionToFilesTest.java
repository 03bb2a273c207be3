package io.pipelinekit.ftrack.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.ftrack.FtrackPermissionException;
import io.pipelinekit.ftrack.FtrackSession;
import io.pipelinekit.ftrack.model.Component;
import io.pipelinekit.paths.PathMapper;
import io.pipelinekit.paths.Platform;
import io.pipelinekit.paths.RootTable;
import io.pipelinekit.paths.Share;
import io.pipelinekit.paths.sequence.FileSequence;
import io.pipelinekit.testkit.ftrack.FakeFtrack;
import io.pipelinekit.testkit.ftrack.FtrackFixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelectionToFilesTest {
  FakeFtrack fake = FakeFtrack.builder().build();
  FtrackSession session = FtrackSession.fromEnvironment(fake.environment());
  FtrackFixtures f = fake.fixtures();

  static final PathMapper MAPPER =
      PathMapper.of(
          RootTable.builder()
              .add(
                  Share.volume("projects")
                      .asDefault()
                      .linux("/mnt/projects")
                      .windows("P:\\")
                      .build())
              .build());

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  static List<String> names(List<ComponentFiles> files) {
    return files.stream()
        .map(
            c ->
                c.assetName().orElse("?")
                    + " v"
                    + c.versionNumber().orElse(0L)
                    + " "
                    + c.component().name().orElse("?"))
        .collect(Collectors.toList());
  }

  @Test
  void aShotWith100VersionsOf5ComponentsTakesAFixedNumberOfRequests() {
    String project = f.project("demo");
    String shot = f.shot(f.sequence(project, "sq010"), "sh010");
    String type = f.assetType("comp");
    String asset = f.asset(shot, "comp", type);
    String hq = f.location("hq");
    for (int v = 1; v <= 100; v++) {
      String version = f.version(asset, v, null);
      for (String name : List.of("review", "thumb", "notes")) {
        String c = f.fileComponent(version, name, ".mov", 10);
        f.componentLocation(
            c, f.unmanagedLocation(), "/mnt/projects/demo/sh010/v" + v + "/" + name + ".mov");
        f.componentLocation(c, hq, "demo/sh010/v" + v + "/" + name + ".mov");
      }
      FtrackFixtures.SequenceIds exr =
          f.sequenceComponent(version, "main", ".exr", 4, 1001, 1002, 1004);
      f.registerSequence(exr, hq, "demo/sh010/v" + v + "/main.%04d.exr");
      FtrackFixtures.SequenceIds dpx = f.sequenceComponent(version, "plate", ".dpx", 3, 1, 2, 3);
      f.registerSequence(
          dpx, f.unmanagedLocation(), "/mnt/projects/demo/sh010/v" + v + "/plate.%03d.dpx");
    }
    fake.resetRequests();

    List<ComponentFiles> files =
        SelectionResolver.of(session).resolve(SelectionItem.of("task", shot));

    assertThat(files).hasSize(500);
    // Expansion (with the server information) + components/sequences/containers + the page after
    // a full page of 500: independent of the 100 × 5.
    assertThat(fake.requestCount()).isLessThanOrEqualTo(4).isEqualTo(3);
    ComponentFiles main =
        files.stream()
            .filter(
                c ->
                    c.versionNumber().orElse(0L) == 42
                        && c.component().name().orElse("").equals("main"))
            .findFirst()
            .orElseThrow();
    assertThat(main.component().kind()).isEqualTo(Component.Kind.SEQUENCE);
    FileSequence seq = main.in("hq").orElseThrow().sequence().orElseThrow();
    assertThat(seq.toBracketString()).isEqualTo("demo/sh010/v42/main.%04d.exr [1001-1002, 1004]");
    assertThat(seq.holes().toRangeList()).isEqualTo("[1003]");
    assertThat(main.in("hq").orElseThrow().memberIdentifiers())
        .containsExactly(
            "demo/sh010/v42/main.1001.exr",
            "demo/sh010/v42/main.1002.exr",
            "demo/sh010/v42/main.1004.exr");
    ComponentFiles review =
        files.stream()
            .filter(
                c ->
                    c.versionNumber().orElse(0L) == 7
                        && c.component().name().orElse("").equals("review"))
            .findFirst()
            .orElseThrow();
    assertThat(review.locations())
        .extracting(ComponentInLocation::locationName)
        .containsExactly("ftrack.unmanaged", "hq");
    assertThat(review.in("ftrack.unmanaged").orElseThrow().resourceIdentifier())
        .isEqualTo("/mnt/projects/demo/sh010/v7/review.mov");
  }

  @Test
  void everySelectionKindFindsItsComponents() {
    String project = f.project("demo");
    String seq = f.sequence(project, "sq010");
    String shot = f.shot(seq, "sh010");
    String comp = f.task(shot, "comp");
    String other = f.shot(seq, "sh020");
    String type = f.assetType("comp");
    String plate = f.asset(shot, "plate", type);
    String render = f.asset(f.context("AssetBuild", project, "chair"), "model", type);
    String onProject = f.asset(project, "edit", type);
    String v1 = f.version(plate, 1, comp);
    String v2 = f.version(plate, 2, null);
    String v3 = f.version(f.asset(other, "bg", type), 1, null);
    String v4 = f.version(render, 1, null);
    String v5 = f.version(onProject, 1, null);
    String c1 = f.fileComponent(v1, "main", ".exr", 1);
    f.fileComponent(v2, "main", ".exr", 1);
    f.fileComponent(v3, "main", ".exr", 1);
    f.fileComponent(v4, "main", ".abc", 1);
    f.fileComponent(v5, "main", ".mov", 1);
    String rs = f.reviewSession(project, "client");
    f.reviewSessionObject(rs, v2);
    f.reviewSessionObject(rs, v3);
    String versionList = f.list(project, "dailies", List.of(v4), true);
    String contextList = f.list(project, "shots", List.of(other), false);
    SelectionResolver r = SelectionResolver.of(session);

    assertThat(names(r.resolve(SelectionItem.of("show", project))))
        .containsExactly(
            "bg v1 main", "edit v1 main", "model v1 main", "plate v1 main", "plate v2 main");
    assertThat(names(r.resolve(SelectionItem.of("task", seq))))
        .containsExactly("bg v1 main", "plate v1 main", "plate v2 main");
    assertThat(names(r.resolve(SelectionItem.of("Shot", shot))))
        .containsExactly("plate v1 main", "plate v2 main");
    // A task finds the versions made for it, whose asset sits on the shot.
    assertThat(names(r.resolve(SelectionItem.of("task", comp)))).containsExactly("plate v1 main");
    assertThat(names(r.resolve(SelectionItem.of("assetversion", v2))))
        .containsExactly("plate v2 main");
    assertThat(names(r.resolve(SelectionItem.of("asset", plate))))
        .containsExactly("plate v1 main", "plate v2 main");
    assertThat(names(r.resolve(SelectionItem.of("FileComponent", c1))))
        .containsExactly("plate v1 main");
    assertThat(names(r.resolve(SelectionItem.of("reviewsession", rs))))
        .containsExactly("bg v1 main", "plate v2 main");
    assertThat(names(r.resolve(SelectionItem.of("list", versionList))))
        .containsExactly("model v1 main");
    assertThat(names(r.resolve(SelectionItem.of("list", contextList))))
        .containsExactly("bg v1 main");
    // Overlapping selections give each component once.
    assertThat(
            names(
                r.resolve(
                    SelectionItem.of("task", shot),
                    SelectionItem.of("assetversion", v1),
                    SelectionItem.of("reviewsession", rs))))
        .containsExactly("bg v1 main", "plate v1 main", "plate v2 main");
    assertThat(r.resolve(List.of())).isEmpty();
    assertThatThrownBy(() -> r.resolve(SelectionItem.of("user", "u1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot collect files from a selected 'user'");
  }

  @Test
  void sequencesAreRebuiltPerLocationFromTheMembersPresentThere() {
    String shot = f.shot(f.sequence(f.project("demo"), "sq"), "sh");
    String version = f.version(f.asset(shot, "plate", f.assetType("plate")), 1, null);
    FtrackFixtures.SequenceIds exr = f.sequenceComponent(version, "main", ".exr", 4, 1, 2, 3, 7, 8);
    String la = f.location("la");
    f.registerSequence(exr, f.unmanagedLocation(), "P:\\demo\\sh\\plate.%04d.exr");
    // Only some frames arrived in la, and its container row is missing: collapse the members.
    f.componentLocation(exr.members().get(1), la, "demo/sh/plate.0001.exr");
    f.componentLocation(exr.members().get(2), la, "demo/sh/plate.0002.exr");
    ComponentFiles cf =
        SelectionResolver.of(session).resolve(SelectionItem.of("assetversion", version)).get(0);
    assertThat(cf.component().padding()).contains(4L);
    assertThat(cf.component().members()).hasSize(5);
    assertThat(cf.in("ftrack.unmanaged").orElseThrow().sequence().orElseThrow().toBracketString())
        .isEqualTo("P:\\demo\\sh\\plate.%04d.exr [1-3, 7-8]");
    ComponentInLocation inLa = cf.in("la").orElseThrow();
    assertThat(inLa.sequence().orElseThrow().toBracketString())
        .isEqualTo("demo/sh/plate.%04d.exr [1-2]");
    assertThat(inLa.resourceIdentifier()).isEqualTo("demo/sh/plate.%04d.exr");
  }

  @Test
  void unmanagedWindowsAndLinuxPathsMapToTheSameShare() {
    String shot = f.shot(f.sequence(f.project("demo"), "sq"), "sh010");
    String version = f.version(f.asset(shot, "plate", f.assetType("plate")), 1, null);
    String win = f.fileComponent(version, "win", ".mov", 1);
    String lin = f.fileComponent(version, "lin", ".mov", 1);
    f.componentLocation(win, f.unmanagedLocation(), "P:\\demo\\sh010\\win.mov");
    f.componentLocation(lin, f.unmanagedLocation(), "/mnt/projects/demo/sh010/lin.mov");
    FtrackFixtures.SequenceIds exr = f.sequenceComponent(version, "main", ".exr", 4, 1001, 1003);
    f.registerSequence(exr, f.unmanagedLocation(), "P:\\demo\\sh010\\main.%04d.exr");
    List<ComponentFiles> files =
        SelectionResolver.of(session).resolve(SelectionItem.of("assetversion", version));
    PathResolver paths = PathResolver.builder().platform(Platform.LINUX).build();
    Map<String, ComponentInLocation> byName =
        files.stream()
            .collect(
                Collectors.toMap(
                    c -> c.component().name().orElseThrow(),
                    c -> c.in("ftrack.unmanaged").orElseThrow()));
    assertThat(paths.resolve(byName.get("win")).path()).isEqualTo("P:\\demo\\sh010\\win.mov");
    assertThat(paths.toShare(byName.get("win"), MAPPER).sharePath().toString())
        .isEqualTo("share=projects/demo/sh010/win.mov");
    assertThat(paths.toShare(byName.get("lin"), MAPPER).sharePath().toString())
        .isEqualTo("share=projects/demo/sh010/lin.mov");
    ShareFile s = paths.toShare(byName.get("main"), MAPPER);
    assertThat(s.sequence().orElseThrow().toBracketString())
        .isEqualTo("share=projects/demo/sh010/main.%04d.exr [1001, 1003]");
  }

  @Test
  void customPrefixLocationsResolvePerPlatform() {
    String shot = f.shot(f.sequence(f.project("demo"), "sq"), "sh010");
    String version = f.version(f.asset(shot, "plate", f.assetType("plate")), 1, null);
    String hq = f.location("hq");
    String mov = f.fileComponent(version, "review", ".mov", 1);
    f.componentLocation(mov, hq, "demo/sh010/review.mov");
    ComponentInLocation cil =
        SelectionResolver.of(session)
            .resolve(SelectionItem.of("assetversion", version))
            .get(0)
            .in("hq")
            .orElseThrow();
    LocationStorage storage =
        LocationStorage.prefix(Map.of(Platform.LINUX, "/mnt/projects/", Platform.WINDOWS, "P:\\"));
    assertThat(
            PathResolver.builder()
                .platform(Platform.LINUX)
                .location("hq", storage)
                .build()
                .resolve(cil)
                .path())
        .isEqualTo("/mnt/projects/demo/sh010/review.mov");
    PathResolver windows =
        PathResolver.builder().platform(Platform.WINDOWS).location("hq", storage).build();
    ResolvedPath w = windows.resolve(cil);
    assertThat(w.path()).isEqualTo("P:\\demo\\sh010\\review.mov");
    assertThat(w.platform()).contains(Platform.WINDOWS);
    assertThat(windows.toShare(cil, MAPPER).sharePath().toString())
        .isEqualTo("share=projects/demo/sh010/review.mov");
    assertThatThrownBy(
            () ->
                PathResolver.builder()
                    .platform(Platform.MAC)
                    .location("hq", storage)
                    .build()
                    .resolve(cil))
        .isInstanceOf(UnresolvedPathException.class)
        .hasMessageContaining("no root for MAC");
    ComponentInLocation escaping =
        ComponentInLocation.builder().from(cil).resourceIdentifier("../../etc/passwd").build();
    assertThatThrownBy(() -> windows.resolve(escaping))
        .isInstanceOf(UnresolvedPathException.class)
        .hasMessageContaining("leaves its root");
  }

  @Test
  void unknownAndServerLocationsSayWhatToConfigure() {
    ComponentInLocation la =
        ComponentInLocation.builder()
            .locationId("x")
            .locationName("la")
            .resourceIdentifier("a/b.exr")
            .build();
    PathResolver paths =
        PathResolver.builder()
            .platform(Platform.LINUX)
            .location("hq", LocationStorage.prefix(Map.of(Platform.LINUX, "/mnt")))
            .build();
    assertThatThrownBy(() -> paths.resolve(la))
        .isInstanceOf(UnresolvedPathException.class)
        .hasMessageContaining("location 'la' has no storage configured")
        .hasMessageContaining(
            "configured: ftrack.origin, ftrack.review, ftrack.server, ftrack.unmanaged, hq");
    ComponentInLocation server =
        ComponentInLocation.builder()
            .locationId("3a372bde-05bc-11e4-8908-20c9d081909b")
            .locationName("ftrack.server")
            .resourceIdentifier("c1")
            .build();
    assertThatThrownBy(() -> paths.resolve(server))
        .hasMessageContaining("keeps files on the ftrack server");
    ComponentInLocation outside =
        ComponentInLocation.builder()
            .from(la)
            .locationName("ftrack.unmanaged")
            .resourceIdentifier("/elsewhere/a.exr")
            .build();
    assertThatThrownBy(() -> paths.toShare(outside, MAPPER))
        .isInstanceOf(UnresolvedPathException.class)
        .hasMessageContaining("'/elsewhere/a.exr'")
        .hasMessageContaining("not under any accsyn share");
  }

  @Test
  void theCentralizedStorageScenarioMapsRelativeIdentifiersUnderItsMountPoints() {
    try (FakeFtrack central =
            FakeFtrack.builder()
                .centralizedStorage(
                    "studio.central",
                    Map.of("linux", "/mnt/projects", "windows", "P:\\", "osx", "/Volumes/projects"))
                .build();
        FtrackSession s = FtrackSession.fromEnvironment(central.environment())) {
      FtrackFixtures cf = central.fixtures();
      String shot = cf.shot(cf.sequence(cf.project("demo"), "sq"), "sh010");
      String version = cf.version(cf.asset(shot, "plate", cf.assetType("plate")), 3, null);
      FtrackFixtures.SequenceIds exr = cf.sequenceComponent(version, "main", ".exr", 4, 1, 2);
      cf.registerSequence(
          exr, cf.locationId("studio.central"), "demo/sq/sh010/plate/v003/main.%04d.exr");
      ComponentInLocation cil =
          SelectionResolver.of(s)
              .resolve(SelectionItem.of("assetversion", version))
              .get(0)
              .in("studio.central")
              .orElseThrow();
      PathResolver linux =
          PathResolver.builder()
              .platform(Platform.LINUX)
              .serverInformation(s.serverInformation())
              .build();
      assertThat(linux.resolve(cil).sequence().orElseThrow().toBracketString())
          .isEqualTo("/mnt/projects/demo/sq/sh010/plate/v003/main.%04d.exr [1-2]");
      PathResolver windows =
          PathResolver.builder()
              .platform(Platform.WINDOWS)
              .serverInformation(s.serverInformation())
              .build();
      assertThat(windows.resolve(cil).path())
          .isEqualTo("P:\\demo\\sq\\sh010\\plate\\v003\\main.%04d.exr");
      assertThat(windows.resolve(cil).memberPaths())
          .containsExactly(
              "P:\\demo\\sq\\sh010\\plate\\v003\\main.0001.exr",
              "P:\\demo\\sq\\sh010\\plate\\v003\\main.0002.exr");
      assertThat(windows.toShare(cil, MAPPER).sequence().orElseThrow().toBracketString())
          .isEqualTo("share=projects/demo/sq/sh010/plate/v003/main.%04d.exr [1-2]");
    }
  }

  @Test
  void serverErrorsWhileResolvingAreTyped() {
    String shot = f.shot(f.sequence(f.project("demo"), "sq"), "sh010");
    fake.faults().nextException("PermissionError", "no access to project demo");
    assertThatThrownBy(() -> SelectionResolver.of(session).resolve(SelectionItem.of("task", shot)))
        .isInstanceOf(FtrackPermissionException.class)
        .hasMessageContaining("no access to project demo");
  }
}
