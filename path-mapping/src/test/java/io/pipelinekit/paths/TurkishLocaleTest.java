package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Everything runs with the JVM default locale set to Turkish, where {@code "I".toLowerCase()} is
 * dotless {@code ı} and {@code "i".toUpperCase()} is {@code İ}. Mapping must not notice.
 */
class TurkishLocaleTest {
  private static final Locale TURKISH = new Locale("tr", "TR");
  private static Locale savedDefault;
  private static Locale savedFormat;
  private static Locale savedDisplay;

  @BeforeAll
  static void turkish() {
    savedDefault = Locale.getDefault();
    savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    Locale.setDefault(TURKISH);
  }

  @AfterAll
  static void restore() {
    Locale.setDefault(savedDefault);
    Locale.setDefault(Locale.Category.FORMAT, savedFormat);
    Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
  }

  /** Table M plus shares whose roots and codes are full of I and i. */
  private static RootTable table() {
    RootTable.Builder b =
        RootTable.builder()
            .add(
                Share.volume("media")
                    .windows("\\\\FILESERVER\\Media")
                    .linux("/media")
                    .mac("/Volumes/MEDIA")
                    .build())
            .add(Share.collection("FILMS").linux("/films").windows("F:\\Films").build())
            .uncHostAlias("10.0.0.9", "fileserver");
    SpecTables.m().shares().forEach(b::add);
    return b.build();
  }

  private static String map(PathMapper m, String in, Source s, Target t) {
    MappingResult<OsPath> r = m.toOs(in, s, t);
    return r.isSuccess() ? r.orElseThrow().toString() : r.failureKind().orElseThrow().name();
  }

  private static String share(PathMapper m, String in) {
    MappingResult<SharePath> r = m.toShare(in);
    return r.isSuccess() ? r.orElseThrow().toString() : r.failureKind().orElseThrow().name();
  }

  @Test
  void theLocaleReallyIsTurkish() {
    assertThat("I".toLowerCase()).isEqualTo("\u0131");
    assertThat("i".toUpperCase()).isEqualTo("\u0130");
  }

  @Test
  void t27UnderTurkish() {
    PathMapper m = PathMapper.of(table());
    Source win = Source.of(PathFlavour.WINDOWS);
    Target linux = Target.of(Platform.LINUX);
    assertThat(map(m, "I:\\\u0130zmir\\shot\\a.exr", win, linux))
        .isEqualTo("/mnt/izmir/shot/a.exr");
    assertThat(map(m, "i:\\\u0130ZMIR\\shot\\a.exr", win, linux))
        .isEqualTo("/mnt/izmir/shot/a.exr");
    assertThat(map(m, "i:\\izmir\\shot\\a.exr", win, linux)).isEqualTo("NO_MATCH");
    assertThat(map(m, "I:\\\u0131zmir\\shot\\a.exr", win, linux)).isEqualTo("NO_MATCH");
    assertThat(map(m, "/mnt/izmir/a.exr", Source.of(Platform.LINUX), Target.of(Platform.WINDOWS)))
        .isEqualTo("I:\\\u0130zmir\\a.exr");
  }

  @Test
  void anInsensitiveRootFullOfIsMatchesInAnyAsciiCase() {
    PathMapper m = PathMapper.of(table());
    Target linux = Target.of(Platform.LINUX);
    for (String in :
        List.of(
            "\\\\fileserver\\media\\a.exr",
            "\\\\FILESERVER\\MEDIA\\a.exr",
            "//FileServer/Media/a.exr",
            "\\\\?\\UNC\\fileserver\\media\\a.exr",
            "\\\\?\\unc\\fileserver\\media\\a.exr",
            "\\\\10.0.0.9\\MEDIA\\a.exr")) {
      assertThat(map(m, in, Source.detect(), linux)).as(in).isEqualTo("/media/a.exr");
    }
    assertThat(map(m, "/volumes/media/In/a.exr", Source.of(Platform.MAC), linux))
        .isEqualTo("/media/In/a.exr");
    assertThat(map(m, "/media/Işık/a.exr", Source.of(Platform.LINUX), Target.of(Platform.WINDOWS)))
        .isEqualTo("\\\\FILESERVER\\Media\\Işık\\a.exr");
    assertThat(map(m, "f:\\films\\x", Source.detect(), linux)).isEqualTo("/films/x");
  }

  @Test
  void shareCodesFoldWithoutTheLocale() {
    PathMapper m = PathMapper.of(table());
    assertThat(share(m, "share=IZMIR/a")).isEqualTo("share=izmir/a");
    assertThat(share(m, "share=izmir/a")).isEqualTo("share=izmir/a");
    assertThat(share(m, "share=\u0130ZM\u0130R/a")).isEqualTo("UNKNOWN_SHARE");
    assertThat(share(m, "share=films/a")).isEqualTo("share=FILMS/a");
    assertThat(share(m, "COLLECTION=Films/a")).isEqualTo("share=FILMS/a");
    assertThat(share(m, "VOLUME=MEDIA/a")).isEqualTo("share=media/a");
    assertThat(share(m, "FILE:///mnt/izmir/a")).isEqualTo("share=izmir/a");
    assertThat(map(m, "SITE=LONDON:share=storage/a", Source.detect(), Target.of(Platform.LINUX)))
        .isEqualTo("/mnt/lon/storage/a");
  }

