package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sequence cases of docs/path-mapping.md, "Test tables": one test per case. */
class SequenceSpecCasesTest {

  private static CollapseResult collapse(CollapseOptions options, String... names) {
    return SequenceCollapser.of(options).collapse(List.of(names));
  }

  private static List<String> bracketForms(CollapseResult result) {
    return result.sequences().stream().map(FileSequence::toBracketString).toList();
  }

  @Test
  @DisplayName("S01 bracket form: head, pad 4, tail, 100 frames, no holes")
  void s01_bracketForm() {
    FileSequence seq = FileSequence.parse("/path/file.%04d.exr [1001-1100]");

    assertThat(seq.pattern().head()).isEqualTo("/path/file.");
    assertThat(seq.pattern().width()).isEqualTo(4);
    assertThat(seq.pattern().tail()).isEqualTo(".exr");
    assertThat(seq.size()).isEqualTo(100);
    assertThat(seq.holes().isEmpty()).isTrue();
    assertThat(FileSequence.parse("/path/file.%04d.exr [1-3, 6]").frames())
        .isEqualTo(FrameSet.of(1, 2, 3, 6));
  }

  @Test
  @DisplayName("S02 #### is 4 digits with HashWidth.ONE (the default), 16 with FOUR")
  void s02_hashWidth() {
    assertThat(SequencePattern.parse("file.####.exr", SequenceSyntax.of(HashWidth.ONE)).width())
        .isEqualTo(4);
    assertThat(SequencePattern.parse("file.####.exr", SequenceSyntax.of(HashWidth.FOUR)).width())
        .isEqualTo(16);
    assertThat(SequenceSyntax.defaults().hashWidth()).isEqualTo(HashWidth.ONE);
    assertThat(SequencePattern.parse("file.####.exr").width()).isEqualTo(4);
  }

  @Test
  @DisplayName("S03 @@@@, $F4 and $F pad to 4, 4 and 1")
  void s03_atAndHoudiniTokens() {
    assertThat(SequencePattern.parse("file.@@@@.exr").width()).isEqualTo(4);
    assertThat(SequencePattern.parse("file.@@@@.exr").style()).isEqualTo(TokenStyle.AT);
    assertThat(SequencePattern.parse("file.$F4.exr").width()).isEqualTo(4);
    assertThat(SequencePattern.parse("file.$F4.exr").style()).isEqualTo(TokenStyle.HOUDINI);
    assertThat(SequencePattern.parse("file.$F.exr").width()).isEqualTo(1);
    assertThat(SequencePattern.parse("file.$F.exr").render(7)).isEqualTo("file.7.exr");
  }

  @Test
  @DisplayName("S04 <UDIM> and %(UDIM)d: width 4, tiles 1001-1999, <UVTILE> only when enabled")
  void s04_udim() {
    for (String text : List.of("tex.<UDIM>.tx", "tex.%(UDIM)d.tx")) {
      SequencePattern udim = SequencePattern.parse(text);
      assertThat(udim.style()).isEqualTo(TokenStyle.UDIM);
      assertThat(udim.width()).isEqualTo(4);
      assertThat(udim.render(1001)).isEqualTo("tex.1001.tx");
      assertThat(udim.render(1999)).isEqualTo("tex.1999.tx");
      assertThatThrownBy(() -> udim.render(1000))
          .isInstanceOf(SequenceException.class)
          .hasMessageContaining("1001 to 1999");
      assertThatThrownBy(() -> udim.render(2000)).isInstanceOf(SequenceException.class);
    }
    assertThatThrownBy(() -> SequencePattern.parse("tex.<UVTILE>.tx"))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("uvTileEnabled(true)");
    SequencePattern uv =
        SequencePattern.parse(
            "tex.<UVTILE>.tx", SequenceSyntax.builder().uvTileEnabled(true).build());
    assertThat(uv.style()).isEqualTo(TokenStyle.UVTILE);
    assertThat(uv.render(1001)).isEqualTo("tex.u1_v1.tx");
    assertThat(uv.render(1012)).isEqualTo("tex.u2_v2.tx");
  }

