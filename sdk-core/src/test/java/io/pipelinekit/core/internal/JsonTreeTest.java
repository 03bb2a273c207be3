package io.pipelinekit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
  @Test
  void numbersStayExact() {
    Object tree =
        JsonTree.parse(
            "{\"size\": 9007199254740993, \"big\": 123456789012345678901,"
                + " \"f\": 0.1, \"i\": 3}");
    assertThat(tree)
        .isEqualTo(
            Map.of(
                "size",
                9007199254740993L,
                "big",
                new BigDecimal("123456789012345678901"),
                "f",
                new BigDecimal("0.1"),
                "i",
                3L));
  }

  @Test
  void keyOrderIsKeptAndFrozenTreesCannotChange() {
    Object tree = JsonTree.parseFrozen("{\"b\": [1, {\"x\": null}], \"a\": true}");
    assertThat(List.copyOf(((Map<?, ?>) tree).keySet())).isEqualTo(List.of("b", "a"));
    assertThatThrownBy(() -> ((Map<?, ?>) tree).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) ((Map<?, ?>) tree).get("b")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> mutable = (Map<String, Object>) JsonTree.parse("{\"a\": 1}");
    mutable.put("b", 2L);
    assertThat(mutable).containsEntry("b", 2L);
  }

  @Test
  void syntaxErrorsAreTyped() {
    assertThatThrownBy(() -> JsonTree.parse("{\"a\": 1} x"))
        .isInstanceOf(JsonSyntaxException.class);
    assertThatThrownBy(() -> JsonTree.parse("{\"a\": ")).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void writesCompactJsonAndRoundTrips() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", null);
    m.put("d", 1.5);
    m.put("l", List.of(1L, "two", false));
    String text = JsonTree.write(m);
    assertThat(text).isEqualTo("{\"n\":null,\"d\":1.5,\"l\":[1,\"two\",false]}");
    assertThat(JsonTree.write(JsonTree.parse(text))).isEqualTo(text);
    assertThatThrownBy(() -> JsonTree.write(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonTree.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSourceIsReadAsTheSameTreeAndItsFailuresStayApart() throws Exception {
    String text = "{\"b\": [1, {\"x\": null}], \"a\": 0.25, \"n\": 9007199254740993}";
    assertThat(JsonTree.parseFrozen(new Buffer().writeUtf8(text)))
        .isEqualTo(JsonTree.parseFrozen(text));
    // Cut short: the end of the input, not a syntax error, so that callers can tell a broken
    // connection from a body that is not JSON.
    assertThatThrownBy(() -> JsonTree.parseFrozen(new Buffer().writeUtf8("{\"b\": [1, 2")))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> JsonTree.parseFrozen(new Buffer().writeUtf8("<html>")))
        .isInstanceOf(JsonSyntaxException.class);
    assertThatThrownBy(() -> JsonTree.parseFrozen(new Buffer().writeUtf8("{} {}")))
        .isInstanceOf(JsonSyntaxException.class);
  }
}
