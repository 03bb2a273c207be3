package io.pipelinekit.testkit.accsyn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelinekit.testkit.accsyn.internal.state.Dirs;
import io.pipelinekit.testkit.accsyn.internal.transfer.Party;
import io.pipelinekit.testkit.accsyn.internal.transfer.Sequences;
import io.pipelinekit.testkit.accsyn.internal.wire.BasicAuth;
import io.pipelinekit.testkit.accsyn.internal.wire.EventDecoder;
import io.pipelinekit.testkit.accsyn.internal.wire.PyQuoting;
import io.pipelinekit.testkit.accsyn.internal.wire.WireEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small units of the wire codec and path handling. */
class WireAndPathUnitsTest {

  @Test
  void unquoteKeepsPlusAndMalformedEscapesLikePython() {
    assertThat(PyQuoting.unquote("a%20b+c%2Bd")).isEqualTo("a b+c+d");
    assertThat(PyQuoting.unquote("100%")).isEqualTo("100%");
    assertThat(PyQuoting.unquote("%zz%4")).isEqualTo("%zz%4");
    assertThat(PyQuoting.unquote("J%C3%B6nsson")).isEqualTo("Jönsson");
    assertThat(PyQuoting.quote("{\"uri\": \"transfer/find\"}"))
        .isEqualTo("%7B%22uri%22%3A%20%22transfer/find%22%7D");
    assertThat(PyQuoting.unquote(PyQuoting.quote("ö + ✓ /~"))).isEqualTo("ö + ✓ /~");
  }

  @Test
  void basicAuthIsAccsynsOwnScheme() {
    BasicAuth a = BasicAuth.parse("basic am9obkB1c2VyLmNvbQ==:U0VDUkVUS0VZ");
    assertThat(a.username()).isEqualTo("john@user.com");
    assertThat(a.apiKey()).isEqualTo("SECRETKEY");
    assertThat(a.toString()).doesNotContain("SECRETKEY");
    assertThat(BasicAuth.parse("BASIC am9obkB1c2VyLmNvbQ==:U0VDUkVUS0VZ").username())
        .isEqualTo("john@user.com");
    for (String bad :
        new String[] {"", "Bearer x", "basic am9obkB1c2VyLmNvbQ==", "basic !!:??", "basic :x"}) {
      assertThatThrownBy(() -> BasicAuth.parse(bad)).isInstanceOf(AccsynError.class);
    }
    assertThatThrownBy(() -> BasicAuth.parse(null)).hasMessageContaining("no Authorization header");
  }

