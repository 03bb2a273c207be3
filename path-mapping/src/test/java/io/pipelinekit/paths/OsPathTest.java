package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and formatting of {@link OsPath}, without a root table. */
class OsPathTest {
  private static final PathFlavour POSIX = PathFlavour.POSIX;
  private static final PathFlavour WINDOWS = PathFlavour.WINDOWS;

  private static OsPath win(String text) {
    return OsPath.parse(text, WINDOWS);
  }

  private static OsPath posix(String text) {
    return OsPath.parse(text, POSIX);
  }

  /** Asserts a typed parse failure whose message is not blank and quotes the input. */
  private static MappingFailure rejected(String text, PathFlavour flavour, FailureKind kind) {
    MappingResult<OsPath> r = OsPath.tryParse(text, flavour);
    assertThat(r.failureKind()).as("result of %s", r).contains(kind);
    assertThat(r.value()).isEmpty();
    MappingFailure f = r.failure().orElseThrow();
    assertThat(f.input()).isEqualTo(text);
    assertThat(f.message()).isNotBlank().contains(text);
    return f;
  }

  @Nested
  class Posix {
    @Test
    void absolutePathHasPosixRootAndComponents() {
      OsPath p = posix("/storage/shots/a.exr");
      assertThat(p.flavour()).isEqualTo(POSIX);
      assertThat(p.root()).isEqualTo(PathRoot.POSIX);
      assertThat(p.isAbsolute()).isTrue();
      assertThat(p.components()).containsExactly("storage", "shots", "a.exr");
      assertThat(p.hasTrailingSeparator()).isFalse();
      assertThat(p.fileName()).contains("a.exr");
      assertThat(p).hasToString("/storage/shots/a.exr");
    }

    @Test
    void bareRootHasNoComponentsAndNoTrailingSeparator() {
      OsPath p = posix("/");
      assertThat(p.components()).isEmpty();
      assertThat(p.hasTrailingSeparator()).isFalse();
      assertThat(p.fileName()).isEmpty();
      assertThat(p).hasToString("/");
      assertThat(posix("///")).isEqualTo(p);
    }

    @Test
    void relativePathHasNoRoot() {
      OsPath p = posix("shots/a.exr");
      assertThat(p.root()).isEqualTo(PathRoot.RELATIVE);
      assertThat(p.isAbsolute()).isFalse();
      assertThat(p).hasToString("shots/a.exr");
    }

    @Test
    void duplicateSeparatorsCollapseEvenAtTheStart() {
      assertThat(posix("/storage//shots///a.exr").components())
          .containsExactly("storage", "shots", "a.exr");
      OsPath p = posix("//storage/a");
      assertThat(p.root()).isEqualTo(PathRoot.POSIX);
      assertThat(p).hasToString("/storage/a");
    }

    @Test
    void trailingSeparatorIsRememberedOnce() {
      OsPath p = posix("/storage/shots//");
      assertThat(p.hasTrailingSeparator()).isTrue();
      assertThat(p.components()).containsExactly("storage", "shots");
      assertThat(p).hasToString("/storage/shots/");
      assertThat(posix("shots/").hasTrailingSeparator()).isTrue();
    }

    @Test
    void backslashIsAnOrdinaryCharacter() {
      OsPath p = posix("/storage/odd\\name.exr");
      assertThat(p.components()).containsExactly("storage", "odd\\name.exr");
      assertThat(p).hasToString("/storage/odd\\name.exr");
      assertThat(posix("\\\\fs01\\storage").components()).containsExactly("\\\\fs01\\storage");
      assertThat(posix("\\\\fs01\\storage").isAbsolute()).isFalse();
    }

    @Test
    void windowsLookingTextIsARelativeName() {
      OsPath p = posix("C:\\proj\\a.exr");
      assertThat(p.isAbsolute()).isFalse();
      assertThat(p.components()).containsExactly("C:\\proj\\a.exr");
    }

