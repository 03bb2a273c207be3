package io.pipelinekit.testkit.accsyn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link FakeAccsynTest} with a JSON seed: a fresh fake per test, parameters injected. */
@FakeAccsynTest(seed = "studio.json")
class AnnotationDrivenTest {
  private static final List<FakeAccsyn> SEEN = new CopyOnWriteArrayList<>();

  @AfterAll
  static void everyFakeWasClosedAndItsRootDeleted() {
    assertThat(SEEN).hasSize(3).doesNotHaveDuplicates();
    for (FakeAccsyn f : SEEN) {
      assertThat(f.root()).doesNotExist();
    }
  }

  @Test
  void firstTestSeesAFreshFake(
      FakeAccsyn fake, @VolumeDir(site = "hq", volume = "storage") Path storage) throws Exception {
    SEEN.add(fake);
    assertThat(storage.resolve("left-by-first.txt")).doesNotExist();
    Files.writeString(storage.resolve("left-by-first.txt"), "x");
    assertThat(fake.state().entities("transfer")).isEmpty();
  }

  @Test
  void secondTestSeesAFreshFakeToo(
      FakeAccsyn fake, @VolumeDir(site = "hq", volume = "storage") Path storage) {
    SEEN.add(fake);
    assertThat(storage.resolve("left-by-first.txt")).doesNotExist();
  }

  @Test
  void seedIsApplied(
      FakeAccsyn fake,
      Credentials admin,
      @User("anna@studio.com") Credentials anna,
      URI url,
      @SiteDir("la") Path la,
      @VolumeDir(site = "la", volume = "proxy") Path proxyAtLa,
      @UserDir(value = "anna@studio.com", path = "S:") Path annaS,
      @UserDir("vic@vendor.com") Path vicMachine) {
    SEEN.add(fake);
    assertThat(admin.apiKey()).isEqualTo("ADMINKEY");
    assertThat(anna.apiKey()).isEqualTo("ANNAKEY");
    assertThat(anna.baseUrl()).isEqualTo(url).isEqualTo(fake.baseUrl());
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(proxyAtLa).isDirectory().startsWith(la);
    assertThat(fake.siteDir("hq").resolve("proxy")).doesNotExist();
    assertThat(annaS).isDirectory().endsWith(Path.of("anna-ws", "S"));
    assertThat(vicMachine.resolve("Users/vic/mirror")).isDirectory();
    assertThat(fake.state().entities("queue")).extracting(q -> q.get("name")).contains("Urgent");
    assertThat(fake.state().entities("home"))
        .extracting(h -> h.get("code"))
        .containsExactly("anna@studio.com");
    assertThat(fake.state().settings()).containsEntry("transfer_speedlimit", "0");
  }
}
