package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** accsyn share notation: parsing, formatting and the value API of {@link SharePath}. */
class SharePathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "share=storage",
        "share=storage/shots/a.exr",
        "share=storage/shots/",
        "volume=(default)/a.exr",
        "folder=vfx/sh010/plate.%04d.exr",
        "home=anna/inbox/",
        "collection=dailies/2026-11-23",
        "site=london:share=projects/sh010/",
        "anna@studio.com:home=anna/inbox/",
        "client=abc:share=storage/a #1 (final) 100%.exr",
        "share=st:orage/a"
      })
  void canonicalTextRoundTrips(String text) {
    SharePath p = SharePath.parse(text);
    assertThat(p).hasToString(text);
    assertThat(SharePath.parse(p.toString())).isEqualTo(p).hasSameHashCodeAs(p);
  }

  @ParameterizedTest
  @CsvSource({
    "share=a/x, SHARE",
    "volume=a/x, VOLUME",
    "folder=a/x, FOLDER",
    "home=a/x, HOME",
    "collection=a/x, COLLECTION",
    "SHARE=a/x, SHARE",
    "Volume=a/x, VOLUME"
  })
  void everyKindIsRecognisedIgnoringCase(String text, ShareKind kind) {
    SharePath p = SharePath.parse(text);
    assertThat(p.kind()).isEqualTo(kind);
    assertThat(p.code()).isEqualTo("a");
    assertThat(p).hasToString(kind.key() + "=a/x");
  }

  @Test
  void partsAreExposed() {
    SharePath p = SharePath.parse("site=london:share=storage/shots/sh010/");
    assertThat(p.party()).contains("site=london");
    assertThat(p.kind()).isEqualTo(ShareKind.SHARE);
    assertThat(p.code()).isEqualTo("storage");
    assertThat(p.components()).containsExactly("shots", "sh010");
    assertThat(p.hasTrailingSeparator()).isTrue();
    assertThat(p.isDefaultShare()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "site=london:share=storage/a   | site=london",
        "anna@studio.com:home=anna/a   | anna@studio.com",
        "client=abc:share=storage/a    | client=abc",
        "a:b:share=storage/a           | a:b"
      })
  void partyIsEverythingBeforeTheKind(String text, String party) {
    SharePath p = SharePath.parse(text);
    assertThat(p.party()).contains(party);
    assertThat(p.code()).isEqualTo(text.startsWith("anna") ? "anna" : "storage");
    assertThat(p.withoutParty().party()).isEmpty();
  }

  @Test
  void noPartyIsEmpty() {
    assertThat(SharePath.parse("share=storage/a").party()).isEmpty();
  }

  @Test
  void defaultCodeIsRecognised() {
    SharePath p = SharePath.parse("share=(default)/a.exr");
    assertThat(p.isDefaultShare()).isTrue();
    assertThat(p.code()).isEqualTo(SharePath.DEFAULT_CODE).isEqualTo("(default)");
    assertThat(SharePath.parse("share=(DEFAULT)/a.exr").isDefaultShare()).isFalse();
  }

  @Test
  void backslashesSeparateToo() {
    SharePath p = SharePath.parse("share=storage\\shots\\..\\a.exr\\");
    assertThat(p.code()).isEqualTo("storage");
    assertThat(p.components()).containsExactly("shots", "..", "a.exr");
    assertThat(p.hasTrailingSeparator()).isTrue();
    assertThat(p).hasToString("share=storage/shots/../a.exr/");
  }

  @Test
  void duplicateSeparatorsCollapseAndDotsStayAsWritten() {
    SharePath p = SharePath.parse("share=storage//shots///./a.exr");
    assertThat(p.components()).containsExactly("shots", ".", "a.exr");
  }

  @Test
  void aTrailingSeparatorNeedsAComponent() {
    SharePath p = SharePath.parse("share=storage/");
    assertThat(p.hasTrailingSeparator()).isFalse();
    assertThat(p).hasToString("share=storage");
    assertThat(p).isEqualTo(SharePath.parse("share=storage"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "share=",
        "share=/a.exr",
        "volume=\\a.exr",
        "/mnt/storage/a.exr",
        "S:\\share=x\\a.exr",
        "bogus=storage/a.exr",
        "shares=storage/a.exr",
        "site=london:",
        "site=london:bogus=x/a",
        "storage/a.exr",
        "site=london:share="
      })
  void malformedNotationIsATypedFailure(String text) {
    MappingResult<SharePath> r = SharePath.tryParse(text);
    assertThat(r.failureKind()).as("%s", r).contains(FailureKind.MALFORMED);
    MappingFailure f = r.failure().orElseThrow();
    assertThat(f.input()).isEqualTo(text);
    assertThat(f.message()).isNotBlank().contains(text);
    assertThatThrownBy(() -> SharePath.parse(text))
        .isInstanceOfSatisfying(
            PathRejectedException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED));
  }

  @Test
  void emptyCodeMessageNamesTheKind() {
    assertThat(SharePath.tryParse("volume=/a").failure().orElseThrow().message())
        .contains("volume=");
  }

  @Test
  void anEmptyPartyIsMalformed() {
    assertThat(SharePath.tryParse(":share=storage/a").failureKind())
        .contains(FailureKind.MALFORMED);
  }

  @Test
  void tryParseRejectsNull() {
    assertThatThrownBy(() -> SharePath.tryParse(null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "share=storage",
        "volume=v/a",
        "site=london:share=x",
        "anna@studio.com:home=anna",
        "FOLDER=f/x"
      })
  void isSharePathAcceptsNotation(String text) {
    assertThat(SharePath.isSharePath(text)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "/mnt/share=x/a",
        "S:\\share=x",
        "shares=x",
        "site=london",
        "storage/a",
        "\\\\fs01\\share=x"
      })
  void isSharePathRejectsEverythingElseIncludingNull(String text) {
    assertThat(SharePath.isSharePath(text)).isFalse();
  }

  @Test
  void ofBuildsAndValidates() {
    SharePath p = SharePath.of(ShareKind.VOLUME, "storage", List.of("a", "b"), true);
    assertThat(p).hasToString("volume=storage/a/b/");
    assertThat(p.party()).isEmpty();
    assertThat(SharePath.share("storage", "shots", "a.exr"))
        .isEqualTo(SharePath.parse("share=storage/shots/a.exr"));
    assertThat(SharePath.share("storage")).hasToString("share=storage");
  }

  @Test
  void ofRejectsBadArguments() {
    assertThatThrownBy(() -> SharePath.of(null, "a", List.of(), false))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SharePath.of(ShareKind.SHARE, null, List.of(), false))
        .isInstanceOf(NullPointerException.class);
    for (String code : List.of("", "a/b", "a\\b")) {
      assertThatThrownBy(() -> SharePath.of(ShareKind.SHARE, code, List.of(), false))
          .as(code)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String c : List.of("", "a/b", "a\\b")) {
      assertThatThrownBy(() -> SharePath.share("storage", c))
          .as(c)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void componentsAreCopiedAndUnmodifiable() {
    List<String> parts = new ArrayList<>(List.of("a"));
    SharePath p = SharePath.of(ShareKind.SHARE, "s", parts, false);
    parts.add("b");
    assertThat(p.components()).containsExactly("a");
    assertThatThrownBy(() -> p.components().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> SharePath.parse("share=s/a").components().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withPartyAddsOrReplacesThePrefix() {
    SharePath p = SharePath.parse("share=storage/a");
    SharePath london = p.withParty("site=london");
    assertThat(london).hasToString("site=london:share=storage/a");
    assertThat(london.withParty("client=abc")).hasToString("client=abc:share=storage/a");
    assertThat(london.withoutParty()).isEqualTo(p);
    assertThat(london).isNotEqualTo(p);
  }

  @Test
  void withPartyValidates() {
    SharePath p = SharePath.parse("share=storage/a");
    assertThatThrownBy(() -> p.withParty(null)).isInstanceOf(NullPointerException.class);
    for (String bad : List.of("", "a/b", "a\\b")) {
      assertThatThrownBy(() -> p.withParty(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void withComponentsKeepsKindCodeAndParty() {
    SharePath p = SharePath.parse("site=la:volume=v/a/");
    assertThat(p.withComponents(List.of("x", "y"), false)).hasToString("site=la:volume=v/x/y");
    assertThat(p.withComponents(List.of(), true)).hasToString("site=la:volume=v");
  }

  @Test
  void resolveAppendsOneNameAndDropsTheTrailingSeparator() {
    SharePath p = SharePath.parse("site=la:share=storage/shots/");
    assertThat(p.resolve("a.exr")).hasToString("site=la:share=storage/shots/a.exr");
    assertThat(p).hasToString("site=la:share=storage/shots/");
    assertThatThrownBy(() -> p.resolve("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.resolve("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityCoversEveryPart() {
    SharePath base = SharePath.parse("share=storage/a");
    assertThat(base).isEqualTo(SharePath.parse("SHARE=storage\\a"));
    assertThat(base).isNotEqualTo(SharePath.parse("volume=storage/a"));
    assertThat(base).isNotEqualTo(SharePath.parse("share=STORAGE/a"));
    assertThat(base).isNotEqualTo(SharePath.parse("share=storage/A"));
    assertThat(base).isNotEqualTo(SharePath.parse("share=storage/a/"));
    assertThat(base).isNotEqualTo(SharePath.parse("x=1:share=storage/a"));
    assertThat(base).isNotEqualTo("share=storage/a");
  }

  @Test
  void aPathBuiltFromJoinedNamesEqualsOneBuiltFromItsComponents() {
    SharePath joined = SharePath.joined(ShareKind.SHARE, "vfx", "sh010/comp/a.exr", true);
    SharePath listed =
        SharePath.of(ShareKind.SHARE, "vfx", List.of("sh010", "comp", "a.exr"), true);
    assertThat(joined).isEqualTo(listed).hasSameHashCodeAs(listed);
    assertThat(joined).hasToString("share=vfx/sh010/comp/a.exr/");
    assertThat(joined.components()).containsExactly("sh010", "comp", "a.exr");
    assertThat(joined.withParty("site=la")).hasToString("site=la:share=vfx/sh010/comp/a.exr/");
    assertThat(joined.resolve("b.exr")).hasToString("share=vfx/sh010/comp/a.exr/b.exr");
    SharePath empty = SharePath.joined(ShareKind.SHARE, "vfx", "", true);
    assertThat(empty.components()).isEmpty();
    assertThat(empty.hasTrailingSeparator()).isFalse();
    assertThat(empty).hasToString("share=vfx");
  }
}
