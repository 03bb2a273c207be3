package io.pipelinekit.accsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.internal.EventEncoder;
import io.pipelinekit.accsyn.internal.PyJson;
import io.pipelinekit.accsyn.internal.PyQuote;
import io.pipelinekit.accsyn.internal.RateLimiter;
import io.pipelinekit.accsyn.internal.WireTime;
import io.pipelinekit.accsyn.testing.FakeTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JSON value type, Python-exact JSON text and quoting, the size estimate, the limiter. */
class JsonAndEncodingTest {
  @Test
  void pythonQuoteRules() {
    assertThat(PyQuote.quote("{\"uri\": \"transfer/find\"}"))
        .isEqualTo("%7B%22uri%22%3A%20%22transfer/find%22%7D");
    assertThat(PyQuote.quote("a+b c*~._-")).isEqualTo("a%2Bb%20c%2A~._-");
    assertThat(PyQuote.quote("é")).isEqualTo("%C3%A9");
    assertThat(PyQuote.unquote("a%2Bb%20c+d")).isEqualTo("a+b c+d");
  }

  @Test
  void pythonJsonDumpsLayout() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1L);
    m.put("b", Arrays.asList("x", null, true, 1.5, 1e20, 1e-5, 100.0));
    m.put("c", "é\"\\\n\u0001\u007f");
    assertThat(PyJson.write(m))
        .isEqualTo(
            "{\"a\": 1, \"b\": [\"x\", null, true, 1.5, 1e+20, 1e-05, 100.0],"
                + " \"c\": \"\\u00e9\\\"\\\\\\n\\u0001\\u007f\"}");
    assertThat(PyJson.write(Map.of())).isEqualTo("{}");
    assertThat(PyJson.write(List.of())).isEqualTo("[]");
  }

  @Test
  void numbersStayExactAndNeverBecomeDoubles() {
    Json j =
        Json.parse(
            "{\"size\": 9007199254740993, \"big\": 123456789012345678901234567890,"
                + " \"speed\": 12.50, \"n\": -3}");
    assertThat(j.get("size").orElseThrow().asLong()).isEqualTo(9007199254740993L);
    assertThat(j.get("big").orElseThrow().asDecimal())
        .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(j.get("speed").orElseThrow().asDecimal()).isEqualTo(new BigDecimal("12.50"));
    assertThat(j.integer("n")).contains(-3L);
    assertThat(j.get("size").orElseThrow().toPlain()).isInstanceOf(Long.class);
    assertThatThrownBy(() -> j.get("speed").orElseThrow().asLong())
        .isInstanceOf(IllegalStateException.class);
    assertThat(Json.of(Map.of("id", 42)).get("id").orElseThrow().toPlain()).isEqualTo(42L);
    assertThat(j.toJson()).contains("9007199254740993").contains("12.50");
  }

  @Test
  void valuesAreImmutableAndTyped() {
    List<Object> source = new ArrayList<>(List.of("a"));
    Json j = Json.of(Map.of("list", source));
    source.add("b");
    assertThat(j.get("list").orElseThrow().size()).isEqualTo(1);
    assertThatThrownBy(() -> j.get("list").orElseThrow().asList().add(Json.nullValue()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(j.string("list")).isEmpty();
    assertThat(j.get("missing")).isEmpty();
    assertThatThrownBy(() -> j.asString())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected a STRING but found a OBJECT");
    assertThatThrownBy(() -> Json.of(new Object())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Json.parse("null").isNull()).isTrue();
    assertThatThrownBy(() -> Json.parse("{")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dateTimesAreUtcOnTheWireAndLenientWhenRead() {
    Json j = Json.of(Map.of("t", OffsetDateTime.parse("2026-11-23T01:16:26.5+01:00")));
    assertThat(j.string("t")).contains("2026-11-23T00:16:26");
    Instant utc = Instant.parse("2026-11-23T00:16:26Z");
    assertThat(Json.of("2026-11-23T00:16:26").asInstant()).isEqualTo(utc);
    assertThat(Json.of("2026-11-23T00:16:26.000").asInstant()).isEqualTo(utc);
    assertThat(Json.of("2026-11-23T01:16:26+01:00").asInstant()).isEqualTo(utc);
    assertThat(Json.of("26-11-23T00:16:26").asInstant()).isEqualTo(utc);
  }

  @Test
  void accsynsOwnDateTimeFormReadsAsTheIsoParserReadsIt() {
    // The hand-read form must agree with java.time on every text of its shape, valid or not.
    SplittableRandom random = new SplittableRandom(20261206L);
    for (int i = 0; i < 20_000; i++) {
      String text =
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02dT%02d:%02d:%02d",
              1900 + random.nextInt(300),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(26),
              random.nextInt(62),
              random.nextInt(62));
      Optional<Instant> expected;
      try {
        expected = Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        expected = Optional.empty();
      }
      assertThat(WireTime.parse(text)).as(text).isEqualTo(expected);
    }
    assertThat(WireTime.parse("2024-02-29T23:59:59"))
        .contains(Instant.parse("2024-02-29T23:59:59Z"));
    assertThat(WireTime.parse("2023-02-29T00:00:00")).isEmpty();
    assertThat(WireTime.parse("2026-11-23 00:16:26")).isEmpty();
    assertThat(WireTime.parse("2026-11-2３T00:16:26")).isEmpty();
    assertThat(WireTime.parse("2026-11-23T00:16:26Z"))
        .contains(Instant.parse("2026-11-23T00:16:26Z"));
  }

  @Test
  void sizeEstimateFollowsThePythonClient() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ab", "xyz"); // 2 + 3
    m.put("n", 12345L); // 1 + 10
    m.put("b", true); // 1 + 10
    m.put("z", null); // 1 + 0
    m.put("l", List.of("é😀", 1L)); // 1 + 2 code points + 10
    assertThat(EventEncoder.estimateSize(m)).isEqualTo(5 + 11 + 11 + 1 + 13);
  }

  @Test
  void rateLimiterAllowsABurstThenTheSustainedRate() {
    FakeTime t = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    RateLimiter limiter = new RateLimiter(30, 60, t);
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.reserve()).isZero();
    }
    Duration d61 = limiter.reserve();
    Duration d62 = limiter.reserve();
    assertThat(d61.toNanos()).isBetween(33_333_000L, 33_334_000L);
    assertThat(d62.toNanos()).isBetween(66_666_000L, 66_667_000L);
    // After two seconds the bucket has refilled by 60 minus the two reserved.
    t.advance(Duration.ofSeconds(2));
    for (int i = 0; i < 58; i++) {
      assertThat(limiter.reserve()).as("token " + i).isZero();
    }
    assertThat(limiter.reserve()).isPositive();
  }
}
