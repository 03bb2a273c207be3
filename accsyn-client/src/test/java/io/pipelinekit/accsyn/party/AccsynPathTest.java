package io.pipelinekit.accsyn.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.paths.ShareKind;
import io.pipelinekit.paths.SharePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path kinds, combined notation, trailing-slash rule. */
class AccsynPathTest {

  @Test
  void shareNotationForEveryKind() {
    assertThat(AccsynPath.share("projects", "ref.tif").toString())
        .isEqualTo("share=projects/ref.tif");
    assertThat(AccsynPath.volume("projects", "ref.tif").toString())
        .isEqualTo("volume=projects/ref.tif");
    assertThat(AccsynPath.defaultVolume("x").toString()).isEqualTo("volume=(default)/x");
    assertThat(AccsynPath.folder("theproject", "review").toString())
        .isEqualTo("folder=theproject/review");
    assertThat(AccsynPath.homeOf("anna@studio.com", "in").toString())
        .isEqualTo("home=anna@studio.com/in");
    assertThat(AccsynPath.collection("refs").toString()).isEqualTo("collection=refs");
    assertThat(AccsynPath.share("projects").sharePath().orElseThrow().kind())
        .isEqualTo(ShareKind.SHARE);
  }

  @Test
  void combinedNotationPutsThePartyFirst() {
    assertThat(AccsynPath.share("render", "got").at(Party.site("cloud")).toString())
        .isEqualTo("site=cloud:share=render/got");
    assertThat(
            AccsynPath.share("thefilm", "_FROM")
                .at(Party.client("5d84a31ace1bf9913a17cc20"))
                .toString())
        .isEqualTo("client=5d84a31ace1bf9913a17cc20:share=thefilm/_FROM");
    assertThat(
            AccsynPath.absolute("P:/proj/a.mov")
                .at(Party.client("5d84a31ace1bf9913a17cc20"))
                .toString())
        .isEqualTo("client=5d84a31ace1bf9913a17cc20:P:/proj/a.mov");
  }

  @Test
  void trailingSlashRuleForDestinations() {
    AccsynPath into =
        AccsynPath.share("thefilm", "_FROM_THECOMPANY")
            .at(Party.user("emma@compers.com"))
            .intoFolder();
    assertThat(into.toString()).isEqualTo("emma@compers.com:share=thefilm/_FROM_THECOMPANY/");
    assertThat(into.isFolder()).isTrue();
    assertThat(into.asTarget().toString())
        .isEqualTo("emma@compers.com:share=thefilm/_FROM_THECOMPANY");
    // Without the slash the last element is the target name.
    assertThat(AccsynPath.absolute("/Volumes/nas/TEMP").toString()).isEqualTo("/Volumes/nas/TEMP");
    assertThat(AccsynPath.absolute("/Volumes/nas/TEMP").intoFolder().toString())
        .isEqualTo("/Volumes/nas/TEMP/");
    assertThat(AccsynPath.absolute("D:\\in").intoFolder().toString()).isEqualTo("D:\\in\\");
    assertThat(AccsynPath.relative("racing2019_grade").intoFolder().toString())
        .isEqualTo("racing2019_grade/");
    // A share root is always a folder; it stays as written.
    assertThat(AccsynPath.share("x").intoFolder().toString()).isEqualTo("share=x");
  }

