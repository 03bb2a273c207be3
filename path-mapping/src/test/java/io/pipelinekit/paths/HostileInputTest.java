package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input: random code points (unpaired surrogates included), NUL, both separators, percent
 * escapes, {@code \\?\} prefixes and very long text, through every entry point, option, source and
 * target. Each rule is a property over such input and a handful of explicit cases.
 */
class HostileInputTest {
  private static final PathMapper MAPPER = PathMapper.of(SpecTables.m(true, true));
  private static final Target WINDOWS = Target.of(Platform.WINDOWS);
  private static final Target LINUX = Target.of(Platform.LINUX);
  private static final int WINDOWS_MAX_PATH_UNITS = 32_767;
  private static final int WINDOWS_MAX_NAME_UNITS = 255;

  private static final List<String> PREFIXES =
      List.of(
          "",
          "/",
          "/storage/",
          "/mnt/projects/vfx/",
          "S:\\",
          "s:/",
          "\\\\fs01\\storage\\",
          "//fs01/storage/",
          "\\\\?\\S:\\",
          "\\\\?\\UNC\\fs01\\storage\\",
          "\\\\?\\",
          "\\\\.\\",
          "file://",
          "file:///",
          "file:///storage/",
          "file:///S:/",
          "file:///S%3A/",
          "file://fs01/storage/",
          "file://localhost/",
          "file://fs01%2Fstorage/",
          "file://fs01%5Cstorage/",
          "share=",
          "share=storage/",
          "volume=(default)/",
          "site=london:share=storage/",
          "anna@studio.com:share=storage/",
          "share=storage\u0000/");
  private static final List<String> TOKENS =
      List.of(
          "/",
          "\\",
          "//",
          "\u0000",
          "%",
          "%2F",
          "%2f",
          "%5C",
          "%5c",
          "%00",
          "%Z",
          "%C3%A9",
          "%ED%A0%80",
          "%F0%9F%8E%AC",
          "%3A",
          "..",
          ".",
          "CON",
          ":",
          "?",
          "=",
          "@",
          " ",
          "a.",
          "shots",
          "\\\\?\\",
          "\ud800",
          "\udc00",
          "\ud83c\udfac",
          "\ufeff",
          "\u0130",
          "e\u0301");
  private static final List<Source> SOURCES =
      List.of(
          Source.detect(),
          Source.of(PathFlavour.WINDOWS),
          Source.of(PathFlavour.POSIX),
          Source.of(Platform.LINUX),
          Source.detect().atSite("london"));
  private static final List<Target> TARGETS =
      List.of(WINDOWS, LINUX, Target.of(Platform.MAC), Target.of(Platform.LINUX, "london"));
  private static final List<MappingOptions> OPTIONS = allOptions();

  private static List<MappingOptions> allOptions() {
    List<MappingOptions> out = new ArrayList<>();
    for (DotDotPolicy dots : DotDotPolicy.values()) {
      for (RelativePolicy relative : RelativePolicy.values()) {
        out.add(MappingOptions.builder().dotDot(dots).relativePaths(relative).build());
      }
      out.add(MappingOptions.builder().dotDot(dots).win32Semantics(true).build());
      out.add(MappingOptions.builder().dotDot(dots).longPathPrefix(true).build());
    }
    out.add(MappingOptions.builder().preferVolume(true).patternMode(false).build());
    out.add(MappingOptions.builder().normalizeRemainderNfc(true).build());
    out.add(MappingOptions.builder().shareHint("storage").build());
    return List.copyOf(out);
  }

  // ------------------------------------------------------------------ generators