  @Test
  @DisplayName("S05 range syntax: x2, y2, descending, stagger, x0 and x-1 rejected")
  void s05_rangeSyntax() {
    assertThat(FrameSet.parse("1-10x2").toArray()).containsExactly(1, 3, 5, 7, 9);
    assertThat(FrameSet.parse("1-10y2").toArray()).containsExactly(2, 4, 6, 8, 10);
    assertThat(FrameSet.parse("10-1").toArray()).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    assertThat(FrameSet.parse("1-10:3").toArray()).containsExactly(1, 4, 7, 10, 3, 5, 9, 2, 6, 8);
    assertThatThrownBy(() -> FrameSet.parse("1-10x0"))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("step 0");
    assertThatThrownBy(() -> FrameSet.parse("1-10x-1"))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("negative step");
  }

  @Test
  @DisplayName("S06 negative ranges -5--1 and -10-100")
  void s06_negativeRanges() {
    assertThat(FrameSet.parse("-5--1").toArray()).containsExactly(-5, -4, -3, -2, -1);
    FrameSet wide = FrameSet.parse("-10-100");
    assertThat(wide.size()).isEqualTo(111);
    assertThat(wide.first()).hasValue(-10);
    assertThat(wide.last()).hasValue(100);
    assertThat(wide.contains(0)).isTrue();
  }

  @Test
  @DisplayName("S07 f.-0005 with f.0000/f.0001: one sequence with DIGITS_ONLY, two with PRINTF")
  void s07_signPaddingInCollapse() {
    String[] names = {"f.-0005.exr", "f.0000.exr", "f.0001.exr"};

    CollapseResult digitsOnly =
        collapse(CollapseOptions.builder().signPadding(SignPadding.DIGITS_ONLY).build(), names);
    assertThat(bracketForms(digitsOnly)).containsExactly("f.%04d.exr [-5, 0-1]");
    assertThat(digitsOnly.leftovers()).isEmpty();

    // Under printf, -0005 is 5 wide: it is a different sequence from 0000, which is 4 wide.
    CollapseResult printf =
        collapse(
            CollapseOptions.builder().signPadding(SignPadding.PRINTF).minItems(1).build(), names);
    assertThat(bracketForms(printf)).containsExactly("f.%04d.exr [0-1]", "f.%05d.exr [-5]");
    CollapseResult printfDefaults = collapse(CollapseOptions.defaults(), names);
    assertThat(bracketForms(printfDefaults)).containsExactly("f.%04d.exr [0-1]");
    assertThat(printfDefaults.leftovers()).containsExactly("f.-0005.exr");
  }

  @Test
  @DisplayName("S08 frame -5 at pad 4: -005 under PRINTF, -0005 under DIGITS_ONLY")
  void s08_renderNegative() {
    SequencePattern pattern = SequencePattern.of("f.", 4, ".exr");

    assertThat(pattern.withSignPadding(SignPadding.PRINTF).render(-5)).isEqualTo("f.-005.exr");
    assertThat(pattern.withSignPadding(SignPadding.DIGITS_ONLY).render(-5))
        .isEqualTo("f.-0005.exr");
  }

  @Test
  @DisplayName("S09 collapse with holes, in bracket and fileseq form")
  void s09_collapseWithHoles() {
    CollapseResult result =
        collapse(
            CollapseOptions.defaults(),
            "a.1001.exr",
            "a.1002.exr",
            "a.1004.exr",
            "a.1005.exr",
            "a.1010.exr");

    assertThat(result.sequences()).hasSize(1);
    FileSequence seq = result.sequences().get(0);
    assertThat(seq.toBracketString()).isEqualTo("a.%04d.exr [1001-1002, 1004-1005, 1010]");
    assertThat(seq.holes().toRangeList()).isEqualTo("[1003, 1006-1009]");
    assertThat(seq.toInlineString(HashWidth.FOUR)).isEqualTo("a.1001-1002,1004-1005,1010#.exr");
  }

  @Test
  @DisplayName("S10 ambiguous padding: 1000/1001 per policy, 999/1000 is %d, 0999/1000 is %04d")
  void s10_ambiguousPadding() {
    assertThat(bracketForms(collapse(CollapseOptions.defaults(), "a.1000.exr", "a.1001.exr")))
        .containsExactly("a.%04d.exr [1000-1001]");
    CollapseOptions unpadded =
        CollapseOptions.builder().ambiguousPadding(AmbiguousPadding.ASSUME_UNPADDED).build();
    assertThat(bracketForms(collapse(unpadded, "a.1000.exr", "a.1001.exr")))
        .containsExactly("a.%d.exr [1000-1001]");
    assertThat(bracketForms(collapse(CollapseOptions.defaults(), "a.999.exr", "a.1000.exr")))
        .containsExactly("a.%d.exr [999-1000]");
    assertThat(bracketForms(collapse(CollapseOptions.defaults(), "a.0999.exr", "a.1000.exr")))
        .containsExactly("a.%04d.exr [999-1000]");
  }

