package io.pipelinekit.paths.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequencePatternTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "comp.%04d.exr; comp.; %04d; .exr; PRINTF; 4",
        "comp.%d.exr; comp.; %d; .exr; PRINTF; 1",
        "comp.%0d.exr; comp.; %0d; .exr; PRINTF; 1",
        "comp_####.exr; comp_; ####; .exr; HASH; 4",
        "comp.#@.exr; comp.; #@; .exr; HASH; 2",
        "comp.@.exr; comp.; @; .exr; AT; 1",
        "comp.${F4}.exr; comp.; ${F4}; .exr; HOUDINI; 4",
        "comp.${F}.exr; comp.; ${F}; .exr; HOUDINI; 1",
        "$F3; ''; $F3; ''; HOUDINI; 3",
        "tex.%(UDIM)d.tx; tex.; %(UDIM)d; .tx; UDIM; 4",
        "/a/100%/b#1/c.%03d.dpx; /a/100%/b#1/c.; %03d; .dpx; PRINTF; 3",
        "render 100% $FPS.%04d.exr; render 100% $FPS.; %04d; .exr; PRINTF; 4",
      })
  void readsTokensInTheFileNameOnly(
      String text, String head, String token, String tail, TokenStyle style, int width) {
    SequencePattern pattern = SequencePattern.parse(text);

    assertThat(pattern.head()).isEqualTo(head);
    assertThat(pattern.token()).isEqualTo(token);
    assertThat(pattern.tail()).isEqualTo(tail);
    assertThat(pattern.style()).isEqualTo(style);
    assertThat(pattern.width()).isEqualTo(width);
    assertThat(pattern.toString()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "comp.exr; no frame token",
        "/shots/%04d/comp.exr; no frame token",
        "comp.%04d.%04d.exr; more than one frame token",
        "tex.<UDIM>.%04d.exr; more than one frame token",
        "comp.%4d.exr; pads with spaces",
        "comp.%099d.exr; too wide",
        "comp.%033d.exr; too wide",
        "comp.$F0.exr; padding of 0 digits",
      })
  void rejectsPatternsWithoutExactlyOneToken(String text, String message) {
    assertThatThrownBy(() -> SequencePattern.parse(text))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsOverlyWideHashRuns() {
    assertThatThrownBy(
            () -> SequencePattern.parse("c.#########.exr", SequenceSyntax.of(HashWidth.FOUR)))
        .isInstanceOf(SequenceSyntaxException.class)
        .hasMessageContaining("36 digits is too wide");
  }

  @Test
  void formatsInEveryNumericStyle() {
    SequencePattern pattern = SequencePattern.parse("/s/comp.%05d.exr");

    assertThat(pattern.format(TokenStyle.PRINTF, HashWidth.ONE)).isEqualTo("/s/comp.%05d.exr");
    assertThat(pattern.format(TokenStyle.HASH, HashWidth.ONE)).isEqualTo("/s/comp.#####.exr");
    assertThat(pattern.format(TokenStyle.HASH, HashWidth.FOUR)).isEqualTo("/s/comp.#@.exr");
    assertThat(pattern.format(TokenStyle.AT, HashWidth.ONE)).isEqualTo("/s/comp.@@@@@.exr");
    assertThat(pattern.format(TokenStyle.HOUDINI, HashWidth.ONE)).isEqualTo("/s/comp.$F5.exr");
    assertThat(SequencePattern.of("a.", 1, ".exr").format(TokenStyle.HOUDINI, HashWidth.ONE))
        .isEqualTo("a.$F.exr");
    assertThatThrownBy(() -> pattern.format(TokenStyle.UDIM, HashWidth.ONE))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("UDIM tiles have 4 digits");
    assertThatThrownBy(() -> pattern.format(TokenStyle.UVTILE, HashWidth.ONE))
        .isInstanceOf(SequenceException.class);
  }

  @Test
  void aReformattedPatternReadsBackTheSame() {
    SequencePattern pattern = SequencePattern.parse("comp.%05d.exr");
    String fileseq = pattern.format(TokenStyle.HASH, HashWidth.FOUR);

    SequencePattern reread = SequencePattern.parse(fileseq, SequenceSyntax.of(HashWidth.FOUR));
    assertThat(reread.width()).isEqualTo(5);
    assertThat(reread.render(42)).isEqualTo(pattern.render(42));
  }

  @Test
  void everyFormattedStyleParsesBackToAnEqualPattern() {
    for (int width = 1; width <= 9; width++) {
      SequencePattern pattern = SequencePattern.of("/s/comp.", width, ".exr");
      for (TokenStyle style :
          List.of(TokenStyle.PRINTF, TokenStyle.HASH, TokenStyle.AT, TokenStyle.HOUDINI)) {
        for (HashWidth hashWidth : HashWidth.values()) {
          SequencePattern styled = pattern.withStyle(style, hashWidth);
          assertThat(SequencePattern.parse(styled.toString(), SequenceSyntax.of(hashWidth)))
              .as("%s as %s with %s", pattern, style, hashWidth)
              .isEqualTo(styled);
          assertThat(styled.render(7)).isEqualTo(pattern.render(7));
        }
      }
    }
  }

  @Test
  void udimConvertsToPrintfAndBack() {
    SequencePattern udim = SequencePattern.parse("tex.<UDIM>.tx");
    SequencePattern printf = udim.withStyle(TokenStyle.PRINTF, HashWidth.ONE);

    assertThat(printf.toString()).isEqualTo("tex.%04d.tx");
    assertThat(printf.withStyle(TokenStyle.UDIM, HashWidth.ONE).toString())
        .isEqualTo("tex.<UDIM>.tx");
  }

  @Test
  void rendersAndReadsBackFrames() {
    SequencePattern pattern = SequencePattern.of("/s/a.", 4, ".exr");

    assertThat(pattern.render(42)).isEqualTo("/s/a.0042.exr");
    assertThat(pattern.render(123456)).isEqualTo("/s/a.123456.exr");
    assertThat(pattern.frameOf("/s/a.0042.exr")).hasValue(42);
    assertThat(pattern.frameOf("/s/a.123456.exr")).hasValue(123456);
    assertThat(pattern.frameOf("/s/a.-005.exr")).hasValue(-5);
    assertThat(pattern.frameOf("/s/a.042.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/a.00042.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/a.-0005.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/a.-000.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/a.00x2.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/b.0042.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/a.exr")).isEmpty();
    assertThat(pattern.frameOf("/s/a.99999999999.exr")).isEmpty();
    assertThat(pattern.withSignPadding(SignPadding.DIGITS_ONLY).frameOf("/s/a.-0005.exr"))
        .hasValue(-5);
  }

  @Test
  void uvTilesRenderAndReadBack() {
    SequencePattern uv =
        SequencePattern.parse(
            "t.<UVTILE>.tx", SequenceSyntax.builder().uvTileEnabled(true).build());

    assertThat(uv.render(1999)).isEqualTo("t.u9_v100.tx");
    assertThat(uv.frameOf("t.u9_v100.tx")).hasValue(1999);
    assertThat(uv.frameOf("t.u10_v1.tx")).hasValue(1010);
    assertThat(uv.frameOf("t.u11_v1.tx")).isEmpty();
    assertThat(uv.frameOf("t.u01_v1.tx")).isEmpty();
    assertThat(uv.frameOf("t.1001.tx")).isEmpty();
    assertThat(uv.withStyle(TokenStyle.UDIM, HashWidth.ONE).render(1012)).isEqualTo("t.1012.tx");
  }

  @Test
  void udimFrameOfRejectsNonTiles() {
    SequencePattern udim = SequencePattern.parse("tex.<UDIM>.tx");
    assertThat(udim.frameOf("tex.1001.tx")).hasValue(1001);
    assertThat(udim.frameOf("tex.0999.tx")).isEmpty();
  }

  @Test
  void ofValidatesWidth() {
    assertThatThrownBy(() -> SequencePattern.of("a.", 0, ".exr"))
        .isInstanceOf(SequenceException.class)
        .hasMessageContaining("use 1 (unpadded) to 32");
  }

  @Test
  void equalityCoversTokenAndSignPadding() {
    SequencePattern printf = SequencePattern.parse("a.%04d.exr");
    assertThat(printf).isEqualTo(SequencePattern.of("a.", 4, ".exr"));
    assertThat(printf.hashCode()).isEqualTo(SequencePattern.of("a.", 4, ".exr").hashCode());
    assertThat(printf).isNotEqualTo(SequencePattern.parse("a.####.exr"));
    assertThat(printf).isNotEqualTo(printf.withSignPadding(SignPadding.DIGITS_ONLY));
  }

  @Test
  void syntaxDefaultsAreDocumentedValues() {
    SequenceSyntax defaults = SequenceSyntax.defaults();
    assertThat(defaults.hashWidth()).isEqualTo(HashWidth.ONE);
    assertThat(defaults.signPadding()).isEqualTo(SignPadding.PRINTF);
    assertThat(defaults.uvTileEnabled()).isFalse();
    assertThat(SequenceSyntax.builder().build()).isEqualTo(defaults);
    assertThat(SequenceSyntax.of(HashWidth.FOUR)).isNotEqualTo(defaults);
    SequencePattern digitsOnly =
        SequencePattern.parse(
            "a.%04d.exr", SequenceSyntax.builder().signPadding(SignPadding.DIGITS_ONLY).build());
    assertThat(digitsOnly.render(-5)).isEqualTo("a.-0005.exr");
  }
}
