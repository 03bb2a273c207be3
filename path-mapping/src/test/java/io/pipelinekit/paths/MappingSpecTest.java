package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every mapping case (T01–T30) of docs/path-mapping.md, "Test tables", against table M. */
class MappingSpecTest {
  private static final Target WINDOWS = Target.of(Platform.WINDOWS);
  private static final Target LINUX = Target.of(Platform.LINUX);
  private static final Target MAC = Target.of(Platform.MAC);
  private static final Source FROM_LINUX = Source.of(Platform.LINUX);
  private static final Source FROM_WINDOWS = Source.of(PathFlavour.WINDOWS);

  private final PathMapper mapper = PathMapper.of(SpecTables.m());

  private static String ok(MappingResult<?> r) {
    assertThat(r.failure()).as("failure of %s", r).isEmpty();
    return r.orElseThrow().toString();
  }

  private static void rejected(MappingResult<?> r, FailureKind kind) {
    assertThat(r.failureKind()).as("result %s", r).contains(kind);
    assertThat(r.value()).isEmpty();
  }

  @Test
  @DisplayName("T01 linux to windows baseline")
  void t01() {
    assertThat(ok(mapper.toOs("/storage/shots/sh010/comp.1001.exr", FROM_LINUX, WINDOWS)))
        .isEqualTo("S:\\shots\\sh010\\comp.1001.exr");
  }

