package io.pipelinekit.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.accsyn.AccsynClient;
import io.pipelinekit.accsyn.Query;
import io.pipelinekit.testkit.accsyn.junit.FakeAccsynExtension;
import io.pipelinekit.testkit.accsyn.junit.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionInCodeTest {
  @RegisterExtension
  static final FakeAccsynExtension ACCSYN =
      FakeAccsynExtension.withFixture(b -> b.site("hq").site("la").employee("anna@studio.com"))
          .perClass() // one fake for the class
          .withClient( // any client type; closed after each test if AutoCloseable
              AccsynClient.class,
              c ->
                  AccsynClient.builder()
                      .endpoint(c.baseUrl())
                      .workspace(c.workspace())
                      .username(c.username())
                      .apiKey(c.apiKey())
                      .build());

  @Test
  void annaSeesTheSites(@User("anna@studio.com") AccsynClient anna) {
    assertThat(anna.find(Query.of("site"))).hasSize(2);
    assertThat(ACCSYN.fake().state().entities("site")).hasSize(2);
  }
}