    @Test
    void dotSegmentsStayAsWritten() {
      assertThat(posix("/storage/./a/../b").components())
          .containsExactly("storage", ".", "a", "..", "b");
    }
  }

  @Nested
  class WindowsDrive {
    @ParameterizedTest
    @ValueSource(
        strings = {"s:\\shots\\a.exr", "S:/shots/a.exr", "s:/shots\\a.exr", "S:\\\\shots//a.exr"})
    void driveLetterIsUpperCasedAndSeparatorsNormalised(String text) {
      OsPath p = win(text);
      assertThat(p.root()).isEqualTo(new PathRoot.Drive('S'));
      assertThat(((PathRoot.Drive) p.root()).letter()).isEqualTo('S');
      assertThat(p.components()).containsExactly("shots", "a.exr");
      assertThat(p).hasToString("S:\\shots\\a.exr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"S:\\", "s:/", "S:\\\\", "S:/\\/"})
    void driveRootFormatsWithItsBackslash(String text) {
      OsPath p = win(text);
      assertThat(p.components()).isEmpty();
      assertThat(p.hasTrailingSeparator()).isFalse();
      assertThat(p).hasToString("S:\\");
    }

    @Test
    void trailingSeparatorIsKept() {
      OsPath p = win("S:/shots/");
      assertThat(p.hasTrailingSeparator()).isTrue();
      assertThat(p).hasToString("S:\\shots\\");
    }

    @Test
    void driveRelativeIsATypedFailure() {
      MappingFailure f = rejected("S:shots\\a.exr", WINDOWS, FailureKind.DRIVE_RELATIVE);
      assertThat(f.message()).contains("S:\\");
      assertThatThrownBy(() -> win("S:shots\\a.exr"))
          .isInstanceOfSatisfying(
              PathRejectedException.class,
              e -> assertThat(e.kind()).isEqualTo(FailureKind.DRIVE_RELATIVE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"S:", "s:"})
    void driveLetterAloneIsDriveRelative(String text) {
      // 'S:' is the current directory of drive S, not its root; see OsPath#toString.
      rejected(text, WINDOWS, FailureKind.DRIVE_RELATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\shots\\a.exr", "/shots/a.exr", "\\"})
    void rootRelativeIsATypedFailure(String text) {
      rejected(text, WINDOWS, FailureKind.ROOT_RELATIVE);
    }

    @Test
    void relativeWindowsPath() {
      OsPath p = win("shots/sub\\a.exr");
      assertThat(p.root()).isEqualTo(PathRoot.RELATIVE);
      assertThat(p.components()).containsExactly("shots", "sub", "a.exr");
      assertThat(p).hasToString("shots\\sub\\a.exr");
    }

    @Test
    void aDigitBeforeTheColonIsNotADrive() {
      OsPath p = win("1:\\a");
      assertThat(p.isAbsolute()).isFalse();
      assertThat(p.components()).containsExactly("1:", "a");
    }
  }

  @Nested
  class Unc {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "\\\\fs01\\storage\\shots\\a.exr",
          "//fs01/storage/shots/a.exr",
          "\\\\fs01/storage\\shots/a.exr",
          "//fs01\\storage//shots\\\\a.exr"
        })
    void bothSeparatorStylesGiveTheSameUncPath(String text) {
      OsPath p = win(text);
      assertThat(p.root()).isEqualTo(new PathRoot.Unc("fs01", "storage"));
      assertThat(p.components()).containsExactly("shots", "a.exr");
      assertThat(p).hasToString("\\\\fs01\\storage\\shots\\a.exr");
    }

    @Test
    void serverAndShareKeepTheirSpelling() {
      PathRoot.Unc root = (PathRoot.Unc) win("\\\\FS01\\Storage\\a").root();
      assertThat(root.server()).isEqualTo("FS01");
      assertThat(root.share()).isEqualTo("Storage");
    }

    @Test
    void shareRootAloneHasNoTrailingSeparator() {
      OsPath p = win("\\\\fs01\\storage\\");
      assertThat(p.components()).isEmpty();
      assertThat(p.hasTrailingSeparator()).isFalse();
      assertThat(p).hasToString("\\\\fs01\\storage");
    }

    @Test
    void trailingSeparatorAfterComponentsIsKept() {
      assertThat(win("//fs01/storage/shots/")).hasToString("\\\\fs01\\storage\\shots\\");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\fs01", "\\\\fs01\\", "//fs01/", "//fs01//", "\\\\?\\UNC\\fs01"})
    void serverWithoutShareIsMalformed(String text) {
      MappingFailure f = rejected(text, WINDOWS, FailureKind.MALFORMED);
      assertThat(f.message()).contains("share");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\", "\\\\\\storage\\a", "///storage/a"})
    void emptyServerIsMalformed(String text) {
      rejected(text, WINDOWS, FailureKind.MALFORMED);
    }
  }

  @Nested
  class LongAndDeviceForms {
    @Test
    void longDriveFormEqualsThePlainForm() {
      assertThat(win("\\\\?\\S:\\shots\\a.exr")).isEqualTo(win("S:\\shots\\a.exr"));
      assertThat(win("\\\\?\\s:\\shots\\")).isEqualTo(win("S:\\shots\\"));
    }

    @Test
    void longUncFormEqualsThePlainForm() {
      assertThat(win("\\\\?\\UNC\\fs01\\storage\\a.exr"))
          .isEqualTo(win("\\\\fs01\\storage\\a.exr"));
      assertThat(win("\\\\?\\unc\\fs01\\storage\\a.exr"))
          .isEqualTo(win("\\\\fs01\\storage\\a.exr"));
    }

    @Test
    void longFormNeedsABackslashAfterTheDrive() {
      rejected("\\\\?\\S:x", WINDOWS, FailureKind.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"\\\\?\\S:\\a/b", "\\\\?\\UNC\\fs01\\storage\\a/b", "\\\\?\\UNC\\fs01\\st/x\\a"})
    void slashInsideALongFormIsNotASeparatorAndIsRejected(String text) {
      // \\?\ turns off Win32 normalisation, so '/' would be a literal character that no Windows
      // file name can hold. Parsing must report that, not throw.
      rejected(text, WINDOWS, FailureKind.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\\\\.\\S:\\x",
          "\\\\.\\pipe\\foo",
          "//./pipe/foo",
          "\\\\?\\Volume{1b3b1c59-0000-0000-0000-100000000000}\\x",
          "\\\\?\\"
        })
    void devicePathsAreRejected(String text) {
      rejected(text, WINDOWS, FailureKind.DEVICE_PATH);
    }
  }

  @Nested
  class AnyFlavour {
    @ParameterizedTest
    @EnumSource(PathFlavour.class)
    void emptyTextIsMalformed(PathFlavour flavour) {
      MappingResult<OsPath> r = OsPath.tryParse("", flavour);
      assertThat(r.failureKind()).contains(FailureKind.MALFORMED);
      assertThat(r.failure().orElseThrow().message()).isNotBlank();
      assertThatThrownBy(() -> OsPath.parse("", flavour)).isInstanceOf(PathRejectedException.class);
    }

    @ParameterizedTest
    @EnumSource(PathFlavour.class)
    void nulCharacterIsRejected(PathFlavour flavour) {
      MappingResult<OsPath> r = OsPath.tryParse("/storage/a\0b.exr", flavour);
      assertThat(r.failureKind()).contains(FailureKind.INVALID_CHAR);
      // The NUL itself is shown escaped so the message survives C-based log pipelines.
      assertThat(r.failure().orElseThrow().message()).contains("/storage/a\\0b.exr");
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
      assertThatThrownBy(() -> OsPath.tryParse(null, POSIX))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> OsPath.tryParse("/a", null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class FileUrls {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "file:///S:/shots/a%20b.exr            | S:\\shots\\a b.exr",
          "file://S:/shots/a.exr                 | S:\\shots\\a.exr",
          "file://localhost/S%3a/shots/a.exr     | S:\\shots\\a.exr",
          "file://localhost/S%3A/shots/a.exr     | S:\\shots\\a.exr",
          "file://LOCALHOST/s:/shots/            | S:\\shots\\",
          "file:///S:/                           | S:\\",
          "file:///s:                            | S:\\",
          "file://fs01/storage/a.exr             | \\\\fs01\\storage\\a.exr",
          "file://fs01/storage/                  | \\\\fs01\\storage",
          "file://f%7301/storage/a.exr           | \\\\fs01\\storage\\a.exr",
          "file:///mnt/x                         | /mnt/x",
          "file:/mnt/x                           | /mnt/x",
          "file://localhost/mnt/x/               | /mnt/x/",
          "FILE:///mnt/x                         | /mnt/x",
          "file:///                              | /",
          "file:///%E6%97%A5%E6%9C%AC/caf%C3%A9  | /日本/café",
          "file:///mnt/a%25b%23c                 | /mnt/a%b#c",
          "file:///mnt/%F0%9F%8E%AC.exr          | /mnt/\uD83C\uDFAC.exr"
        })
    void spellingsDecodeToTheSamePathInEitherFlavour(String url, String expected) {
      OsPath asPosix = OsPath.parse(url, POSIX);
      OsPath asWindows = OsPath.parse(url, WINDOWS);
      assertThat(asPosix).hasToString(expected).isEqualTo(asWindows);
    }

    @Test
    void urlFlavourComesFromTheUrlNotTheArgument() {
      assertThat(OsPath.parse("file:///S:/a", POSIX).flavour()).isEqualTo(WINDOWS);
      assertThat(OsPath.parse("file:///mnt/a", WINDOWS).flavour()).isEqualTo(POSIX);
      assertThat(OsPath.parse("file://fs01/storage/a", POSIX).root())
          .isEqualTo(new PathRoot.Unc("fs01", "storage"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "file:///mnt/a%zz",
          "file:///mnt/a%\uff14\uff11",
          "file:///mnt/a%-1",
          "file:///mnt/a%4",
          "file:///mnt/a%",
          "file://%zz/a",
          "file://srv",
          "file://srv/",
          "file:relative/x",
          "file:",
          "file://"
        })
    void badUrlsAreMalformedAndQuoteTheUrl(String url) {
      rejected(url, POSIX, FailureKind.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///mnt/%FF.exr", "file:///mnt/%C3.exr", "file:///mnt/%C3%28"})
    void escapesThatAreNotUtf8AreMalformedNotReplaced(String url) {
      // Decoding to U+FFFD would silently name another file.
      rejected(url, POSIX, FailureKind.MALFORMED);
    }

    @Test
    void anEscapedNulIsRejectedLikeALiteralOne() {
      MappingResult<OsPath> r = OsPath.tryParse("file:///mnt/a%00b.exr", POSIX);
      assertThat(r.failureKind()).contains(FailureKind.INVALID_CHAR);
      assertThat(r.failure().orElseThrow().message()).contains("file:///mnt/a%00b.exr");
    }
  }

  @Nested
  class Of {
    @Test
    void buildsTheSamePathAsParsing() {
      assertThat(OsPath.of(WINDOWS, new PathRoot.Drive('s'), List.of("shots", "a.exr"), false))
          .isEqualTo(win("S:\\shots\\a.exr"));
      assertThat(OsPath.of(POSIX, PathRoot.POSIX, List.of("a", "b\\c"), true))
          .isEqualTo(posix("/a/b\\c/"));
    }

    @Test
    void rootMustFitTheFlavour() {
      assertThatThrownBy(() -> OsPath.of(POSIX, new PathRoot.Drive('S'), List.of(), false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> OsPath.of(POSIX, new PathRoot.Unc("a", "b"), List.of(), false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> OsPath.of(WINDOWS, PathRoot.POSIX, List.of(), false))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void componentsMustBeNonEmptyWithoutSeparators() {
      assertThatThrownBy(() -> OsPath.of(POSIX, PathRoot.POSIX, List.of("a", ""), false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> OsPath.of(POSIX, PathRoot.POSIX, List.of("a/b"), false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a/b");
      assertThatThrownBy(() -> OsPath.of(WINDOWS, PathRoot.RELATIVE, List.of("a\\b"), false))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> OsPath.of(WINDOWS, PathRoot.RELATIVE, List.of("a/b"), false))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRejected() {
      assertThatThrownBy(() -> OsPath.of(null, PathRoot.POSIX, List.of(), false))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> OsPath.of(POSIX, null, List.of(), false))
          .isInstanceOf(NullPointerException.class);
      List<String> withNull = new ArrayList<>();
      withNull.add(null);
      assertThatThrownBy(() -> OsPath.of(POSIX, PathRoot.POSIX, withNull, false))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void componentsAreCopiedAndUnmodifiable() {
      List<String> parts = new ArrayList<>(List.of("a", "b"));
      OsPath p = OsPath.of(POSIX, PathRoot.POSIX, parts, false);
      parts.add("c");
      assertThat(p.components()).containsExactly("a", "b");
      assertThatThrownBy(() -> p.components().add("x"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void trailingSeparatorNeedsAComponent() {
      OsPath root = OsPath.of(POSIX, PathRoot.POSIX, List.of(), true);
      assertThat(root.hasTrailingSeparator()).isFalse();
      assertThat(root).hasToString("/");
      assertThat(root).isEqualTo(OsPath.of(POSIX, PathRoot.POSIX, List.of(), false));
    }

    @Test
    void withComponentsKeepsFlavourAndRoot() {
      OsPath p = win("\\\\fs01\\storage\\a").withComponents(List.of("x", "y"), true);
      assertThat(p).hasToString("\\\\fs01\\storage\\x\\y\\");
      assertThatThrownBy(() -> p.withComponents(List.of("x\\y"), false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Roots {
    @Test
    void driveLetterMustBeAnAsciiLetter() {
      assertThat(new PathRoot.Drive('q').letter()).isEqualTo('Q');
      for (char c : new char[] {'1', ':', 'É', ' '}) {
        assertThatThrownBy(() -> new PathRoot.Drive(c))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }

    @Test
    void uncRootNeedsServerAndShare() {
      assertThatThrownBy(() -> new PathRoot.Unc("", "s"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new PathRoot.Unc("fs01", ""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new PathRoot.Unc(null, "s"))
          .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource({"fs01\\x, s", "fs01, s\\x", "fs01/x, s", "fs01, s/x"})
    void uncPartsCannotHoldSeparators(String server, String share) {
      // Otherwise \\fs01\s\x would format as a path that parses to another root.
      assertThatThrownBy(() -> new PathRoot.Unc(server, share))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyRelativeIsNotAbsolute() {
      assertThat(PathRoot.RELATIVE.isAbsolute()).isFalse();
      assertThat(PathRoot.POSIX.isAbsolute()).isTrue();
      assertThat(new PathRoot.Drive('S').isAbsolute()).isTrue();
      assertThat(new PathRoot.Unc("a", "b").isAbsolute()).isTrue();
    }
  }

  @Nested
  class Equality {
    @Test
    void equalPathsHaveEqualHashCodes() {
      OsPath a = win("s:/shots\\a.exr");
      OsPath b = win("S:\\shots\\a.exr");
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(posix("/a//b")).isEqualTo(posix("/a/b")).hasSameHashCodeAs(posix("/a/b"));
    }

    @Test
    void everyPartTakesPart() {
      OsPath base = posix("/a/b");
      assertThat(base).isNotEqualTo(posix("/a/b/"));
      assertThat(base).isNotEqualTo(posix("/a/c"));
      assertThat(base).isNotEqualTo(posix("a/b"));
      assertThat(posix("a/b")).isNotEqualTo(win("a/b"));
      assertThat(win("S:\\a")).isNotEqualTo(win("T:\\a"));
      assertThat(win("\\\\fs01\\s\\a")).isNotEqualTo(win("\\\\fs02\\s\\a"));
      assertThat(base).isNotEqualTo("/a/b");
    }
  }

  @Nested
  class LongPathPrefix {
    /** A drive path of exactly {@code length} characters. */
    private OsPath driveOfLength(int length) {
      OsPath p =
          OsPath.of(WINDOWS, new PathRoot.Drive('S'), List.of("x".repeat(length - 3)), false);
      assertThat(p.toString()).hasSize(length);
      return p;
    }

    @Test
    void shortPathsNeverGetThePrefix() {
      OsPath p = win("S:\\a.exr").withLongPathPrefix(true);
      assertThat(p.usesLongPathPrefix()).isTrue();
      assertThat(p).hasToString("S:\\a.exr");
      assertThat(driveOfLength(258).format(true)).doesNotStartWith("\\\\?\\");
    }

    @Test
    void pathsOf260CharactersOrMoreGetThePrefix() {
      assertThat(driveOfLength(260).format(true)).isEqualTo("\\\\?\\" + driveOfLength(260));
      assertThat(driveOfLength(400).withLongPathPrefix(true).toString()).startsWith("\\\\?\\S:\\");
    }

    @Test
    void a259CharacterPathFitsMaxPathAndGetsNoPrefix() {
      // MAX_PATH is 260 including the terminating NUL, and the Javadoc promises the prefix for
      // "260 characters or more".
      assertThat(driveOfLength(259).format(true)).doesNotStartWith("\\\\?\\");
    }

    @Test
    void theTrailingSeparatorCountsTowardsTheLength() {
      OsPath p = OsPath.of(WINDOWS, new PathRoot.Drive('S'), List.of("x".repeat(256)), true);
      assertThat(p.format(false)).hasSize(260);
      assertThat(p.format(true)).startsWith("\\\\?\\S:\\").endsWith("x\\");
    }

    @Test
    void longUncPathsUseTheUncLongForm() {
      String name = "n".repeat(300);
      OsPath p = win("//fs01/storage/" + name).withLongPathPrefix(true);
      assertThat(p).hasToString("\\\\?\\UNC\\fs01\\storage\\" + name);
      // And it parses back to the same place.
      assertThat(win(p.toString())).isEqualTo(win("\\\\fs01\\storage\\" + name));
    }

    @Test
    void longPrefixedOutputParsesBack() {
      OsPath p = driveOfLength(300).withLongPathPrefix(true);
      assertThat(win(p.toString())).isEqualTo(driveOfLength(300));
    }

    @Test
    void posixAndRelativePathsIgnoreTheOption() {
      String name = "p".repeat(300);
      OsPath posixPath = posix("/" + name).withLongPathPrefix(true);
      assertThat(posixPath.usesLongPathPrefix()).isFalse();
      assertThat(posixPath).hasToString("/" + name);
      assertThat(win(name + "\\a").format(true)).isEqualTo(name + "\\a");
    }

    @Test
    void formatOverridesTheStoredChoice() {
      OsPath p = driveOfLength(300);
      assertThat(p.withLongPathPrefix(true).format(false)).isEqualTo(p.toString());
      assertThat(p.format(true)).startsWith("\\\\?\\");
    }

    @Test
    void withComponentsKeepsTheChoice() {
      OsPath p =
          win("S:\\a").withLongPathPrefix(true).withComponents(List.of("y".repeat(300)), false);
      assertThat(p.usesLongPathPrefix()).isTrue();
      assertThat(p.toString()).startsWith("\\\\?\\S:\\");
    }
  }
}