  @Test
  void keysAndKeywordsIgnoreTheLocale() {
    assertThat(Platform.fromKey("LINUX")).contains(Platform.LINUX);
    assertThat(Platform.fromKey("WINDOWS")).contains(Platform.WINDOWS);
    assertThat(Platform.fromKey("LINUX_VPN")).contains(Platform.LINUX_VPN);
    assertThat(Platform.fromKey("WIN")).contains(Platform.WINDOWS);
    assertThat(Platform.fromKey("DARWIN")).contains(Platform.MAC);
    assertThat(Platform.LINUX.key()).isEqualTo("linux");
    assertThat(Platform.WINDOWS_VPN.key()).isEqualTo("windows_vpn");
    assertThat(ShareKind.COLLECTION.key()).isEqualTo("collection");
    assertThat(ShareKind.fromKey("COLLECTION")).contains(ShareKind.COLLECTION);
    assertThat(SharePath.parse("COLLECTION=c/x")).hasToString("collection=c/x");
  }

  @Test
  void jsonKeywordsIgnoreTheLocale() {
    RootTable t =
        RootTable.parseJson(
            "{\"shares\": [{\"code\": \"c\", \"kind\": \"COLLECTION\", \"roots\": {\"LINUX\":"
                + " \"/c\", \"MAC\": \"/Volumes/c\"}, \"case\": {\"MAC\": \"SENSITIVE\"}},"
                + " {\"code\": \"v\", \"kind\": \"VOLUME\", \"roots\": {\"WINDOWS\": \"V:\\\\\"}},"
                + " {\"code\": \"f\", \"kind\": \"FOLDER\", \"parent\": \"v\", \"path\": \"i\"}]}");
    assertThat(t.share("c").orElseThrow().kind()).isEqualTo(ShareKind.COLLECTION);
    assertThat(t.share("c").orElseThrow().root(Platform.MAC).orElseThrow().casePolicy())
        .isEqualTo(CasePolicy.SENSITIVE);
    assertThat(t.share("f").orElseThrow().kind()).isEqualTo(ShareKind.FOLDER);
    assertThat(RootTable.load(RootTableJsonTest.fixture("spec-m.json")).share("izmir")).isPresent();
  }

  @Test
  void windowsNameChecksIgnoreTheLocale() {
    PathMapper m = PathMapper.of(table());
    Source linux = Source.of(Platform.LINUX);
    Target windows = Target.of(Platform.WINDOWS);
    assertThat(map(m, "/storage/lpt1.txt", linux, windows)).isEqualTo("RESERVED_NAME");
    assertThat(map(m, "/storage/L\u0130ne", linux, windows)).isEqualTo("S:\\L\u0130ne");
    MappingResult<OsPath> tab = m.toOs("/storage/a\tb", linux, windows);
    assertThat(tab.failure().orElseThrow().message()).contains("U+0009");
  }

  /** A sample whose results must be the same under any default locale. */
  static List<String> sample() {
    PathMapper m = PathMapper.of(table());
    PathMapper fromJson = PathMapper.of(RootTable.load(RootTableJsonTest.fixture("spec-m.json")));
    List<String> out = new ArrayList<>();
    List<String> inputs =
        List.of(
            "I:\\\u0130zmir\\shot\\a.exr",
            "i:\\izmir\\shot\\a.exr",
            "\\\\fileserver\\media\\Işık.exr",
            "\\\\FILESERVER\\MEDIA\\i.exr",
            "/Volumes/MEDIA/i/I.exr",
            "/volumes/media/x",
            "share=IZMIR/a",
            "share=\u0130ZMIR/a",
            "share=izmir/\u0130/i/I/\u0131",
            "VOLUME=MEDIA/INFO",
            "/storage/INFO/lpt1.TXT",
            "/storage/\u0130NFO/a",
            "FILE:///S:/INFO/%C4%B0.exr");
    for (String in : inputs) {
      out.add(share(m, in));
      out.add(share(fromJson, in));
      for (Platform p : List.of(Platform.LINUX, Platform.WINDOWS, Platform.MAC)) {
        out.add(map(m, in, Source.detect(), Target.of(p)));
        out.add(map(fromJson, in, Source.detect(), Target.of(p)));
      }
    }
    return out;
  }

  @Test
  void resultsAreIdenticalToTheRootLocaleRun() {
    List<String> turkish = sample();
    List<String> root;
    Locale.setDefault(Locale.ROOT);
    try {
      root = sample();
    } finally {
      Locale.setDefault(TURKISH);
    }
    assertThat(turkish).containsExactlyElementsOf(root);
    assertThat(turkish).contains("/media/Işık.exr", "share=izmir/a", "UNKNOWN_SHARE", "NO_MATCH");
  }
}