  @Test
  void mirrorAndPlaceholderForms() {
    assertThat(AccsynPath.mirror(Party.site("la")).toString()).isEqualTo("site=la");
    assertThat(AccsynPath.mirror(Party.user("emma@x.com")).toString()).isEqualTo("emma@x.com");
    assertThat(AccsynPath.placeholder(Party.site("cloud")).toString()).isEqualTo("site=cloud:null");
    assertThatThrownBy(() -> AccsynPath.mirror(Party.workspace()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("omit the destination");
  }

  @Test
  void homeRelativeAbsoluteAndDelivery() {
    assertThat(AccsynPath.home().toString()).isEqualTo("~");
    assertThat(AccsynPath.home("sub").toString()).isEqualTo("~/sub");
    assertThat(AccsynPath.relative("myproject/ref.jpg").kind()).isEqualTo(AccsynPath.Kind.RELATIVE);
    assertThat(AccsynPath.absolute("\\\\192.168.0.1\\assets\\x").kind())
        .isEqualTo(AccsynPath.Kind.ABSOLUTE);
    assertThat(AccsynPath.delivery("5d84a31ace1bf9913a17cc20").toString())
        .isEqualTo("delivery=5d84a31ace1bf9913a17cc20");
    assertThatThrownBy(() -> AccsynPath.relative("/abs"))
        .hasMessageContaining("not a bare relative");
    assertThatThrownBy(() -> AccsynPath.relative("share=x/y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccsynPath.absolute("rel/x")).hasMessageContaining("not an absolute");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "share=projects/ref.tif|SHARE|WORKSPACE",
        "site=cloud:share=render/got/|SHARE|SITE",
        "client=5d84a31ace1bf9913a17cc20:share=thefilm/x|SHARE|CLIENT",
        "emma@compers.com:share=thefilm/_FROM/|SHARE|USER",
        "emma@compers.com@ws01:~/inbox|HOME|USER_AT_HOST",
        "client=5d84a31ace1bf9913a17cc20:P:/proj/sq010/comp.mov|ABSOLUTE|CLIENT",
        "C:\\Users\\john\\x.png|ABSOLUTE|WORKSPACE",
        "/Volumes/projects/ref.tif|ABSOLUTE|WORKSPACE",
        "myproject/ref.jpg|RELATIVE|WORKSPACE",
        "acme:share=projects/x|SHARE|WORKSPACE",
        "site=cloud:null|PLACEHOLDER|SITE",
        "site=hq|MIRROR|SITE",
        "emma@compers.com|MIRROR|USER",
        "delivery=5d84a31ace1bf9913a17cc20|DELIVERY|WORKSPACE",
        "volume=(default)/x|SHARE|WORKSPACE",
        "myproj/images/movie.%04d.jpg[100-167]|RELATIVE|WORKSPACE",
        "~|HOME|WORKSPACE"
      })
  void parsesTheSpecExamples(String text, AccsynPath.Kind kind, Party.Kind party) {
    AccsynPath p = AccsynPath.parse(text);
    assertThat(p.kind()).isEqualTo(kind);
    assertThat(p.party().kind()).isEqualTo(party);
    assertThat(p.toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"share=a/b/", "~/in/", "/mnt/x/", "rel/dir/"})
  void folderTargetsSurviveParsing(String text) {
    assertThat(AccsynPath.parse(text).isFolder()).isTrue();
    assertThat(AccsynPath.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void buildsOnSharePath() {
    SharePath sp = SharePath.parse("site=la:share=storage/shots/");
    AccsynPath p = AccsynPath.of(sp);
    assertThat(p.party()).isEqualTo(Party.site("la"));
    assertThat(p.sharePath()).contains(SharePath.parse("share=storage/shots/"));
    assertThat(p.toString()).isEqualTo("site=la:share=storage/shots/");
    assertThat(p.components()).containsExactly("shots");
  }

  @Test
  void resolveAddsAComponentWithThePathsSeparator() {
    assertThat(AccsynPath.share("p", "a").resolve("b.exr").toString()).isEqualTo("share=p/a/b.exr");
    assertThat(AccsynPath.absolute("P:\\proj").resolve("x").toString()).isEqualTo("P:\\proj\\x");
    assertThat(AccsynPath.absolute("/mnt/x/").resolve("y").toString()).isEqualTo("/mnt/x/y");
    assertThatThrownBy(() -> AccsynPath.mirror(Party.site("la")).resolve("x"))
        .isInstanceOf(IllegalStateException.class);
  }
}
