package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PathMapper} behaviour beyond the test table of docs/path-mapping.md ({@link
 * MappingSpecTest}).
 */
class PathMapperTest {
  private static final Target WINDOWS = Target.of(Platform.WINDOWS);
  private static final Target LINUX = Target.of(Platform.LINUX);
  private static final Target MAC = Target.of(Platform.MAC);
  private static final Source FROM_LINUX = Source.of(Platform.LINUX);
  private static final Source FROM_MAC = Source.of(Platform.MAC);
  private static final Source FROM_WINDOWS = Source.of(Platform.WINDOWS);

  private final PathMapper mapper = PathMapper.of(SpecTables.m());

  private static PathMapper with(PathMapper m, MappingOptions.Builder options) {
    return m.withOptions(options.build());
  }

  private static String ok(MappingResult<?> r) {
    assertThat(r.failure()).as("failure of %s", r).isEmpty();
    return r.orElseThrow().toString();
  }

  /** Asserts the kind, and that the message is not blank and quotes the input. */
  private static String failed(MappingResult<?> r, FailureKind kind) {
    assertThat(r.failureKind()).as("result %s", r).contains(kind);
    assertThat(r.value()).isEmpty();
    MappingFailure f = r.failure().orElseThrow();
    assertThat(f.message()).isNotBlank().contains(f.input());
    return f.message();
  }

  @Nested
  class SourceRestriction {
    @Test
    void aMacPathIsNotMatchedAgainstLinuxRoots() {
      String mac = "/Volumes/storage/a.exr";
      failed(mapper.toOs(mac, FROM_LINUX, WINDOWS), FailureKind.NO_MATCH);
      assertThat(ok(mapper.toOs(mac, FROM_MAC, WINDOWS))).isEqualTo("S:\\a.exr");
      assertThat(ok(mapper.toOs(mac, Source.of(PathFlavour.POSIX), WINDOWS)))
          .isEqualTo("S:\\a.exr");
      assertThat(ok(mapper.toOs(mac, WINDOWS))).isEqualTo("S:\\a.exr");
    }

    @Test
    void aLinuxPathIsNotMatchedAgainstMacRoots() {
      failed(mapper.toShare("/storage/a.exr", FROM_MAC), FailureKind.NO_MATCH);
      assertThat(ok(mapper.toShare("/storage/a.exr", FROM_LINUX))).isEqualTo("share=storage/a.exr");
    }

    @Test
    void caseInsensitivityFollowsTheRootsOfTheSourcePlatform() {
      assertThat(ok(mapper.toShare("/VOLUMES/Storage/a.exr", FROM_MAC)))
          .isEqualTo("share=storage/a.exr");
      failed(mapper.toShare("/VOLUMES/Storage/a.exr", FROM_LINUX), FailureKind.NO_MATCH);
    }

    @Test
    void aPosixSourceReadsWindowsTextAsARelativeName() {
      failed(mapper.toShare("S:\\shots\\a.exr", FROM_LINUX), FailureKind.RELATIVE);
      failed(mapper.toShare("\\\\fs01\\storage\\a.exr", FROM_LINUX), FailureKind.RELATIVE);
      assertThat(ok(mapper.toShare("\\\\fs01\\storage\\a.exr", FROM_WINDOWS)))
          .isEqualTo("share=storage/a.exr");
    }

    @Test
    void aWindowsSourceNeverMatchesPosixRoots() {
      failed(mapper.toShare("/storage/a.exr", FROM_WINDOWS), FailureKind.ROOT_RELATIVE);
    }

    @Test
    void vpnAndPlainPlatformsShareTheirRoots() {
      RootTable t =
          RootTable.builder()
              .add(
                  Share.volume("s")
                      .linux("/storage")
                      .root(Platform.LINUX_VPN, "/vpn/storage")
                      .windows("S:\\")
                      .build())
              .build();
      PathMapper m = PathMapper.of(t);
      assertThat(ok(m.toOs("/vpn/storage/a", FROM_LINUX, WINDOWS))).isEqualTo("S:\\a");
      assertThat(ok(m.toOs("/storage/a", Source.of(Platform.LINUX_VPN), WINDOWS)))
          .isEqualTo("S:\\a");
      failed(m.toOs("/vpn/storage/a", FROM_MAC, WINDOWS), FailureKind.NO_MATCH);
      assertThat(ok(m.toOs("S:\\a", Target.of(Platform.LINUX_VPN)))).isEqualTo("/vpn/storage/a");
      assertThat(ok(m.toOs("S:\\a", Target.of(Platform.WINDOWS_VPN)))).isEqualTo("S:\\a");
    }

