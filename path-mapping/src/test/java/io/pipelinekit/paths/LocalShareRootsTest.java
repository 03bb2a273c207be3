package io.pipelinekit.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client-local share maps (accsyn's sharepaths) override site roots on that machine. */
class LocalShareRootsTest {
  private final RootTable table = SpecTables.m();

  @Test
  void aLocalRootReplacesTheMainAndSiteRootsOfItsPlatformOnly() {
    RootTable laptop =
        table.withLocalShareRoots(Platform.LINUX, Map.of("STORAGE", "/home/anna/storage"));
    PathMapper m = PathMapper.of(laptop);
    assertThat(m.toOs("share=storage/a.exr", Target.of(Platform.LINUX)).orElseThrow())
        .hasToString("/home/anna/storage/a.exr");
    // The london override is gone for Linux on this machine: the local path wins everywhere.
    assertThat(m.toOs("share=storage/a.exr", Target.of(Platform.LINUX, "london")).orElseThrow())
        .hasToString("/home/anna/storage/a.exr");
    // Other platforms and shares keep the studio's roots.
    assertThat(m.toOs("share=storage/a.exr", Target.of(Platform.WINDOWS)).orElseThrow())
        .hasToString("S:\\a.exr");
    assertThat(m.toOs("share=projects/a.exr", Target.of(Platform.LINUX)).orElseThrow())
        .hasToString("/mnt/projects/a.exr");
    // And local paths map back to the share.
    assertThat(m.toShare("/home/anna/storage/shots/a.exr").orElseThrow())
        .hasToString("share=storage/shots/a.exr");
    // The original table is unchanged.
    assertThat(
            PathMapper.of(table).toOs("share=storage/a", Target.of(Platform.LINUX)).orElseThrow())
        .hasToString("/storage/a");
  }

  @Test
  void foldersFollowTheirRemappedVolume() {
    RootTable laptop =
        table.withLocalShareRoots(Platform.LINUX, Map.of("projects", "/home/anna/projects"));
    assertThat(
            PathMapper.of(laptop)
                .toOs("share=vfx/sh010/a.exr", Target.of(Platform.LINUX))
                .orElseThrow())
        .hasToString("/home/anna/projects/vfx/sh010/a.exr");
  }

  @Test
  void unknownCodesAndBadPathsAreRejectedWithTheirNames() {
    assertThatThrownBy(() -> table.withLocalShareRoots(Platform.LINUX, Map.of("nope", "/x")))
        .isInstanceOf(RootTableException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("storage");
    assertThatThrownBy(() -> table.withLocalShareRoots(Platform.WINDOWS, Map.of("storage", "x")))
        .isInstanceOf(RootTableException.class)
        .hasMessageContaining("relative");
  }
}