  @Test
  @DisplayName("S11 version numbers are not frames")
  void s11_versionsAreNotFrames() {
    CollapseResult result =
        collapse(
            CollapseOptions.defaults(),
            "sh010_v003.1001.exr",
            "sh010_v003.1002.exr",
            "x_v001.exr",
            "x_v002.exr");

    assertThat(bracketForms(result)).containsExactly("sh010_v003.%04d.exr [1001-1002]");
    assertThat(result.leftovers()).containsExactly("x_v001.exr", "x_v002.exr");
  }

  @Test
  @DisplayName("S12 a dash after a digit is not a minus sign")
  void s12_dashAfterDigit() {
    CollapseResult result = collapse(CollapseOptions.defaults(), "434-0000.exr", "434-0001.exr");

    assertThat(result.sequences()).hasSize(1);
    FileSequence seq = result.sequences().get(0);
    assertThat(seq.pattern().head()).isEqualTo("434-");
    assertThat(seq.pattern().width()).isEqualTo(4);
    assertThat(seq.frames().toArray()).containsExactly(0, 1);
  }

  @Test
  @DisplayName("S13 FrameSet 1-10000000: constant memory, fast membership, compact string")
  void s13_hugeRange() {
    FrameSet frames = FrameSet.parse("1-10000000");

    assertThat(frames.size()).isEqualTo(10_000_000L);
    assertThat(frames.contains(9_999_999)).isTrue();
    assertThat(frames.contains(10_000_001)).isFalse();
    assertThat(frames.toString()).isEqualTo("1-10000000");
    assertThat(frames.runCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("S14 case-sensitive grouping gives two sequences, case-insensitive one")
  void s14_caseInsensitiveGrouping() {
    CollapseOptions sensitive = CollapseOptions.builder().minItems(1).build();
    assertThat(bracketForms(collapse(sensitive, "F.0001.exr", "f.0002.exr")))
        .containsExactly("F.%04d.exr [1]", "f.%04d.exr [2]");

    CollapseOptions insensitive = CollapseOptions.builder().caseSensitive(false).build();
    // The folded (lower-case) spelling is reported, whatever the input order.
    assertThat(bracketForms(collapse(insensitive, "F.0001.exr", "f.0002.exr")))
        .containsExactly("f.%04d.exr [1-2]");
    assertThat(bracketForms(collapse(insensitive, "f.0002.exr", "F.0001.exr")))
        .containsExactly("f.%04d.exr [1-2]");
  }

  @Test
  @DisplayName("S15 step detection: {1,2,3,5,7,9,20} is 1-3,5-9x2,20 and parses back")
  void s15_stepDetection() {
    FrameSet frames = FrameSet.fromFrames(new int[] {1, 2, 3, 5, 7, 9, 20});

    assertThat(frames.toString()).isEqualTo("1-3,5-9x2,20");
    assertThat(FrameSet.parse(frames.toString())).isEqualTo(frames);
    assertThat(FrameSet.parse(frames.toString()).toArray()).containsExactly(1, 2, 3, 5, 7, 9, 20);
    assertThat(frames.toRangeList()).isEqualTo("[1-3, 5, 7, 9, 20]");
  }

  @Test
  @DisplayName("S16 drive and UNC prefixes survive expansion")
  void s16_separatorsPreserved() {
    FileSequence drive =
        FileSequence.parse("C:\\shots\\comp.1-3#.exr", SequenceSyntax.of(HashWidth.FOUR));
    assertThat(drive.expand().toList())
        .containsExactly(
            "C:\\shots\\comp.0001.exr", "C:\\shots\\comp.0002.exr", "C:\\shots\\comp.0003.exr");

    FileSequence unc = FileSequence.parse("\\\\fs01\\storage\\comp.%04d.exr [1-3]");
    assertThat(unc.expand().findFirst()).hasValue("\\\\fs01\\storage\\comp.0001.exr");
    assertThat(unc.size()).isEqualTo(3);
  }
}