    @Test
    void theSourceSiteSelectsItsRoots() {
      String london = "/mnt/lon/storage/shots/a.exr";
      assertThat(ok(mapper.toOs(london, FROM_LINUX.atSite("london"), WINDOWS)))
          .isEqualTo("S:\\shots\\a.exr");
      assertThat(ok(mapper.toShare(london, FROM_LINUX.atSite("LONDON"))))
          .isEqualTo("share=storage/shots/a.exr");
      failed(mapper.toOs(london, FROM_LINUX, WINDOWS), FailureKind.NO_MATCH);
      // At london the main Linux root of storage is replaced by the override.
      failed(mapper.toShare("/storage/a.exr", FROM_LINUX.atSite("london")), FailureKind.NO_MATCH);
      // Roots without an override still apply at the site.
      assertThat(ok(mapper.toShare("/mnt/projects/a", FROM_LINUX.atSite("london"))))
          .isEqualTo("share=projects/a");
    }
  }

  @Nested
  class Detection {
    @Test
    void doubleSlashIsUncOnlyForAConfiguredUncRoot() {
      assertThat(ok(mapper.toShare("//fs01/storage/a.exr"))).isEqualTo("share=storage/a.exr");
      assertThat(ok(mapper.toShare("//FS01/Storage/a.exr"))).isEqualTo("share=storage/a.exr");
      // Not a UNC root of the table: read as POSIX, where // is /.
      assertThat(ok(mapper.toOs("//mnt/projects/a.exr", WINDOWS))).isEqualTo("P:\\a.exr");
      failed(mapper.toShare("//elsewhere/share/a.exr"), FailureKind.NO_MATCH);
    }

    @Test
    void doubleSlashDetectionHonoursHostAliases() {
      PathMapper aliased = PathMapper.of(SpecTables.m(false, true));
      assertThat(ok(aliased.toOs("//10.0.0.5/storage/a.exr", LINUX))).isEqualTo("/storage/a.exr");
      failed(mapper.toOs("//10.0.0.5/storage/a.exr", LINUX), FailureKind.NO_MATCH);
    }

    @Test
    void windowsFormsAreDetected() {
      assertThat(ok(mapper.toOs("\\\\?\\S:\\a.exr", LINUX))).isEqualTo("/storage/a.exr");
      assertThat(ok(mapper.toOs("s:/a.exr", LINUX))).isEqualTo("/storage/a.exr");
      assertThat(ok(mapper.toOs("shots\\a.exr", LINUX))).isEqualTo("shots/a.exr");
      failed(mapper.toOs("//?/S:/a.exr", LINUX), FailureKind.MALFORMED);
      failed(mapper.toOs("//./pipe/x", LINUX), FailureKind.DEVICE_PATH);
      failed(mapper.toOs("S:", LINUX), FailureKind.DRIVE_RELATIVE);
    }
  }

  @Nested
  class ShareHints {
    private final PathMapper m2 = PathMapper.of(SpecTables.m2());

    @Test
    void hintIsCaseInsensitive() {
      PathMapper hinted = with(m2, MappingOptions.builder().shareHint("B"));
      assertThat(ok(hinted.toOs("P:\\x.exr", LINUX))).isEqualTo("/mnt/b/x.exr");
      assertThat(ok(hinted.toShare("p:/x.exr"))).isEqualTo("share=b/x.exr");
    }

    @Test
    void aHintThatNamesNoCandidateLeavesTheAmbiguity() {
      PathMapper hinted = with(m2, MappingOptions.builder().shareHint("c"));
      String message = failed(hinted.toOs("P:\\x.exr", LINUX), FailureKind.AMBIGUOUS);
      assertThat(message).contains("[a, b]").contains("shareHint");
    }

    @Test
    void aHintNeverOverridesAnUnambiguousMatch() {
      PathMapper hinted = with(mapper, MappingOptions.builder().shareHint("projects"));
      assertThat(ok(hinted.toShare("S:\\a.exr"))).isEqualTo("share=storage/a.exr");
      assertThat(hinted.options().shareHint()).contains("projects");
      assertThat(hinted.options().toBuilder().noShareHint().build().shareHint()).isEmpty();
    }

    @Test
    void ambiguousRootsAtDifferentDepthsAreNotAmbiguous() {
      // Only the deepest root counts, so a/b below the shared root is not ambiguous.
      RootTable t =
          RootTable.builder()
              .allowAmbiguousRoots()
              .add(Share.volume("a").windows("P:\\").build())
              .add(Share.volume("b").windows("P:\\").build())
              .add(Share.volume("c").windows("P:\\deep").linux("/c").build())
              .build();
      assertThat(ok(PathMapper.of(t).toOs("P:\\deep\\x", LINUX))).isEqualTo("/c/x");
    }
  }

  @Nested
  class PreferVolume {
    private final PathMapper volumes = with(mapper, MappingOptions.builder().preferVolume(true));

    @Test
    void aVolumeIsNamedWithVolumeNotation() {
      assertThat(ok(volumes.toShare("/storage/shots/", FROM_LINUX)))
          .isEqualTo("volume=storage/shots/");
      assertThat(ok(volumes.toShare("share=STORAGE/a.exr"))).isEqualTo("volume=storage/a.exr");
      assertThat(ok(volumes.toShare("S:\\"))).isEqualTo("volume=storage");
    }

