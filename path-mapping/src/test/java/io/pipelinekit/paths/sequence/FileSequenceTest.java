package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSequenceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "/p/file.1-100#.exr; /p/file.; #; .exr; 1-100",
        "file.1-10x2@@@@.exr; file.; @@@@; .exr; 1-9x2",
        "file.-5--1#.exr; file.; #; .exr; -5--1",
        "file.1001#.exr; file.; #; .exr; 1001",
        "434-1-3#.exr; 434-; #; .exr; 1-3",
        "file-1-3#.exr; file-; #; .exr; 1-3",
        "-3-1#.exr; ''; #; .exr; -3-1",
        "/p/file.1-3,7,10-20x5%04d.exr; /p/file.; %04d; .exr; 1-3,7,10-20x5",
        "/p/file.%04d.exr [1-3, 6]; /p/file.; %04d; .exr; 1-3,6",
        "/p/file.%04d.exr   [1-3]  ; /p/file.; %04d; .exr; 1-3",
        "/p/[old]/file.%04d.exr [1-3]; /p/[old]/file.; %04d; .exr; 1-3",
        "/p/v2/sh1.%04d.exr [1001-1003x2]; /p/v2/sh1.; %04d; .exr; 1001-1003x2",
        "/p/tex.1001-1003<UDIM>.tx; /p/tex.; <UDIM>; .tx; 1001-1003",
      })
  void parsesInlineAndBracketForms(
      String text, String head, String token, String tail, String frames) {
    FileSequence seq = FileSequence.parse(text);

    assertThat(seq.pattern().head()).isEqualTo(head);
    assertThat(seq.pattern().token()).isEqualTo(token);
    assertThat(seq.pattern().tail()).isEqualTo(tail);
    assertThat(seq.frames()).isEqualTo(FrameSet.parse(frames));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "/p/file.%04d.exr; no frame range",
        "/p/comp_v003####.exr; no frame range",
        "/p/file.exr [1-3]; no frame token",
        "/p/file.%04d.exr [1-3x0]; step 0",
        "/p/file.%04d.exr [1-3; no frame range",
        "tex.<UDIM>.tx [1-3]; out of range",
      })
  void rejectsBadSequences(String text, String message) {
    assertThatThrownBy(() -> FileSequence.parse(text))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining(message);
  }

  @Test
  void syntaxErrorsPointIntoTheWholeText() {
    String text = "/p/file.%04d.exr [1-3x0]";
    assertThatThrownBy(() -> FileSequence.parse(text))
        .isInstanceOfSatisfying(
            SequenceSyntaxException.class,
            e -> {
              assertThat(e.input()).isEqualTo(text);
              assertThat(e.index()).isEqualTo(text.indexOf("0]"));
            });
  }

  @Test
  void formatsBothWays() {
    FileSequence seq = FileSequence.parse("/p/a.%04d.exr [1001-1002, 1004-1005, 1010]");

    assertThat(seq.toBracketString()).isEqualTo("/p/a.%04d.exr [1001-1002, 1004-1005, 1010]");
    assertThat(seq.toString()).isEqualTo(seq.toBracketString());
    assertThat(seq.toInlineString(HashWidth.FOUR)).isEqualTo("/p/a.1001-1002,1004-1005,1010#.exr");
    assertThat(seq.toInlineString(HashWidth.ONE))
        .isEqualTo("/p/a.1001-1002,1004-1005,1010####.exr");
    assertThat(
            FileSequence.parse(
                    seq.toInlineString(HashWidth.FOUR), SequenceSyntax.of(HashWidth.FOUR))
                .expand())
        .containsExactlyElementsOf(seq.expand().toList());
    assertThat(FileSequence.parse(seq.toString())).isEqualTo(seq);
  }

  @Test
  void inlineFormKeepsUdimTokens() {
    FileSequence udim =
        FileSequence.of(SequencePattern.parse("t.<UDIM>.tx"), FrameSet.parse("1001-1002"));
    assertThat(udim.toInlineString(HashWidth.FOUR)).isEqualTo("t.1001-1002<UDIM>.tx");
    assertThat(udim.expand()).containsExactly("t.1001.tx", "t.1002.tx");
  }

  @Test
  void expandIsLazy() {
    AtomicInteger rendered = new AtomicInteger();
    FileSequence seq =
        FileSequence.of(SequencePattern.of("a.", 4, ".exr"), FrameSet.range(1, 2_000_000_000));
    assertThat(seq.expand().peek(name -> rendered.incrementAndGet()).limit(2))
        .containsExactly("a.0001.exr", "a.0002.exr");
    assertThat(rendered).hasValue(2);
  }

  @Test
  void holesComeFromTheFrames() {
    FileSequence seq = FileSequence.parse("a.%d.exr [1-3, 7, 9-10]");
    assertThat(seq.holes().toRangeList()).isEqualTo("[4-6, 8]");
  }

  @Test
  void ofRejectsTilesOutsideUdimRange() {
    SequencePattern udim = SequencePattern.parse("t.<UDIM>.tx");
    assertThatThrownBy(() -> FileSequence.of(udim, FrameSet.parse("1001-2001")))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("UDIM tile 2001");
    assertThat(FileSequence.of(udim, FrameSet.empty()).size()).isZero();
  }
}
