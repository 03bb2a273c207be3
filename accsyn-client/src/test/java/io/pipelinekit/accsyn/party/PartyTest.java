package io.pipelinekit.accsyn.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The party forms and their wire text. */
class PartyTest {

  @Test
  void factoriesFormatAsTheSpecTable() {
    assertThat(Party.workspace().toString()).isEmpty();
    assertThat(Party.workspace().isOmitted()).isTrue();
    assertThat(Party.workspace("acme").toString()).isEqualTo("acme");
    assertThat(Party.user("lisa@example.com").toString()).isEqualTo("lisa@example.com");
    assertThat(Party.userAt("emma@compers.com", "ws01").toString())
        .isEqualTo("emma@compers.com@ws01");
    assertThat(Party.site("la").toString()).isEqualTo("site=la");
    assertThat(Party.client("5d84a31ace1bf9913a17cc20").toString())
        .isEqualTo("client=5d84a31ace1bf9913a17cc20");
  }

  @ParameterizedTest
  @CsvSource({
    "site=la, SITE, la,",
    "SITE=cloud, SITE, cloud,",
    "client=5d84a31ace1bf9913a17cc20, CLIENT, 5d84a31ace1bf9913a17cc20,",
    "lisa@example.com, USER, lisa@example.com,",
    "emma@compers.com@ws01, USER_AT_HOST, emma@compers.com, ws01",
    "acme, WORKSPACE, acme,"
  })
  void parsesEveryForm(String text, Party.Kind kind, String value, String host) {
    Party p = Party.parse(text);
    assertThat(p.kind()).isEqualTo(kind);
    assertThat(p.value()).contains(value);
    assertThat(p.host().orElse(null)).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"site=la", "client=5d84a31ace1bf9913a17cc20", "a@b.c", "a@b.c@host", "acme", ""})
  void parseIsTheInverseOfToString(String text) {
    assertThat(Party.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void rejectsMalformedPartiesWithAHint() {
    assertThatThrownBy(() -> Party.client("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24");
    assertThatThrownBy(() -> Party.user("not-an-email"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e-mail");
    assertThatThrownBy(() -> Party.site("l a")).hasMessageContaining("site code");
    assertThatThrownBy(() -> Party.site("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Party.parse("share=x")).hasMessageContaining("not an accsyn party");
  }

  @Test
  void onlyNonWorkspacePartiesCanMirror() {
    assertThat(Party.workspace().canMirror()).isFalse();
    assertThat(Party.workspace("acme").canMirror()).isFalse();
    assertThat(Party.site("la").canMirror()).isTrue();
    assertThat(Party.user("a@b.c").canMirror()).isTrue();
  }

  @Test
  void equalityIsByKindAndValue() {
    assertThat(Party.site("la"))
        .isEqualTo(Party.parse("site=la"))
        .hasSameHashCodeAs(Party.site("la"));
    assertThat(Party.site("la")).isNotEqualTo(Party.workspace("la"));
  }
}