    @Test
    void aFolderIsNamedThroughItsVolume() {
      assertThat(ok(volumes.toShare("V:\\sh010\\a.exr")))
          .isEqualTo("volume=projects/vfx/sh010/a.exr");
      assertThat(ok(volumes.toShare("/mnt/projects/vfx/a.exr", FROM_LINUX)))
          .isEqualTo("volume=projects/vfx/a.exr");
      assertThat(ok(volumes.toShare("share=vfx/a.exr"))).isEqualTo("volume=projects/vfx/a.exr");
      assertThat(ok(volumes.toShare("site=london:folder=VFX/a/")))
          .isEqualTo("site=london:volume=projects/vfx/a/");
    }

    @Test
    void homesAndCollectionsStayShareNotation() {
      RootTable t =
          RootTable.builder()
              .add(Share.home("anna").linux("/home/anna").build())
              .add(Share.collection("dailies").linux("/dailies").build())
              .build();
      PathMapper m = PathMapper.of(t, MappingOptions.builder().preferVolume(true).build());
      assertThat(ok(m.toShare("/home/anna/in/a.exr"))).isEqualTo("share=anna/in/a.exr");
      assertThat(ok(m.toShare("/dailies/a.exr"))).isEqualTo("share=dailies/a.exr");
    }

    @Test
    void volumeNotationMapsBackToTheSamePlace() {
      String share = ok(volumes.toShare("V:\\sh010\\a.exr"));
      assertThat(ok(mapper.toOs(share, WINDOWS))).isEqualTo("P:\\vfx\\sh010\\a.exr");
      assertThat(ok(mapper.toOs(share, LINUX))).isEqualTo("/mnt/projects/vfx/sh010/a.exr");
    }
  }

  @Nested
  class DotDot {
    private final PathMapper keep =
        with(mapper, MappingOptions.builder().dotDot(DotDotPolicy.KEEP));
    private final PathMapper strict =
        with(mapper, MappingOptions.builder().dotDot(DotDotPolicy.STRICT));

    @Test
    void keepLeavesDotDotInTheOutput() {
      assertThat(ok(keep.toOs("/storage/shots/../a.exr", FROM_LINUX, WINDOWS)))
          .isEqualTo("S:\\shots\\..\\a.exr");
      assertThat(ok(keep.toOs("S:\\shots\\..\\a.exr", LINUX))).isEqualTo("/storage/shots/../a.exr");
      assertThat(ok(keep.toOs("share=storage/shots/../a.exr", LINUX)))
          .isEqualTo("/storage/shots/../a.exr");
      // The default resolves it.
      assertThat(ok(mapper.toOs("share=storage/shots/../a.exr", LINUX)))
          .isEqualTo("/storage/a.exr");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/storage/../etc/passwd",
          "/storage/shots/../../etc/passwd",
          "S:\\..\\x",
          "share=storage/../x",
          "share=storage/a/..\\..\\x",
          "/mnt/projects/vfx/../../x"
        })
    void keepStillRejectsEscapes(String in) {
      failed(keep.toOs(in, LINUX), FailureKind.ESCAPES_ROOT);
      failed(mapper.toOs(in, LINUX), FailureKind.ESCAPES_ROOT);
      failed(strict.toOs(in, LINUX), FailureKind.ESCAPES_ROOT);
    }

    @Test
    void keepRejectsLeavingANestedRootEvenWithinItsParent() {
      // Kept '..' is resolved by the target OS (maybe through symlinks), so it must stay in the
      // root the text matched: V:\..\a.exr would be outside vfx.
      String in = "/mnt/projects/vfx/../a.exr";
      failed(keep.toOs(in, FROM_LINUX, WINDOWS), FailureKind.ESCAPES_ROOT);
      assertThat(ok(mapper.toOs(in, FROM_LINUX, WINDOWS))).isEqualTo("P:\\a.exr");
      failed(strict.toOs(in, FROM_LINUX, WINDOWS), FailureKind.ESCAPES_ROOT);
    }

    @Test
    void strictRejectsLeavingTheRootEvenToComeBack() {
      String in = "/storage/a/../../storage/b.exr";
      assertThat(ok(mapper.toOs(in, FROM_LINUX, WINDOWS))).isEqualTo("S:\\b.exr");
      failed(strict.toOs(in, FROM_LINUX, WINDOWS), FailureKind.ESCAPES_ROOT);
      assertThat(ok(strict.toOs("/storage/a/./../b.exr", FROM_LINUX, WINDOWS)))
          .isEqualTo("S:\\b.exr");
    }

    @Test
    void escapeMessagesNameTheShare() {
      assertThat(
              failed(mapper.toOs("/storage/../x", FROM_LINUX, WINDOWS), FailureKind.ESCAPES_ROOT))
          .contains("'storage'");
      assertThat(failed(keep.toOs("share=storage/../x", LINUX), FailureKind.ESCAPES_ROOT))
          .contains("'storage'");
    }

