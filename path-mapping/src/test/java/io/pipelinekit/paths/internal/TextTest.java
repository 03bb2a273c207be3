package io.pipelinekit.paths.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest
  @CsvSource({
    "storage, STORAGE",
    "Storage/01, STORAGE/01",
    "izmir, IZMIR",
    "\u0130zmir, \u0130ZMIR",
    "stra\u00dfe, STRA\u00dfE",
    "\u00e9quipe, \u00c9QUIPE",
    "\u0131, I",
    "\ud801\udc28, \ud801\udc00"
  })
  void foldIsSimplePerCodePointUpperCase(String in, String folded) {
    assertThat(Text.fold(in)).isEqualTo(folded).hasSameSizeAs(in);
  }

  @Test
  void foldReturnsTheSameStringWhenNothingChanges() {
    String s = "ALREADY/UPPER 123";
    assertThat(Text.fold(s)).isSameAs(s);
    String empty = "";
    assertThat(Text.fold(empty)).isSameAs(empty);
  }

  @Test
  void equalsFoldedIsNtfsLike() {
    assertThat(Text.equalsFolded("storage", "STORAGE")).isTrue();
    assertThat(Text.equalsFolded("\u0130zmir", "\u0130ZMIR")).isTrue();
    // String.equalsIgnoreCase says true for both of these; NTFS does not.
    assertThat("izmir".equalsIgnoreCase("\u0130zmir")).isTrue();
    assertThat(Text.equalsFolded("izmir", "\u0130zmir")).isFalse();
    assertThat(Text.equalsFolded("stra\u00dfe", "STRASSE")).isFalse();
    assertThat(Text.equalsFolded("a", "ab")).isFalse();
  }

  @Test
  void nfcComposesAndKeepsComposedTextAsIs() {
    assertThat(Text.nfc("E\u0301quipe")).isEqualTo("\u00c9quipe");
    assertThat(Text.nfc("\u212b")).isEqualTo("\u00c5");
    String ascii = "plain/ascii";
    assertThat(Text.nfc(ascii)).isSameAs(ascii);
    String composed = "\u00c9quipe \u65e5\u672c";
    assertThat(Text.nfc(composed)).isSameAs(composed);
  }

  @Test
  void asciiLowerTouchesOnlyAsciiLetters() {
    assertThat(Text.asciiLower("FS01.Studio.LOCAL")).isEqualTo("fs01.studio.local");
    assertThat(Text.asciiLower("\u0130ZMIR")).isEqualTo("\u0130zmir");
    String lower = "fs01";
    assertThat(Text.asciiLower(lower)).isSameAs(lower);
  }

  @Test
  void hexDigitAcceptsAsciiHexOnly() {
    assertThat(Text.hexDigit('0')).isZero();
    assertThat(Text.hexDigit('a')).isEqualTo(10);
    assertThat(Text.hexDigit('F')).isEqualTo(15);
    assertThat(Text.hexDigit('g')).isEqualTo(-1);
    assertThat(Text.hexDigit('-')).isEqualTo(-1);
    assertThat(Character.digit('\uff14', 16)).isEqualTo(4);
    assertThat(Text.hexDigit('\uff14')).isEqualTo(-1);
    assertThat(Text.hexDigit('\u0664')).isEqualTo(-1);
  }
}
