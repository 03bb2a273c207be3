package io.pipelinekit.paths.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTrieTest {

  private static List<String> keys(String path) {
    return List.of(path.split("/"));
  }

  private static int deepest(ComponentTrie<String> t, String path, List<String> out) {
    return t.deepest(keys(path), e -> true, out);
  }

  @Test
  void deepestRootWinsWhateverTheInsertionOrder() {
    for (boolean shallowFirst : new boolean[] {true, false}) {
      ComponentTrie<String> t = new ComponentTrie<>(false);
      if (shallowFirst) {
        t.add(keys("/mnt/projects"), "projects");
        t.add(keys("/mnt/projects/vfx"), "vfx");
      } else {
        t.add(keys("/mnt/projects/vfx"), "vfx");
        t.add(keys("/mnt/projects"), "projects");
      }
      List<String> out = new ArrayList<>();
      assertThat(deepest(t, "/mnt/projects/vfx/sh010/a.exr", out)).isEqualTo(4);
      assertThat(out).containsExactly("vfx");
      out.clear();
      assertThat(deepest(t, "/mnt/projects/vfx2/a.exr", out)).isEqualTo(3);
      assertThat(out).containsExactly("projects");
    }
  }

  @Test
  void matchesWholeComponentsOnly() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    t.add(keys("/mnt/proj"), "proj");
    List<String> out = new ArrayList<>();
    assertThat(deepest(t, "/mnt/projects/a", out)).isEqualTo(-1);
    assertThat(out).isEmpty();
    assertThat(deepest(t, "/mnt", out)).isEqualTo(-1);
    assertThat(deepest(t, "/mnt/proj", out)).isEqualTo(3);
    assertThat(out).containsExactly("proj");
  }

  @Test
  void filteredEntriesFallBackToAShallowerRoot() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    t.add(keys("/a"), "linux:a");
    t.add(keys("/a/b"), "mac:b");
    List<String> out = new ArrayList<>();
    assertThat(t.deepest(keys("/a/b/c"), e -> e.startsWith("linux"), out)).isEqualTo(2);
    assertThat(out).containsExactly("linux:a");
  }

  @Test
  void onlyAcceptedEntriesOfTheDeepestNodeAreReturned() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    t.add(keys("/a"), "linux:1");
    t.add(keys("/a"), "mac:2");
    t.add(keys("/a"), "linux:3");
    List<String> out = new ArrayList<>();
    assertThat(t.deepest(keys("/a/x"), e -> e.startsWith("linux"), out)).isEqualTo(2);
    assertThat(out).containsExactly("linux:1", "linux:3");
  }

  @Test
  void insensitiveTrieFoldsBothSidesNtfsStyle() {
    ComponentTrie<String> t = new ComponentTrie<>(true);
    t.add(List.of("I:", "\u0130zmir"), "izmir");
    t.add(List.of("S:", "Shots"), "shots");
    List<String> out = new ArrayList<>();
    assertThat(t.deepest(List.of("s:", "SHOTS", "a"), e -> true, out)).isEqualTo(2);
    assertThat(out).containsExactly("shots");
    out.clear();
    assertThat(t.deepest(List.of("i:", "\u0130ZMIR"), e -> true, out)).isEqualTo(2);
    out.clear();
    // The fold of 'i' is 'I', never '\u0130'.
    assertThat(t.deepest(List.of("I:", "\u0130ZM\u0130R"), e -> true, out)).isEqualTo(-1);
    assertThat(t.deepest(List.of("I:", "izmir"), e -> true, out)).isEqualTo(-1);
    assertThat(out).isEmpty();
  }

  @Test
  void sensitiveTrieComparesExactly() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    t.add(keys("/storage"), "storage");
    List<String> out = new ArrayList<>();
    assertThat(deepest(t, "/Storage/a", out)).isEqualTo(-1);
    assertThat(deepest(t, "/storage/a", out)).isEqualTo(2);
  }

  @Test
  void emptyTrieAndEmptyInput() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    List<String> out = new ArrayList<>();
    assertThat(deepest(t, "/a", out)).isEqualTo(-1);
    t.add(keys("/a"), "a");
    assertThat(t.deepest(List.of(), e -> true, out)).isEqualTo(-1);
    assertThat(out).isEmpty();
  }
}
