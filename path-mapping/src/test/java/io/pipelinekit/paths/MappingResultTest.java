package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MappingResultTest {
  private static final MappingFailure FAILURE =
      new MappingFailure(FailureKind.NO_MATCH, "/x", "'/x' is not under any root");

  @Test
  void successCarriesValueAndWarnings() {
    MappingResult<String> r = MappingResult.success("S:\\a", List.of("w1"));
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.value()).contains("S:\\a");
    assertThat(r.orElseThrow()).isEqualTo("S:\\a");
    assertThat(r.failure()).isEmpty();
    assertThat(r.failureKind()).isEmpty();
    assertThat(r.warnings()).containsExactly("w1");
  }

  @Test
  void failureCarriesTheReasonAndThrowsItTyped() {
    MappingResult<String> r = MappingResult.failure(FAILURE);
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.value()).isEmpty();
    assertThat(r.failure()).contains(FAILURE);
    assertThat(r.failureKind()).contains(FailureKind.NO_MATCH);
    assertThat(r.warnings()).isEmpty();
    assertThatThrownBy(r::orElseThrow)
        .isInstanceOfSatisfying(
            PathRejectedException.class,
            e -> {
              assertThat(e.failure()).isSameAs(FAILURE);
              assertThat(e.kind()).isEqualTo(FailureKind.NO_MATCH);
              assertThat(e).hasMessage(FAILURE.message());
            })
        .isInstanceOf(PathMappingException.class);
  }

  @Test
  void failureFromPartsEqualsFailureFromRecord() {
    assertThat(MappingResult.failure(FailureKind.NO_MATCH, "/x", "'/x' is not under any root"))
        .isEqualTo(MappingResult.failure(FAILURE));
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> MappingResult.success(null, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MappingResult.success("a", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MappingResult.failure(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MappingFailure(null, "a", "b"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MappingFailure(FailureKind.MALFORMED, null, "b"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new MappingFailure(FailureKind.MALFORMED, "a", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new PathRejectedException(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void warningsAreCopiedAndUnmodifiable() {
    List<String> warnings = new ArrayList<>(List.of("w1"));
    MappingResult<String> r = MappingResult.success("a", warnings);
    warnings.add("w2");
    assertThat(r.warnings()).containsExactly("w1");
    assertThatThrownBy(() -> r.warnings().add("w3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapTransformsSuccessesAndKeepsWarnings() {
    MappingResult<Integer> r = MappingResult.success("abc", List.of("w")).map(String::length);
    assertThat(r.orElseThrow()).isEqualTo(3);
    assertThat(r.warnings()).containsExactly("w");
  }

  @Test
  void mapPassesFailuresThroughWithoutCallingTheFunction() {
    AtomicInteger calls = new AtomicInteger();
    MappingResult<Integer> r =
        MappingResult.<String>failure(FAILURE)
            .map(
                s -> {
                  calls.incrementAndGet();
                  return s.length();
                });
    assertThat(calls).hasValue(0);
    assertThat(r.failure()).contains(FAILURE);
  }

  @Test
  void equalityCoversValueFailureAndWarnings() {
    MappingResult<String> a = MappingResult.success("a", List.of("w"));
    assertThat(a)
        .isEqualTo(MappingResult.success("a", List.of("w")))
        .hasSameHashCodeAs(MappingResult.success("a", List.of("w")));
    assertThat(a).isNotEqualTo(MappingResult.success("a", List.of()));
    assertThat(a).isNotEqualTo(MappingResult.success("b", List.of("w")));
    assertThat(MappingResult.failure(FAILURE)).isEqualTo(MappingResult.failure(FAILURE));
    assertThat(MappingResult.failure(FAILURE))
        .isNotEqualTo(MappingResult.failure(FailureKind.ESCAPES_ROOT, "/x", FAILURE.message()));
  }

  @Test
  void toStringShowsWhatHappened() {
    assertThat(MappingResult.success("S:\\a", List.of())).hasToString("MappingResult{S:\\a}");
    assertThat(MappingResult.success("S:\\a", List.of("w")).toString()).contains("warnings=[w]");
    assertThat(MappingResult.failure(FAILURE).toString())
        .contains("NO_MATCH")
        .contains(FAILURE.message());
    assertThat(FAILURE).hasToString("NO_MATCH: '/x' is not under any root");
  }

  @Test
  void mapperResultsCarryTheirInput() {
    MappingResult<SharePath> r = PathMapper.of(SpecTables.m()).toShare("/mnt/projects2/a.exr");
    MappingFailure f = r.failure().orElseThrow();
    assertThat(f.input()).isEqualTo("/mnt/projects2/a.exr");
    assertThat(f.kind()).isEqualTo(FailureKind.NO_MATCH);
  }
}