    @Test
    void shareNotationIsNormalisedByToShare() {
      assertThat(ok(mapper.toShare("share=storage/a/./b/../c/"))).isEqualTo("share=storage/a/c/");
      failed(mapper.toShare("share=storage/a/../../c"), FailureKind.ESCAPES_ROOT);
    }

    @Test
    void longPathPrefixNeverWrapsDotDot() {
      PathMapper keepLong =
          with(mapper, MappingOptions.builder().dotDot(DotDotPolicy.KEEP).longPathPrefix(true));
      String seg = "d".repeat(60);
      String in = "/storage/" + seg + "/" + seg + "/" + seg + "/" + seg + "/../" + seg + "/a.exr";
      MappingResult<OsPath> r = keepLong.toOs(in, FROM_LINUX, WINDOWS);
      String out = ok(r);
      assertThat(out).startsWith("S:\\").contains("\\..\\");
      assertThat(out.length()).isGreaterThanOrEqualTo(260);
      assertThat(r.warnings()).singleElement().asString().contains("'..'").contains("literally");
      // Without '..' the same length does get the prefix.
      String plain = "/storage/" + seg + "/" + seg + "/" + seg + "/" + seg + "/" + seg + "/a.exr";
      assertThat(ok(keepLong.toOs(plain, FROM_LINUX, WINDOWS))).startsWith("\\\\?\\S:\\");
    }
  }

  @Nested
  class Parties {
    @Test
    void aSitePartySetsTheTargetSite() {
      assertThat(ok(mapper.toOs("site=london:share=storage/a.exr", LINUX)))
          .isEqualTo("/mnt/lon/storage/a.exr");
      assertThat(ok(mapper.toOs("SITE=London:share=storage/a.exr", LINUX)))
          .isEqualTo("/mnt/lon/storage/a.exr");
      assertThat(ok(mapper.toOs(SharePath.parse("site=london:share=storage/a.exr"), LINUX)))
          .isEqualTo("/mnt/lon/storage/a.exr");
      // Windows has no override at london: the main root applies.
      assertThat(ok(mapper.toOs("site=london:share=storage/a.exr", WINDOWS)))
          .isEqualTo("S:\\a.exr");
    }

    @Test
    void theTargetSiteWinsOverTheParty() {
      assertThat(
              ok(mapper.toOs("site=london:share=storage/a.exr", Target.of(Platform.LINUX, "hq"))))
          .isEqualTo("/storage/a.exr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna@studio.com:", "client=abc:", "london:"})
    void otherPartiesDoNotChangeTheSite(String party) {
      assertThat(ok(mapper.toOs(party + "share=storage/a.exr", LINUX))).isEqualTo("/storage/a.exr");
    }

    @Test
    void aPartyNamingAnUnknownSiteFails() {
      String message =
          failed(
              mapper.toOs("site=tokyo:share=storage/a.exr", LINUX), FailureKind.NO_ROOT_FOR_TARGET);
      assertThat(message).contains("'tokyo'").contains("hq, london");
    }
  }

  @Nested
  class Canonical {
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
        delimiter = '|',
        value = {
          "share=STORAGE/a.exr                | share=storage/a.exr",
          "Volume=Storage/a.exr               | share=storage/a.exr",
          "volume=(default)/x/./y/            | share=storage/x/y/",
          "folder=VFX/a                       | share=vfx/a",
          "share=vfx\\a\\b                    | share=vfx/a/b",
          "site=london:volume=STORAGE/a       | site=london:share=storage/a",
          "anna@studio.com:share=(default)    | anna@studio.com:share=storage",
          "share=IZMIR/a                      | share=izmir/a"
        })
    void shareNotationIsCanonicalised(String in, String canonical) {
      assertThat(ok(mapper.toShare(in))).isEqualTo(canonical);
      assertThat(ok(mapper.canonical(SharePath.parse(in)))).isEqualTo(canonical);
    }

    @Test
    void codesFoldLikeNtfsNotLikeEqualsIgnoreCase() {
      failed(mapper.toShare("share=\u0130ZMIR/a"), FailureKind.UNKNOWN_SHARE);
      // The simple upper case of dotless '\u0131' is 'I' (NTFS-style simple upper-casing), so it
      // folds
      // like 'i'.
      assertThat(ok(mapper.toShare("share=\u0131zmir/a"))).isEqualTo("share=izmir/a");
    }

    @Test
    void theWrongKindForAShareIsAnUnknownShareWithAHint() {
      String message = failed(mapper.toShare("volume=vfx/a.exr"), FailureKind.UNKNOWN_SHARE);
      assertThat(message).contains("'vfx'").contains("folder").contains("share=vfx");
      failed(mapper.toShare("folder=storage/a.exr"), FailureKind.UNKNOWN_SHARE);
      failed(mapper.toOs("home=storage/a.exr", LINUX), FailureKind.UNKNOWN_SHARE);
      failed(mapper.toOs("collection=projects/a.exr", LINUX), FailureKind.UNKNOWN_SHARE);
    }

    @Test
    void anUnknownShareListsTheKnownOnes() {
      String message = failed(mapper.toOs("share=nope/a.exr", LINUX), FailureKind.UNKNOWN_SHARE);
      assertThat(message)
          .contains("'nope'")
          .contains("storage, projects, proj, vfx, izmir, equipe");
      String none =
          failed(
              PathMapper.of(RootTable.builder().build()).toShare("share=x/a"),
              FailureKind.UNKNOWN_SHARE);
      assertThat(none).contains("none");
    }

    @Test
    void theDefaultShareNeedsADefaultVolume() {
      RootTable t = RootTable.builder().add(Share.volume("v").linux("/v").build()).build();
      String message =
          failed(PathMapper.of(t).toOs("share=(default)/a", LINUX), FailureKind.UNKNOWN_SHARE);
      assertThat(message).contains("default");
    }

    @Test
    void malformedNotationIsMalformedInEveryEntryPoint() {
      failed(mapper.toShare("share=/a"), FailureKind.MALFORMED);
      failed(mapper.toOs("share=/a", LINUX), FailureKind.MALFORMED);
    }
  }

  @Nested
  class Targets {
    @Test
    void aShareWithoutARootForThePlatformFails() {
      String message = failed(mapper.toOs("share=proj/a.exr", MAC), FailureKind.NO_ROOT_FOR_TARGET);
      assertThat(message).contains("'proj'").contains("mac").contains("hq");
      failed(mapper.toOs("/mnt/proj/a.exr", FROM_LINUX, MAC), FailureKind.NO_ROOT_FOR_TARGET);
      String london =
          failed(
              mapper.toOs("share=proj/a.exr", Target.of(Platform.MAC, "london")),
              FailureKind.NO_ROOT_FOR_TARGET);
      assertThat(london).contains("london").contains("main site hq");
    }

    @Test
    void aFolderHasARootWhereverItsParentHasOne() {
      assertThat(ok(mapper.toOs("share=vfx/a.exr", MAC))).isEqualTo("/Volumes/projects/vfx/a.exr");
      RootTable t =
          RootTable.builder()
              .add(Share.volume("proj").linux("/mnt/proj").windows("Q:\\").build())
              .add(Share.folder("pr", "proj", "pr").build())
              .build();
      String message =
          failed(PathMapper.of(t).toOs("share=pr/a.exr", MAC), FailureKind.NO_ROOT_FOR_TARGET);
      assertThat(message).contains("'pr'").contains("mac");
    }

    @Test
    void uncRootsAreEmittedAsUnc() {
      RootTable t =
          RootTable.builder()
              .add(Share.volume("media").linux("/media").windows("\\\\fs01\\Media").build())
              .build();
      PathMapper m = PathMapper.of(t);
      assertThat(ok(m.toOs("/media/a/b.exr", WINDOWS))).isEqualTo("\\\\fs01\\Media\\a\\b.exr");
      assertThat(ok(m.toOs("/media/a/", WINDOWS))).isEqualTo("\\\\fs01\\Media\\a\\");
      assertThat(ok(m.toOs("/media/", WINDOWS))).isEqualTo("\\\\fs01\\Media");
      assertThat(ok(m.toOs("\\\\FS01\\media\\a", LINUX))).isEqualTo("/media/a");
      String name = "n".repeat(100);
      PathMapper longPaths = with(m, MappingOptions.builder().longPathPrefix(true));
      assertThat(ok(longPaths.toOs("/media/" + name + "/" + name + "/" + name, WINDOWS)))
          .isEqualTo("\\\\?\\UNC\\fs01\\Media\\" + name + "\\" + name + "\\" + name);
    }

    @Test
    void theRootsCanonicalSpellingReplacesTheInputs() {
      assertThat(ok(mapper.toOs("s:\\Shots\\A.exr", WINDOWS))).isEqualTo("S:\\Shots\\A.exr");
      assertThat(ok(mapper.toOs("/VOLUMES/storage/Shots/a.exr", FROM_MAC, MAC)))
          .isEqualTo("/Volumes/storage/Shots/a.exr");
      assertThat(ok(mapper.toOs("\\\\FS01\\STORAGE\\Shots", FROM_WINDOWS, WINDOWS)))
          .isEqualTo("S:\\Shots");
    }
  }

  @Nested
  class Names {
    @Test
    void aPosixBackslashCannotBecomeShareNotationButMapsBetweenPosixPlatforms() {
      String in = "/storage/odd\\name.exr";
      String message = failed(mapper.toShare(in, FROM_LINUX), FailureKind.INVALID_CHAR);
      assertThat(message).contains("'odd\\name.exr'");
      assertThat(ok(mapper.toOs(in, FROM_LINUX, MAC))).isEqualTo("/Volumes/storage/odd\\name.exr");
      assertThat(ok(mapper.toOs(in, FROM_LINUX, Target.of(Platform.LINUX, "london"))))
          .isEqualTo("/mnt/lon/storage/odd\\name.exr");
      failed(mapper.toOs(in, FROM_LINUX, WINDOWS), FailureKind.INVALID_CHAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\u0001", "\n", "\u001f"})
    void controlCharactersAreRejectedForWindowsOnly(String c) {
      String in = "/storage/a" + c + "b.exr";
      String message = failed(mapper.toOs(in, FROM_LINUX, WINDOWS), FailureKind.INVALID_CHAR);
      assertThat(message).contains(String.format("U+%04X", (int) c.charAt(0)));
      assertThat(ok(mapper.toOs(in, FROM_LINUX, MAC)))
          .isEqualTo("/Volumes/storage/a" + c + "b.exr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COM\u00b9.txt", "com\u00b2", "LPT\u00b3.exr", "nul.tar.gz", "Aux"})
    void reservedNamesIncludingSuperscriptDigits(String name) {
      failed(mapper.toOs("/storage/shots/" + name, FROM_LINUX, WINDOWS), FailureKind.RESERVED_NAME);
      failed(mapper.toOs("share=storage/" + name + "/a", WINDOWS), FailureKind.RESERVED_NAME);
      assertThat(ok(mapper.toOs("share=storage/" + name, LINUX))).isEqualTo("/storage/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COM\u2074.txt", "COM10", "CONSOLE", "LPT", "xNUL"})
    void namesThatOnlyLookReserved(String name) {
      assertThat(ok(mapper.toOs("/storage/" + name, FROM_LINUX, WINDOWS))).isEqualTo("S:\\" + name);
    }

    @Test
    void windowsOnlyRulesDoNotApplyToPosixTargets() {
      assertThat(ok(mapper.toOs("/storage/a./CON/b ", FROM_LINUX, MAC)))
          .isEqualTo("/Volumes/storage/a./CON/b ");
      assertThat(ok(mapper.toOs("share=storage/a?b", LINUX))).isEqualTo("/storage/a?b");
    }

    @Test
    void theRootItselfIsNotValidated() {
      // The izmir root holds a non-ASCII name; only the remainder is checked.
      assertThat(ok(mapper.toOs("/mnt/izmir/a.exr", FROM_LINUX, WINDOWS)))
          .isEqualTo("I:\\\u0130zmir\\a.exr");
    }

    @Test
    void win32SemanticsStripsEveryTrailingDotAndSpaceWithAWarningEach() {
      PathMapper win32 = with(mapper, MappingOptions.builder().win32Semantics(true));
      MappingResult<OsPath> r = win32.toOs("S:\\a.\\b \\c.exr", LINUX);
      assertThat(ok(r)).isEqualTo("/storage/a/b/c.exr");
      assertThat(r.warnings()).hasSize(2);
      assertThat(r.warnings().get(0)).contains("'a.'");
      assertThat(r.warnings().get(1)).contains("'b '");
      // POSIX input is not Win32 input.
      failed(win32.toOs("/storage/a./x", FROM_LINUX, WINDOWS), FailureKind.INVALID_WINDOWS_NAME);
    }

    @Test
    void macWarnsAboutColonsOnly() {
      MappingResult<OsPath> r = mapper.toOs("share=storage/a:b/c:d", MAC);
      assertThat(ok(r)).isEqualTo("/Volumes/storage/a:b/c:d");
      assertThat(r.warnings()).hasSize(2).allMatch(w -> w.contains("':'"));
      assertThat(mapper.toOs("share=storage/a:b", LINUX).warnings()).isEmpty();
    }
  }

  @Nested
  class Relative {
    private final PathMapper dflt =
        with(mapper, MappingOptions.builder().relativePaths(RelativePolicy.DEFAULT_VOLUME));

    @Test
    void keptRelativePathsTakeTheTargetSeparatorAndAreValidated() {
      assertThat(ok(mapper.toOs("shots/sub/a.exr", WINDOWS))).isEqualTo("shots\\sub\\a.exr");
      assertThat(ok(mapper.toOs("shots\\sub\\", LINUX))).isEqualTo("shots/sub/");
      assertThat(ok(mapper.toOs("../a.exr", LINUX))).isEqualTo("../a.exr");
      failed(mapper.toOs("a:b/c.exr", FROM_LINUX, WINDOWS), FailureKind.INVALID_CHAR);
      failed(mapper.toOs("CON/c.exr", FROM_LINUX, WINDOWS), FailureKind.RESERVED_NAME);
    }

    @Test
    void defaultVolumeContainsTraversal() {
      failed(dflt.toOs("../x", LINUX), FailureKind.ESCAPES_ROOT);
      failed(dflt.toShare("shots/../../x"), FailureKind.ESCAPES_ROOT);
      assertThat(ok(dflt.toOs("./shots/../a.exr", WINDOWS))).isEqualTo("S:\\a.exr");
      assertThat(ok(dflt.toShare("shots\\a.exr", FROM_WINDOWS)))
          .isEqualTo("share=storage/shots/a.exr");
    }

    @Test
    void defaultVolumeNeedsADefault() {
      RootTable t = RootTable.builder().add(Share.volume("v").linux("/v").build()).build();
      PathMapper m =
          PathMapper.of(
              t, MappingOptions.builder().relativePaths(RelativePolicy.DEFAULT_VOLUME).build());
      assertThat(failed(m.toOs("a.exr", LINUX), FailureKind.RELATIVE)).contains("default");
    }

    @Test
    void rejectPolicyRejectsEverywhere() {
      PathMapper reject =
          with(mapper, MappingOptions.builder().relativePaths(RelativePolicy.REJECT));
      failed(reject.toOs("a.exr", WINDOWS), FailureKind.RELATIVE);
      failed(reject.toShare("a.exr"), FailureKind.RELATIVE);
    }

    @Test
    void relativeWindowsInputGetsTheTrailingDotRuleToo() {
      // Win32 opens 'sh010. ' as 'sh010': mapping it verbatim would name another folder.
      String in = "shots\\sh010. \\a.exr";
      failed(dflt.toOs(in, FROM_WINDOWS, LINUX), FailureKind.INVALID_WINDOWS_NAME);
      failed(mapper.toOs(in, FROM_WINDOWS, LINUX), FailureKind.INVALID_WINDOWS_NAME);
      PathMapper win32 =
          with(
              mapper,
              MappingOptions.builder()
                  .relativePaths(RelativePolicy.DEFAULT_VOLUME)
                  .win32Semantics(true));
      MappingResult<OsPath> r = win32.toOs(in, FROM_WINDOWS, LINUX);
      assertThat(ok(r)).isEqualTo("/storage/shots/sh010/a.exr");
      assertThat(r.warnings()).singleElement().asString().contains("'sh010. '");
      // Under the default (KEEP) a relative path still never becomes share notation.
      failed(mapper.toShare(in, FROM_WINDOWS), FailureKind.RELATIVE);
    }
  }

  /** One failing call per failure kind; every message must be useful on its own. */
  static Stream<Arguments> oneFailurePerKind() {
    PathMapper m = PathMapper.of(SpecTables.m());
    PathMapper m2 = PathMapper.of(SpecTables.m2());
    return Stream.of(
        Arguments.of(m.toOs("/mnt/projects2/a.exr", FROM_LINUX, WINDOWS), FailureKind.NO_MATCH),
        Arguments.of(
            m.toOs("/storage/../etc/passwd", FROM_LINUX, WINDOWS), FailureKind.ESCAPES_ROOT),
        Arguments.of(m.toOs("share=storage/../x", LINUX), FailureKind.ESCAPES_ROOT),
        Arguments.of(m.toShare("shots/a.exr"), FailureKind.RELATIVE),
        Arguments.of(m.toOs("S:shots\\a.exr", LINUX), FailureKind.DRIVE_RELATIVE),
        Arguments.of(m.toOs("\\shots\\a.exr", LINUX), FailureKind.ROOT_RELATIVE),
        Arguments.of(m.toOs("\\\\.\\pipe\\x", LINUX), FailureKind.DEVICE_PATH),
        Arguments.of(m.toOs("S:\\a. \\b", LINUX), FailureKind.INVALID_WINDOWS_NAME),
        Arguments.of(
            m.toOs("/storage/a. /b", FROM_LINUX, WINDOWS), FailureKind.INVALID_WINDOWS_NAME),
        Arguments.of(m.toOs("/storage/aux.exr", FROM_LINUX, WINDOWS), FailureKind.RESERVED_NAME),
        Arguments.of(m.toOs("/storage/a?.exr", FROM_LINUX, WINDOWS), FailureKind.INVALID_CHAR),
        Arguments.of(m.toShare("/storage/a\\b", FROM_LINUX), FailureKind.INVALID_CHAR),
        Arguments.of(m.toOs("/storage/a\0b", LINUX), FailureKind.INVALID_CHAR),
        Arguments.of(m2.toOs("P:\\x.exr", LINUX), FailureKind.AMBIGUOUS),
        Arguments.of(m.toOs("share=nope/a", LINUX), FailureKind.UNKNOWN_SHARE),
        Arguments.of(m.toOs("volume=vfx/a", LINUX), FailureKind.UNKNOWN_SHARE),
        Arguments.of(m.toOs("share=proj/a", MAC), FailureKind.NO_ROOT_FOR_TARGET),
        Arguments.of(
            m.toOs("share=proj/a", Target.of(Platform.LINUX, "la")),
            FailureKind.NO_ROOT_FOR_TARGET),
        Arguments.of(
            m.toShare("/storage/a", FROM_LINUX.atSite("la")), FailureKind.NO_ROOT_FOR_TARGET),
        Arguments.of(m.toOs("", LINUX), FailureKind.MALFORMED),
        Arguments.of(m.toOs("\\\\fs01", LINUX), FailureKind.MALFORMED),
        Arguments.of(m.toOs("file:///storage/%zz", LINUX), FailureKind.MALFORMED),
        Arguments.of(m.toOs("share=", LINUX), FailureKind.MALFORMED),
        Arguments.of(
            m.toOs("/storage/" + "n".repeat(256), FROM_LINUX, WINDOWS), FailureKind.TOO_LONG),
        Arguments.of(m.toOs("\\\\?\\S:\\a\\..\\b", LINUX), FailureKind.LITERAL_DOT_SEGMENT));
  }

  @ParameterizedTest
  @MethodSource("oneFailurePerKind")
  void failureMessagesAreNeverEmptyAndQuoteTheInput(MappingResult<?> r, FailureKind kind) {
    assertThat(r.failureKind()).as("%s", r).contains(kind);
    MappingFailure f = r.failure().orElseThrow();
    assertThat(f.message()).isNotBlank();
    assertThat(f.message()).contains(f.input().replace("\0", "\\0"));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void theMessageListCoversEveryFailureKind() {
    Set<FailureKind> covered = EnumSet.noneOf(FailureKind.class);
    oneFailurePerKind().forEach(a -> covered.add((FailureKind) a.get()[1]));
    assertThat(covered).containsExactlyInAnyOrder(FailureKind.values());
  }

  @Nested
  class Api {
    @Test
    void withOptionsReturnsANewMapperOnTheSameTable() {
      MappingOptions opts = MappingOptions.builder().preferVolume(true).build();
      PathMapper other = mapper.withOptions(opts);
      assertThat(other).isNotSameAs(mapper);
      assertThat(other.options()).isEqualTo(opts);
      assertThat(other.table()).isSameAs(mapper.table());
      assertThat(mapper.options()).isEqualTo(MappingOptions.defaults());
      assertThat(ok(mapper.toShare("S:\\a"))).isEqualTo("share=storage/a");
    }

    @Test
    void parsedPathsMapLikeText() {
      OsPath posix = OsPath.parse("/storage/shots/", PathFlavour.POSIX);
      assertThat(ok(mapper.toShare(posix, Source.detect()))).isEqualTo("share=storage/shots/");
      // The source's flavour is ignored for a parsed path; its platform still restricts.
      assertThat(ok(mapper.toShare(posix, Source.of(PathFlavour.WINDOWS))))
          .isEqualTo("share=storage/shots/");
      failed(mapper.toShare(posix, FROM_MAC), FailureKind.NO_MATCH);
      assertThat(ok(mapper.toOs(SharePath.share("storage", "a"), WINDOWS))).isEqualTo("S:\\a");
    }

    @Test
    void nullsAreProgrammingErrors() {
      assertThatThrownBy(() -> mapper.toOs((String) null, LINUX))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> mapper.toOs("/a", null, LINUX))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> mapper.toOs("/a", Source.detect(), null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> mapper.toShare((String) null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> mapper.canonical(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> PathMapper.of(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> mapper.withOptions(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sourceAndTargetValueSemantics() {
      assertThat(Source.of(Platform.MAC).atSite("x"))
          .isEqualTo(Source.of(Platform.MAC).atSite("x"));
      assertThat(Source.of(Platform.MAC).flavour()).contains(PathFlavour.POSIX);
      assertThat(Source.of(PathFlavour.WINDOWS).platform()).isEmpty();
      assertThat(Source.detect().flavour()).isEmpty();
      assertThat(Target.of(Platform.MAC, "x")).isEqualTo(Target.of(Platform.MAC, "x"));
      assertThat(Target.of(Platform.MAC)).isNotEqualTo(Target.of(Platform.MAC, "hq"));
      assertThat(Target.of(Platform.MAC, "x")).hasToString("mac@x");
    }

    @Test
    void badInputIsAlwaysATypedFailureThatQuotesIt() {
      List<String> inputs =
          List.of(
              "\0",
              "/",
              "\\",
              "\\\\",
              "//",
              " ",
              "=",
              ":",
              "..",
              "../..",
              "S:",
              "S:..",
              "\\\\?\\",
              "\\\\?\\S:\\a/b",
              "\\\\?\\UNC\\",
              "file:",
              "file://",
              "file:///%",
              "share=",
              "site=:share=x",
              "C:\\..\\..",
              "\\\\a\\b\\..\\..\\..",
              "share=storage/" + "../".repeat(5));
      for (String in : inputs) {
        for (Source s : List.of(Source.detect(), FROM_LINUX, FROM_WINDOWS)) {
          MappingResult<SharePath> share = mapper.toShare(in, s);
          assertThat(share.failure()).as("toShare(%s, %s)", in, s).isPresent();
          assertThat(share.failure().orElseThrow().message())
              .as("toShare(%s, %s)", in, s)
              .contains(in.replace("\0", "\\0"));
          for (Target t : List.of(LINUX, WINDOWS, MAC)) {
            // Relative input may map (it is kept); anything else must explain itself.
            mapper
                .toOs(in, s, t)
                .failure()
                .ifPresent(
                    f ->
                        assertThat(f.message())
                            .as("toOs(%s)", in)
                            .contains(f.input().replace("\0", "\\0")));
          }
        }
      }
    }
  }
}
