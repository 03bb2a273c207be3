package io.pipelinekit.testkit.accsyn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import io.pipelinekit.testkit.accsyn.Os;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A per-class fake from a code fixture, with the client seam. */
class RegisteredExtensionTest {
  /** Stands in for the future accsyn client: built from credentials, closed after each test. */
  static final class StubClient implements AutoCloseable {
    static final AtomicInteger OPEN = new AtomicInteger();
    final Credentials credentials;

    StubClient(Credentials credentials) {
      this.credentials = credentials;
      OPEN.incrementAndGet();
    }

    @Override
    public void close() {
      OPEN.decrementAndGet();
    }
  }

  @RegisterExtension
  static final FakeAccsynExtension ACCSYN =
      FakeAccsynExtension.withFixture(
              b ->
                  b.workspace("acme")
                      .site("hq")
                      .site("la", Os.WINDOWS)
                      .employee("anna@studio.com", u -> u.app("ws1", Os.LINUX)))
          .perClass()
          .withClient(StubClient.class, StubClient::new);

  private static final Set<Integer> PORTS = new HashSet<>();

  @RepeatedTest(2)
  void oneFakeForTheClass(FakeAccsyn fake) {
    PORTS.add(fake.port());
    assertThat(ACCSYN.fake()).isSameAs(fake);
    assertThat(fake.workspace()).isEqualTo("acme");
  }

  @Test
  void clientSeamBuildsClientsFromCredentials(
      @User("anna@studio.com") StubClient anna, StubClient admin) {
    assertThat(anna.credentials.username()).isEqualTo("anna@studio.com");
    assertThat(admin.credentials.username()).isEqualTo("admin@studio.com");
    assertThat(StubClient.OPEN.get()).isEqualTo(2);
  }

  @AfterAll
  static void sharedAndClosed() {
    assertThat(PORTS).hasSizeLessThanOrEqualTo(1);
    assertThat(StubClient.OPEN.get()).isZero();
  }
}
