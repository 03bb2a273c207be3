package io.pipelinekit.accsyn.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.accsyn.party.AccsynPath;
import io.pipelinekit.accsyn.party.Party;
import io.pipelinekit.accsyn.typed.Wire;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** workspace/file operations. */
class FilesWireTest {
  final Wire wire = new Wire();
  final Files files = Files.of(wire.client);

  @AfterEach
  void close() {
    wire.close();
  }

  @Test
  void lsWithEveryOption() {
    wire.ok(
        "[{\"type\": 0, \"filename\": \"sh010\", \"size\": 5000000000,"
            + " \"modified\": \"2026-11-23T00:16:26\", \"files\": [{\"type\": 1, \"filename\":"
            + " \"a.exr\", \"size\": 4096, \"modified\": \"2026-11-23T01:00:00+01:00\"}]}]");
    List<FileEntry> entries =
        files.ls(
            AccsynPath.share("proj"),
            LsOptions.builder()
                .recursive(true)
                .maxDepth(2)
                .sizes(true)
                .filesOnly(true)
                .addInclude("*.exr")
                .addExclude("re('Icon\\r')")
                .build());
    FileEntry dir = entries.get(0);
    assertThat(dir.isDirectory()).isTrue();
    assertThat(dir.size()).hasValue(5_000_000_000L);
    assertThat(dir.children())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("a.exr");
              assertThat(c.isDirectory()).isFalse();
              assertThat(c.modified()).contains(Instant.parse("2026-11-23T00:00:00Z"));
            });
    wire.next()
        .is(
            "GET",
            "workspace/file",
            "{\"op\": \"ls\", \"path\": \"share=proj\", \"download\": true, \"recursive\": true,"
                + " \"getsize\": true, \"maxdepth\": 2, \"files_only\": true,"
                + " \"include\": [\"*.exr\"], \"exclude\": [\"re('Icon\\\\r')\"]}");
  }

  @Test
  void plainLsAndDeliveryListing() {
    wire.ok("[]").ok("[]");
    files.ls(AccsynPath.share("proj", "sh010").at(Party.site("la")));
    files.ls(AccsynPath.delivery("614d660de50d45bb027c9bdd"));
    wire.next()
        .is(
            "GET",
            "workspace/file",
            "{\"op\": \"ls\", \"path\": \"site=la:share=proj/sh010\", \"download\": true,"
                + " \"recursive\": false, \"getsize\": false}");
    wire.next()
        .data()
        .string("path")
        .ifPresent(p -> assertThat(p).isEqualTo("delivery=614d660de50d45bb027c9bdd"));
  }

  @Test
  void existsSizeMkdirRenameMoveDelete() {
    wire.ok("true").ok("123456789012").ok("true").ok("true").ok("true").ok("true");
    AccsynPath a = AccsynPath.share("proj", "sh010", "a.exr");
    assertThat(files.exists(a)).isTrue();
    assertThat(files.size(AccsynPath.share("proj"), List.of("*.exr"), List.of()))
        .isEqualTo(123456789012L);
    files.mkdir(AccsynPath.folder("theproject", "review"));
    files.rename(a, "b.exr");
    files.move(a, AccsynPath.share("proj", "sh020").intoFolder());
    files.delete(AccsynPath.share("proj", "old"), true);
    wire.next()
        .is("GET", "workspace/file", "{\"op\": \"exists\", \"path\": \"share=proj/sh010/a.exr\"}");
    wire.next()
        .is(
            "GET",
            "workspace/file",
            "{\"op\": \"getsize\", \"path\": \"share=proj\", \"include\": [\"*.exr\"]}");
    wire.next()
        .is(
            "POST",
            "workspace/file",
            "{\"op\": \"mkdir\", \"path\": \"folder=theproject/review\"}");
    wire.next()
        .is(
            "PUT",
            "workspace/file",
            "{\"op\": \"rename\", \"path\": \"share=proj/sh010/a.exr\","
                + " \"path_to\": \"share=proj/sh010/b.exr\"}");
    wire.next()
        .is(
            "PUT",
            "workspace/file",
            "{\"op\": \"move\", \"path\": \"share=proj/sh010/a.exr\", \"path_to\": \"share=proj/sh020/\"}");
    wire.next()
        .is(
            "POST",
            "workspace/file",
            "{\"op\": \"delete\", \"path\": \"share=proj/old\", \"force\": true}");
  }

  @Test
  void batchedFormsSendAListAndMapTheAnswers() {
    AccsynPath a = AccsynPath.share("p", "a");
    AccsynPath b = AccsynPath.share("p", "b");
    wire.ok(
        "[{\"path\": \"share=p/b\", \"result\": false}, {\"path\": \"share=p/a\", \"result\": true}]");
    wire.ok("[{\"path\": \"share=p/a\", \"result\": true}]").ok("true");
    Map<AccsynPath, Boolean> exist = files.exists(List.of(a, b));
    assertThat(exist).containsExactly(Map.entry(a, true), Map.entry(b, false));
    files.mkdirs(List.of(a));
    files.delete(List.of(a, b), false);
    wire.next()
        .is(
            "GET",
            "workspace/file",
            "{\"op\": \"exists\", \"path\": [\"share=p/a\", \"share=p/b\"]}");
    wire.next().is("POST", "workspace/file", "{\"op\": \"mkdir\", \"path\": [\"share=p/a\"]}");
    wire.next()
        .is(
            "POST",
            "workspace/file",
            "{\"op\": \"delete\", \"path\": [\"share=p/a\", \"share=p/b\"], \"force\": false}");
  }

  @Test
  void rejectsWhatCannotWork() {
    assertThatThrownBy(() -> files.rename(AccsynPath.share("p", "a"), "x/y"))
        .hasMessageContaining("move()");
    assertThatThrownBy(() -> files.exists(AccsynPath.mirror(Party.site("la"))))
        .hasMessageContaining("needs a path");
    assertThatThrownBy(() -> LsOptions.builder().filesOnly(true).directoriesOnly(true).build())
        .hasMessageContaining("exclude each other");
  }
}
