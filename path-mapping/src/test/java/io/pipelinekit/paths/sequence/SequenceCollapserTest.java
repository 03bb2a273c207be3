package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SequenceCollapserTest {

  private static CollapseResult collapse(String... names) {
    return SequenceCollapser.defaults().collapse(List.of(names));
  }

  private static CollapseResult collapse(CollapseOptions options, String... names) {
    return SequenceCollapser.of(options).collapse(Arrays.asList(names));
  }

  private static List<String> forms(CollapseResult result) {
    return result.sequences().stream().map(FileSequence::toBracketString).toList();
  }

  @Test
  void widerFramesWithoutLeadingZeroJoinThePaddedSequence() {
    // 0999 fixes the width at 4; 9999, 10000 and 10001 have no leading zero and fit width 4.
    CollapseResult result = collapse("a.0999.exr", "a.9999.exr", "a.10000.exr", "a.10001.exr");
    assertThat(forms(result)).containsExactly("a.%04d.exr [999, 9999-10001]");
    // Without a padded name the widths differ, so only %d fits them all.
    assertThat(forms(collapse("a.9999.exr", "a.10000.exr")))
        .containsExactly("a.%d.exr [9999-10000]");
  }

  @Test
  void unpaddedFramesJoinTheWidestPaddedGroupTheyFit() {
    CollapseResult result =
        collapse("a.01.exr", "a.02.exr", "a.0100.exr", "a.0101.exr", "a.1000.exr", "a.100.exr");
    assertThat(forms(result))
        .containsExactly("a.%02d.exr [1-2, 100]", "a.%04d.exr [100-101, 1000]");
  }

  @Test
  void shortUnpaddedFramesStaySeparateFromWiderPaddedOnes() {
    CollapseResult result = collapse("a.0010.exr", "a.0011.exr", "a.1.exr", "a.2.exr");
    assertThat(forms(result)).containsExactly("a.%d.exr [1-2]", "a.%04d.exr [10-11]");
  }

  @Test
  void frameMayFollowAnUnderscoreOrALetter() {
    assertThat(forms(collapse("plate_0001.dpx", "plate_0002.dpx")))
        .containsExactly("plate_%04d.dpx [1-2]");
    assertThat(forms(collapse("frame1.png", "frame2.png"))).containsExactly("frame%d.png [1-2]");
    assertThat(forms(collapse("/r/noext0001", "/r/noext0002")))
        .containsExactly("/r/noext%04d [1-2]");
  }

  @Test
  void digitsMustSitJustBeforeTheLastDot() {
    CollapseResult result = collapse("a.0001.exr.bak", "a.0002.exr.bak", "a.1001", "a.1002");
    assertThat(result.sequences()).isEmpty();
    assertThat(result.leftovers())
        .containsExactly("a.0001.exr.bak", "a.0002.exr.bak", "a.1001", "a.1002");
  }

  @Test
  void onlyTheFileNameIsScanned() {
    CollapseResult result = collapse("/shots/sh0010/.hidden", "/shots/v2.1/file", "/a.1/b");
    assertThat(result.sequences()).isEmpty();
    assertThat(result.leftovers()).hasSize(3);
  }

  @Test
  void versionsBecomeFramesOnlyWhenAsked() {
    CollapseOptions options = CollapseOptions.builder().versionsAsFrames(true).build();
    assertThat(forms(collapse(options, "x_v001.exr", "x_v002.exr")))
        .containsExactly("x_v%03d.exr [1-2]");
    assertThat(forms(collapse("x_V001.exr", "x_V002.exr"))).isEmpty();
  }

  @Test
  void signRulesForDashes() {
    assertThat(forms(collapse("render-0001.exr", "render-0002.exr")))
        .containsExactly("render-%04d.exr [1-2]");
    CollapseResult atStart = collapse("-0002.exr", "-0001.exr", "0000.exr");
    assertThat(forms(atStart)).containsExactly("%05d.exr [-2--1]");
    assertThat(atStart.leftovers()).containsExactly("0000.exr");
    // Both are two characters wide with the sign, so the padded assumption gives %02d.
    assertThat(forms(collapse("/p/-5.exr", "/p/-4.exr"))).containsExactly("/p/%02d.exr [-5--4]");
    assertThat(forms(collapse("f.-0000.exr", "f.-0001.exr")))
        .as("negative zero is no frame: its dash joins the head")
        .isEmpty();
  }

  @Test
  void negativeZeroGroupsWithItsDashInTheHead() {
    CollapseOptions single = CollapseOptions.builder().minItems(1).build();
    assertThat(forms(collapse(single, "f.-0000.exr", "f.-0001.exr")))
        .containsExactly("f.%05d.exr [-1]", "f.-%04d.exr [0]");
  }

  @Test
  void printfAndDigitsOnlyDisagreeOnNegativeWidths() {
    String[] names = {"f.-005.exr", "f.0000.exr", "f.0001.exr"};
    assertThat(forms(collapse(names))).containsExactly("f.%04d.exr [-5, 0-1]");
    CollapseOptions digitsOnly =
        CollapseOptions.builder().signPadding(SignPadding.DIGITS_ONLY).minItems(1).build();
    assertThat(forms(collapse(digitsOnly, names)))
        .containsExactly("f.%03d.exr [-5]", "f.%04d.exr [0-1]");
    FileSequence seq = collapse(digitsOnly, names).sequences().get(0);
    assertThat(seq.expand()).containsExactly("f.-005.exr");
  }

  @Test
  void groupsBelowMinItemsAreLeftoversInInputOrder() {
    CollapseResult result =
        collapse("b.0001.exr", "notes.txt", "a.0001.exr", "a.0002.exr", "c.0007.exr");
    assertThat(forms(result)).containsExactly("a.%04d.exr [1-2]");
    assertThat(result.leftovers()).containsExactly("b.0001.exr", "notes.txt", "c.0007.exr");

    CollapseOptions three = CollapseOptions.builder().minItems(3).build();
    assertThat(collapse(three, "a.0001.exr", "a.0002.exr").leftovers())
        .containsExactly("a.0001.exr", "a.0002.exr");
  }

  @Test
  void repeatedNamesCountOnce() {
    CollapseResult result = collapse("a.0001.exr", "a.0001.exr", "a.0002.exr");
    assertThat(forms(result)).containsExactly("a.%04d.exr [1-2]");

    CollapseResult single = collapse("a.0001.exr", "a.0001.exr");
    assertThat(single.sequences()).isEmpty();
    assertThat(single.leftovers()).containsExactly("a.0001.exr", "a.0001.exr");
  }

  @Test
  void outputIsSortedAndIndependentOfInputOrder() {
    CollapseResult forward =
        collapse(
            "b.0001.exr", "b.0002.exr", "a.0002.exr", "a.0001.exr", "a.0001.dpx", "a.0002.dpx");
    CollapseResult backward =
        collapse(
            "a.0002.dpx", "a.0001.dpx", "a.0001.exr", "a.0002.exr", "b.0002.exr", "b.0001.exr");
    assertThat(forms(forward))
        .containsExactly("a.%04d.dpx [1-2]", "a.%04d.exr [1-2]", "b.%04d.exr [1-2]");
    assertThat(backward.sequences()).isEqualTo(forward.sequences());
  }

  @Test
  void windowsAndPosixPathsKeepTheirSeparators() {
    CollapseResult result =
        collapse(
            "C:\\shots\\a.0001.exr",
            "C:\\shots\\a.0002.exr",
            "\\\\fs01\\storage\\a.0001.exr",
            "\\\\fs01\\storage\\a.0002.exr",
            "/storage/a.0001.exr",
            "/storage/a.0002.exr");
    assertThat(forms(result))
        .containsExactly(
            "/storage/a.%04d.exr [1-2]",
            "C:\\shots\\a.%04d.exr [1-2]", "\\\\fs01\\storage\\a.%04d.exr [1-2]");
  }

  @Test
  void caseInsensitiveGroupingFoldsWithoutTheDefaultLocale() {
    CollapseOptions insensitive = CollapseOptions.builder().caseSensitive(false).build();
    Locale saved = Locale.getDefault();
    try {
      // Under a Turkish default locale, "I".toLowerCase() is a dotless ı; folding must not care.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      CollapseResult result =
          collapse(insensitive, "/SHOTS/I.0001.EXR", "/shots/i.0002.exr", "/Shots/İ.0003.Exr");
      // Simple per-code-point folding (upper-case, then lower-case) takes İ to i as well.
      assertThat(forms(result)).containsExactly("/shots/i.%04d.exr [1-3]");
    } finally {
      Locale.setDefault(saved);
    }
    CollapseResult german = collapse(insensitive, "STRASSE.0001.exr", "straße.0002.exr");
    assertThat(german.sequences()).as("ß is not SS under simple folding").isEmpty();
  }

  @Test
  void customFramePatternPicksTheNumberToUse() {
    CollapseOptions underscore =
        CollapseOptions.builder().framePattern(Pattern.compile("_(?<frame>\\d+)_")).build();
    CollapseResult result =
        collapse(underscore, "shot_0001_beauty.exr", "shot_0002_beauty.exr", "x.exr");
    assertThat(forms(result)).containsExactly("shot_%04d_beauty.exr [1-2]");
    assertThat(result.leftovers()).containsExactly("x.exr");

    CollapseOptions versions =
        CollapseOptions.builder().framePattern(Pattern.compile("v(?<frame>\\d+)")).build();
    assertThat(forms(collapse(versions, "/a/v1/x_v001.exr", "/a/v1/x_v002.exr")))
        .containsExactly("/a/v1/x_v%03d.exr [1-2]");

    CollapseOptions signed =
        CollapseOptions.builder().framePattern(Pattern.compile("_(?<frame>-?\\d+)")).build();
    assertThat(forms(collapse(signed, "a_-001.exr", "a_-002.exr")))
        .containsExactly("a_%04d.exr [-2--1]");

    assertThatThrownBy(() -> CollapseOptions.builder().framePattern(Pattern.compile("\\d+")))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("(?<frame>");
    CollapseOptions loose =
        CollapseOptions.builder().framePattern(Pattern.compile("(?<frame>\\w+)\\.")).build();
    assertThat(collapse(loose, "a.exr", "b.exr").leftovers()).containsExactly("a.exr", "b.exr");
  }

  @Test
  void outputStyleControlsTheToken() {
    CollapseOptions hashes =
        CollapseOptions.builder().outputStyle(TokenStyle.HASH).hashWidth(HashWidth.FOUR).build();
    assertThat(forms(collapse(hashes, "a.0001.exr", "a.0002.exr")))
        .containsExactly("a.#.exr [1-2]");
    assertThatThrownBy(() -> CollapseOptions.builder().outputStyle(TokenStyle.UDIM))
        .isInstanceOf(SequenceException.class);
    assertThatThrownBy(() -> CollapseOptions.builder().minItems(0))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("use 1 or more");
  }

  @Test
  void acceptsAnyIterableAndRejectsNulls() {
    CollapseResult result =
        SequenceCollapser.defaults()
            .collapse(new ArrayDeque<>(List.of("z.txt", "a.0001.exr", "a.0002.exr", "y.txt")));
    assertThat(forms(result)).containsExactly("a.%04d.exr [1-2]");
    assertThat(result.leftovers()).containsExactly("z.txt", "y.txt");

    assertThatThrownBy(() -> collapse(CollapseOptions.defaults(), "a.0001.exr", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("index 1");
  }

  @Test
  void emptyInputGivesEmptyResult() {
    CollapseResult result = SequenceCollapser.defaults().collapse(List.of());
    assertThat(result.sequences()).isEmpty();
    assertThat(result.leftovers()).isEmpty();
    assertThat(result).isEqualTo(CollapseResult.of(List.of(), List.of()));
  }

  @Test
  void optionsRoundTripThroughTheirBuilder() {
    CollapseOptions options =
        CollapseOptions.builder()
            .signPadding(SignPadding.DIGITS_ONLY)
            .ambiguousPadding(AmbiguousPadding.ASSUME_UNPADDED)
            .caseSensitive(false)
            .framePattern(Pattern.compile("(?<frame>\\d+)"))
            .versionsAsFrames(true)
            .minItems(3)
            .outputStyle(TokenStyle.AT)
            .hashWidth(HashWidth.FOUR)
            .build();
    assertThat(options.toBuilder().build()).isEqualTo(options);
    assertThat(options.toBuilder().build().hashCode()).isEqualTo(options.hashCode());
    assertThat(options.toBuilder().builtInFramePattern().build().framePattern()).isEmpty();
    assertThat(options).isNotEqualTo(CollapseOptions.defaults());
    assertThat(CollapseOptions.defaults().framePattern()).isEmpty();
    assertThat(CollapseOptions.defaults().minItems()).isEqualTo(2);
  }
}
