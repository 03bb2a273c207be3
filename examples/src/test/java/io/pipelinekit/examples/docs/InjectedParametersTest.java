package io.pipelinekit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.junit.FakeAccsynTest;
import io.pipelinekit.testkit.accsyn.junit.SiteDir;
import io.pipelinekit.testkit.accsyn.junit.User;
import io.pipelinekit.testkit.accsyn.junit.UserDir;
import io.pipelinekit.testkit.accsyn.junit.VolumeDir;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@FakeAccsynTest(seed = "studio.json") // perClass = true, deterministic = true are optional
class InjectedParametersTest {
  @Test
  void everythingATestCanAskFor(
      FakeAccsyn fake,
      Credentials admin,
      URI baseUrl,
      @User("vic@vendor.com") Credentials vic,
      @SiteDir("la") Path la,
      @VolumeDir(site = "hq", volume = "storage") Path storage,
      @UserDir(value = "anna@studio.com", path = "S:") Path annasSDrive) {
    assertThat(baseUrl).isEqualTo(fake.baseUrl());
    assertThat(admin.username()).isEqualTo("admin@studio.com");
    assertThat(vic.username()).isEqualTo("vic@vendor.com");
    assertThat(la).isEqualTo(fake.siteDir("la"));
    assertThat(storage).isEqualTo(fake.volumeDir("hq", "storage"));
    assertThat(annasSDrive).isEqualTo(fake.localPath("anna@studio.com", "S:"));
  }
}
