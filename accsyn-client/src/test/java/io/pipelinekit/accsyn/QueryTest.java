package io.pipelinekit.accsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.internal.QueryText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official client's query processing, and the safe builder. */
class QueryTest {
  static String expr(String q) {
    return QueryText.decode(q).expression().orElse(null);
  }

  @Test
  void entityTypeIsLowerCasedButTheExpressionKeepsTheCaseOfEveryValue() {
    QueryText.Decoded d = QueryText.decode("Transfer WHERE name=\"My Transfer\"");
    assertThat(d.entityType()).isEqualTo("transfer");
    assertThat(d.expression()).contains("name=\"My Transfer\"");
    assertThat(expr("client WHERE code=Anna-WS AND type=0")).isEqualTo("code=Anna-WS AND type=0");
    assertThat(Query.parse("client WHERE code=Anna-WS").expression()).contains("code=Anna-WS");
    assertThat(Query.of("Client").where("code", Operator.EQ, "Anna-WS").expression())
        .contains("code=\"Anna-WS\"");
    assertThat(QueryText.decode("  Site  ").entityType()).isEqualTo("site");
    assertThat(QueryText.decode("Site").expression()).isEmpty();
  }

  @Test
  void tabsBecomeSpacesNewlinesVanishAndWhereIsCaseInsensitive() {
    assertThat(expr("transfer\twhere\tstatus=failed")).isEqualTo("status=failed");
    assertThat(expr("transfer WHERE status=fai\nled")).isEqualTo("status=failed");
    assertThat(expr("transfer wHeRe a=1")).isEqualTo("a=1");
  }

  @Test
  void extraSpacesOfARunStayInTheNextPartAsInPython() {
    // Python keeps the 2nd..nth space of a run at the start of the next part.
    assertThat(expr("t WHERE a=1  and b=2")).isEqualTo("a=1  and b=2");
    assertThat(expr("t  WHERE   x=1")).isEqualTo("  x=1");
  }

  @Test
  void spacesInsideDoubleQuotesAndParenthesesDoNotSplit() {
    assertThat(expr("t WHERE (a=1 OR b=2) AND c=\"x  y\""))
        .isEqualTo("(a=1 OR b=2) AND c=\"x  y\"");
    // Single quotes are not quoting for the splitter; runs of spaces inside them stay too.
    assertThat(expr("queue WHERE name='very  medium'")).isEqualTo("name='very  medium'");
  }

  @Test
  void invalidSyntaxIsRefused() {
    assertThatThrownBy(() -> QueryText.decode("transfer WHERE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid syntax");
    assertThatThrownBy(() -> QueryText.decode("transfer WITH a=1"))
        .hasMessageContaining("second word must be WHERE");
    assertThatThrownBy(() -> QueryText.decode("   ")).hasMessageContaining("empty query");
  }

  @Test
  void builderQuotesValuesSoTheyCannotChangeTheQuery() {
    Query q =
        Query.of("Transfer")
            .where("status", Operator.NE, "failed")
            .and("name", Operator.EQ, "x OR 1=1")
            .and("code", Operator.EQ, "say \"hi\"");
    assertThat(q.expression())
        .contains("status!=\"failed\" AND name=\"x OR 1=1\" AND code='say \"hi\"'");
    assertThatThrownBy(() -> Condition.of("name", Operator.EQ, "both \" and '"))
        .hasMessageContaining("both");
    assertThatThrownBy(() -> Condition.of("name", Operator.EQ, "line\nbreak"))
        .hasMessageContaining("line breaks");
    assertThatThrownBy(() -> Condition.of("name) OR (a", Operator.EQ, "x"))
        .hasMessageContaining("invalid attribute name");
    assertThatThrownBy(() -> Condition.of("type", Operator.IN, List.of("a,b")))
        .hasMessageContaining("comma-separated");
  }

  @Test
  void builderGroupsMixedConnectivesAndRendersNumbersAndLists() {
    Condition c =
        Condition.of("status", Operator.NE, "failed")
            .and(
                Condition.of("user", Operator.EQ, "lisa@example.com")
                    .or(Condition.of("destination", Operator.EQ, "hq")));
    assertThat(c.text())
        .isEqualTo("status!=\"failed\" AND (user=\"lisa@example.com\" OR destination=\"hq\")");
    assertThat(Query.of("client").where("type", Operator.IN, List.of(0, 2)).expression())
        .contains("type in 0,2");
    assertThat(Query.of("volume").where("default", Operator.EQ, true).expression())
        .contains("default=true");
    assertThat(
            Query.of("transfer")
                .where("size", Operator.GT, 9007199254740993L)
                .or("job.id", Operator.EQ, "614d660de50d45bb027c9bdd")
                .expression())
        .contains("size>9007199254740993 OR job.id=\"614d660de50d45bb027c9bdd\"");
  }

  @Test
  void parsedQueriesCanBeRefinedAndCompareByWhatIsSent() {
    Query q =
        Query.parse("Transfer WHERE status=failed OR status=aborted")
            .and("user", Operator.EQ, "anna@studio.com");
    assertThat(q.expression())
        .contains("(status=failed OR status=aborted) AND user=\"anna@studio.com\"");
    assertThat(Query.parse("USER WHERE role=employee"))
        .isEqualTo(Query.parse("user where role=employee"))
        .isNotEqualTo(Query.parse("user where role=EMPLOYEE"));
    assertThat(Query.of("transfer").limit(5).skip(10).finished(true).toString())
        .isEqualTo("transfer limit=5 skip=10 finished=true");
    assertThatThrownBy(() -> Query.of("transfer").limit(0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> Query.of("transfer").or("a", Operator.EQ, 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void attributeQueriesCarryTheCreateAndUpdateFlagsOfTheOfficialClient() {
    Query q = Query.parse("attributes WHERE entitytype=transfer");
    assertThat(q.create()).isFalse();
    assertThat(q.update()).isFalse();
    assertThat(q.create(true).create()).isTrue();
    assertThat(q.update(true).update()).isTrue();
    assertThat(q.create(true)).isNotEqualTo(q);
    assertThat(q.create(true).toString()).endsWith("create=true");
  }
}