  /** Any UTF-16 unit, biased towards the ones that have broken path code before. */
  private static Arbitrary<String> hostileUnit() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.chars().all().map(String::valueOf)),
        net.jqwik.api.Tuple.of(
            2, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.integers()
                .between(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)
                .map(Character::toString)),
        net.jqwik.api.Tuple.of(4, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
        net.jqwik.api.Tuple.of(6, Arbitraries.of(TOKENS)));
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> body = hostileUnit().list().ofMaxSize(24).map(l -> String.join("", l));
    Arbitrary<String> prefix = Arbitraries.of(PREFIXES);
    Arbitrary<String> normal = Combinators.combine(prefix, body).as(String::concat);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, normal),
        net.jqwik.api.Tuple.of(1, longInput(prefix)),
        net.jqwik.api.Tuple.of(1, longName(prefix)));
  }

  /** More than Windows' 32,767 units, in names a few hundred units long. */
  private static Arbitrary<String> longInput(Arbitrary<String> prefix) {
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofLength(200);
    Arbitrary<String> sep = Arbitraries.of("/", "\\");
    return Combinators.combine(prefix, name, sep, Arbitraries.integers().between(150, 180))
        .as((p, n, s, count) -> p + (n + s).repeat(count) + "a.exr");
  }

  /** One name around Windows' 255-unit limit, sometimes with surrogate pairs. */
  private static Arbitrary<String> longName(Arbitrary<String> prefix) {
    Arbitrary<String> unit = Arbitraries.of("a", "\ud83c\udfac", "\u00e9");
    return Combinators.combine(prefix, unit, Arbitraries.integers().between(120, 300))
        .as((p, u, count) -> p + u.repeat(count));
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

  // ------------------------------------------------------------------ what the output may hold

  /** Why the target could not hold this output, or empty if it can. */
  static Optional<String> unstorable(OsPath path) {
    String text = path.toString();
    if (text.indexOf('\0') >= 0) {
      return Optional.of("NUL in " + path.flavour() + " output");
    }
    if (path.flavour() == PathFlavour.POSIX) {
      return unpairedSurrogate(text).map(i -> "unpaired surrogate at " + i + " in POSIX output");
    }
    if (text.length() > WINDOWS_MAX_PATH_UNITS) {
      return Optional.of("Windows output of " + text.length() + " units");
    }
    for (String name : path.components()) {
      if (name.length() > WINDOWS_MAX_NAME_UNITS) {
        return Optional.of("Windows name of " + name.length() + " units");
      }
    }
    return Optional.empty();
  }

  static Optional<String> unstorable(SharePath path) {
    String text = path.toString();
    if (text.indexOf('\0') >= 0) {
      return Optional.of("NUL in share output");
    }
    return unpairedSurrogate(text).map(i -> "unpaired surrogate at " + i + " in share output");
  }

  private static Optional<Integer> unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static void assertStorable(MappingResult<?> r, String input) {
    r.value()
        .ifPresent(
            v -> {
              Optional<String> problem =
                  v instanceof OsPath os ? unstorable(os) : unstorable((SharePath) v);
              assertThat(problem).as("output of %s", escape(input)).isEmpty();
            });
    r.failure()
        .ifPresent(
            f -> {
              assertThat(f.message()).isNotBlank();
              assertThat(f.input()).isEqualTo(input);
            });
  }

  /** Same text, failure and warnings (as in {@code FastPathEquivalenceTest}). */
  private static void assertSameAnswer(MappingResult<?> general, MappingResult<?> fast) {
    assertThat(fast.value().map(Object::toString)).isEqualTo(general.value().map(Object::toString));
    assertThat(fast.failure()).isEqualTo(general.failure());
    assertThat(fast.warnings()).isEqualTo(general.warnings());
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(s.length(), 200); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return s.length() > 200 ? sb + "...(" + s.length() + " units)" : sb.toString();
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 4000)
  void everyInputGivesAResultOrATypedFailureAndStorableOutput(
      @ForAll("hostile") String input,
      @ForAll("sourceIndex") int s,
      @ForAll("targetIndex") int t,
      @ForAll("optionIndex") int o) {
    PathMapper mapper = MAPPER.withOptions(OPTIONS.get(o));
    Source source = SOURCES.get(s);
    Target target = TARGETS.get(t);
    MappingResult<OsPath> os = mapper.toOs(input, source, target);
    assertStorable(os, input);
    MappingResult<SharePath> share = mapper.toShare(input, source);
    assertStorable(share, input);
    Statistics.label("toOs").collect(os.failureKind().map(Enum::name).orElse("ok"));
    // The fast path answers exactly as the general path, hostile input included.
    assertSameAnswer(mapper.toOsGeneral(input, source, target), os);
    assertSameAnswer(mapper.toShareGeneral(input, source), share);
    for (PathFlavour flavour : PathFlavour.values()) {
      MappingResult<OsPath> parsed = OsPath.tryParse(input, flavour);
      parsed.failure().ifPresent(f -> assertThat(f.message()).isNotBlank());
      parsed.value().ifPresent(p -> assertThat(p.toString()).isNotNull());
    }
    MappingResult<SharePath> sp = SharePath.tryParse(input);
    assertStorable(sp, input);
    if (sp.isSuccess()) {
      assertStorable(mapper.canonical(sp.orElseThrow()), sp.orElseThrow().toString());
      assertStorable(mapper.toOs(sp.orElseThrow(), target), sp.orElseThrow().toString());
    }
  }

  @Property(tries = 2000)
  void percentEncodedSeparatorsInFileUrlsAreData(
      @ForAll("urlNames") List<String> names,
      @ForAll("sourceIndex") int s,
      @ForAll("targetIndex") int t) {
    String url = "file:///storage/" + String.join("/", names);
    List<String> decoded = names.stream().map(HostileInputTest::decodeForModel).toList();
    MappingResult<OsPath> parsed = OsPath.tryParse(url, PathFlavour.POSIX);
    if (decoded.stream().anyMatch(n -> n.indexOf('/') >= 0)) {
      // A POSIX name cannot hold '/': the only honest answer is a failure.
      assertThat(parsed.failureKind()).contains(FailureKind.INVALID_CHAR);
    } else {
      List<String> expected = new ArrayList<>(List.of("storage"));
      expected.addAll(decoded);
      assertThat(parsed.orElseThrow().components()).isEqualTo(expected);
    }
    MappingResult<OsPath> os = MAPPER.toOs(url, SOURCES.get(s), TARGETS.get(t));
    os.value()
        .ifPresent(
            p -> {
              List<String> c = p.components();
              assertThat(c.subList(c.size() - decoded.size(), c.size())).isEqualTo(decoded);
            });
    MappingResult<SharePath> share = MAPPER.toShare(url, SOURCES.get(s));
    share.value().ifPresent(p -> assertThat(p.components()).isEqualTo(decoded));
  }

  @Provide
  Arbitrary<List<String>> urlNames() {
    Arbitrary<String> piece = Arbitraries.of("a", "b", "%2F", "%2f", "%5C", "%5c", "%20", "x.exr");
    return piece
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(l -> String.join("", l))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  private static String decodeForModel(String name) {
    return name.replace("%2F", "/")
        .replace("%2f", "/")
        .replace("%5C", "\\")
        .replace("%5c", "\\")
        .replace("%20", " ");
  }

  @Property(tries = 2000)
  void longFormPathsAreTakenLiterallyUnderEveryOption(
      @ForAll("literalNames") List<String> names,
      @ForAll("optionIndex") int o,
      @ForAll("targetIndex") int t) {
    String input = "\\\\?\\S:\\" + String.join("\\", names);
    PathMapper mapper = MAPPER.withOptions(OPTIONS.get(o));
    MappingResult<SharePath> share = mapper.toShare(input, Source.detect());
    MappingResult<OsPath> os = mapper.toOs(input, TARGETS.get(t));
    if (names.stream().anyMatch(n -> n.equals(".") || n.equals(".."))) {
      assertThat(share.failureKind()).contains(FailureKind.LITERAL_DOT_SEGMENT);
      assertThat(os.failureKind()).contains(FailureKind.LITERAL_DOT_SEGMENT);
      return;
    }
    // Names arrive as written: no trimming of trailing dots or spaces.
    share.value().ifPresent(p -> assertThat(p.components()).isEqualTo(names));
    assertThat(share.failureKind()).as("share result of %s", input).isEmpty();
    os.value()
        .ifPresent(
            p -> {
              List<String> c = p.components();
              assertThat(c.subList(c.size() - names.size(), c.size())).isEqualTo(names);
            });
  }

  @Provide
  Arbitrary<List<String>> literalNames() {
    return Arbitraries.of("sh010", "a.", "b ", "c. .", "..", ".", "d", "x.exr")
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  // ------------------------------------------------------------------ explicit cases

  @Nested
  class NoExceptions {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "file://host%2Fshare/x",
          "file://host%5Cshare/x",
          "file://host%2fshare/x",
          "file://fs01/sto%2Frage/x",
          "file://fs01/sto%5Crage/x",
          "file://%2F/x/y",
          "file://%5C%5Cfs01/storage/x"
        })
    void encodedSeparatorInHostOrShareIsATypedFailure(String url) {
      for (PathFlavour flavour : PathFlavour.values()) {
        assertThat(OsPath.tryParse(url, flavour).failureKind()).contains(FailureKind.INVALID_CHAR);
      }
      assertThat(MAPPER.toOs(url, LINUX).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs(url, WINDOWS).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toShare(url).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs(url, LINUX).failure().orElseThrow().message())
          .contains("percent-encoded");
    }

    @Test
    void unpairedSurrogateInAFileUrlIsKeptAsDataNotReplaced() {
      // Encoding a lone surrogate as UTF-8 used to turn it into '?', a different name.
      MappingResult<OsPath> r = OsPath.tryParse("file:///storage/a%20\ud800b", PathFlavour.POSIX);
      assertThat(r.orElseThrow().components()).containsExactly("storage", "a \ud800b");
      assertThat(MAPPER.toOs("file:///storage/a%20\ud800b", WINDOWS).orElseThrow())
          .hasToString("S:\\a \ud800b");
    }
  }

  @Nested
  class PercentEncodedSeparators {
    @Test
    void encodedSlashInAPosixNameIsNotASeparator() {
      String url = "file:///storage/shots%2F..%2F..%2Fetc/passwd";
      assertThat(OsPath.tryParse(url, PathFlavour.POSIX).failureKind())
          .contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs(url, LINUX).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toShare(url).failureKind()).contains(FailureKind.INVALID_CHAR);
    }

    @Test
    void encodedBackslashStaysInsideOneName() {
      String url = "file:///storage/a%5Cb.exr";
      assertThat(MAPPER.toOs(url, LINUX).orElseThrow().components())
          .containsExactly("storage", "a\\b.exr");
      assertThat(MAPPER.toOs(url, WINDOWS).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toShare(url).failureKind()).contains(FailureKind.INVALID_CHAR);
    }

    @Test
    void encodedBackslashInAWindowsUrlIsNotASeparator() {
      assertThat(MAPPER.toOs("file:///S:/shots%5Ca.exr", LINUX).failureKind())
          .contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs("file://fs01/storage/shots%5Ca.exr", LINUX).failureKind())
          .contains(FailureKind.INVALID_CHAR);
    }

    @Test
    void encodedDriveColonStillWorks() {
      assertThat(MAPPER.toOs("file://localhost/S%3a/shots/a.exr", LINUX).orElseThrow())
          .hasToString("/storage/shots/a.exr");
      assertThat(MAPPER.toOs("file:///S%3A/shots/a%20b.exr", LINUX).orElseThrow())
          .hasToString("/storage/shots/a b.exr");
    }
  }

  @Nested
  class UnstorableOutput {
    @Test
    void nulInShareNotationIsRejected() {
      String input = "share=storage/a\u0000b.exr";
      assertThat(SharePath.tryParse(input).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs(input, LINUX).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs(input, WINDOWS).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toShare(input).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(SharePath.tryParse(input).failure().orElseThrow().message()).contains("NUL");
    }

    @Test
    void nulInAPartyOrCodeIsRejected() {
      assertThat(SharePath.tryParse("site=lon\u0000don:share=storage/a").failureKind())
          .contains(FailureKind.INVALID_CHAR);
      assertThat(SharePath.tryParse("share=stor\u0000age/a").failureKind())
          .contains(FailureKind.INVALID_CHAR);
    }

    @Test
    void nulInABuiltSharePathIsRejectedOnOutput() {
      SharePath built = SharePath.of(ShareKind.SHARE, "storage", List.of("a\u0000b"), false);
      assertThat(MAPPER.toOs(built, LINUX).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.canonical(built).failureKind()).contains(FailureKind.INVALID_CHAR);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"/storage/a\ud800b", "/storage/a\udc00", "S:\\x\udbff", "share=storage/\udc00"})
    void unpairedSurrogateCannotReachPosixOrShareOutput(String input) {
      assertThat(MAPPER.toOs(input, LINUX).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toOs(input, Target.of(Platform.MAC)).failureKind())
          .contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toShare(input).failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(MAPPER.toShare(input).failure().orElseThrow().message())
          .contains("unpaired surrogate");
    }

    @Test
    void shareNotationCannotCarryAnUnpairedSurrogate() {
      assertThat(SharePath.tryParse("share=storage/a\udc00").failureKind())
          .contains(FailureKind.INVALID_CHAR);
      assertThat(SharePath.tryParse("site=lon\ud800:share=storage/a").failureKind())
          .contains(FailureKind.INVALID_CHAR);
      assertThat(SharePath.tryParse("share=storage/\ud83c\udfac").isSuccess()).isTrue();
    }

    @Test
    void unpairedSurrogateIsFineOnWindowsWhichStoresAnyUtf16() {
      assertThat(MAPPER.toOs("/storage/a\ud800b", WINDOWS).orElseThrow())
          .hasToString("S:\\a\ud800b");
    }

    @Test
    void pairedSurrogatesAreFineEverywhere() {
      assertThat(MAPPER.toOs("/storage/\ud83c\udfac.exr", LINUX).orElseThrow())
          .hasToString("/storage/\ud83c\udfac.exr");
      assertThat(MAPPER.toShare("/storage/\ud83c\udfac.exr").orElseThrow())
          .hasToString("share=storage/\ud83c\udfac.exr");
    }

    @Test
    void windowsPathOverTheLimitIsTooLong() {
      String name = "n".repeat(200);
      String input = "/storage/" + (name + "/").repeat(170) + "a.exr";
      MappingResult<OsPath> r = MAPPER.toOs(input, WINDOWS);
      assertThat(r.failureKind()).contains(FailureKind.TOO_LONG);
      assertThat(r.failure().orElseThrow().message()).contains("32,767");
      assertThat(
              MAPPER
                  .withOptions(MappingOptions.builder().longPathPrefix(true).build())
                  .toOs(input, WINDOWS)
                  .failureKind())
          .contains(FailureKind.TOO_LONG);
      // POSIX has no such limit in the mapping: the path is passed on.
      assertThat(MAPPER.toOs(input, LINUX).isSuccess()).isTrue();
    }

    @Test
    void windowsPathAtTheLimitIsFine() {
      // S:\ is 3 units; fill up to exactly 32,767.
      StringBuilder sb = new StringBuilder("/storage");
      int length = 3 - 1;
      while (length + 1 + 200 <= WINDOWS_MAX_PATH_UNITS) {
        sb.append('/').append("n".repeat(200));
        length += 201;
      }
      int last = WINDOWS_MAX_PATH_UNITS - length - 1;
      sb.append('/').append("z".repeat(last));
      MappingResult<OsPath> r = MAPPER.toOs(sb.toString(), WINDOWS);
      assertThat(r.orElseThrow().toString()).hasSize(WINDOWS_MAX_PATH_UNITS);
    }

    @Test
    void windowsNameOverTheLimitIsTooLong() {
      assertThat(MAPPER.toOs("/storage/" + "a".repeat(255), WINDOWS).isSuccess()).isTrue();
      MappingResult<OsPath> r = MAPPER.toOs("/storage/" + "a".repeat(256), WINDOWS);
      assertThat(r.failureKind()).contains(FailureKind.TOO_LONG);
      assertThat(r.failure().orElseThrow().message()).contains("255");
      // Counted in UTF-16 units: 128 pairs are 256 units.
      assertThat(MAPPER.toOs("/storage/" + "\ud83c\udfac".repeat(128), WINDOWS).failureKind())
          .contains(FailureKind.TOO_LONG);
      assertThat(MAPPER.toOs("share=storage/" + "b".repeat(300) + "/x", WINDOWS).failureKind())
          .contains(FailureKind.TOO_LONG);
    }
  }

  @Nested
  class LiteralLongForms {
    static List<MappingOptions> options() {
      return OPTIONS;
    }

    @ParameterizedTest
    @MethodSource("options")
    void dotDotIsNeverResolved(MappingOptions options) {
      PathMapper mapper = MAPPER.withOptions(options);
      for (String input :
          List.of(
              "\\\\?\\S:\\shots\\..\\a.exr",
              "\\\\?\\S:\\..\\etc",
              "\\\\?\\S:\\shots\\.\\a.exr",
              "\\\\?\\UNC\\fs01\\storage\\..\\x")) {
        assertThat(mapper.toOs(input, LINUX).failureKind())
            .as(input)
            .contains(FailureKind.LITERAL_DOT_SEGMENT);
        assertThat(mapper.toShare(input).failureKind())
            .as(input)
            .contains(FailureKind.LITERAL_DOT_SEGMENT);
        assertThat(OsPath.tryParse(input, PathFlavour.WINDOWS).failureKind())
            .contains(FailureKind.LITERAL_DOT_SEGMENT);
      }
    }

    @ParameterizedTest
    @MethodSource("options")
    void namesAreNeverTrimmed(MappingOptions options) {
      PathMapper mapper = MAPPER.withOptions(options);
      String input = "\\\\?\\S:\\shots.\\a.exr ";
      assertThat(mapper.toShare(input).orElseThrow().components())
          .containsExactly("shots.", "a.exr ");
      assertThat(mapper.toOs(input, LINUX).orElseThrow()).hasToString("/storage/shots./a.exr ");
      // Without the prefix Windows would open another file: not a silent change.
      assertThat(mapper.toOs(input, WINDOWS).failureKind())
          .contains(FailureKind.INVALID_WINDOWS_NAME);
    }

    @Test
    void aLiteralPathFormatsWithItsPrefixAndDiffersFromThePlainForm() {
      OsPath literal = OsPath.parse("\\\\?\\S:\\shots.\\a.exr", PathFlavour.WINDOWS);
      assertThat(literal).hasToString("\\\\?\\S:\\shots.\\a.exr");
      assertThat(literal).isNotEqualTo(OsPath.parse("S:\\shots.\\a.exr", PathFlavour.WINDOWS));
      // Nothing to take literally: the long form still equals the plain form.
      assertThat(OsPath.parse("\\\\?\\S:\\shots\\a.exr", PathFlavour.WINDOWS))
          .isEqualTo(OsPath.parse("S:\\shots\\a.exr", PathFlavour.WINDOWS));
    }
  }
}
