package io.pipelinekit.ftrack.events.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValuesTest {
  private static FormValues values(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return FormValues.of(m);
  }

  @Test
  void readsLeniently() {
    FormValues v =
        values(
            "b1",
            true,
            "b2",
            "TRUE",
            "b3",
            "0",
            "b4",
            1L,
            "n1",
            3L,
            "n2",
            "4.5",
            "n3",
            "",
            "d1",
            "2026-03-04",
            "d2",
            "2026-03-04T10:00:00Z",
            "d3",
            Map.of("__type__", "date", "value", "2026-03-05"),
            "c1",
            "lon",
            "c2",
            List.of("lon", "van"),
            "c3",
            List.of("one"),
            "t1",
            12L);
    assertThat(v.bool("b1")).contains(true);
    assertThat(v.bool("b2")).contains(true);
    assertThat(v.bool("b3")).contains(false);
    assertThat(v.bool("b4")).contains(true);
    assertThat(v.number("n1")).contains(new BigDecimal("3"));
    assertThat(v.number("n2")).contains(new BigDecimal("4.5"));
    assertThat(v.number("n3")).isEmpty();
    assertThat(v.date("d1")).contains(LocalDate.of(2026, 3, 4));
    assertThat(v.date("d2")).contains(LocalDate.of(2026, 3, 4));
    assertThat(v.date("d3")).contains(LocalDate.of(2026, 3, 5));
    assertThat(v.choice("c1")).contains("lon");
    assertThat(v.choices("c1")).containsExactly("lon");
    assertThat(v.choices("c2")).containsExactly("lon", "van");
    assertThat(v.choice("c3")).contains("one");
    assertThat(v.text("t1")).contains("12");
    assertThat(v.text("missing")).isEmpty();
    assertThat(v.choices("missing")).isEmpty();
    assertThat(v.has("b1")).isTrue();
    assertThat(v.has("missing")).isFalse();
  }

  @Test
  void wrongTypesSayWhichFieldAndValue() {
    FormValues v =
        values("n", "many", "b", "maybe", "d", "soon", "c", List.of("a", "b"), "m", Map.of("x", 1));
    assertThatThrownBy(() -> v.number("n"))
        .isInstanceOf(FormValueException.class)
        .hasMessageContaining("'n'")
        .hasMessageContaining("many");
    assertThatThrownBy(() -> v.bool("b"))
        .isInstanceOf(FormValueException.class)
        .hasMessageContaining("boolean");
    assertThatThrownBy(() -> v.date("d"))
        .isInstanceOf(FormValueException.class)
        .hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> v.choice("c"))
        .isInstanceOf(FormValueException.class)
        .hasMessageContaining("one choice");
    assertThatThrownBy(() -> v.text("m")).isInstanceOf(FormValueException.class);
  }

  @Test
  void formsRefuseDuplicateNamesAndUnknownDefaults() {
    assertThatThrownBy(
            () -> Form.builder().add(FormItem.text("a", "A")).add(FormItem.number("a", "A again")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
    assertThatThrownBy(
            () ->
                FormItem.enumerator("e", "E", List.of(FormItem.option("One", "1"))).withValue("2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Form.builder().build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wireShapesOfWidgets() {
    assertThat(FormItem.label("**hi**").toMap())
        .isEqualTo(Map.of("type", "label", "value", "**hi**"));
    assertThat(FormItem.textArea("t", "T").withValue("x").toMap())
        .isEqualTo(Map.of("type", "textarea", "name", "t", "label", "T", "value", "x"));
    assertThat(FormItem.bool("b", "B", true).toMap())
        .isEqualTo(Map.of("type", "boolean", "name", "b", "label", "B", "value", true));
    assertThat(FormItem.date("d", "D").withValue(LocalDate.of(2026, 1, 2)).toMap())
        .isEqualTo(Map.of("type", "date", "name", "d", "label", "D", "value", "2026-01-02"));
    assertThat(
            FormItem.enumerator("e", "E", List.of(FormItem.option("One", "1")))
                .withMultiSelect()
                .toMap())
        .containsEntry("multi_select", true)
        .containsEntry("data", List.of(Map.of("label", "One", "value", "1")));
    assertThat(ActionResponse.failure("no").toReplyData())
        .contains(Map.of("success", false, "message", "no"));
    assertThat(ActionResponse.none().toReplyData()).isEmpty();
  }
}
