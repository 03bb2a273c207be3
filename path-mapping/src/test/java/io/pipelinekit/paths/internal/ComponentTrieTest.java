package io.pipelinekit.paths.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentTrieTest {

  private static <E> ComponentTrie<E> frozen(ComponentTrie<E> t) {
    t.freeze();
    return t;
  }

  private static List<String> keys(String path) {
    return List.of(path.split("/"));
  }

  private static String[] array(String path) {
    return path.split("/");
  }

  /** Freezes (idempotent) and looks up, as the table does after building. */
  private static int deepest(ComponentTrie<String> t, String path, List<String> out) {
    t.freeze();
    return t.deepest(array(path), e -> true, out);
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
    assertThat(frozen(t).deepest(array("/a/b/c"), e -> e.startsWith("linux"), out)).isEqualTo(2);
    assertThat(out).containsExactly("linux:a");
  }

  @Test
  void onlyAcceptedEntriesOfTheDeepestNodeAreReturned() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    t.add(keys("/a"), "linux:1");
    t.add(keys("/a"), "mac:2");
    t.add(keys("/a"), "linux:3");
    List<String> out = new ArrayList<>();
    assertThat(frozen(t).deepest(array("/a/x"), e -> e.startsWith("linux"), out)).isEqualTo(2);
    assertThat(out).containsExactly("linux:1", "linux:3");
  }

  @Test
  void insensitiveTrieFoldsBothSidesNtfsStyle() {
    ComponentTrie<String> t = new ComponentTrie<>(true);
    t.add(List.of("I:", "\u0130zmir"), "izmir");
    t.add(List.of("S:", "Shots"), "shots");
    List<String> out = new ArrayList<>();
    assertThat(frozen(t).deepest(new String[] {"s:", "SHOTS", "a"}, e -> true, out)).isEqualTo(2);
    assertThat(out).containsExactly("shots");
    out.clear();
    assertThat(frozen(t).deepest(new String[] {"i:", "\u0130ZMIR"}, e -> true, out)).isEqualTo(2);
    out.clear();
    // The fold of 'i' is 'I', never '\u0130'.
    assertThat(frozen(t).deepest(new String[] {"I:", "\u0130ZM\u0130R"}, e -> true, out))
        .isEqualTo(-1);
    assertThat(frozen(t).deepest(new String[] {"I:", "izmir"}, e -> true, out)).isEqualTo(-1);
    assertThat(out).isEmpty();
  }

  @Test
  void addingAfterFreezingIsAProgrammingError() {
    ComponentTrie<String> t = new ComponentTrie<>(false);
    t.add(keys("/a"), "a");
    t.freeze();
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> t.add(keys("/b"), "b"));
  }

  @Test
  void rangeProbesFindChildrenWithoutSubstrings() {
    ComponentTrie<String> t = new ComponentTrie<>(true);
    t.add(List.of("/", "Volumes", "Storage"), "storage");
    t.add(List.of("/", "\uD801\uDC00x"), "deseret"); // U+10400, an upper-case letter
    t.freeze();
    String text = "/volumes/STORAGE/a.exr";
    ComponentTrie.Node<String> n = t.child(t.top(), "/", 0, 1);
    n = t.child(n, text, 1, 8);
    n = t.child(n, text, 9, 16);
    assertThat(n).isNotNull();
    assertThat(n.entries()).containsExactly("storage");
    assertThat(t.child(t.child(t.top(), "/", 0, 1), text, 1, 7)).isNull(); // "volume"
    // A supplementary lower-case letter folds by code point, as the keys were folded.
    String lower = "/\uD801\uDC28x"; // U+10428 folds to U+10400
    ComponentTrie.Node<String> d = t.child(t.child(t.top(), "/", 0, 1), lower, 1, 4);
    assertThat(d).isNotNull();
    assertThat(d.entries()).containsExactly("deseret");
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
    assertThat(new ComponentTrie<String>(false).deepest(array("/a"), e -> true, out)).isEqualTo(-1);
    t.add(keys("/a"), "a");
    assertThat(frozen(t).deepest(new String[] {}, e -> true, out)).isEqualTo(-1);
    assertThat(out).isEmpty();
  }
}
