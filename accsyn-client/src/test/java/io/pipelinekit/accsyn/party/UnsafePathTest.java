package io.pipelinekit.accsyn.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.paths.SharePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths and parties that would climb out of where they point are refused when they are built, so
 * nothing that holds one can ever be sent.
 */
class UnsafePathTest {

  private static void refused(Executable build, String input) {
    assertThatThrownBy(build::execute)
        .isInstanceOf(UnsafePathException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'")
        .hasMessageContaining(input)
        .satisfies(e -> assertThat(((UnsafePathException) e).input()).isEqualTo(input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "share=projects/../../etc/passwd",
        "share=projects/sh010\\..\\..\\x",
        "volume=(default)/..",
        "site=la:share=render/a/../../b/",
        "home=anna@studio.com/../bob@studio.com/x",
        "/Volumes/projects/../../etc",
        "P:\\proj\\..\\..\\x",
        "\\\\fs01\\assets\\..\\x",
        "../x",
        "proj/..",
        "~/../other",
        "client=5d84a31ace1bf9913a17cc20:/Users/anna/../../etc",
        "../../x@evil.com:share=x",
        "share=.."
      })
  void parsedPathsWithDotDotAreRefused(String text) {
    refused(() -> AccsynPath.parse(text), text);
  }

  @Test
  void factoriesRefuseDotDotComponents() {
    refused(() -> AccsynPath.share("projects", "sh010", "..", "x"), "share=projects/sh010/../x");
    refused(() -> AccsynPath.volume("projects", ".."), "volume=projects/..");
    refused(() -> AccsynPath.defaultVolume("..", "x"), "volume=(default)/../x");
    refused(() -> AccsynPath.folder("review", ".."), "folder=review/..");
    refused(() -> AccsynPath.collection("refs", ".."), "collection=refs/..");
    refused(() -> AccsynPath.homeOf("anna@studio.com", ".."), "home=anna@studio.com/..");
    refused(() -> AccsynPath.home("in", ".."), "..");
    refused(() -> AccsynPath.absolute("/mnt/a/../b"), "/mnt/a/../b");
    refused(() -> AccsynPath.relative("a/../../b"), "a/../../b");
    refused(() -> AccsynPath.of(SharePath.parse("share=x/a/../..")), "share=x/a/../..");
    refused(() -> AccsynPath.share("x", "a").resolve(".."), "..");
    refused(() -> AccsynPath.absolute("/mnt/a").resolve(".."), "..");
    refused(() -> AccsynPath.share(".."), "..");
    refused(() -> AccsynPath.delivery(".."), "..");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../../x@evil.com", "..@evil.com", "x@..", "a..b@evil.com", "x@evil..com"})
  void userEmailsWithDotDotAreRefused(String email) {
    refused(() -> Party.user(email), email);
    refused(() -> Party.userAt(email, "ws01"), email);
    refused(() -> Party.parse(email), email);
    refused(() -> AccsynPath.homeOf(email, "in"), email);
  }

  @Test
  void codesAndHostsThatAreDotSegmentsAreRefused() {
    refused(() -> Party.site(".."), "..");
    refused(() -> Party.workspace(".."), "..");
    refused(() -> Party.userAt("anna@studio.com", ".."), "..");
    refused(() -> Party.parse("site=.."), "..");
    refused(() -> Party.parse("anna@studio.com@.."), "..");
  }

  @Test
  void ordinaryNamesWithDotsStillWork() {
    assertThat(AccsynPath.share("projects", "sh010", "a..b.exr", ".hidden", "v1.").toString())
        .isEqualTo("share=projects/sh010/a..b.exr/.hidden/v1.");
    assertThat(AccsynPath.parse("/mnt/a/./b/...").toString()).isEqualTo("/mnt/a/./b/...");
    assertThat(Party.user("anna.lee@studio.co.uk").toString()).isEqualTo("anna.lee@studio.co.uk");
    assertThat(Party.parse("site=la.2").toString()).isEqualTo("site=la.2");
  }
}
