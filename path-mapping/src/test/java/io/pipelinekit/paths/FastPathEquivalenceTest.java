package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The single-pass fast path must give exactly what the general path gives: same value (text and
 * components), same warnings, same failure. Inputs mix roots of table M with names that trip every
 * check: dots, reserved names, Windows-illegal characters, NFD text, case variants.
 */
class FastPathEquivalenceTest {
  private static final PathMapper MAPPER = PathMapper.of(SpecTables.m(true, true));
  private static final List<String> ROOTS =
      List.of(
          "/storage",
          "/Storage",
          "/mnt/projects",
          "/mnt/projects/vfx",
          "/mnt/proj",
          "/mnt/projects2",
          "/Volumes/storage",
          "/volumes/STORAGE",
          "/Volumes/E\u0301quipe",
          "/mnt/izmir",
          "S:\\",
          "s:/",
          "P:\\vfx",
          "V:\\",
          "I:\\\u0130zmir",
          "i:\\izmir",
          "Q:",
          "\\\\fs01\\storage",
          "//fs01/storage",
          "\\\\10.0.0.5\\storage",
          "/",
          "relative",
          "share=storage",
          "volume=storage",
          "share=vfx",
          "volume=vfx",
          "share=projects",
          "site=london:share=storage",
          "site=London:volume=storage",
          "site=nowhere:share=storage",
          "anna@studio.com:share=izmir",
          "client=abc:share=storage",
          "a:b:share=storage",
          ":share=storage",
          "SHARE=storage",
          "share=STORAGE",
          "folder=vfx",
          "home=storage",
          "share=(default)",
          "volume=(default)",
          "share=nope",
          "share=",
          "share=stor\u00e9",
          "C:\\",
          "/mnt//projects",
          "\\\\fs01\\\\storage",
          "\\\\FS01\\Storage",
          "\\\\fs01",
          "\\\\fs01\\",
          "\\/fs01/storage",
          "\\\\?\\S:",
          "\\\\.\\pipe",
          "\\\\10.0.0.9\\storage");
  private static final List<String> NAMES =
      List.of(
          "shots",
          "sh010",
          "comp.1001.exr",
          "a b",
          ".",
          "..",
          "CON",
          "aux.txt",
          "com1",
          "CON1",
          "x.",
          "y ",
          "a:b",
          "q?",
          "odd\\name",
          "diff.<UDIM>.tx",
          "%04d",
          "#",
          "S\u00e9q",
          "Se\u0301q",
          "\u0130",
          "i",
          "vfx",
          "VFX",
          "storage",
          "\u00df",
          "tab\tname",
          "x\u0001");
  private static final List<Target> TARGETS =
      List.of(
          Target.of(Platform.WINDOWS),
          Target.of(Platform.LINUX),
          Target.of(Platform.MAC),
          Target.of(Platform.LINUX, "london"),
          Target.of(Platform.WINDOWS_VPN));
  private static final List<Source> SOURCES =
      List.of(
          Source.detect(),
          Source.of(Platform.LINUX),
          Source.of(Platform.MAC),
          Source.of(PathFlavour.WINDOWS),
          Source.of(PathFlavour.POSIX),
          Source.detect().atSite("london"),
          Source.detect().atSite("nowhere"));
  private static final List<MappingOptions> OPTIONS =
      List.of(
          MappingOptions.defaults(),
          MappingOptions.builder().patternMode(false).build(),
          MappingOptions.builder().preferVolume(true).build(),
          MappingOptions.builder().longPathPrefix(true).build(),
          MappingOptions.builder().win32Semantics(true).dotDot(DotDotPolicy.KEEP).build());

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> root = Arbitraries.of(ROOTS);
    Arbitrary<List<String>> names = Arbitraries.of(NAMES).list().ofMaxSize(6);
    Arbitrary<String> sep = Arbitraries.of("/", "\\", "//");
    Arbitrary<Boolean> trailing = Arbitraries.of(true, false);
    return Combinators.combine(root, names, sep, trailing)
        .as(
            (r, n, s, t) -> {
              StringBuilder sb = new StringBuilder(r);
              for (String name : n) {
                sb.append(s).append(name);
              }
              if (t) {
                sb.append(s);
              }
              return sb.toString();
            });
  }

  @Provide
  Arbitrary<Integer> sourceIndex() {
    return Arbitraries.integers().between(0, SOURCES.size() - 1);
  }

  @Provide
  Arbitrary<Integer> targetIndex() {
    return Arbitraries.integers().between(0, TARGETS.size() - 1);
  }

  @Provide
  Arbitrary<Integer> optionIndex() {
    return Arbitraries.integers().between(0, OPTIONS.size() - 1);
  }

  @Property(tries = 3000)
  void toOsAgrees(
      @ForAll("paths") String path,
      @ForAll("sourceIndex") int s,
      @ForAll("targetIndex") int t,
      @ForAll("optionIndex") int o) {
    PathMapper mapper = MAPPER.withOptions(OPTIONS.get(o));
    boolean tookFastPath =
        FastPath.toOs(mapper.table(), mapper.options(), path, SOURCES.get(s), TARGETS.get(t))
            != null;
    recordFastPath(tookFastPath);
    MappingResult<OsPath> fast = mapper.toOs(path, SOURCES.get(s), TARGETS.get(t));
    MappingResult<OsPath> general = mapper.toOsGeneral(path, SOURCES.get(s), TARGETS.get(t));
    assertSame(fast, general);
    fast.value()
        .ifPresent(
            v -> {
              assertThat(v.components()).isEqualTo(general.orElseThrow().components());
              assertThat(v.hasTrailingSeparator())
                  .isEqualTo(general.orElseThrow().hasTrailingSeparator());
              assertThat(v.root()).isEqualTo(general.orElseThrow().root());
            });
  }

  @Property(tries = 3000)
  void toShareAgrees(
      @ForAll("paths") String path, @ForAll("sourceIndex") int s, @ForAll("optionIndex") int o) {
    PathMapper mapper = MAPPER.withOptions(OPTIONS.get(o));
    boolean tookFastPath =
        FastPath.toShare(mapper.table(), mapper.options(), path, SOURCES.get(s)) != null;
    recordFastPath(tookFastPath);
    MappingResult<SharePath> fast = mapper.toShare(path, SOURCES.get(s));
    MappingResult<SharePath> general = mapper.toShareGeneral(path, SOURCES.get(s));
    assertSame(fast, general);
    fast.value()
        .ifPresent(
            v -> {
              // The fast path's names are joined text split on demand: same list, same value.
              assertThat(v.components()).isEqualTo(general.orElseThrow().components());
              assertThat(v.hasTrailingSeparator())
                  .isEqualTo(general.orElseThrow().hasTrailingSeparator());
              assertThat(v)
                  .isEqualTo(general.orElseThrow())
                  .hasSameHashCodeAs(general.orElseThrow());
            });
  }

  @Example
  void commonShapesTakeTheFastPath() {
    MappingOptions o = MappingOptions.defaults();
    RootTable table = MAPPER.table();
    Target linux = Target.of(Platform.LINUX);
    assertThat(
            FastPath.toOs(
                table, o, "/storage/a/b.exr", Source.detect(), Target.of(Platform.WINDOWS)))
        .hasToString("S:\\a\\b.exr");
    assertThat(FastPath.toOs(table, o, "s:/a\\b.exr", Source.detect(), linux))
        .hasToString("/storage/a/b.exr");
    // Doubled and trailing separators: the rewriting loop rather than the bulk copy.
    assertThat(
            FastPath.toOs(
                table, o, "/storage//a///b.exr/", Source.detect(), Target.of(Platform.WINDOWS)))
        .hasToString("S:\\a\\b.exr\\");
    assertThat(FastPath.toOs(table, o, "/storage/a/b/", Source.detect(), linux))
        .hasToString("/storage/a/b/");
    assertThat(FastPath.toOs(table, o, "\\\\FS01\\storage\\a.exr", Source.detect(), linux))
        .hasToString("/storage/a.exr");
    assertThat(FastPath.toOs(table, o, "\\\\10.0.0.5\\storage\\a.exr", Source.detect(), linux))
        .hasToString("/storage/a.exr");
    assertThat(FastPath.toShare(table, o, "/mnt/projects/vfx/a.exr", Source.detect()))
        .hasToString("share=vfx/a.exr");
    // Share notation, with or without a party; site=x picks the site when the target has none.
    assertThat(FastPath.toOs(table, o, "share=storage/a/b.exr", Source.detect(), linux))
        .hasToString("/storage/a/b.exr");
    assertThat(
            FastPath.toOs(
                table, o, "volume=storage\\a/", Source.detect(), Target.of(Platform.WINDOWS)))
        .hasToString("S:\\a\\");
    assertThat(FastPath.toOs(table, o, "site=london:share=storage/a", Source.detect(), linux))
        .hasToString("/mnt/lon/storage/a");
    assertThat(FastPath.toOs(table, o, "anna@studio.com:share=vfx/a", Source.detect(), linux))
        .hasToString("/mnt/projects/vfx/a");
    assertThat(FastPath.toOs(table, o, "volume=vfx/a", Source.detect(), linux)).isNull();
    assertThat(FastPath.toOs(table, o, "share=STORAGE/a", Source.detect(), linux)).isNull();
    assertThat(FastPath.toOs(table, o, "share=storage/a\\..", Source.detect(), linux)).isNull();
    // Shapes the fast path must leave to the general path.
    assertThat(FastPath.toOs(table, o, "/storage/a/../b.exr", Source.detect(), linux)).isNull();
    assertThat(FastPath.toOs(table, o, "\\\\?\\S:\\a.exr", Source.detect(), linux)).isNull();
    assertThat(
            FastPath.toOs(table, o, "/storage/CON", Source.detect(), Target.of(Platform.WINDOWS)))
        .isNull();
  }

  /** Counts how often the fast path fired; fails the property if either branch is rare. */
  private static void recordFastPath(boolean tookFastPath) {
    Statistics.label("fast path").collect(tookFastPath);
    Statistics.label("fast path")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 10);
              c.check(false).percentage(p -> p > 10);
            });
  }

  private static void assertSame(MappingResult<?> fast, MappingResult<?> general) {
    assertThat(fast.value().map(Object::toString)).isEqualTo(general.value().map(Object::toString));
    assertThat(fast.failure()).isEqualTo(general.failure());
    assertThat(fast.warnings()).isEqualTo(general.warnings());
  }
}
