package io.pipelinekit.paths.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiniJsonTest {

  @Test
  void readsEveryValueType() {
    Object doc =
        MiniJson.parse(
            " {\"s\": \"x\", \"t\": true, \"f\": false, \"n\": null, \"num\": -1.5e3,"
                + " \"a\": [1, \"b\", [], {}], \"o\": {\"k\": \"v\"}} ");
    assertThat(doc).isInstanceOf(LinkedHashMap.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) doc;
    assertThat(m).containsKeys("s", "t", "f", "n", "num", "a", "o");
    assertThat(m.get("s")).isEqualTo("x");
    assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
    assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
    assertThat(m.get("n")).isNull();
    assertThat(m.get("num")).isEqualTo(new MiniJson.JsonNumber("-1.5e3"));
    assertThat(m.get("a"))
        .isEqualTo(List.of(new MiniJson.JsonNumber("1"), "b", List.of(), Map.of()));
    assertThat(m.get("o")).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void keepsKeyOrder() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) MiniJson.parse("{\"z\":1,\"a\":2,\"m\":3}");
    assertThat(m.keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void decodesEscapes() {
    assertThat(MiniJson.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u0130\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\téİ");
    assertThat(MiniJson.parse("\"\\ud83c\\udfac\"")).isEqualTo("\uD83C\uDFAC");
    assertThat(MiniJson.parse("\"S:\\\\\"")).isEqualTo("S:\\");
  }

  @Test
  void topLevelScalarsAndArrays() {
    assertThat(MiniJson.parse("[]")).isEqualTo(List.of());
    assertThat(MiniJson.parse("\"x\"")).isEqualTo("x");
    assertThat(MiniJson.parse("null")).isNull();
    assertThat(MiniJson.parse("[null]")).isEqualTo(Arrays.asList((Object) null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                         | line 1, column 1  | end of input",
        "{                          | line 1, column 2  | end of input",
        "{\"a\" 1}                  | line 1, column 6  | expected ':'",
        "{\"a\":1,}                 | line 1, column 8  | quoted key",
        "{\"a\":1 \"b\":2}          | line 1, column 9  | ',' or '}'",
        "[1 2]                      | line 1, column 5  | ',' or ']'",
        "{a:1}                      | line 1, column 2  | quoted key",
        "tru                        | line 1, column 1  | unexpected token",
        "nul                        | line 1, column 1  | unexpected token",
        "{} {}                      | line 1, column 4  | after the JSON document",
        "\"abc                      | line 1, column 5  | unterminated string",
        "\"\\x\"                    | line 1, column 4  | bad escape '\\x'",
        "\"\\u12\"                  | line 1            | \\u escape",
        "\"\\uXYZW\"                | line 1            | bad \\u escape",
        "'a'                        | line 1, column 1  | unexpected character",
        "{\"a\":1,\"a\":2}          | duplicate key     | \"a\""
      })
  void syntaxErrorsSayWhereAndWhat(String json, String where, String what) {
    assertThatThrownBy(() -> MiniJson.parse(json))
        .isInstanceOf(MiniJson.JsonSyntaxException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON at ")
        .hasMessageContaining(where)
        .hasMessageContaining(what);
  }

  @Test
  void linesAndColumnsCountNewlines() {
    assertThatThrownBy(() -> MiniJson.parse("{\n  \"a\": 1,\n\n  \"b\" 2\n}"))
        .hasMessageContaining("line 4, column 7");
  }

  @Test
  void controlCharactersMustBeEscaped() {
    assertThatThrownBy(() -> MiniJson.parse("\"a\tb\"")).hasMessageContaining("control character");
    assertThatThrownBy(() -> MiniJson.parse("\"a\nb\"")).hasMessageContaining("control character");
  }

  @Test
  void unicodeEscapesNeedFourHexDigits() {
    // Fullwidth digits are digits to Character.digit, but not JSON hex digits.
    for (String bad : List.of("\"\\u-041\"", "\"\\u+041\"", "\"\\u\uff10041\"")) {
      assertThatThrownBy(() -> MiniJson.parse(bad))
          .as(bad)
          .isInstanceOf(MiniJson.JsonSyntaxException.class)
          .hasMessageContaining("\\u escape");
    }
  }
}