  @Test
  @DisplayName("T02 lowercase drive and mixed separators")
  void t02() {
    assertThat(ok(mapper.toOs("s:/shots\\sh010/comp.1001.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/storage/shots/sh010/comp.1001.exr");
  }

  @Test
  @DisplayName("T03 sibling prefix /mnt/proj does not capture /mnt/projects")
  void t03() {
    assertThat(ok(mapper.toOs("/mnt/projects/a.exr", FROM_LINUX, WINDOWS))).isEqualTo("P:\\a.exr");
  }

  @Test
  @DisplayName("T04 component boundary: /mnt/projects2 is no match")
  void t04() {
    rejected(mapper.toOs("/mnt/projects2/a.exr", FROM_LINUX, WINDOWS), FailureKind.NO_MATCH);
    rejected(mapper.toShare("/storage2/a.exr"), FailureKind.NO_MATCH);
  }

  @Test
  @DisplayName("T05 longest match beats table order (and any order)")
  void t05() {
    assertThat(ok(mapper.toOs("/mnt/projects/vfx/sh010/a.exr", FROM_LINUX, WINDOWS)))
        .isEqualTo("V:\\sh010\\a.exr");
    assertThat(ok(mapper.toShare("/mnt/projects/vfx/sh010/a.exr", FROM_LINUX)))
        .isEqualTo("share=vfx/sh010/a.exr");
    RootTable reversed =
        RootTable.builder()
            .add(Share.folder("vfx", "projects", "vfx").windows("V:\\").build())
            .add(Share.volume("projects").linux("/mnt/projects").windows("P:\\").build())
            .build();
    assertThat(ok(PathMapper.of(reversed).toShare("/mnt/projects/vfx/sh010/a.exr")))
        .isEqualTo("share=vfx/sh010/a.exr");
  }

  @Test
  @DisplayName("T06 drive root is S:\\ never S:")
  void t06() {
    assertThat(ok(mapper.toOs("/storage", FROM_LINUX, WINDOWS))).isEqualTo("S:\\");
    assertThat(ok(mapper.toOs("S:\\", FROM_WINDOWS, LINUX))).isEqualTo("/storage");
  }

  @Test
  @DisplayName("T07 trailing separator preserved both ways")
  void t07() {
    assertThat(ok(mapper.toOs("/storage/shots/", FROM_LINUX, WINDOWS))).isEqualTo("S:\\shots\\");
    assertThat(ok(mapper.toOs("S:\\shots", FROM_WINDOWS, LINUX))).isEqualTo("/storage/shots");
  }

  @Test
  @DisplayName("T08 duplicate separators collapse")
  void t08() {
    assertThat(ok(mapper.toOs("/storage//shots///a.exr", FROM_LINUX, WINDOWS)))
        .isEqualTo("S:\\shots\\a.exr");
  }

  @Test
  @DisplayName("T09 forward-slash UNC")
  void t09() {
    assertThat(ok(mapper.toOs("//fs01/storage/shots/a.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/storage/shots/a.exr");
    // Detection: //fs01/storage is a configured UNC root, so it is read as UNC.
    assertThat(ok(mapper.toOs("//fs01/storage/shots/a.exr", LINUX)))
        .isEqualTo("/storage/shots/a.exr");
  }

  @Test
  @DisplayName("T10 UNC server and share are case-insensitive, remainder case kept")
  void t10() {
    assertThat(ok(mapper.toOs("\\\\FS01\\Storage\\Shots\\a.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/storage/Shots/a.exr");
  }

  @Test
  @DisplayName("T11 UNC host aliases only when declared")
  void t11() {
    rejected(
        mapper.toOs("\\\\10.0.0.5\\storage\\a.exr", FROM_WINDOWS, LINUX), FailureKind.NO_MATCH);
    PathMapper aliased = PathMapper.of(SpecTables.m(false, true));
    assertThat(ok(aliased.toOs("\\\\10.0.0.5\\storage\\a.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/storage/a.exr");
  }

  @Test
  @DisplayName("T12 \\\\?\\ long forms equal their plain forms")
  void t12() {
    assertThat(ok(mapper.toOs("\\\\?\\S:\\shots\\a.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/storage/shots/a.exr");
    assertThat(ok(mapper.toOs("\\\\?\\UNC\\fs01\\storage\\shots\\a.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/storage/shots/a.exr");
  }

  @Test
  @DisplayName("T13 long Windows output gets \\\\?\\ when asked")
  void t13() {
    String seg = "d".repeat(49);
    StringBuilder in = new StringBuilder("/storage");
    for (int i = 0; i < 6; i++) {
      in.append('/').append(seg);
    }
    in.append("/./x/../a.exr");
    PathMapper longPaths =
        mapper.withOptions(MappingOptions.builder().longPathPrefix(true).build());
    String out = ok(longPaths.toOs(in.toString(), FROM_LINUX, WINDOWS));
    assertThat(out).startsWith("\\\\?\\S:\\" + seg + "\\").endsWith("\\a.exr");
    assertThat(out).doesNotContain("/").doesNotContain("\\..\\").doesNotContain("\\.\\");
    assertThat(out.length()).isGreaterThan(300);
    // Without the option the plain form is kept.
    assertThat(ok(mapper.toOs(in.toString(), FROM_LINUX, WINDOWS))).startsWith("S:\\");
    // Short paths never get the prefix.
    assertThat(ok(longPaths.toOs("/storage/a.exr", FROM_LINUX, WINDOWS))).isEqualTo("S:\\a.exr");
  }

  @Test
  @DisplayName("T14 device paths are rejected")
  void t14() {
    rejected(mapper.toOs("\\\\.\\S:\\x", FROM_WINDOWS, LINUX), FailureKind.DEVICE_PATH);
    rejected(mapper.toOs("\\\\.\\pipe\\foo", FROM_WINDOWS, LINUX), FailureKind.DEVICE_PATH);
    rejected(mapper.toShare("\\\\.\\pipe\\foo"), FailureKind.DEVICE_PATH);
  }

  @Test
  @DisplayName("T15 share notation cannot climb above its share")
  void t15() {
    rejected(mapper.toOs("share=storage/../../etc/passwd", LINUX), FailureKind.ESCAPES_ROOT);
    rejected(mapper.toOs("share=storage/a/../../x", LINUX), FailureKind.ESCAPES_ROOT);
  }

  @Test
  @DisplayName("T16 OS path escaping its root is ESCAPES_ROOT, not NO_MATCH")
  void t16() {
    rejected(
        mapper.toOs("/storage/shots/../../etc/passwd", FROM_LINUX, WINDOWS),
        FailureKind.ESCAPES_ROOT);
  }

  @Test
  @DisplayName("T17 legal .. inside the root")
  void t17() {
    assertThat(ok(mapper.toOs("/storage/shots/../a.exr", FROM_LINUX, WINDOWS)))
        .isEqualTo("S:\\a.exr");
  }

  @Test
  @DisplayName("T18 traversal hidden behind backslashes in share notation")
  void t18() {
    rejected(mapper.toOs("share=storage/shots\\..\\..\\x", LINUX), FailureKind.ESCAPES_ROOT);
  }

  @Test
  @DisplayName("T19 normalise first, then choose the root; STRICT rejects")
  void t19() {
    assertThat(ok(mapper.toShare("/mnt/proj/../projects/secret.exr", FROM_LINUX)))
        .isEqualTo("share=projects/secret.exr");
    PathMapper strict =
        mapper.withOptions(MappingOptions.builder().dotDot(DotDotPolicy.STRICT).build());
    rejected(
        strict.toShare("/mnt/proj/../projects/secret.exr", FROM_LINUX), FailureKind.ESCAPES_ROOT);
    // STRICT still allows '..' that stays inside the root.
    assertThat(ok(strict.toShare("/mnt/projects/a/../b.exr", FROM_LINUX)))
        .isEqualTo("share=projects/b.exr");
  }

  @Test
  @DisplayName("T20 drive-relative and root-relative Windows forms are rejected")
  void t20() {
    rejected(mapper.toOs("S:shots\\a.exr", FROM_WINDOWS, LINUX), FailureKind.DRIVE_RELATIVE);
    rejected(mapper.toOs("\\shots\\a.exr", FROM_WINDOWS, LINUX), FailureKind.ROOT_RELATIVE);
  }

  @Test
  @DisplayName("T21 relative paths: kept, rejected, or under the default volume")
  void t21() {
    assertThat(ok(mapper.toOs("shots/a.exr", LINUX))).isEqualTo("shots/a.exr");
    rejected(mapper.toShare("shots/a.exr"), FailureKind.RELATIVE);
    PathMapper dflt =
        mapper.withOptions(
            MappingOptions.builder().relativePaths(RelativePolicy.DEFAULT_VOLUME).build());
    assertThat(ok(dflt.toOs("shots/a.exr", LINUX))).isEqualTo("/storage/shots/a.exr");
    assertThat(ok(dflt.toShare("shots/a.exr"))).isEqualTo("share=storage/shots/a.exr");
    PathMapper reject =
        mapper.withOptions(MappingOptions.builder().relativePaths(RelativePolicy.REJECT).build());
    rejected(reject.toOs("shots/a.exr", LINUX), FailureKind.RELATIVE);
  }

  @Test
  @DisplayName("T22 trailing dot or space: rejected for Windows, Win32-stripped on request")
  void t22() {
    rejected(
        mapper.toOs("/storage/shots/sh010. /a.exr", FROM_LINUX, WINDOWS),
        FailureKind.INVALID_WINDOWS_NAME);
    rejected(
        mapper.toOs("S:\\shots\\sh010. \\a.exr", FROM_WINDOWS, LINUX),
        FailureKind.INVALID_WINDOWS_NAME);
    PathMapper win32 = mapper.withOptions(MappingOptions.builder().win32Semantics(true).build());
    MappingResult<OsPath> r = win32.toOs("S:\\shots\\sh010. \\a.exr", FROM_WINDOWS, LINUX);
    assertThat(ok(r)).isEqualTo("/storage/shots/sh010/a.exr");
    assertThat(r.warnings()).singleElement().asString().contains("sh010. ");
  }

  @Test
  @DisplayName("T23 reserved device names, with or without extension, any case")
  void t23() {
    for (String p : List.of("/storage/shots/CON/a.exr", "/storage/aux.exr", "/storage/com1.txt")) {
      rejected(mapper.toOs(p, FROM_LINUX, WINDOWS), FailureKind.RESERVED_NAME);
    }
    assertThat(ok(mapper.toOs("/storage/CON1/a.exr", FROM_LINUX, WINDOWS)))
        .isEqualTo("S:\\CON1\\a.exr");
  }

  @Test
  @DisplayName("T24 POSIX-legal names Windows cannot hold")
  void t24() {
    rejected(mapper.toOs("/storage/a:b?.exr", FROM_LINUX, WINDOWS), FailureKind.INVALID_CHAR);
    rejected(mapper.toOs("/storage/odd\\name.exr", FROM_LINUX, WINDOWS), FailureKind.INVALID_CHAR);
    MappingResult<OsPath> colon = mapper.toOs("/storage/a:b?.exr", FROM_LINUX, MAC);
    assertThat(ok(colon)).isEqualTo("/Volumes/storage/a:b?.exr");
    assertThat(colon.warnings()).singleElement().asString().contains("':'");
    MappingResult<OsPath> backslash = mapper.toOs("/storage/odd\\name.exr", FROM_LINUX, MAC);
    assertThat(ok(backslash)).isEqualTo("/Volumes/storage/odd\\name.exr");
    assertThat(backslash.warnings()).isEmpty();
  }

  @Test
  @DisplayName("T25 per-root case policy: linux sensitive, mac insensitive")
  void t25() {
    rejected(mapper.toOs("/Storage/a.exr", FROM_LINUX, WINDOWS), FailureKind.NO_MATCH);
    assertThat(ok(mapper.toOs("/volumes/STORAGE/a.exr", Source.of(Platform.MAC), LINUX)))
        .isEqualTo("/storage/a.exr");
  }

  @Test
  @DisplayName("T26 NFD macOS root matches the NFC root; remainder bytes kept unless asked")
  void t26() {
    String nfd = "/Volumes/E\u0301quipe/plan/Se\u0301q/a.exr";
    assertThat(ok(mapper.toOs(nfd, Source.of(Platform.MAC), LINUX)))
        .isEqualTo("/mnt/equipe/plan/Se\u0301q/a.exr");
    PathMapper nfc =
        mapper.withOptions(MappingOptions.builder().normalizeRemainderNfc(true).build());
    assertThat(ok(nfc.toOs(nfd, Source.of(Platform.MAC), LINUX)))
        .isEqualTo("/mnt/equipe/plan/S\u00e9q/a.exr");
  }

  @Test
  @DisplayName("T27 NTFS-style folding: İzmir matches itself, izmir does not")
  void t27() {
    assertThat(ok(mapper.toOs("I:\\\u0130zmir\\shot\\a.exr", FROM_WINDOWS, LINUX)))
        .isEqualTo("/mnt/izmir/shot/a.exr");
    rejected(mapper.toOs("i:\\izmir\\shot\\a.exr", FROM_WINDOWS, LINUX), FailureKind.NO_MATCH);
  }

  @Test
  @DisplayName("T28 reversibility, canonical codes, (default), most specific share")
  void t28() {
    String linux = ok(mapper.toOs("share=storage/shots/sh010/a.exr", LINUX));
    assertThat(linux).isEqualTo("/storage/shots/sh010/a.exr");
    String windows = ok(mapper.toOs(linux, WINDOWS));
    assertThat(windows).isEqualTo("S:\\shots\\sh010\\a.exr");
    assertThat(ok(mapper.toShare(windows))).isEqualTo("share=storage/shots/sh010/a.exr");

    for (String in :
        List.of("share=STORAGE/a.exr", "volume=storage/a.exr", "share=(default)/a.exr")) {
      assertThat(ok(mapper.toOs(in, LINUX))).as(in).isEqualTo("/storage/a.exr");
      assertThat(ok(mapper.toShare(in))).as(in).isEqualTo("share=storage/a.exr");
    }

    PathMapper withShots = PathMapper.of(SpecTables.m(true, false));
    assertThat(ok(withShots.toShare("S:\\shots\\a.exr"))).isEqualTo("share=shots/a.exr");
    assertThat(
            ok(
                withShots
                    .withOptions(MappingOptions.builder().preferVolume(true).build())
                    .toShare("S:\\shots\\a.exr")))
        .isEqualTo("volume=storage/shots/a.exr");
  }

  @Test
  @DisplayName("T29 sites, and ambiguity between shares on one root")
  void t29() {
    Target london = Target.of(Platform.LINUX, "london");
    assertThat(ok(mapper.toOs("share=storage/a.exr", london))).isEqualTo("/mnt/lon/storage/a.exr");
    assertThat(ok(mapper.toOs("/storage/a.exr", FROM_LINUX.atSite("hq"), london)))
        .isEqualTo("/mnt/lon/storage/a.exr");

    PathMapper m2 = PathMapper.of(SpecTables.m2());
    MappingResult<OsPath> ambiguous = m2.toOs("P:\\x.exr", FROM_WINDOWS, LINUX);
    rejected(ambiguous, FailureKind.AMBIGUOUS);
    assertThat(ambiguous.failure().orElseThrow().message()).contains("[a, b]");
    PathMapper hinted = m2.withOptions(MappingOptions.builder().shareHint("b").build());
    assertThat(ok(hinted.toOs("P:\\x.exr", FROM_WINDOWS, LINUX))).isEqualTo("/mnt/b/x.exr");
  }

  @Test
  @DisplayName("T30 file URLs, opaque sequence tokens, spaces and % and # in names")
  void t30() {
    assertThat(ok(mapper.toOs("file:///S:/shots/a%20b.exr", LINUX)))
        .isEqualTo("/storage/shots/a b.exr");
    assertThat(ok(mapper.toOs("file://fs01/storage/a.exr", LINUX))).isEqualTo("/storage/a.exr");
    assertThat(ok(mapper.toOs("file://localhost/S%3a/shots/a.exr", LINUX)))
        .isEqualTo("/storage/shots/a.exr");
    assertThat(ok(mapper.toOs("S:\\shots\\sh010\\comp.%04d.exr", LINUX)))
        .isEqualTo("/storage/shots/sh010/comp.%04d.exr");
    assertThat(ok(mapper.toOs("/storage/tex/diff.<UDIM>.tx", FROM_LINUX, WINDOWS)))
        .isEqualTo("S:\\tex\\diff.<UDIM>.tx");
    PathMapper literal = mapper.withOptions(MappingOptions.builder().patternMode(false).build());
    MappingResult<OsPath> lit = literal.toOs("/storage/tex/diff.<UDIM>.tx", FROM_LINUX, WINDOWS);
    rejected(lit, FailureKind.INVALID_CHAR);
    assertThat(lit.failure().orElseThrow().message()).contains("'<'");
    assertThat(ok(mapper.toOs("/storage/My Shots/a #1 (final) 100%.exr", FROM_LINUX, WINDOWS)))
        .isEqualTo("S:\\My Shots\\a #1 (final) 100%.exr");
  }
}
