package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Protocol keywords match ASCII case-insensitively only; table files tolerate editor quirks. */
class KeywordStrictnessTest {
  private final PathMapper mapper = PathMapper.of(SpecTables.m());

  @Test
  void shareKeywordsIgnoreAsciiCaseButNotLookAlikes() {
    assertThat(SharePath.isSharePath("SHARE=storage/a")).isTrue();
    assertThat(SharePath.isSharePath("Volume=storage/a")).isTrue();
    // U+017F LATIN SMALL LETTER LONG S upper-cases to 'S' but is not the keyword.
    assertThat(SharePath.isSharePath("\u017Fhare=storage/a")).isFalse();
    assertThat(ShareKind.fromKey("\u017Fhare")).isEmpty();
  }

  @Test
  void fileUrlsNeedTheAsciiScheme() {
    assertThat(mapper.toOs("FILE:///S:/a.exr", Target.of(Platform.LINUX)).orElseThrow())
        .hasToString("/storage/a.exr");
    // 'fİle:' (dotted capital I) is not the file scheme: it is a relative POSIX path.
    assertThat(mapper.toShare("f\u0130le:///S:/a.exr").failureKind())
        .contains(FailureKind.RELATIVE);
  }

  @Test
  void sitePartyKeywordIsAscii() {
    assertThat(mapper.toOs("SITE=london:share=storage/a", Target.of(Platform.LINUX)).orElseThrow())
        .hasToString("/mnt/lon/storage/a");
    assertThat(
            mapper
                .toOs("\u017Fite=london:share=storage/a", Target.of(Platform.LINUX))
                .orElseThrow())
        .hasToString("/storage/a");
  }

  @Test
  void aByteOrderMarkBeforeTheJsonIsIgnored() {
    RootTable t =
        RootTable.parseJson("\uFEFF{\"shares\":[{\"code\":\"s\",\"roots\":{\"linux\":\"/s\"}}]}");
    assertThat(t.share("s")).isPresent();
  }

  @Test
  void unknownKeyMessagesListKnownKeysInAStableOrder() {
    assertThatThrownBy(() -> RootTable.parseJson("{\"sahres\":[]}"))
        .isInstanceOf(RootTableException.class)
        .hasMessageContaining(
            "known keys: allowAmbiguousRoots, mainSite, shares, sites, uncHostAliases");
  }
}
