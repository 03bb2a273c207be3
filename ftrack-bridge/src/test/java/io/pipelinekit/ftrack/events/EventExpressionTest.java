package io.pipelinekit.ftrack.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expression language (docs/protocol/ftrack.md, "Subscriptions and expressions"), case by case.
 */
class EventExpressionTest {
  private static final Event LAUNCH =
      Event.builder()
          .topic("ftrack.action.launch")
          .data(
              Map.of(
                  "actionIdentifier",
                  "accsyn.send",
                  "count",
                  3,
                  "flag",
                  true,
                  "name",
                  "sh 010",
                  "selection",
                  List.of(Map.of("entityId", "x"))))
          .source(Map.of("user", Map.of("username", "jane+vfx@studio.com", "id", "u-1")))
          .build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "topic=ftrack.action.launch | true",
        "topic=ftrack.action.discover | false",
        "topic=ftrack.action.* | true",
        "topic=ftrack.* | true",
        "topic=* | true",
        "topic=action* | false",
        "topic!=ftrack.action.discover | true",
        "topic=ftrack.action.launch and data.actionIdentifier=accsyn.send | true",
        "topic=ftrack.action.launch AND data.actionIdentifier=other | false",
        "topic=x or data.actionIdentifier=accsyn.send | true",
        "not topic=x | true",
        "NOT topic=ftrack.action.launch | false",
        "not (topic=x or topic=y) and data.count=3 | true",
        "topic=x or topic=y and data.count=3 | false",
        "(topic=x or topic=ftrack.action.launch) and data.count=3 | true",
        "data.count=3 | true",
        "data.count>2 | true",
        "data.count>=4 | false",
        "data.count<10 | true",
        "data.count<=3 | true",
        "data.flag=true | true",
        "data.missing=x | false",
        "data.missing!=x | false",
        "data.selection=x | false",
        "source.user.username=jane+vfx@studio.com | true",
        "source.user.id='u-1' | true",
        "data.name=\"sh 010\" | true",
        "topic.deeper=x | false",
        "topic = ftrack.action.launch | true",
      })
  void matches(String expression, boolean expected) {
    assertThat(EventExpression.parse(expression).matches(LAUNCH)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "topic",
        "topic=",
        "topic x",
        "(topic=x",
        "topic=x and",
        "topic=\"open",
        "=x",
        "topic=x)"
      })
  void rejects(String expression) {
    assertThatThrownBy(() -> EventExpression.parse(expression))
        .isInstanceOf(InvalidExpressionException.class)
        .hasMessageContaining("position");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "id=abc | true",
        "applicationId=ftrack.client.web and user.id=\"u-1\" | true",
        "applicationId=ftrack.client.web and user.id=u-2 | false",
      })
  void targetsMatchSubscriberMetadata(String target, boolean expected) {
    Map<String, Object> subscriber =
        Map.of("id", "abc", "applicationId", "ftrack.client.web", "user", Map.of("id", "u-1"));
    assertThat(EventExpression.parse(target).matches(subscriber)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jane doe", "say \"hi\"", "back\\slash"})
  void quotedValuesRoundTrip(String value) {
    Map<String, Object> tree = Map.of("v", value);
    assertThat(EventExpression.parse("v=" + EventExpression.quote(value)).matches(tree)).isTrue();
  }
}
