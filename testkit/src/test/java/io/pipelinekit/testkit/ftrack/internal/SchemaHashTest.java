package io.pipelinekit.testkit.ftrack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaHashTest {
  @Test
  void writesWhatPythonJsonDumpsWithSortedKeysWrites() {
    // Expected text produced by: json.dumps({...}, sort_keys=True) in CPython 3.11.
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 0L);
    inner.put("y", "é");
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", Arrays.asList(1L, true, null, "x\"\\é\u007f\n"));
    value.put("a", inner);
    assertThat(SchemaHash.canonical(value))
        .isEqualTo(
            "{\"a\": {\"y\": \"\\u00e9\", \"z\": 0},"
                + " \"b\": [1, true, null, \"x\\\"\\\\\\u00e9\\u007f\\n\"]}");
  }

  @Test
  void isTheMd5OfTheCanonicalText() {
    // md5 of the text "[]", as hashlib.md5(json.dumps([]).encode()).hexdigest() gives it.
    assertThat(SchemaHash.of(List.of())).isEqualTo("d751713988987e9331980363e24189ce");
  }
}
