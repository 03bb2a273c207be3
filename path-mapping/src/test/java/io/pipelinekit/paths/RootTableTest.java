package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building {@link RootTable}s and {@link Share}s, and the root fallbacks. */
class RootTableTest {

  private static String rejection(Supplier<?> build) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(build::get);
    assertThat(t).isInstanceOf(RootTableException.class);
    assertThat(t.getMessage()).isNotBlank();
    return t.getMessage();
  }

  private static Share volume(String code, String linux) {
    return Share.volume(code).linux(linux).build();
  }

  @Nested
  class Rejections {
    @Test
    void duplicateCodesIgnoringCase() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(volume("storage", "/a"))
                      .add(volume("STORAGE", "/b"))
                      .build());
      assertThat(m).contains("'storage'").contains("'STORAGE'");
    }

    @Test
    void twoDefaults() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(Share.volume("a").asDefault().linux("/a").build())
                      .add(Share.volume("b").asDefault().linux("/b").build())
                      .build());
      assertThat(m).contains("'a'").contains("'b'").contains("default");
    }

    @Test
    void onlyAVolumeCanBeTheDefault() {
      assertThat(rejection(() -> Share.home("anna").asDefault().linux("/h").build()))
          .contains("'anna'")
          .contains("home");
      assertThat(rejection(() -> Share.folder("f", "v", "x").asDefault().build()))
          .contains("'f'")
          .contains("folder");
      assertThat(rejection(() -> Share.collection("c").asDefault().build())).contains("collection");
    }

    @Test
    void folderWithMissingParent() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(volume("storage", "/s"))
                      .add(Share.folder("vfx", "projects", "vfx").build())
                      .build());
      assertThat(m).contains("'vfx'").contains("'projects'");
    }

    @Test
    void folderWhoseParentIsNotAVolume() {
      String home =
          rejection(
              () ->
                  RootTable.builder()
                      .add(Share.home("anna").linux("/home/anna").build())
                      .add(Share.folder("f", "anna", "x").build())
                      .build());
      assertThat(home).contains("'f'").contains("'anna'").contains("home");
      String folder =
          rejection(
              () ->
                  RootTable.builder()
                      .add(volume("v", "/v"))
                      .add(Share.folder("f1", "v", "x").build())
                      .add(Share.folder("f2", "F1", "y").build())
                      .build());
      assertThat(folder).contains("'f2'").contains("'f1'").contains("folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "\\", "..", "a/../b", "./a"})
    void folderPathMustNameAFolderBelowTheVolume(String path) {
      assertThat(rejection(() -> Share.folder("f", "v", path))).contains("'f'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnt/x", "./x", "x"})
    void relativeLinuxRoot(String root) {
      assertThat(rejection(() -> Share.volume("a").linux(root)))
          .contains("'a'")
          .contains("'" + root + "'")
          .contains("relative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shots\\x", "S:", "S:x", "\\x", "/mnt/x"})
    void windowsRootThatIsNotAbsolute(String root) {
      assertThat(rejection(() -> Share.volume("a").windows(root)))
          .contains("'a'")
          .contains("'" + root + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mnt/../x", "/mnt/./x", "/mnt/.."})
    void linuxRootWithDotSegments(String root) {
      assertThat(rejection(() -> Share.volume("a").linux(root)))
          .contains("'" + root + "'")
          .contains("'..'");
    }

    @Test
    void windowsRootWithDotSegments() {
      assertThat(rejection(() -> Share.volume("a").windows("S:\\a\\..\\b"))).contains("'..'");
      assertThat(rejection(() -> Share.volume("a").atSite("x", Platform.WINDOWS, "S:\\.")))
          .contains("at site x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\fs01", "\\\\fs01\\", "//fs01", "//fs01/"})
    void serverOnlyUncRoot(String root) {
      assertThat(rejection(() -> Share.volume("a").windows(root)))
          .contains("'a'")
          .contains("server")
          .contains("share");
      assertThat(rejection(() -> Share.volume("a").matchAlso(root))).contains("'a'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "(default)", "a/b", "a\\b", "a=b", "site:x"})
    void unusableShareCodes(String code) {
      assertThat(rejection(() -> Share.volume(code))).contains("'" + code + "'");
    }

    @Test
    void ambiguousRootsAtBuildTime() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(Share.volume("a").windows("P:\\").build())
                      .add(Share.volume("b").windows("p:/").build())
                      .build());
      assertThat(m)
          .contains("'a'")
          .contains("'b'")
          .contains("P:\\")
          .contains("site hq")
          .contains("allowAmbiguousRoots");
      assertThat(
              rejection(
                  () ->
                      RootTable.builder().add(volume("a", "/x")).add(volume("b", "//x/")).build()))
          .contains("'a'")
          .contains("'b'");
    }

    @Test
    void ambiguityThroughAnExtraMatch() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(Share.volume("a").windows("S:\\").matchAlso("\\\\fs01\\storage").build())
                      .add(Share.volume("b").windows("\\\\FS01\\Storage").build())
                      .build());
      assertThat(m).contains("'a'").contains("'b'").contains("extra match");
    }

    @Test
    void ambiguityThroughAUncHostAlias() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .uncHostAlias("10.0.0.5", "fs01")
                      .add(Share.volume("a").windows("\\\\fs01\\s").build())
                      .add(Share.volume("b").windows("\\\\10.0.0.5\\S").build())
                      .build());
      assertThat(m).contains("'a'").contains("'b'");
    }

    @Test
    void ambiguityThatOnlyExistsAtOneSite() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(volume("a", "/x"))
                      .add(
                          Share.volume("b")
                              .linux("/b")
                              .atSite("london", Platform.LINUX, "/x")
                              .build())
                      .build());
      assertThat(m).contains("'a'").contains("'b'").contains("site london");
    }

    @Test
    void aCaseInsensitiveRootClashesWithAnyCaseOfTheSamePath() {
      String m =
          rejection(
              () ->
                  RootTable.builder()
                      .add(volume("a", "/data"))
                      .add(Share.volume("b").mac("/DATA").build())
                      .build());
      assertThat(m).contains("'a'").contains("'b'");
    }

    @Test
    void caseSensitiveRootsThatDifferOnlyInCaseAreDistinct() {
      RootTable t = RootTable.builder().add(volume("a", "/x")).add(volume("b", "/X")).build();
      PathMapper m = PathMapper.of(t);
      assertThat(m.toShare("/x/f", Source.of(Platform.LINUX)).orElseThrow())
          .hasToString("share=a/f");
      assertThat(m.toShare("/X/f", Source.of(Platform.LINUX)).orElseThrow())
          .hasToString("share=b/f");
    }

    @Test
    void allowAmbiguousRootsDefersTheChoiceToMapping() {
      RootTable t =
          RootTable.builder()
              .allowAmbiguousRoots()
              .add(Share.volume("a").windows("P:\\").linux("/a").build())
              .add(Share.volume("b").windows("P:\\").linux("/b").build())
              .build();
      assertThat(t.ambiguousRootsAllowed()).isTrue();
      MappingResult<SharePath> r = PathMapper.of(t).toShare("P:\\x");
      assertThat(r.failureKind()).contains(FailureKind.AMBIGUOUS);
      assertThat(RootTable.builder().build().ambiguousRootsAllowed()).isFalse();
    }

    @Test
    void oneShareMayOwnTheSameRootOnSeveralPlatforms() {
      RootTable t =
          RootTable.builder().add(Share.volume("a").linux("/a").mac("/a").build()).build();
      PathMapper m = PathMapper.of(t);
      assertThat(m.toShare("/a/x").orElseThrow()).hasToString("share=a/x");
      assertThat(m.toShare("/A/x", Source.of(Platform.MAC)).orElseThrow()).hasToString("share=a/x");
      assertThat(m.toShare("/A/x", Source.of(Platform.LINUX)).failureKind())
          .contains(FailureKind.NO_MATCH);
    }

    @Test
    void conflictingUncHostAliases() {
      assertThat(
              rejection(
                  () ->
                      RootTable.builder()
                          .uncHostAlias("10.0.0.5", "fs01")
                          .uncHostAlias("10.0.0.5", "fs02")))
          .contains("10.0.0.5");
      // The same alias twice, spelled differently, is not a conflict.
      RootTable.builder().uncHostAlias("10.0.0.5", "fs01").uncHostAlias("10.0.0.5", "FS01");
    }

    @Test
    void blankNamesAreRejected() {
      assertThat(rejection(() -> Share.volume("a").atSite("  ", Platform.LINUX, "/x")))
          .contains("'a'")
          .contains("site");
      assertThat(rejection(() -> RootTable.builder().site(" "))).contains("site");
      assertThat(rejection(() -> RootTable.builder().mainSite(""))).contains("main site");
      assertThat(rejection(() -> RootTable.builder().uncHostAlias(" ", "fs01"))).contains("alias");
    }

    @Test
    void nullsAreProgrammingErrors() {
      assertThatThrownBy(() -> Share.volume(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> Share.volume("a").linux(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> Share.volume("a").root(null, "/a"))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> RootTable.builder().add(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> RootTable.builder().site(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> RootTable.builder().build().share(null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Fallbacks {
    private final Share storage =
        Share.volume("storage")
            .asDefault()
            .linux("/storage")
            .windows("S:\\")
            .root(Platform.LINUX_VPN, "/vpn/storage")
            .atSite("london", Platform.LINUX, "/mnt/lon/storage")
            .build();
    private final Share projects =
        Share.volume("projects")
            .linux("/mnt/projects")
            .windows("P:\\")
            .atSite("london", Platform.WINDOWS, "L:\\projects")
            .build();
    private final Share vfx = Share.folder("vfx", "projects", "vfx").windows("V:\\").build();
    private final Share shots = Share.folder("shots", "storage", "shots\\plates").build();
    private final RootTable table =
        RootTable.builder().add(vfx).add(shots).add(storage).add(projects).site("la").build();

    private String root(Share s, String site, Platform p) {
      return table.rootFor(s, site, p).map(r -> r.path().toString()).orElse("<none>");
    }

    @Test
    void siteOverrideThenMainSite() {
      assertThat(root(storage, "hq", Platform.LINUX)).isEqualTo("/storage");
      assertThat(root(storage, "london", Platform.LINUX)).isEqualTo("/mnt/lon/storage");
      assertThat(root(storage, "LONDON", Platform.LINUX)).isEqualTo("/mnt/lon/storage");
      assertThat(root(storage, "london", Platform.WINDOWS)).isEqualTo("S:\\");
      assertThat(root(storage, "la", Platform.LINUX)).isEqualTo("/storage");
      assertThat(root(storage, "hq", Platform.MAC)).isEqualTo("<none>");
    }

    @Test
    void vpnFallsBackToThePlainPlatform() {
      assertThat(root(storage, "hq", Platform.LINUX_VPN)).isEqualTo("/vpn/storage");
      assertThat(root(storage, "hq", Platform.WINDOWS_VPN)).isEqualTo("S:\\");
      assertThat(root(projects, "hq", Platform.LINUX_VPN)).isEqualTo("/mnt/projects");
      assertThat(root(projects, "hq", Platform.MAC_VPN)).isEqualTo("<none>");
      // The plain platform never borrows the VPN root.
      assertThat(root(projects, "hq", Platform.LINUX)).isEqualTo("/mnt/projects");
    }

    @Test
    void folderDerivesItsRootFromItsParent() {
      assertThat(root(shots, "hq", Platform.LINUX)).isEqualTo("/storage/shots/plates");
      assertThat(root(shots, "hq", Platform.WINDOWS)).isEqualTo("S:\\shots\\plates");
      assertThat(root(shots, "hq", Platform.LINUX_VPN)).isEqualTo("/vpn/storage/shots/plates");
      assertThat(root(shots, "hq", Platform.MAC)).isEqualTo("<none>");
      assertThat(table.rootFor(shots, "hq", Platform.WINDOWS).orElseThrow().casePolicy())
          .isEqualTo(CasePolicy.INSENSITIVE);
      assertThat(table.rootFor(shots, "hq", Platform.LINUX).orElseThrow().casePolicy())
          .isEqualTo(CasePolicy.SENSITIVE);
    }

    @Test
    void folderFollowsItsParentsSiteOverride() {
      assertThat(root(shots, "london", Platform.LINUX)).isEqualTo("/mnt/lon/storage/shots/plates");
      assertThat(root(shots, "london", Platform.WINDOWS)).isEqualTo("S:\\shots\\plates");
    }

    @Test
    void folderOwnRootBeatsTheDerivedOneAtTheSameSite() {
      assertThat(root(vfx, "hq", Platform.WINDOWS)).isEqualTo("V:\\");
      assertThat(root(vfx, "hq", Platform.LINUX)).isEqualTo("/mnt/projects/vfx");
      assertThat(root(vfx, "la", Platform.WINDOWS)).isEqualTo("V:\\");
    }

    @Test
    void atAnOverrideSiteTheParentsSiteRootBeatsTheFoldersMainRoot() {
      // Documented order: the site's own root, else the parent's root at that site plus the
      // folder path, else the same at the main site.
      assertThat(root(vfx, "london", Platform.WINDOWS)).isEqualTo("L:\\projects\\vfx");
      Share vfxLondon =
          Share.folder("vfx", "projects", "vfx")
              .windows("V:\\")
              .atSite("london", Platform.WINDOWS, "W:\\")
              .build();
      RootTable t = RootTable.builder().add(projects).add(vfxLondon).build();
      assertThat(t.rootFor(vfxLondon, "london", Platform.WINDOWS).orElseThrow().path())
          .hasToString("W:\\");
    }

    @Test
    void shareKeepsOnlyWhatWasConfigured() {
      assertThat(storage.root(Platform.LINUX).orElseThrow().path()).hasToString("/storage");
      assertThat(storage.root("london", Platform.WINDOWS)).isEmpty();
      assertThat(storage.root("London", Platform.LINUX).orElseThrow().path())
          .hasToString("/mnt/lon/storage");
      assertThat(shots.root(Platform.LINUX)).isEmpty();
      assertThat(storage.platforms())
          .containsExactlyInAnyOrder(Platform.LINUX, Platform.WINDOWS, Platform.LINUX_VPN);
      assertThat(storage.overrideSites()).containsExactly("london");
    }

    @Test
    void mappingUsesTheFallbacks() {
      PathMapper m = PathMapper.of(table);
      assertThat(m.toOs("share=shots/a.exr", Target.of(Platform.LINUX, "london")).orElseThrow())
          .hasToString("/mnt/lon/storage/shots/plates/a.exr");
      assertThat(m.toOs("share=vfx/a.exr", Target.of(Platform.WINDOWS, "london")).orElseThrow())
          .hasToString("L:\\projects\\vfx\\a.exr");
      assertThat(m.toOs("share=storage/a.exr", Target.of(Platform.LINUX_VPN)).orElseThrow())
          .hasToString("/vpn/storage/a.exr");
      assertThat(
              m.toShare("/vpn/storage/shots/plates/a.exr", Source.of(Platform.LINUX_VPN))
                  .orElseThrow())
          .hasToString("share=shots/a.exr");
    }

    @Test
    void shareLookup() {
      assertThat(table.share("STORAGE")).containsSame(storage);
      assertThat(table.share("(default)")).containsSame(storage);
      assertThat(table.defaultShare()).containsSame(storage);
      assertThat(table.share("nope")).isEmpty();
      RootTable noDefault = RootTable.builder().add(projects).build();
      assertThat(noDefault.share("(default)")).isEmpty();
      assertThat(noDefault.defaultShare()).isEmpty();
    }

    @Test
    void sharesKeepTheirOrder() {
      assertThat(table.shares()).containsExactly(vfx, shots, storage, projects);
      assertThatThrownBy(() -> table.shares().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Sites {
    @Test
    void mainSiteFirstThenDeclaredThenOverridesInShareOrder() {
      RootTable t =
          RootTable.builder()
              .mainSite(" HQ ")
              .site("la")
              .site("LA")
              .add(
                  Share.volume("a")
                      .linux("/a")
                      .atSite("paris", Platform.LINUX, "/p/a")
                      .atSite("london", Platform.LINUX, "/l/a")
                      .build())
              .add(Share.volume("b").linux("/b").atSite("Tokyo", Platform.MAC, "/t/b").build())
              .add(Share.volume("c").linux("/c").atSite("PARIS", Platform.LINUX, "/p/c").build())
              .site("berlin")
              .build();
      assertThat(t.mainSite()).isEqualTo("HQ");
      assertThat(t.sites()).containsExactly("HQ", "la", "berlin", "paris", "london", "Tokyo");
    }

    @Test
    void mainSiteDefaultsToHq() {
      RootTable t = RootTable.builder().build();
      assertThat(t.mainSite()).isEqualTo("hq");
      assertThat(t.sites()).containsExactly("hq");
    }

    @Test
    void undeclaredSiteFailsNamingTheKnownSites() {
      PathMapper m = PathMapper.of(SpecTables.m());
      for (MappingResult<?> r :
          List.of(
              m.toOs("share=storage/a.exr", Target.of(Platform.LINUX, "la")),
              m.toOs("site=la:share=storage/a.exr", Target.of(Platform.LINUX)),
              m.toOs(
                  "/storage/a.exr",
                  Source.of(Platform.LINUX).atSite("la"),
                  Target.of(Platform.WINDOWS)),
              m.toShare("/storage/a.exr", Source.of(Platform.LINUX).atSite("la")))) {
        assertThat(r.failureKind()).as("%s", r).contains(FailureKind.NO_ROOT_FOR_TARGET);
        assertThat(r.failure().orElseThrow().message())
            .contains("'la'")
            .contains("hq")
            .contains("london");
      }
    }

    @Test
    void declaredSiteUsesTheMainRoots() {
      RootTable t =
          RootTable.builder()
              .site("la")
              .add(Share.volume("storage").linux("/storage").windows("S:\\").build())
              .build();
      PathMapper m = PathMapper.of(t);
      assertThat(m.toOs("share=storage/a.exr", Target.of(Platform.LINUX, "la")).orElseThrow())
          .hasToString("/storage/a.exr");
      assertThat(
              m.toOs(
                      "S:\\a.exr",
                      Source.of(PathFlavour.WINDOWS).atSite("LA"),
                      Target.of(Platform.LINUX, "La"))
                  .orElseThrow())
          .hasToString("/storage/a.exr");
    }
  }

  @Nested
  class ShareRoots {
    @Test
    void rootsLoseTheirTrailingSeparator() {
      Share s =
          Share.volume("s").linux("/storage/").windows("\\\\fs01\\storage\\").mac(" /V/s ").build();
      assertThat(s.root(Platform.LINUX).orElseThrow().path()).hasToString("/storage");
      assertThat(s.root(Platform.LINUX).orElseThrow().path().hasTrailingSeparator()).isFalse();
      assertThat(s.root(Platform.WINDOWS).orElseThrow().path()).hasToString("\\\\fs01\\storage");
      assertThat(s.root(Platform.MAC).orElseThrow().path()).hasToString("/V/s");
    }

    @Test
    void platformDefaultsAndExplicitCasePolicies() {
      Share s =
          Share.volume("s")
              .linux("/s")
              .windows("S:\\")
              .mac("/Volumes/s")
              .root(Platform.LINUX_VPN, "/vpn/s", CasePolicy.INSENSITIVE)
              .build();
      assertThat(s.root(Platform.LINUX).orElseThrow().casePolicy()).isEqualTo(CasePolicy.SENSITIVE);
      assertThat(s.root(Platform.WINDOWS).orElseThrow().casePolicy())
          .isEqualTo(CasePolicy.INSENSITIVE);
      assertThat(s.root(Platform.MAC).orElseThrow().casePolicy()).isEqualTo(CasePolicy.INSENSITIVE);
      assertThat(s.root(Platform.LINUX_VPN).orElseThrow().casePolicy())
          .isEqualTo(CasePolicy.INSENSITIVE);
      assertThat(s.root(Platform.LINUX).orElseThrow()).hasToString("/s");
      assertThat(s.root(Platform.WINDOWS).orElseThrow()).hasToString("S:\\ (case-insensitive)");
    }

    @Test
    void matchAlsoDetectsTheFlavour() {
      Share s =
          Share.volume("s")
              .linux("/s")
              .matchAlso("//fs01/storage")
              .matchAlso("s:/")
              .matchAlso("/mnt/alt")
              .build();
      assertThat(s.extraMatches())
          .extracting(r -> r.path().flavour(), Share.Root::casePolicy)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(PathFlavour.WINDOWS, CasePolicy.INSENSITIVE),
              org.assertj.core.groups.Tuple.tuple(PathFlavour.WINDOWS, CasePolicy.INSENSITIVE),
              org.assertj.core.groups.Tuple.tuple(PathFlavour.POSIX, CasePolicy.SENSITIVE));
      assertThat(s.extraMatches().get(0).path()).hasToString("\\\\fs01\\storage");
    }

    @Test
    void extraMatchesAreInputOnly() {
      RootTable t =
          RootTable.builder()
              .add(Share.volume("s").linux("/s").windows("S:\\").matchAlso("/mnt/alt").build())
              .build();
      PathMapper m = PathMapper.of(t);
      assertThat(m.toOs("/mnt/alt/a", Target.of(Platform.LINUX)).orElseThrow()).hasToString("/s/a");
      assertThat(
              m.toOs("/mnt/alt/a", Source.of(Platform.MAC), Target.of(Platform.WINDOWS))
                  .orElseThrow())
          .hasToString("S:\\a");
    }

    @Test
    void folderPathAcceptsEitherSeparator() {
      Share f = Share.folder("f", "v", "a\\b//c").build();
      assertThat(f.pathInParent()).containsExactly("a", "b", "c");
      assertThat(f.parent()).contains("v");
      assertThat(f.kind()).isEqualTo(ShareKind.FOLDER);
      assertThat(Share.volume("v").build().parent()).isEmpty();
      assertThat(Share.volume("v").build().pathInParent()).isEmpty();
    }

    @Test
    void kindsAndDefault() {
      assertThat(Share.volume("v").asDefault().build().isDefault()).isTrue();
      assertThat(Share.volume("v").build().isDefault()).isFalse();
      assertThat(Share.home("h").build().kind()).isEqualTo(ShareKind.HOME);
      assertThat(Share.collection("c").build().kind()).isEqualTo(ShareKind.COLLECTION);
      assertThat(Share.volume("Storage").build().code()).isEqualTo("Storage");
    }
  }

  @Nested
  class Loading {
    @Test
    void aMissingFileIsATableError(@TempDir Path dir) {
      Path missing = dir.resolve("roots.json");
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> RootTable.load(missing));
      assertThat(t)
          .isInstanceOf(RootTableException.class)
          .hasMessageContaining("cannot read")
          .hasMessageContaining(missing.toString())
          .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void nullArguments() {
      assertThatThrownBy(() -> RootTable.load(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> RootTable.parseJson(null)).isInstanceOf(NullPointerException.class);
    }
  }
}
