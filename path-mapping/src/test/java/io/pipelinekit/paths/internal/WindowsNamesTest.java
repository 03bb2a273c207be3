package io.pipelinekit.paths.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.paths.FailureKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsNamesTest {

  private static FailureKind kindOf(String name, boolean patternMode) {
    Optional<WindowsNames.Problem> p = WindowsNames.check(name, patternMode);
    assertThat(p).as(name).isPresent();
    assertThat(p.get().message()).contains(name);
    return p.get().kind();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.exr",
        "My Shots",
        "a #1 (final) 100%.exr",
        "comp.%04d.exr",
        "comp.####.exr",
        "comp.$F4.exr",
        ".hidden",
        "a..b",
        ".",
        "..",
        "CON1",
        "COM10",
        "CONSOLE",
        "xCON",
        "COM\u2074",
        "\u00c9quipe",
        "\u65e5\u672c",
        "\uD83C\uDFAC.exr"
      })
  void namesWindowsCanHold(String name) {
    assertThat(WindowsNames.check(name, false)).as(name).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a<b", "a>b", "a:b", "a\"b", "a|b", "a?b", "a*b", "a\\b", "a/b"})
  void invalidCharacters(String name) {
    assertThat(kindOf(name, false)).isEqualTo(FailureKind.INVALID_CHAR);
    assertThat(WindowsNames.check(name, false).orElseThrow().message())
        .contains("'" + name.charAt(1) + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0000", "\u0001", "\t", "\n", "\u001f"})
  void controlCharacters(String c) {
    String name = "a" + c + "b";
    assertThat(kindOf(name, false)).isEqualTo(FailureKind.INVALID_CHAR);
    assertThat(WindowsNames.check(name, false).orElseThrow().message())
        .contains(String.format("U+%04X", (int) c.charAt(0)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.", "a ", "a. ", "sh010. ", "...", " "})
  void trailingDotOrSpace(String name) {
    assertThat(kindOf(name, false)).isEqualTo(FailureKind.INVALID_WINDOWS_NAME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CON",
        "con",
        "Con.exr",
        "PRN",
        "AUX",
        "aux.tar.gz",
        "NUL",
        "nul.txt",
        "COM1",
        "com9.log",
        "LPT1",
        "lpt9",
        "COM\u00b9",
        "COM\u00b2.txt",
        "LPT\u00b3",
        "lpt\u00b9.x"
      })
  void reservedDeviceNames(String name) {
    assertThat(kindOf(name, false)).isEqualTo(FailureKind.RESERVED_NAME);
    assertThat(kindOf(name, true)).isEqualTo(FailureKind.RESERVED_NAME);
  }

  @Test
  void patternModeExemptsOnlyKnownAngleTokens() {
    assertThat(WindowsNames.check("diff.<UDIM>.tx", true)).isEmpty();
    assertThat(WindowsNames.check("diff.<udim>.tx", true)).isEmpty();
    assertThat(WindowsNames.check("diff.<UVTILE>.<UDIM>.tx", true)).isEmpty();
    assertThat(kindOf("diff.<UDIM>.tx", false)).isEqualTo(FailureKind.INVALID_CHAR);
    assertThat(kindOf("diff.<FOO>.tx", true)).isEqualTo(FailureKind.INVALID_CHAR);
    assertThat(kindOf("diff.<UDIM.tx", true)).isEqualTo(FailureKind.INVALID_CHAR);
    assertThat(kindOf("a:<UDIM>", true)).isEqualTo(FailureKind.INVALID_CHAR);
  }

  @Test
  void win32StripRemovesTrailingDotsAndSpacesOnly() {
    assertThat(WindowsNames.win32Strip("sh010. ")).isEqualTo("sh010");
    assertThat(WindowsNames.win32Strip("a . .")).isEqualTo("a");
    assertThat(WindowsNames.win32Strip(" a")).isEqualTo(" a");
    assertThat(WindowsNames.win32Strip("...")).isEmpty();
    assertThat(WindowsNames.win32Strip("a.b")).isEqualTo("a.b");
  }
}
