package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON root-table format, read with {@link RootTable#load} and {@link RootTable#parseJson}. */
class RootTableJsonTest {

  static Path fixture(String name) {
    try {
      return Path.of(RootTableJsonTest.class.getResource("/roots/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static String rejection(String json) {
    Throwable t = catchThrowable(() -> RootTable.parseJson(json));
    assertThat(t).as("parsing %s", json).isInstanceOf(RootTableException.class);
    assertThat(t.getMessage()).isNotBlank();
    return t.getMessage();
  }

  /** One line per mapping, so two tables can be compared on many paths at once. */
  private static List<String> mapAll(RootTable table) {
    PathMapper m = PathMapper.of(table);
    List<String> out = new ArrayList<>();
    List<String> inputs =
        List.of(
            "/storage/shots/sh010/comp.1001.exr",
            "s:/shots\\sh010/comp.1001.exr",
            "/mnt/projects/a.exr",
            "/mnt/projects2/a.exr",
            "/mnt/proj/a.exr",
            "/mnt/projects/vfx/sh010/a.exr",
            "V:\\sh010\\a.exr",
            "/storage",
            "S:\\",
            "//fs01/storage/shots/a.exr",
            "\\\\FS01\\Storage\\Shots\\a.exr",
            "\\\\10.0.0.5\\storage\\a.exr",
            "\\\\?\\UNC\\fs01\\storage\\a.exr",
            "/storage/shots/../../etc/passwd",
            "/mnt/proj/../projects/secret.exr",
            "/Volumes/STORAGE/a.exr",
            "/Volumes/E\u0301quipe/plan/a.exr",
            "I:\\\u0130zmir\\shot\\a.exr",
            "i:\\izmir\\shot\\a.exr",
            "share=STORAGE/a.exr",
            "share=(default)/a.exr",
            "volume=vfx/a.exr",
            "share=vfx/a.exr",
            "share=nope/a.exr",
            "site=london:share=storage/a.exr",
            "file:///S:/shots/a%20b.exr",
            "/storage/shots/CON/a.exr");
    for (String in : inputs) {
      out.add(in + " -> share " + describe(m.toShare(in)));
      for (Target t :
          List.of(
              Target.of(Platform.LINUX),
              Target.of(Platform.WINDOWS),
              Target.of(Platform.MAC),
              Target.of(Platform.LINUX, "london"))) {
        out.add(in + " -> " + t + " " + describe(m.toOs(in, t)));
      }
    }
    return out;
  }

  private static String describe(MappingResult<?> r) {
    return r.isSuccess()
        ? r.orElseThrow() + " " + r.warnings()
        : r.failure().orElseThrow().kind() + " " + r.failure().orElseThrow().message();
  }

  @Test
  void specTableFileMapsExactlyLikeTheTableBuiltInCode() {
    RootTable fromFile = RootTable.load(fixture("spec-m.json"));
    RootTable inCode = SpecTables.m();
    assertThat(fromFile.mainSite()).isEqualTo(inCode.mainSite());
    assertThat(fromFile.sites()).isEqualTo(inCode.sites());
    assertThat(fromFile.shares())
        .extracting(Share::code)
        .containsExactly("storage", "projects", "proj", "vfx", "izmir", "equipe");
    assertThat(fromFile.defaultShare().map(Share::code)).contains("storage");
    List<String> expected = mapAll(inCode);
    assertThat(mapAll(fromFile)).containsExactlyElementsOf(expected);
    // The comparison is only worth something if it covers successes and failures alike.
    assertThat(expected).anyMatch(s -> s.contains("NO_MATCH"));
    assertThat(expected).anyMatch(s -> s.endsWith("/mnt/lon/storage/a.exr []"));
  }

  @Test
  void everyKeyOfTheFormatIsRead() {
    RootTable t = RootTable.load(fixture("full.json"));
    assertThat(t.mainSite()).isEqualTo("paris");
    assertThat(t.sites()).containsExactly("paris", "la", "london");
    assertThat(t.ambiguousRootsAllowed()).isTrue();
    Share storage = t.share("storage").orElseThrow();
    assertThat(storage.isDefault()).isTrue();
    assertThat(storage.root(Platform.MAC).orElseThrow().casePolicy())
        .isEqualTo(CasePolicy.SENSITIVE);
    assertThat(storage.root(Platform.LINUX).orElseThrow().casePolicy())
        .isEqualTo(CasePolicy.INSENSITIVE);
    assertThat(storage.root(Platform.WINDOWS).orElseThrow().path())
        .hasToString("\\\\fs01\\storage");
    assertThat(t.share("anna").orElseThrow().kind()).isEqualTo(ShareKind.HOME);
    assertThat(t.share("dailies").orElseThrow().kind()).isEqualTo(ShareKind.COLLECTION);
    Share shots = t.share("shots").orElseThrow();
    assertThat(shots.parent()).contains("storage");
    assertThat(shots.pathInParent()).containsExactly("shots", "plates");

    PathMapper m = PathMapper.of(t);
    // Both aliases lead to fs01.
    for (String host : List.of("10.0.0.5", "FS01.studio.local")) {
      assertThat(m.toOs("\\\\" + host + "\\storage\\x", Target.of(Platform.LINUX)).orElseThrow())
          .hasToString("/storage/x");
    }
    assertThat(m.toOs("/STORAGE/x", Target.of(Platform.WINDOWS)).orElseThrow())
        .hasToString("\\\\fs01\\storage\\x");
    assertThat(m.toShare("/Volumes/STORAGE/x", Source.of(Platform.MAC)).failureKind())
        .contains(FailureKind.NO_MATCH);
    assertThat(m.toOs("share=shots/a", Target.of(Platform.WINDOWS, "london")).orElseThrow())
        .hasToString("L:\\shots\\plates\\a");
    assertThat(m.toOs("share=storage/a", Target.of(Platform.LINUX_VPN)).orElseThrow())
        .hasToString("/vpn/storage/a");
    assertThat(m.toOs("P:\\x", Target.of(Platform.LINUX)).failureKind())
        .contains(FailureKind.AMBIGUOUS);
    assertThat(m.toOs("share=anna/in/", Target.of(Platform.LINUX)).orElseThrow())
        .hasToString("/home/anna/in/");
  }

  @Test
  void defaultsForAnEmptyTable() {
    RootTable t = RootTable.parseJson("{}");
    assertThat(t.mainSite()).isEqualTo("hq");
    assertThat(t.shares()).isEmpty();
    assertThat(t.ambiguousRootsAllowed()).isFalse();
    assertThat(RootTable.parseJson(" {\"shares\": []} \n").shares()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // unknown keys, with the list of known ones
        "{\"mainsite\": \"hq\"}                                          | unknown key \"mainsite\" | mainSite",
        "{\"shares\": [{\"code\": \"a\", \"root\": {}}]}               | shares[0]                | unknown key \"root\"",
        "{\"shares\": [{\"code\": \"a\", \"roots\": {}, \"defualt\": true}]} | unknown key \"defualt\" | default",
        // wrong types
        "{\"shares\": {}}                                               | shares must be a JSON array | shares",
        "{\"shares\": [\"storage\"]}                                     | shares[0] must be a JSON object | shares[0]",
        "{\"shares\": [{\"code\": 5}]}                                  | shares[0].code must be a string | code",
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"linux\": 5}}]}   | share 'a'.roots.linux must be a string | roots",
        "{\"shares\": [{\"code\": \"a\", \"roots\": []}]}               | share 'a'.roots must be a JSON object | roots",
        "{\"shares\": [{\"code\": \"a\", \"default\": \"yes\"}]}        | share 'a'.default must be true or false | default",
        "{\"shares\": [{\"code\": \"a\", \"matchAlso\": \"/x\"}]}       | share 'a'.matchAlso must be a JSON array | matchAlso",
        "{\"shares\": [{\"code\": \"a\", \"sites\": {\"london\": \"/x\"}}]} | share 'a'.sites.london must be a JSON object | london",
        "{\"mainSite\": null}                                           | mainSite must be a string | mainSite",
        "{\"sites\": \"la\"}                                             | sites must be a JSON array | sites",
        "{\"sites\": [1]}                                               | sites[] must be a string | sites",
        "{\"uncHostAliases\": {\"10.0.0.5\": true}}                     | uncHostAliases.10.0.0.5 must be a string | uncHostAliases",
        "{\"allowAmbiguousRoots\": \"no\"}                              | allowAmbiguousRoots must be true or false | allowAmbiguousRoots",
        "[]                                                             | the root table must be a JSON object | root table",
        // bad platform keys, wherever they appear
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"beos\": \"/a\"}}]} | unknown platform \"beos\" | linux_vpn",
        "{\"shares\": [{\"code\": \"a\", \"sites\": {\"x\": {\"amiga\": \"/a\"}}}]} | unknown platform \"amiga\" | share 'a'.sites.x",
        "{\"shares\": [{\"code\": \"a\", \"case\": {\"os2\": \"sensitive\"}}]} | unknown platform \"os2\" | share 'a'.case",
        // bad case values
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"mac\": \"/a\"}, \"case\": {\"mac\": \"loud\"}}]} | \"loud\" | \"insensitive\"",
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"mac\": \"/a\"}, \"case\": {\"mac\": true}}]} | share 'a'.case.mac must be a string | case",
        // missing or inconsistent share fields
        "{\"shares\": [{\"kind\": \"volume\"}]}                         | shares[0] has no \"code\" | code",
        "{\"shares\": [{\"code\": \"a\", \"kind\": \"bucket\"}]}        | kind \"bucket\" | collection",
        "{\"shares\": [{\"code\": \"f\", \"kind\": \"folder\", \"parent\": \"v\"}]} | share 'f' is a folder | \"path\"",
        "{\"shares\": [{\"code\": \"f\", \"kind\": \"folder\", \"path\": \"x\"}]} | share 'f' is a folder | \"parent\"",
        // table-level rules still apply
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"linux\": \"mnt/a\"}}]} | 'mnt/a' is relative | share 'a'",
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"windows\": \"\\\\\\\\fs01\"}}]} | names a server but no share | share 'a'",
        "{\"shares\": [{\"code\": \"a\", \"roots\": {\"windows\": \"P:\\\\\"}}, {\"code\": \"b\", \"roots\": {\"windows\": \"p:/\"}}]} | own the same root | allowAmbiguousRoots",
        "{\"shares\": [{\"code\": \"a\"}, {\"code\": \"A\"}]}             | two shares have the code | 'A'",
        "{\"shares\": [{\"code\": \"f\", \"kind\": \"folder\", \"parent\": \"v\", \"path\": \"x\"}]} | 'v' | folder 'f'",
        "{\"uncHostAliases\": {\"ip\": \" \"}}                           | UNC host alias | non-blank"
      })
  void invalidTablesAreRejectedWithAClearMessage(String json, String fragment, String other) {
    assertThat(rejection(json)).contains(fragment).contains(other);
  }

  @Test
  void invalidJsonReportsLineAndColumn() {
    String m = rejection("{\n  \"shares\": [\n    {\"code\": \"a\",}\n  ]\n}");
    assertThat(m).contains("invalid JSON").contains("line 3, column 18").contains("quoted key");
    assertThat(rejection("")).contains("line 1, column 1").contains("end of input");
    assertThat(rejection("{} x")).contains("line 1, column 4");
    assertThat(rejection("{\"shares\": [")).contains("end of input");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(rejection("{\"shares\": [],\n \"shares\": []}"))
        .contains("duplicate key \"shares\"")
        .contains("line 2");
    assertThat(
            rejection(
                "{\"shares\": [{\"code\": \"a\", \"roots\": {\"linux\": \"/a\", \"linux\": \"/b\"}}]}"))
        .contains("duplicate key \"linux\"");
  }

  @Test
  void singleBackslashesGetAHint() {
    String m =
        rejection("{\"shares\": [{\"code\": \"a\", \"roots\": {\"windows\": \"S:\\shots\"}}]}");
    assertThat(m).contains("bad escape '\\s'").contains("backslash").contains("\"S:\\\\\"");
  }

  @Test
  void loadPrefixesTheFileAndKeepsTheCause() {
    Path file = fixture("syntax-error.json");
    Throwable t = catchThrowable(() -> RootTable.load(file));
    assertThat(t).isInstanceOf(RootTableException.class);
    assertThat(t.getMessage()).startsWith(file + ": ").contains("line 4").contains("','");
    assertThat(t.getCause()).isInstanceOf(RootTableException.class);
    assertThat(t.getCause().getCause()).isInstanceOf(IllegalArgumentException.class);

    Throwable hint = catchThrowable(() -> RootTable.load(fixture("single-backslash.json")));
    assertThat(hint).hasMessageContaining("single-backslash.json").hasMessageContaining("line 3");
    assertThat(hint).hasMessageContaining("a backslash in a path is written twice");
  }

  @Test
  void caseKeysAcceptTheSameSpellingsAsRootKeys() {
    RootTable t =
        RootTable.parseJson(
            "{\"shares\": [{\"code\": \"a\", \"roots\": {\"darwin\": \"/Volumes/a\", \"LINUX\":"
                + " \"/a\"}, \"case\": {\"darwin\": \"sensitive\", \"LINUX\": \"insensitive\"}}]}");
    Share a = t.share("a").orElseThrow();
    assertThat(a.root(Platform.MAC).orElseThrow().casePolicy()).isEqualTo(CasePolicy.SENSITIVE);
    assertThat(a.root(Platform.LINUX).orElseThrow().casePolicy()).isEqualTo(CasePolicy.INSENSITIVE);
  }

  @Test
  void twoSpellingsOfOnePlatformAreRejected() {
    assertThat(
            rejection(
                "{\"shares\": [{\"code\": \"a\", \"roots\": {\"mac\": \"/Volumes/a\", \"darwin\":"
                    + " \"/Volumes/b\"}}]}"))
        .contains("share 'a'")
        .contains("\"mac\"")
        .contains("\"darwin\"");
    assertThat(
            rejection(
                "{\"shares\": [{\"code\": \"a\", \"sites\": {\"x\": {\"linux\": \"/a\", \"LINUX\":"
                    + " \"/b\"}}}]}"))
        .contains("\"linux\"")
        .contains("\"LINUX\"");
  }

  @Test
  void folderKeysOnAVolumeAreRejected() {
    // A forgotten "kind": "folder" would otherwise turn the folder into an unrelated volume.
    assertThat(
            rejection(
                "{\"shares\": [{\"code\": \"v\", \"roots\": {\"linux\": \"/v\"}},"
                    + " {\"code\": \"f\", \"parent\": \"v\", \"path\": \"x\"}]}"))
        .contains("share 'f'")
        .contains("\"parent\"")
        .contains("folder");
  }

  @Test
  void folderPathTypeErrorNamesTheKey() {
    assertThat(
            rejection(
                "{\"shares\": [{\"code\": \"v\"}, {\"code\": \"f\", \"kind\": \"folder\","
                    + " \"parent\": \"v\", \"path\": 5}]}"))
        .contains("share 'f'.path must be a string");
  }
}