  @Test
  void eventDecoderReadsQueryStringsBodiesAndGzData() {
    WireEvent get =
        EventDecoder.decode(
            "GET",
            "%7B%22uri%22%3A%20%22User/find%22%2C%20%22query%22%3A%20%22a%3Db%22%2C%20%22data%22%3A%20null%7D",
            new byte[0]);
    assertThat(get.uri()).isEqualTo("User/find");
    assertThat(get.query()).contains("a=b");
    assertThat(get.data()).isNull();
    assertThat(get.dataMap()).isEmpty();
    WireEvent put =
        EventDecoder.decode(
            "PUT",
            null,
            "{\"uri\": \"task/edit\", \"id\": \"x\", \"data\": [{\"uri\": \"2\"}]}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(put.data()).isInstanceOf(List.class);
    assertThat(put.id()).contains("x");
    assertThatThrownBy(() -> EventDecoder.decode("POST", null, new byte[0]))
        .hasMessageContaining("request body");
    assertThatThrownBy(() -> EventDecoder.decode("GET", null, new byte[0]))
        .hasMessageContaining("query string");
    assertThatThrownBy(() -> EventDecoder.decode("PATCH", null, new byte[1]))
        .hasMessageContaining("Unsupported HTTP method");
    assertThatThrownBy(
            () ->
                EventDecoder.decode(
                    "POST", null, "{\"data\": {}}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("Event is missing 'uri'!");
    assertThatThrownBy(
            () ->
                EventDecoder.decode(
                    "POST",
                    null,
                    "{\"uri\": \"x\", \"gz_data\": \"aGVsbG8=\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Could not decompress 'gz_data'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "share=storage/a.mov | none | - | - | share=storage/a.mov",
        "site=la | site | la | - | -",
        "site=la:share=storage/x | site | la | - | share=storage/x",
        "site=cloud:null | site | cloud | - | -",
        "emma@vendor.com | user | emma@vendor.com | - | -",
        "Emma@Vendor.com:share=thefilm/_FROM/ | user | emma@vendor.com | - | share=thefilm/_FROM/",
        "emma@vendor.com@ws01:C:\\out\\x.exr | user | emma@vendor.com | ws01 | C:\\out\\x.exr",
        "client=0123456789abcdef01234567:share=x | client | 0123456789abcdef01234567 | - | share=x",
        "C:\\Users\\anna\\x.exr | none | - | - | C:\\Users\\anna\\x.exr",
        "studio:share=storage/y | workspace | studio | - | share=storage/y",
        "studio | workspace | studio | - | -",
        "/mnt/storage/proj/a@b.exr | none | - | - | /mnt/storage/proj/a@b.exr",
      })
  void partiesAreParsed(String raw, String kind, String ident, String host, String path) {
    Party p = Party.parse(raw, "studio");
    assertThat(p.kind()).isEqualTo(kind);
    assertThat(p.ident()).isEqualTo(ident);
    assertThat(p.host()).isEqualTo(host);
    assertThat(p.path()).isEqualTo(path);
  }

  @Test
  void trailingSlashMeansInside() {
    assertThat(Party.parse("proj/x/", "s").trailingSlash()).isTrue();
    assertThat(Party.parse("C:\\x\\", "s").trailingSlash()).isTrue();
    assertThat(Party.parse("proj/TEMP", "s").trailingSlash()).isFalse();
  }

  @Test
  void sequencesAreRecognised() {
    Sequences.Sequence s = Sequences.parse("comp.%04d.exr[1001-1003]").orElseThrow();
    assertThat(s.frames()).containsExactly(1001L, 1002L, 1003L);
    assertThat(s.name(1002)).isEqualTo("comp.1002.exr");
    Sequences.Sequence hashes = Sequences.parse("plate.####.dpx").orElseThrow();
    assertThat(hashes.frames()).isEmpty();
    assertThat(hashes.matcher().matcher("plate.0042.dpx").matches()).isTrue();
    assertThat(hashes.matcher().matcher("plate.42.dpx").matches()).isFalse();
    assertThat(Sequences.parse("movie.%d.jpg[100-167]").orElseThrow().name(100))
        .isEqualTo("movie.100.jpg");
    assertThat(Sequences.parse("plain.mov")).isEmpty();
    assertThat(Sequences.parse("bad.%04d.exr[9-1]")).isEmpty();
  }

  @Test
  void localPathsBecomeDirectoriesBelowTheMachineRoot() {
    Path root = Path.of("/r");
    assertThat(Dirs.local(root, "C:\\Users\\anna\\x.exr"))
        .isEqualTo(Path.of("/r/C/Users/anna/x.exr"));
    assertThat(Dirs.local(root, "\\\\srv\\share\\x")).isEqualTo(Path.of("/r/srv/share/x"));
    assertThat(Dirs.local(root, "/Users/vic/mirror/")).isEqualTo(Path.of("/r/Users/vic/mirror"));
    assertThat(Dirs.local(root, "S:")).isEqualTo(Path.of("/r/S"));
    assertThatThrownBy(() -> Dirs.local(root, "/a/../../etc"))
        .hasMessageContaining("must not contain '..'");
    assertThat(Dirs.isAbsolute("proj/x")).isFalse();
    assertThat(Dirs.isAbsolute("D:x")).isTrue();
  }
}
